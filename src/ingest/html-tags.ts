/**
 * Just enough HTML reading to find `<img src>` in feed content and `<meta>` tags in article
 * pages, without building a DOM. A regex scan is fine here: we only read attributes of void
 * elements, and a miss costs us a picture, not correctness.
 */

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/**
 * Yields the attributes (names lowercased, values entity-decoded) of each `<tagName ...>` tag in
 * `html`, in document order. Comments are skipped so commented-out markup is not picked up.
 */
export function* findTagAttributes(html: string, tagName: string): Generator<Record<string, string>> {
  const withoutComments = html.includes("<!--") ? html.replace(/<!--[\s\S]*?(?:-->|$)/g, "") : html;
  const tag = new RegExp(`<${tagName}\\b([^>]*)>`, "gi");
  for (const match of withoutComments.matchAll(tag)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[1] ?? "").matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      if (name in attributes) continue; // HTML keeps the first of duplicated attributes
      attributes[name] = decodeHtmlEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
    }
    yield attributes;
  }
}

/** Decodes the character references that show up in URLs and meta content (`&amp;`, `&#38;`, `&#x26;`). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const codePoint =
        entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
