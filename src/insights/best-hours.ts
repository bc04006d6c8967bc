import type { PostingSlot } from "../publishing/posting-slots.ts";

/**
 * Posting times suggested from when the brand's posts drew the most views: the local hours (in the brand's time
 * zone) with the highest average views, as many as the brand posts a day now (at least one, at most three).
 * Only a suggestion: /schedule shows it with a button, and nothing changes until the owner taps it. Pure.
 */

/** Fewer measured posts than this, or posts at fewer than two hours, suggest nothing: there is no comparison. */
export const MIN_POSTS_FOR_SUGGESTION = 6;
const MAX_SUGGESTED_TIMES = 3;

export interface TimedPost {
  publishedAt: Date;
  views: number;
}

export function suggestPostingTimes(input: {
  posts: readonly TimedPost[];
  timeZone: string;
  currentSlots: readonly PostingSlot[];
}): string[] | undefined {
  if (input.posts.length < MIN_POSTS_FOR_SUGGESTION) return undefined;
  const hourOf = new Intl.DateTimeFormat("en-GB", {
    timeZone: input.timeZone,
    hour: "2-digit",
    hourCycle: "h23",
  });
  const byHour = new Map<string, number[]>();
  for (const post of input.posts) {
    const hour = hourOf.format(post.publishedAt);
    byHour.set(hour, [...(byHour.get(hour) ?? []), post.views]);
  }
  if (byHour.size < 2) return undefined;
  const currentTimes = [...new Set(input.currentSlots.map((slot) => slot.time))].sort();
  const wanted = Math.min(MAX_SUGGESTED_TIMES, Math.max(1, currentTimes.length), byHour.size - 1);
  const average = (views: number[]) => views.reduce((sum, v) => sum + v, 0) / views.length;
  const best = [...byHour.entries()]
    .sort(([hourA, a], [hourB, b]) => average(b) - average(a) || hourA.localeCompare(hourB))
    .slice(0, wanted)
    .map(([hour]) => `${hour}:00`)
    .sort();
  return best.join(",") === currentTimes.join(",") ? undefined : best;
}
