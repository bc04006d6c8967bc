/** "9 Dec 2026, 17:40 UTC": a moment told to people who may be in any time zone (an invitation's expiry). */
export function formatUtc(date: Date): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} UTC`;
}
