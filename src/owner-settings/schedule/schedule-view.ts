import { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { upcomingSlots } from "../../publishing/posting-slots.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { formatSlotsFor } from "./day-words.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";
import type { ScheduleChange } from "../shared/settings-input.ts";
import { formatLocalTime } from "../shared/time-text.ts";

/** Posting times are shown as the owner types them, with day words in their language ("09:00 lun-vie"). */
export function renderSchedule(
  scope: BrandScope,
  now: Date,
  bestTimes?: readonly string[],
  texts: Texts = englishTexts(),
): string {
  const { brand } = scope;
  const { t } = texts;
  const next = upcomingSlots({ slots: brand.posting_slots, timeZone: brand.time_zone, after: now, count: 3 });
  const lines = [
    t("schedule-view", {
      slots: escapeHtml(formatSlotsFor(brand.posting_slots, texts)),
      zone: escapeHtml(brand.time_zone),
      localTime: formatLocalTime(now, brand.time_zone),
    }),
    next.length > 0
      ? t("schedule-next", {
          next: next
            .map((slot) =>
              escapeHtml(texts.slot(slot, brand.time_zone, now).replace(`, ${brand.time_zone}`, "")),
            )
            .join(" · "),
        })
      : t("schedule-no-slots"),
    "",
    t("schedule-hint", { examples: escapeHtml(t("schedule-examples")) }),
  ];
  if (bestTimes)
    lines.push("", t("schedule-best-times", { times: bestTimes.join(", "), count: bestTimes.length }));
  return withBrandHeading(scope, lines.join("\n"));
}

export function scheduleKeyboard(
  brandId: number,
  bestTimes?: readonly string[],
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(
    texts.t("settings-change-button"),
    settingsCallback.scheduleEdit(brandId),
  );
  if (bestTimes)
    keyboard
      .row()
      .text(
        texts.t("schedule-best-times-button", { times: bestTimes.join(", ") }),
        settingsCallback.scheduleBestTimes(brandId, bestTimes),
      );
  return keyboard;
}

export function renderScheduleChanged(
  scope: BrandScope,
  change: ScheduleChange,
  texts: Texts = englishTexts(),
): string {
  const parts: string[] = [];
  if (change.slots)
    parts.push(texts.t("schedule-slots-changed", { slots: escapeHtml(formatSlotsFor(change.slots, texts)) }));
  if (change.timeZone) parts.push(texts.t("schedule-zone-changed", { zone: escapeHtml(change.timeZone) }));
  parts.push(texts.t("schedule-queue-kept"));
  return withBrandHeading(scope, `✅ ${parts.join(" ")}`);
}
