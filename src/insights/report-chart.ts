import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { escapeXml, FONT_FAMILY } from "../images/headline-card.ts";
import { loadSharp } from "../images/load-sharp.ts";
import type { Locale } from "../i18n/locales.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { PerformanceReport } from "./performance-report.ts";

/**
 * The report's chart: one bar per post (its views), in publishing order, with the posts' reach as a line over
 * them. Built as SVG with d3-scale (band and linear scales with "nice" ticks) and d3-shape (the line's path),
 * the maintained d3 modules that compute geometry without a DOM, then rasterised to PNG by sharp (librsvg),
 * which the service already uses for images. Pure up to the rasterising.
 */

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 675;
const MARGIN = { top: 110, right: 40, bottom: 90, left: 110 };
const COLOURS = {
  background: "#ffffff",
  bar: "#3b82f6",
  line: "#f97316",
  grid: "#e5e7eb",
  text: "#111827",
  muted: "#6b7280",
};

export function buildReportChartSvg(
  report: PerformanceReport,
  brandName: string,
  timeZone: string,
  texts: Texts = englishTexts(),
): string {
  const posts = report.timeline;
  const inner = {
    left: MARGIN.left,
    right: CHART_WIDTH - MARGIN.right,
    top: MARGIN.top,
    bottom: CHART_HEIGHT - MARGIN.bottom,
  };
  const x = scaleBand<number>()
    .domain(posts.map((_, index) => index))
    .range([inner.left, inner.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const highest = Math.max(1, ...posts.map((post) => Math.max(post.views ?? 0, post.reach ?? 0)));
  const y = scaleLinear().domain([0, highest]).nice().range([inner.bottom, inner.top]);

  const grid = y.ticks(5).map((tick) => {
    const at = y(tick).toFixed(1);
    return (
      `<line x1="${inner.left}" x2="${inner.right}" y1="${at}" y2="${at}" stroke="${COLOURS.grid}" stroke-width="2"/>` +
      `<text x="${inner.left - 14}" y="${at}" dy="0.35em" text-anchor="end" font-size="22" fill="${COLOURS.muted}">${escapeXml(compactNumber(tick, texts.locale))}</text>`
    );
  });
  const bars = posts.map((post, index) => {
    const top = y(post.views ?? 0);
    return `<rect x="${x(index)!.toFixed(1)}" y="${top.toFixed(1)}" width="${x.bandwidth().toFixed(1)}" height="${(inner.bottom - top).toFixed(1)}" rx="4" fill="${COLOURS.bar}"/>`;
  });
  const reachPath = line<{ index: number; reach: number }>()
    .x((point) => x(point.index)! + x.bandwidth() / 2)
    .y((point) => y(point.reach))(
    posts.flatMap((post, index) => (post.reach === null ? [] : [{ index, reach: post.reach }])),
  );
  // Dates under at most ~12 bars, so they never overlap.
  const every = Math.max(1, Math.ceil(posts.length / 12));
  const dates = posts.flatMap((post, index) =>
    index % every === 0
      ? [
          `<text x="${(x(index)! + x.bandwidth() / 2).toFixed(1)}" y="${inner.bottom + 34}" text-anchor="middle" font-size="20" fill="${COLOURS.muted}">${escapeXml(shortDate(post.publishedAt, timeZone, texts.locale))}</text>`,
        ]
      : [],
  );
  const title = texts.t("report-chart-title", { brand: brandName, days: report.days });
  const viewsLabel = texts.t("report-chart-views");
  // The reach key sits after the views label, however long the locale's words are (about 12 px a character).
  const reachKeyX = MARGIN.left + 32 + viewsLabel.length * 12 + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="${COLOURS.background}"/>`,
    `<text x="${MARGIN.left}" y="56" font-size="34" font-weight="bold" fill="${COLOURS.text}">${escapeXml(title)}</text>`,
    `<rect x="${MARGIN.left}" y="76" width="22" height="22" fill="${COLOURS.bar}"/>`,
    `<text x="${MARGIN.left + 32}" y="94" font-size="22" fill="${COLOURS.muted}">${escapeXml(viewsLabel)}</text>`,
    `<line x1="${reachKeyX}" x2="${reachKeyX + 32}" y1="87" y2="87" stroke="${COLOURS.line}" stroke-width="5"/>`,
    `<text x="${reachKeyX + 42}" y="94" font-size="22" fill="${COLOURS.muted}">${escapeXml(texts.t("report-chart-reach"))}</text>`,
    ...grid,
    ...bars,
    reachPath
      ? `<path d="${reachPath}" fill="none" stroke="${COLOURS.line}" stroke-width="5" stroke-linejoin="round"/>`
      : "",
    ...dates,
    posts.length === 0
      ? `<text x="${CHART_WIDTH / 2}" y="${CHART_HEIGHT / 2}" text-anchor="middle" font-size="30" fill="${COLOURS.muted}">${escapeXml(texts.t("report-chart-no-posts"))}</text>`
      : "",
    "</svg>",
  ].join("");
}

export async function renderReportChartPng(
  report: PerformanceReport,
  brandName: string,
  timeZone: string,
  texts: Texts = englishTexts(),
): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(buildReportChartSvg(report, brandName, timeZone, texts)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** 1200 → "1.2K", 3400000 → "3.4M" (as the locale shortens them): axis labels that stay short. */
function compactNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

function shortDate(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    day: "numeric",
    month: "short",
    timeZone,
  }).format(new Date(iso));
}
