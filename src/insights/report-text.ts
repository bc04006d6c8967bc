import { formatUsd } from "../owner-settings/budget-view.ts";
import { formatLocalDate } from "../owner-settings/time-text.ts";
import { plural } from "../shared/plural.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
import type { PerformanceReport, PostPerformance } from "./performance-report.ts";

/**
 * The report's text, Telegram HTML, short enough to be the chart's caption (1,024 characters): a caption quoted
 * at most 40 characters, every other line a number. Pure.
 */

const numbers = new Intl.NumberFormat("en");

export const ENGAGEMENT_RATE_DEFINITION = "likes, comments, saves and shares ÷ reach";

export function renderReportText(input: {
  report: PerformanceReport;
  brandName: string;
  timeZone: string;
  /** The account was not given the insights permission: numbers cannot be read until it reconnects. */
  lacksInsights: boolean;
}): string {
  const { report } = input;
  const lines = [
    `🏷 <b>${escapeHtml(input.brandName)}</b>`,
    `📈 <b>Last ${report.days} days</b> (${formatLocalDate(new Date(report.from), input.timeZone)} – ${formatLocalDate(new Date(new Date(report.to).getTime() - 1), input.timeZone)})`,
  ];
  if (input.lacksInsights) {
    lines.push(
      "⚠️ Instagram has not given Greenlight the permission to read post insights, so views and reach are missing. Tap Reconnect and allow it.",
    );
  }
  if (report.posts === 0) {
    lines.push("No posts went out in this period.");
  } else {
    const waiting = report.posts - report.measured;
    lines.push(
      `Posts: ${numbers.format(report.posts)}${waiting > 0 ? ` (${numbers.format(waiting)} still waiting for Instagram's numbers)` : ""}`,
      `Views: ${numbers.format(report.views)} · Reach: ${numbers.format(report.reach)}`,
      `Engagement rate: ${report.engagementRate === null ? "not known yet" : percent(report.engagementRate)} (${ENGAGEMENT_RATE_DEFINITION})`,
    );
    if (report.best) lines.push(`🏆 Best: ${describePost(report.best)}`);
    if (report.worst) lines.push(`🔻 Weakest: ${describePost(report.worst)}`);
  }
  const perThousand =
    report.costPerThousandViews === null
      ? ""
      : ` · ${formatUsd(report.costPerThousandViews)} per 1,000 views`;
  lines.push(`💰 AI spend: ${formatUsd(report.aiSpendUsd)}${perThousand}`);
  return lines.join("\n");
}

function describePost(post: PostPerformance): string {
  const views = plural(post.views ?? 0, { one: "# view", other: "# views" });
  const quote = quoteInputHtml(post.caption, 40);
  const link = post.permalink ? `<a href="${escapeHtml(post.permalink)}">${quote}</a>` : quote;
  return `${views} — ${link}`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
