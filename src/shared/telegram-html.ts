/**
 * Telegram's HTML parse mode, for text we did not write (captions, feed titles, model output, error reasons).
 * Telegram accepts only its few tags and the entities &lt; &gt; &amp; &quot;; every other `<`, `>` and `&` must
 * be escaped or the whole message is refused with "can't parse entities" (Bot API, "HTML style").
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** For attribute values (`href`): the double quote ends the attribute, so it is escaped as well. */
export function escapeHtmlAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/**
 * A link only for http(s) URLs Telegram will accept; anything else (javascript:, a bare path, junk from a feed)
 * is shown as plain text instead, so a bad link never breaks the message.
 */
export function htmlLink(href: string | null, label: string): string {
  const url = safeHttpUrl(href);
  return url ? `<a href="${escapeHtmlAttribute(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** Telegram refuses link entities longer than this in practice; such links are shown without the link. */
const MAX_URL_LENGTH = 2000;

export function safeHttpUrl(href: string | null | undefined): string | null {
  if (!href || href.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * How many characters Telegram counts for HTML we built with these helpers: the text after entity parsing, in
 * UTF-16 code units (Bot API: "1-4096 characters after entities parsing"). Only valid for our own markup, where
 * every `<` starts a tag and the only entities are the four above.
 */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, "x").length;
}
