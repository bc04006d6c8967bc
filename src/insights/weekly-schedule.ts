/**
 * When the weekly report is due: Monday from 09:00 in the brand's time zone, keyed by the ISO week of that
 * Monday ("2026-W49"), so each brand's report has one key per week whichever instance gets there first. Pure.
 */

export const WEEKLY_REPORT_LOCAL_HOUR = 9;

/** The ISO week key when `now` is Monday at or after 09:00 in `timeZone`; undefined at any other time. */
export function weeklyReportDue(now: Date, timeZone: string): string | undefined {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      hourCycle: "h23",
      weekday: "short",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  if (parts.weekday !== "Mon" || Number(parts.hour) < WEEKLY_REPORT_LOCAL_HOUR) return undefined;
  return isoWeekKey(Number(parts.year), Number(parts.month), Number(parts.day));
}

/** ISO 8601 week of a calendar date: the week (Monday to Sunday) that holds its Thursday. */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}
