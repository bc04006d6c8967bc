/**
 * The numbers of /report and the weekly report, computed from the posts of a period and the AI spend. Pure and
 * JSON-friendly (dates as ISO strings), so the weekly report can travel through the outbox as it was computed.
 *
 * Definitions, as the report states them:
 * - a post's numbers are its latest collected checkpoint (the week's when read, else the day's);
 * - interactions are Instagram's total_interactions, or likes + comments + saves + shares where it gives none;
 * - engagement rate = all interactions ÷ all reach, over the posts that have both;
 * - best and worst posts are ranked by views;
 * - cost per 1,000 views = AI spend in the period ÷ views × 1,000.
 */

export interface PostPerformance {
  draftId: number;
  caption: string;
  permalink: string | null;
  publishedAt: string;
  /** Null until Instagram's numbers were read. */
  views: number | null;
  reach: number | null;
  interactions: number | null;
}

export interface PerformanceReport {
  days: number;
  /** The period: [from, to). */
  from: string;
  to: string;
  posts: number;
  /** Posts with numbers from Instagram. */
  measured: number;
  views: number;
  reach: number;
  interactions: number;
  /** Interactions ÷ reach, 0–1; null without reach. */
  engagementRate: number | null;
  best: PostPerformance | null;
  worst: PostPerformance | null;
  aiSpendUsd: number;
  /** Null without views. */
  costPerThousandViews: number | null;
  /** Every post of the period, oldest first: the chart's bars. */
  timeline: PostPerformance[];
}

export const REPORT_PERIODS = [7, 30] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export function buildPerformanceReport(input: {
  days: number;
  from: Date;
  to: Date;
  posts: readonly PostPerformance[];
  aiSpendUsd: number;
}): PerformanceReport {
  const timeline = [...input.posts].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const measured = timeline.filter((post) => post.views !== null || post.reach !== null);
  const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  const views = sum(measured.map((post) => post.views));
  const reach = sum(measured.map((post) => post.reach));
  const interactions = sum(measured.map((post) => post.interactions));
  const engaged = measured.filter((post) => post.reach !== null && post.interactions !== null);
  const engagedReach = sum(engaged.map((post) => post.reach));
  const ranked = measured
    .filter((post) => post.views !== null)
    .sort((a, b) => b.views! - a.views! || a.publishedAt.localeCompare(b.publishedAt));
  return {
    days: input.days,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    posts: timeline.length,
    measured: measured.length,
    views,
    reach,
    interactions,
    engagementRate: engagedReach > 0 ? sum(engaged.map((post) => post.interactions)) / engagedReach : null,
    best: ranked[0] ?? null,
    worst: ranked.length > 1 ? ranked.at(-1)! : null,
    aiSpendUsd: input.aiSpendUsd,
    costPerThousandViews: views > 0 ? (input.aiSpendUsd / views) * 1000 : null,
    timeline,
  };
}

/** "/report" is 7 days, "/report 30" 30; anything else is not understood. */
export function parseReportPeriod(argument: string): ReportPeriod | undefined {
  const text = argument.trim();
  if (text === "") return 7;
  return REPORT_PERIODS.find((days) => String(days) === text);
}
