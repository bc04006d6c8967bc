import { englishTexts, type Texts } from "../i18n/texts.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
import type { PerformanceReport, PostPerformance } from "./performance-report.ts";

/**
 * The report's text, Telegram HTML in the owner's language (reports.ftl), short enough to be the chart's caption
 * (1,024 characters): a caption quoted at most 40 characters, every other line a number. Pure.
 */

export function renderReportText(input: {
  report: PerformanceReport;
  brandName: string;
  timeZone: string;
  /** The account was not given the insights permission: numbers cannot be read until it reconnects. */
  lacksInsights: boolean;
  texts?: Texts;
}): string {
  const { report } = input;
  const texts = input.texts ?? englishTexts();
  const { t } = texts;
  const lines = [
    `🏷 <b>${escapeHtml(input.brandName)}</b>`,
    t("report-period", {
      days: report.days,
      from: escapeHtml(texts.date(new Date(report.from), input.timeZone)),
      to: escapeHtml(texts.date(new Date(new Date(report.to).getTime() - 1), input.timeZone)),
    }),
  ];
  if (input.lacksInsights) lines.push(t("report-no-insights"));
  if (report.posts === 0) {
    lines.push(t("report-no-posts"));
  } else {
    const waiting = report.posts - report.measured;
    lines.push(
      waiting > 0
        ? t("report-posts-waiting", { posts: report.posts, waiting })
        : t("report-posts", { posts: report.posts }),
      t("report-views-reach", { views: report.views, reach: report.reach }),
      report.engagementRate === null
        ? t("report-engagement-unknown")
        : t("report-engagement", { rate: percent(report.engagementRate, texts) }),
    );
    if (report.best) lines.push(t("report-best", describePost(report.best)));
    if (report.worst) lines.push(t("report-weakest", describePost(report.worst)));
  }
  const spent = texts.usd(report.aiSpendUsd);
  lines.push(
    report.costPerThousandViews === null
      ? t("report-spend", { spent })
      : t("report-spend-per-thousand", { spent, cost: texts.usd(report.costPerThousandViews) }),
  );
  return lines.join("\n");
}

function describePost(post: PostPerformance): { views: number; post: string } {
  const quote = quoteInputHtml(post.caption, 40);
  const link = post.permalink ? `<a href="${escapeHtml(post.permalink)}">${quote}</a>` : quote;
  return { views: post.views ?? 0, post: link };
}

/** The engagement rate with one decimal, as the locale writes a percentage ("4.2%", "4,2 %"). */
function percent(rate: number, texts: Texts): string {
  return new Intl.NumberFormat(texts.locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}
