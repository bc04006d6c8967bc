import { createRequire } from "node:module";
import type { compile } from "html-to-text";

// Loaded at the first conversion, not at import: html-to-text and its HTML parser are a fifth of the service's
// code, and start-up (paid on every deploy) does not convert anything.
const requireAtFirstUse = createRequire(import.meta.url);

/**
 * html-to-text truncates longer inputs itself but then writes a warning to stderr, so we cut first.
 * 500k characters of markup is far more than any summary needs; past that we only burn CPU.
 */
const MAX_HTML_INPUT_CHARS = 500_000;

const ELLIPSIS = "…";

// Compiled once, at the first conversion: compiling the selector tree costs more than converting a typical
// feed item, and about a tenth of a second of CPU that start-up should not pay.
let convertHtmlToText: ReturnType<typeof compile> | undefined;
const htmlToTextOptions: Parameters<typeof compile>[0] = {
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "ul", options: { itemPrefix: "" } },
  ],
};

function compileConverter(): ReturnType<typeof compile> {
  const htmlToText = requireAtFirstUse("html-to-text") as typeof import("html-to-text");
  return htmlToText.compile(htmlToTextOptions);
}

/** Collapses every run of whitespace (including newlines and non-breaking spaces) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Cuts `text` to at most `maxChars` characters, at a word boundary when one is reasonably close,
 * and marks the cut with an ellipsis. Never splits a surrogate pair.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= ELLIPSIS.length) return ELLIPSIS.slice(0, maxChars);
  let cut = maxChars - ELLIPSIS.length;
  // Do not leave half of an astral character (emoji) behind.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const lastSpace = text.lastIndexOf(" ", cut);
  // Only back up to a word boundary if it costs less than a fifth of the budget.
  if (lastSpace > cut * 0.8) cut = lastSpace;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Turns an HTML fragment into one line of plain text: entities decoded, tags, links and images
 * dropped, whitespace collapsed, and the result capped at `maxChars` characters.
 */
export function htmlToPlainText(html: string, maxChars: number): string {
  const input = html.length > MAX_HTML_INPUT_CHARS ? html.slice(0, MAX_HTML_INPUT_CHARS) : html;
  return truncateText(collapseWhitespace((convertHtmlToText ??= compileConverter())(input)), maxChars);
}
