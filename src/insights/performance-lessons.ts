/**
 * What the drafter learns from how posts performed. Pure.
 *
 * - Best-performing captions: the captions of the posts with the most views, among those above the brand's
 *   median, joining the owner's approved captions as voice examples.
 * - A short summary for relevance scoring: which stories did better and which worse than the brand's median
 *   views, by their headlines, so the scorer can favour stories like the better ones.
 *
 * Nothing is learnt from fewer than MIN_MEASURED_POSTS posts: a median of two says nothing.
 */

export const MIN_MEASURED_POSTS = 4;
export const MAX_PERFORMING_CAPTIONS = 3;
const STORIES_EACH_SIDE = 3;

export interface MeasuredPost {
  caption: string;
  /** The headline of the story the post was drafted from. */
  sourceTitle: string | null;
  views: number;
}

export interface PerformanceLessons {
  bestCaptions: string[];
  summary: string;
}

export const NO_LESSONS: PerformanceLessons = { bestCaptions: [], summary: "" };

export function derivePerformanceLessons(posts: readonly MeasuredPost[]): PerformanceLessons {
  if (posts.length < MIN_MEASURED_POSTS) return NO_LESSONS;
  // Most viewed first; ties by caption, so the same posts always give the same text (the cached prefix).
  const ranked = [...posts].sort((a, b) => b.views - a.views || a.caption.localeCompare(b.caption));
  const median = medianOf(ranked.map((post) => post.views));
  const above = ranked.filter((post) => post.views > median);
  const below = ranked.filter((post) => post.views < median).reverse();
  const bestCaptions = above.slice(0, MAX_PERFORMING_CAPTIONS).map((post) => post.caption);
  const titles = (list: MeasuredPost[]) =>
    list
      .map((post) => post.sourceTitle?.trim())
      .filter((title): title is string => Boolean(title))
      .slice(0, STORIES_EACH_SIDE)
      .map((title) => `"${title.slice(0, 120)}"`)
      .join("; ");
  const better = titles(above);
  const worse = titles(below);
  const lines = [`Median views of the brand's last ${posts.length} measured posts: ${Math.round(median)}.`];
  if (better) lines.push(`Stories that did better than the median: ${better}.`);
  if (worse) lines.push(`Stories that did worse than the median: ${worse}.`);
  return { bestCaptions, summary: better || worse ? lines.join("\n") : "" };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
