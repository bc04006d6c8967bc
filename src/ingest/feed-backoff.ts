/** The wait after the first failure. Short, because most failures are a blip. */
export const FIRST_RETRY_DELAY_MS = 5 * 60_000;
/** The longest wait between tries: a broken feed is still checked four times a day. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60_000;
/** After this many failures in a row the owner is told, once. At 5 min doubling, that is about 75 minutes of failure. */
export const OWNER_NOTIFICATION_THRESHOLD = 5;
/** ±10 % spread, so feeds that failed together (a network outage) do not all retry in the same second. */
const JITTER_FRACTION = 0.1;

/**
 * When to try a failing feed again: 5 minutes after the first failure, doubling each time, capped
 * at 6 hours, spread by ±10 %. `consecutiveFailures` counts the failure just recorded (so it is 1
 * or more). `random` returns a number in [0, 1); pass a constant in tests.
 */
export function nextFetchAfterFailure(
  consecutiveFailures: number,
  now: Date,
  random: () => number = Math.random,
): Date {
  const failures = Math.max(1, Math.floor(consecutiveFailures));
  // Cap the exponent before exponentiating, so a feed failing for years cannot overflow to Infinity.
  const exponent = Math.min(failures - 1, Math.ceil(Math.log2(MAX_RETRY_DELAY_MS / FIRST_RETRY_DELAY_MS)));
  const delay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
  const spread = 1 + (random() * 2 - 1) * JITTER_FRACTION;
  return new Date(now.getTime() + Math.round(delay * spread));
}

/**
 * Whether the failure just recorded is the one that should reach the owner. True exactly when the
 * streak reaches the threshold, so the owner hears once per streak, not on every retry after it;
 * a success resets the streak and with it the notification.
 */
export function shouldNotifyOwner(consecutiveFailures: number): boolean {
  return consecutiveFailures === OWNER_NOTIFICATION_THRESHOLD;
}
