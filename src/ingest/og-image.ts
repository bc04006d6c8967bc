import { findTagAttributes } from "./html-tags.ts";
import { resolveHttpUrl } from "./resolve-http-url.ts";

/** Meta names in order of preference: Open Graph first (it is what Instagram-style cards use), then Twitter's. */
const IMAGE_META_NAMES = [
  "og:image:secure_url",
  "og:image",
  "og:image:url",
  "twitter:image",
  "twitter:image:src",
];

/** Meta tags live in <head>; past this much markup we are reading the body for nothing. */
const MAX_SCANNED_CHARS = 512 * 1024;

/**
 * Finds the picture an article page advertises for link previews (`og:image`, else
 * `twitter:image`), as an absolute http(s) URL resolved against the page's `<base href>` or its
 * address. Returns undefined when the page names none.
 */
export function findOgImage(html: string, pageUrl: string): string | undefined {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = html.slice(0, headEnd === -1 ? MAX_SCANNED_CHARS : Math.min(headEnd, MAX_SCANNED_CHARS));

  let base = pageUrl;
  for (const attributes of findTagAttributes(head, "base")) {
    base = resolveHttpUrl(attributes.href, pageUrl) ?? pageUrl;
    break;
  }

  const found = new Map<string, string>();
  for (const attributes of findTagAttributes(head, "meta")) {
    // Open Graph uses property=, Twitter uses name=; sites mix them up, so accept either.
    const name = (attributes.property ?? attributes.name ?? "").trim().toLowerCase();
    const content = attributes.content ?? attributes.value;
    if (!IMAGE_META_NAMES.includes(name) || found.has(name) || content === undefined) continue;
    const url = resolveHttpUrl(content, base);
    if (url !== undefined) found.set(name, url);
  }
  for (const name of IMAGE_META_NAMES) {
    const url = found.get(name);
    if (url !== undefined) return url;
  }
  return undefined;
}
