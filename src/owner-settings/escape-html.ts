/**
 * Escapes text for Telegram's HTML parse mode: every `<`, `>` and `&` that is not markup must be an entity
 * (Bot API, "HTML style"; platform-apis.md §D.6). Quotes are escaped too so a value is safe inside an attribute.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
