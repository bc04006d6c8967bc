import type { Sql } from "../database/connect.ts";
import { lacksInsightsPermission } from "./insight-queries.ts";
import { buildPerformanceReport, type PerformanceReport } from "./performance-report.ts";
import { aiSpendBetween, loadPostPerformance } from "./report-queries.ts";

const DAY_MS = 86_400_000;

export interface LoadedReport {
  report: PerformanceReport;
  lacksInsights: boolean;
}

/** The brand's report for the `days` up to `now`, and whether its account can have insights read at all. */
export async function loadPerformanceReport(
  sql: Sql,
  brandId: number,
  days: number,
  now: Date,
): Promise<LoadedReport> {
  const from = new Date(now.getTime() - days * DAY_MS);
  const [posts, aiSpendUsd, lacksInsights] = await Promise.all([
    loadPostPerformance(sql, brandId, from, now),
    aiSpendBetween(sql, brandId, from, now),
    lacksInsightsPermission(sql, brandId),
  ]);
  return { report: buildPerformanceReport({ days, from, to: now, posts, aiSpendUsd }), lacksInsights };
}
