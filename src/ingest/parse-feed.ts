import { collapseWhitespace, htmlToPlainText, truncateText } from "../shared/html-text.ts";
import { FeedError } from "./feed-error.ts";
import { findTagAttributes } from "./html-tags.ts";
import { parseFeedDate } from "./parse-feed-date.ts";
import type { FeedItem, ParsedFeed } from "./parsed-feed.ts";
import {
  asElement,
  attributeOf,
  childNodes,
  type FeedDocument,
  firstChild,
  hasChildElements,
  innerMarkup,
  ownText,
  readFeedDocument,
  UnrecognizedFeedError,
  type XmlElement,
  type XmlNode,
  XmlSyntaxError,
} from "./read-feed-document.ts";
import { resolveHttpUrl } from "./resolve-http-url.ts";

/** Summaries feed a caption prompt; 2,000 characters is plenty and keeps rows small. */
export const SUMMARY_MAX_CHARS = 2_000;
/** Titles are short in practice; the cap only guards storage against a hostile feed. */
export const TITLE_MAX_CHARS = 1_000;

export interface ParseFeedOptions {
  /** The address the feed was fetched from, used to resolve relative links when the feed gives no base. */
  feedUrl?: string;
}

/**
 * Reads an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document, detected from its content, into a
 * `ParsedFeed`. Throws `FeedError` with code `not_a_feed` (an HTML page, JSON, other XML) or
 * `malformed` (broken or empty XML), with a reason in plain words.
 *
 * Each item is read on its own: an unreadable date or link leaves that field empty and never
 * costs the other items.
 */
export async function parseFeed(xml: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  rejectNonXml(xml);
  let document: FeedDocument;
  try {
    document = await readFeedDocument(xml);
  } catch (error) {
    if (error instanceof UnrecognizedFeedError) throw notAFeedError(xml, error);
    if (error instanceof XmlSyntaxError) {
      throw new FeedError(
        "malformed",
        { key: "feed-problem-invalid-xml", args: { detail: error.message.slice(0, 200) } },
        { cause: error },
      );
    }
    throw error;
  }
  return normaliseFeedDocument(document, options.feedUrl);
}

function rejectNonXml(xml: string): void {
  const start = xml.replace(/^\uFEFF/, "").trimStart();
  if (start === "") throw new FeedError("malformed", { key: "feed-problem-empty" });
  if (start.startsWith("{") || start.startsWith("[")) {
    throw new FeedError("not_a_feed", { key: "feed-problem-json" });
  }
  if (!start.startsWith("<")) {
    throw new FeedError("not_a_feed", { key: "feed-problem-plain-text" });
  }
}

function notAFeedError(xml: string, cause: Error): FeedError {
  const root = /<([A-Za-z_][\w:.-]*)/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ""))?.[1];
  // Web pages are the usual mistake (the site's address instead of its feed); say so plainly.
  const isWebPage =
    /^(html|head|body)$/i.test(root ?? "") ||
    /<!doctype\s+html|<html[\s>]|<body[\s>]/i.test(xml.slice(0, 4096));
  const problem = isWebPage
    ? { key: "feed-problem-web-page" }
    : root === undefined
      ? { key: "feed-problem-not-a-feed" }
      : { key: "feed-problem-xml-root", args: { root: root.slice(0, 100) } };
  return new FeedError("not_a_feed", problem, { cause });
}

function normaliseFeedDocument(document: FeedDocument, feedUrl: string | undefined): ParsedFeed {
  const { channel, format } = document;
  const declaredBase = resolveHttpUrl(attributeOf(channel, "xml:base"), feedUrl);
  const isAtom = format === "atom";
  const selfLink = resolveHttpUrl(
    findLink(childNodes(channel, isAtom ? "link" : "atom:link"), "self"),
    declaredBase ?? feedUrl,
  );
  const linkBase = declaredBase ?? selfLink ?? feedUrl;
  const link = resolveHttpUrl(isAtom ? atomAlternateLink(channel) : rssLink(channel), linkBase);
  const title = isAtom
    ? plainText(atomTextConstruct(firstChild(channel, "title")), TITLE_MAX_CHARS)
    : rssTitle(channel);

  // Relative links in items resolve against an explicit xml:base, else the site's link, else the feed's own address.
  const itemBase = declaredBase ?? link ?? linkBase;
  const items: FeedItem[] = [];
  for (const node of document.items) {
    try {
      items.push(isAtom ? atomItem(asElement(node), itemBase) : rssItem(asElement(node), itemBase));
    } catch {
      // A bug in our mapping must cost one item, not the feed. Field readers below do not throw
      // on bad data, so nothing in the shared fixtures lands here.
    }
  }
  return { title, link, items };
}

