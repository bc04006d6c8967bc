/** Dates and durations as an owner reads them, in the brand's time zone. Pure. */

import { englishTexts, type Texts } from "../../i18n/texts.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "just now", "5 min ago", "3 h ago", "2 days ago" (or as the locale says it). */
export function formatAgo(date: Date, now: Date, texts: Texts = englishTexts()): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE_MS) return texts.t("time-just-now");
  if (elapsed < HOUR_MS) return texts.t("time-minutes-ago", { count: Math.floor(elapsed / MINUTE_MS) });
  if (elapsed < DAY_MS) return texts.t("time-hours-ago", { count: Math.floor(elapsed / HOUR_MS) });
  return texts.t("time-days-ago", { count: Math.floor(elapsed / DAY_MS) });
}

/** "12 May 2026" in the time zone. */
export function formatLocalDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}

/** "14:05" in the time zone. */
export function formatLocalTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** "March 2026" for the month `date` falls in, in the time zone. */
export function formatLocalMonth(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, month: "long", year: "numeric" }).format(date);
}

/** Whole days from `now` until `date`, rounded down; negative when past. */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}
