/**
 * Meta's own account of how close the app and an Instagram account are to their rate limits, read from the
 * headers it sends with Graph responses (platform-apis.md §B.5): X-App-Usage for the app as a whole, and
 * X-Business-Use-Case-Usage per business object (for Instagram Login, the account). Values are percentages of
 * the allowance; `estimated_time_to_regain_access` is in minutes and is above 0 only once calls are refused.
 * Both count against the account whose call reported them: an app-wide limit then pauses each account after
 * its own next call, one call later than an app-wide pause would, and with no state shared beyond the account.
 * Pure: no I/O.
 */

export interface RateUsage {
  /** The highest of call_count, total_cputime and total_time across the headers, in percent. */
  highestPercent: number;
  /** Minutes until Meta answers again, when it has stopped answering; 0 otherwise. */
  regainAccessMinutes: number;
}

/** Anything with a Fetch-style header lookup (a Response's headers). */
interface HeaderLookup {
  get(name: string): string | null;
}

const PERCENT_FIELDS = ["call_count", "total_cputime", "total_time"] as const;

/**
 * The usage the response's headers report, or null when it carries none (Meta adds them only once an app makes
 * enough calls, and leaves them off some endpoints): no headers is no news, not zero usage. A header that is
 * not the JSON Meta documents is ignored.
 */
export function readRateUsage(headers: HeaderLookup): RateUsage | null {
  const entries: Record<string, unknown>[] = [];
  const app = parseJsonObject(headers.get("x-app-usage"));
  if (app) entries.push(app);
  const perObject = parseJsonObject(headers.get("x-business-use-case-usage"));
  for (const value of Object.values(perObject ?? {})) {
    if (!Array.isArray(value)) continue;
    for (const entry of value) if (isObject(entry)) entries.push(entry);
  }
  if (entries.length === 0) return null;
  let highestPercent = 0;
  let regainAccessMinutes = 0;
  for (const entry of entries) {
    for (const field of PERCENT_FIELDS) highestPercent = Math.max(highestPercent, numberIn(entry[field]));
    regainAccessMinutes = Math.max(regainAccessMinutes, numberIn(entry.estimated_time_to_regain_access));
  }
  return { highestPercent, regainAccessMinutes };
}

/** From this share of an allowance on, the account is left alone for a while: Meta says to slow down before 100. */
export const SLOW_DOWN_AT_PERCENT = 90;
/**
 * Near the limit. Meta counts over a rolling window (an hour for the app, longer for some business use cases),
 * so this does not empty it; it spaces the account's posts out to one per pause, which publishing can afford.
 */
const NEAR_LIMIT_PAUSE_MS = 10 * 60_000;
/** At the limit without an estimate from Meta. */
const AT_LIMIT_PAUSE_MS = 60 * 60_000;
/** Meta's estimate is trusted up to a day: a wild value must not stop an account's posts for good. */
const LONGEST_PAUSE_MS = 24 * 60 * 60_000;

/** How long to make no calls for the account after a response reporting `usage`; 0 for carrying on. */
export function pauseForUsage(usage: RateUsage | null): number {
  if (!usage) return 0;
  if (usage.regainAccessMinutes > 0) return Math.min(usage.regainAccessMinutes * 60_000, LONGEST_PAUSE_MS);
  if (usage.highestPercent >= 100) return AT_LIMIT_PAUSE_MS;
  if (usage.highestPercent >= SLOW_DOWN_AT_PERCENT) return NEAR_LIMIT_PAUSE_MS;
  return 0;
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite, non-negative number, else 0 (Meta sends integers; a string or garbage counts as nothing). */
function numberIn(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