// ---------------------------------------------------------------- RSS 0.9x / 2.0 / 1.0

function rssItem(item: XmlElement, parentBase: string | undefined): FeedItem {
  const base = resolveHttpUrl(attributeOf(item, "xml:base"), parentBase) ?? parentBase;
  const guidNode = firstChild(item, "guid");
  const guid = nonEmpty(ownText(guidNode)) ?? nonEmpty(attributeOf(item, "rdf:about"));
  // RSS 2.0: a guid is a permalink unless isPermaLink="false", so it can stand in for a missing <link>.
  const guidAsLink =
    guidNode !== undefined && attributeOf(guidNode, "ispermalink")?.trim().toLowerCase() !== "false"
      ? ownText(guidNode)
      : undefined;
  const link = resolveHttpUrl(rssLink(item) ?? guidAsLink, base);

  const description = firstChild(item, "description");
  const encoded = firstChild(item, "content:encoded");
  const summarySource = [
    description,
    firstChild(item, "dc:description"),
    encoded,
    firstChild(item, "itunes:summary"),
    mediaDescription(item),
  ].find((node) => nonEmpty(ownText(node)) !== undefined || hasChildElements(node));
  const summaryHtml = summarySource === undefined ? "" : markupOf(summarySource);
  const contentHtml = [encoded, description].map((node) => (node === undefined ? "" : markupOf(node)));

  return withoutUndefined({
    guid,
    link,
    title: rssTitle(item),
    summary: htmlToPlainText(summaryHtml, SUMMARY_MAX_CHARS),
    author: authorName(
      firstText(item, ["author", "dc:creator", "itunes:author"]) ??
        atomPersonName(firstChild(item, "atom:author")),
    ),
    publishedAt: firstDate(item, [
      "pubdate",
      "dc:date",
      "dcterms:issued",
      "dcterms:created",
      "dcterms:modified",
    ]),
    imageUrl: itemImage(item, childNodes(item, "enclosure"), contentHtml, base),
  });
}

function rssTitle(element: XmlElement): string {
  const node = [firstChild(element, "title"), firstChild(element, "dc:title")].find(
    (candidate) => nonEmpty(ownText(candidate)) !== undefined || hasChildElements(candidate),
  );
  if (node === undefined) return "";
  // RSS titles are meant to be plain text, but many feeds put escaped HTML or entities in them.
  const text = markupOf(node);
  return plainText(
    { kind: looksLikeHtml(text) || hasChildElements(node) ? "html" : "text", value: text },
    TITLE_MAX_CHARS,
  );
}

function rssLink(element: XmlElement): string | undefined {
  for (const node of childNodes(element, "link")) {
    const text = nonEmpty(ownText(node)) ?? nonEmpty(attributeOf(node, "href"));
    if (text !== undefined) return text;
  }
  return findLink(childNodes(element, "atom:link"), "alternate");
}

// ---------------------------------------------------------------- Atom 1.0 / 0.3

function atomItem(entry: XmlElement, parentBase: string | undefined): FeedItem {
  const base = resolveHttpUrl(attributeOf(entry, "xml:base"), parentBase) ?? parentBase;
  const summaryNode = firstChild(entry, "summary");
  const contentNode = firstChild(entry, "content");
  // <content src="..."> points elsewhere; its (empty) body is not the content.
  const inlineContent = attributeOf(contentNode, "src") === undefined ? contentNode : undefined;
  const summary = [summaryNode, inlineContent]
    .map((node) => atomTextConstruct(node))
    .find((construct) => construct.value.trim() !== "") ?? {
    kind: "html" as const,
    value: ownText(mediaDescription(entry)),
  };
  const contentHtml = [inlineContent, summaryNode].map((node) => {
    const construct = atomTextConstruct(node);
    return construct.kind === "html" ? withBase(construct.value, attributeOf(node, "xml:base"), base) : "";
  });
  const enclosures = childNodes(entry, "link").filter((link) => attributeOf(link, "rel") === "enclosure");

  return withoutUndefined({
    guid: nonEmpty(ownText(firstChild(entry, "id"))),
    link: resolveHttpUrl(atomAlternateLink(entry), base),
    title: plainText(atomTextConstruct(firstChild(entry, "title")), TITLE_MAX_CHARS),
    summary: plainText(summary, SUMMARY_MAX_CHARS),
    author: authorName(atomPersonName(firstChild(entry, "author")) ?? firstText(entry, ["dc:creator"])),
    publishedAt: firstDate(entry, ["published", "issued", "created", "updated", "modified", "dc:date"]),
    imageUrl: itemImage(entry, enclosures, contentHtml, base),
  });
}

