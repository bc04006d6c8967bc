/**
 * Telegram's length limits, counted as Telegram counts them: the text left after entity parsing (tags removed,
 * `&lt;` and the like decoded), in UTF-16 code units (Bot API: "1-4096 characters after entities parsing";
 * captions "0-1024 characters after entities parsing"). Pure functions: the bot's API transformer
 * (fit-telegram-limits.ts) applies them to every outgoing message, and views use `quoteInput` to echo what an
 * owner typed as a short quote rather than in full.
 */

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
/** answerCallbackQuery's toast: 0-200 characters. */
export const TELEGRAM_TOAST_LIMIT = 200;

const ELLIPSIS = "…";

/**
 * One token of Telegram HTML: a tag, an entity, or one code point of text. With the `u` flag `[\s\S]` takes a
 * whole surrogate pair, so walking tokens never splits an emoji; a lone surrogate is one token of its own.
 */
const HTML_TOKEN = /<[^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[\s\S]/gu;
const TAG = /^<(\/?)([a-zA-Z][\w-]*)/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Half an emoji (an unpaired surrogate, as `text.slice` can leave behind) is not valid Unicode: Telegram refuses
 * the whole message. It becomes U+FFFD, the replacement character, instead.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** How many characters Telegram counts for `text` sent with `parseMode` (HTML or none). */
export function telegramLength(text: string, parseMode: string | undefined): number {
  if (parseMode !== "HTML") return text.length;
  let length = 0;
  for (const [token] of text.matchAll(HTML_TOKEN)) length += tokenLength(token);
  return length;
}

/**
 * `text` as it fits in `max` characters Telegram counts: unchanged when it fits, else cut and ended with "…".
 * HTML is cut between tokens, so no tag, entity or surrogate pair is split, and the tags still open at the cut
 * are closed. Other parse modes (MarkdownV2) are not ours to cut and are returned as they are.
 */
export function fitTelegramText(text: string, parseMode: string | undefined, max: number): string {
  if (parseMode === "HTML") return fitHtml(text, max);
  if (parseMode === undefined) return fitPlain(text, max);
  return text;
}

function fitPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = "";
  for (const char of text) {
    if (cut.length + char.length > max - ELLIPSIS.length) break;
    cut += char;
  }
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

function fitHtml(html: string, max: number): string {
  if (telegramLength(html, "HTML") <= max) return html;
  const open: string[] = [];
  let kept = "";
  let length = 0;
  for (const [token] of html.matchAll(HTML_TOKEN)) {
    const tag = TAG.exec(token);
    if (tag && token.endsWith(">")) {
      const [, closing, name] = tag as unknown as [string, string, string];
      // A tag costs nothing, but one opened now would only hold the ellipsis: stop at the first tag past the room.
      if (!closing && length >= max - ELLIPSIS.length) break;
      if (closing) open.pop();
      else open.push(name.toLowerCase());
      kept += token;
      continue;
    }
    const cost = tokenLength(token);
    if (length + cost > max - ELLIPSIS.length) break;
    kept += token;
    length += cost;
  }
  const closings = open.reverse().map((name) => `</${name}>`);
  return `${kept.replace(/\s+$/, "")}${ELLIPSIS}${closings.join("")}`;
}

function tokenLength(token: string): number {
  if (token.length === 1) return 1;
  if (token.startsWith("<") && token.endsWith(">")) return 0;
  if (token.startsWith("&") && token.endsWith(";")) {
    const numeric = /^&#(x?)([0-9a-fA-F]+);$/.exec(token);
    if (!numeric) return 1;
    const codePoint = Number.parseInt(numeric[2]!, numeric[1] ? 16 : 10);
    return codePoint > 0xffff ? 2 : 1;
  }
  return token.length;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * What the owner typed, echoed back as a short quote: “…” around it, whitespace collapsed, cut after at most
 * `max` characters (UTF-16 code units, as Telegram counts) on a grapheme boundary, so neither an emoji nor a
 * letter with its accents is split, and marked with "…" when cut. Plain text; see `quoteInputHtml` for HTML.
 */
export function quoteInput(text: string, max = 40): string {
  return `“${shortenText(text, max)}”`;
}

/**
 * One line of at most `max` characters (UTF-16 code units) for a list or a quote: whitespace collapsed, cut on a
 * grapheme boundary and marked with "…" when longer. Plain text.
 */
export function shortenText(text: string, max: number): string {
  const collapsed = wellFormed(text).replace(/\s+/g, " ").trim();
  if (collapsed.length <= max) return collapsed;
  let cut = "";
  for (const { segment } of graphemes.segment(collapsed)) {
    if (cut.length + segment.length > max - ELLIPSIS.length) break;
    cut += segment;
  }
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** `quoteInput` for an HTML message: the quote with `<`, `>` and `&` escaped. */
export function quoteInputHtml(text: string, max = 40): string {
  return quoteInput(text, max).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
