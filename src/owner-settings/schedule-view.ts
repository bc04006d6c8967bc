import { InlineKeyboard } from "grammy";
import { formatSlotForOwner, formatSlots, upcomingSlots } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { settingsCallback } from "./settings-callbacks.ts";
import type { ScheduleChange } from "./settings-input.ts";
import { formatLocalTime } from "./time-text.ts";

export const SCHEDULE_EXAMPLES =
  "“09:00, 18:00 weekdays”, “Europe/Berlin”, or both: “9:00 mon-fri; 11:00 weekends America/New_York”";

export function renderSchedule(scope: BrandScope, now: Date, bestTimes?: readonly string[]): string {
  const { brand } = scope;
  const next = upcomingSlots({ slots: brand.posting_slots, timeZone: brand.time_zone, after: now, count: 3 });
  const lines = [
    `<b>Posting times</b>: ${escapeHtml(formatSlots(brand.posting_slots))}`,
    `<b>Time zone</b>: ${escapeHtml(brand.time_zone)} (${formatLocalTime(now, brand.time_zone)} there now)`,
    next.length > 0
      ? `Next slots: ${next.map((slot) => escapeHtml(formatSlotForOwner(slot, brand.time_zone, now).replace(`, ${brand.time_zone}`, ""))).join(" · ")}`
      : "No upcoming slots: nothing will be published until you add posting times.",
    "",
    `To change them tap Change, or send /schedule followed by times and/or a time zone, e.g. ${escapeHtml(SCHEDULE_EXAMPLES)}.`,
  ];
  if (bestTimes) {
    lines.push(
      "",
      `📈 The brand's posts drew the most views when they went out around ${bestTimes.join(", ")}. Tap the button to post every day at ${bestTimes.length === 1 ? "that time" : "those times"} instead.`,
    );
  }
  return withBrandHeading(scope, lines.join("\n"));
}

export function scheduleKeyboard(brandId: number, bestTimes?: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard().text("✏️ Change", settingsCallback.scheduleEdit(brandId));
  if (bestTimes)
    keyboard
      .row()
      .text(`📈 Use ${bestTimes.join(", ")}`, settingsCallback.scheduleBestTimes(brandId, bestTimes));
  return keyboard;
}

export function renderScheduleChanged(scope: BrandScope, change: ScheduleChange): string {
  const parts: string[] = [];
  if (change.slots) parts.push(`Posting times are now ${escapeHtml(formatSlots(change.slots))}.`);
  if (change.timeZone) parts.push(`Time zone is now ${escapeHtml(change.timeZone)}.`);
  parts.push("Posts already scheduled keep their times; move them with /queue.");
  return withBrandHeading(scope, `✅ ${parts.join(" ")}`);
}