/**
 * The alternate link. Without one we take none rather than the first link: that is usually
 * `rel="self"` (the feed itself) or an enclosure, not the page a post should point to.
 * A text-only `<link>` (an RSS habit seen in broken Atom) is accepted as a last resort.
 */
function atomAlternateLink(element: XmlElement): string | undefined {
  const links = childNodes(element, "link");
  return findLink(links, "alternate") ?? links.map((link) => nonEmpty(ownText(link))).find(Boolean);
}

function atomPersonName(person: XmlNode | undefined): string | undefined {
  if (person === undefined) return undefined;
  if (typeof person === "string") return nonEmpty(person);
  return nonEmpty(ownText(firstChild(person, "name"))) ?? nonEmpty(ownText(firstChild(person, "email")));
}

/** Text or HTML, as an Atom text construct (or an RSS field) declares it. */
interface TextConstruct {
  kind: "text" | "html";
  value: string;
}

/**
 * Reads an Atom text construct. Atom 1.0 says `type` is text (default), html or xhtml; Atom 0.3
 * used MIME types and a `mode` of xml, escaped or base64.
 */
function atomTextConstruct(node: XmlNode | undefined): TextConstruct {
  if (node === undefined) return { kind: "text", value: "" };
  const type = (attributeOf(node, "type") ?? "text").trim().toLowerCase();
  const mode = attributeOf(node, "mode")?.trim().toLowerCase();
  // Atom 1.0 §4.1.3.3: any other MIME type (not text/*, not XML) is base64; Atom 0.3 said so with mode.
  const isBase64 =
    mode === "base64" || (type.includes("/") && !type.startsWith("text/") && !/[+/]xml$/.test(type));
  if (isBase64) {
    const decoded = Buffer.from(ownText(node), "base64").toString("utf8");
    return { kind: type.includes("html") || looksLikeHtml(decoded) ? "html" : "text", value: decoded };
  }
  if (hasChildElements(node) || type === "xhtml" || type.includes("xhtml") || mode === "xml") {
    return hasChildElements(node)
      ? { kind: "html", value: innerMarkup(node) }
      : { kind: "html", value: ownText(node) };
  }
  if (type === "html" || type.includes("html")) return { kind: "html", value: ownText(node) };
  return { kind: "text", value: ownText(node) };
}

// ---------------------------------------------------------------- shared field readers

function plainText(construct: TextConstruct, maxChars: number): string {
  return construct.kind === "html"
    ? htmlToPlainText(construct.value, maxChars)
    : truncateText(collapseWhitespace(construct.value), maxChars);
}

/** An element's content as HTML: its text (which is escaped HTML in RSS) or its inline markup. */
function markupOf(node: XmlNode): string {
  return hasChildElements(node) ? innerMarkup(node) : ownText(node);
}

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text);
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function firstText(element: XmlElement, names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const node of childNodes(element, name)) {
      const text = nonEmpty(collapseWhitespace(ownText(node)));
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** The first of the named elements holding a readable date; a garbled `pubDate` falls through to `dc:date`. */
function firstDate(element: XmlElement, names: readonly string[]): Date | undefined {
  for (const name of names) {
    for (const node of childNodes(element, name)) {
      const date = parseFeedDate(ownText(node));
      if (date !== undefined) return date;
    }
  }
  return undefined;
}

/** RSS authors are often "email (Name)"; the name is what a caption wants. */
function authorName(author: string | undefined): string | undefined {
  if (author === undefined) return undefined;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(author);
  return truncateText((named?.[1] ?? author).trim(), 200);
}

/** The `href` of the first link with `rel` (a link without `rel` counts as alternate, per Atom). */
function findLink(links: readonly XmlNode[], rel: string): string | undefined {
  for (const link of links) {
    const linkRel = attributeOf(link, "rel")?.trim().toLowerCase() ?? "alternate";
    const href = nonEmpty(attributeOf(link, "href"));
    if (linkRel === rel && href !== undefined) return href;
  }
  return undefined;
}

function mediaDescription(item: XmlElement): XmlNode | undefined {
  return (
    firstChild(item, "media:description") ??
    mediaGroups(item)
      .map((group) => firstChild(group, "media:description"))
      .find(Boolean)
  );
}

function mediaGroups(item: XmlElement): XmlElement[] {
  return childNodes(item, "media:group").map(asElement);
}

// ---------------------------------------------------------------- images

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

/**
 * Picks the item's picture: an image enclosure, then Media RSS content, then a Media RSS
 * thumbnail, then the item's iTunes episode art, then the first real `<img>` in its content.
 */
function itemImage(
  item: XmlElement,
  enclosures: readonly XmlNode[],
  contentHtml: readonly string[],
  base: string | undefined,
): string | undefined {
  const groups = [item, ...mediaGroups(item)];
  const mediaContents = groups.flatMap((scope) => childNodes(scope, "media:content"));
  // A video's media:content often carries the poster frame as a nested media:thumbnail (Vimeo, YouTube).
  const thumbnailScopes = [...groups, ...mediaContents.map(asElement)];
  const candidates: (string | undefined)[] = [
    ...enclosures
      .filter((node) =>
        isImage(attributeOf(node, "type"), undefined, attributeOf(node, "url") ?? attributeOf(node, "href")),
      )
      .map((node) => attributeOf(node, "url") ?? attributeOf(node, "href")),
    largestMediaImage(mediaContents),
    ...thumbnailScopes
      .flatMap((scope) => childNodes(scope, "media:thumbnail"))
      .map((node) => attributeOf(node, "url")),
    attributeOf(firstChild(item, "itunes:image"), "href"),
  ];
  for (const candidate of candidates) {
    const url = resolveHttpUrl(candidate, base);
    if (url !== undefined) return url;
  }
  for (const html of contentHtml) {
    const url = firstContentImage(html, base);
    if (url !== undefined) return url;
  }
  return undefined;
}

function largestMediaImage(contents: readonly XmlNode[]): string | undefined {
  let best: { url: string; width: number } | undefined;
  for (const node of contents) {
    const url = attributeOf(node, "url");
    if (url === undefined || !isImage(attributeOf(node, "type"), attributeOf(node, "medium"), url)) continue;
    const width = Number(attributeOf(node, "width") ?? 0) || 0;
    if (best === undefined || width > best.width) best = { url, width };
  }
  return best?.url;
}

function isImage(type: string | undefined, medium: string | undefined, url: string | undefined): boolean {
  if (type) return type.trim().toLowerCase().startsWith("image/");
  if (medium) return medium.trim().toLowerCase() === "image";
  return url !== undefined && IMAGE_EXTENSION.test(url);
}

/** `<base>`-like handling for Atom content carrying its own xml:base (images relative to the article). */
function withBase(html: string, contentBase: string | undefined, itemBase: string | undefined): string {
  const base = resolveHttpUrl(contentBase, itemBase);
  return base === undefined ? html : `<base href="${base}">${html}`;
}

function firstContentImage(html: string, itemBase: string | undefined): string | undefined {
  if (!html.includes("<")) return undefined;
  let base = itemBase;
  for (const attributes of findTagAttributes(html, "base")) {
    base = resolveHttpUrl(attributes.href, itemBase) ?? base;
    break;
  }
  for (const attributes of findTagAttributes(html, "img")) {
    // 1×1 images are tracking pixels, not pictures.
    if (attributes.width === "1" || attributes.height === "1") continue;
    const url = resolveHttpUrl(attributes.src, base);
    if (url !== undefined) return url;
  }
  return undefined;
}

function withoutUndefined(item: FeedItem): FeedItem {
  for (const key of Object.keys(item) as (keyof FeedItem)[]) {
    if (item[key] === undefined) delete item[key];
  }
  return item;
}
