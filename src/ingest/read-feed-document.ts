import { createRequire } from "node:module";
import type Parser from "rss-parser";

/**
 * An element as xml2js (inside rss-parser) builds it: attributes under `$`, text under `_`, and
 * each child element name mapping to an array of children. An element with only text is a plain
 * string instead. Tag and attribute names are lowercased (see `canonicalTagName`).
 */
export interface XmlElement {
  readonly $?: Readonly<Record<string, string>>;
  readonly _?: string;
  readonly [child: string]: unknown;
}
export type XmlNode = string | XmlElement;

export type FeedFormat = "rss" | "rdf" | "atom";

/** A feed document before normalisation: the channel (or Atom feed) element and its entries. */
export interface FeedDocument {
  format: FeedFormat;
  channel: XmlElement;
  items: XmlNode[];
}

/** The parse failed because the XML is broken, not because it is not a feed. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
}

/** The XML is fine but its root is not `<rss>`, `<rdf:RDF>` or `<feed>`. */
export class UnrecognizedFeedError extends Error {
  override readonly name = "UnrecognizedFeedError";
}

/**
 * Parses feed XML with rss-parser's `parseString`, strictly first and then leniently.
 *
 * Strict mode rejects any HTML entity that XML does not define (`&nbsp;`, `&eacute;`), which real
 * feeds are full of, so a syntax error gets a second try with xml2js's non-strict mode: it decodes
 * HTML entities and tolerates stray markup, yet still refuses truncated documents. Neither mode
 * expands DTD entities, so entity bombs and XXE stay inert (toolchain.md §6).
 */
export async function readFeedDocument(xml: string): Promise<FeedDocument> {
  try {
    return await parseWith(xml, true);
  } catch (strictError) {
    if (!(strictError instanceof XmlSyntaxError)) throw strictError;
    try {
      return await parseWith(xml, false);
    } catch (lenientError) {
      // The strict parser's complaint names the real problem; the lenient one is usually vaguer.
      throw lenientError instanceof UnrecognizedFeedError ? lenientError : strictError;
    }
  }
}

/**
 * Lowercases every tag so strict and non-strict parses (sax uppercases tags in non-strict mode)
 * give the same shape, except the RSS 1.0 root, which rss-parser looks up as `rdf:RDF`. This is
 * why we do not use the `normalizeTags` option toolchain.md §6 suggests: it lowercases that root
 * too, and RSS 1.0 feeds then fail as "not recognized".
 */
function canonicalTagName(name: string): string {
  const lower = name.toLowerCase();
  return lower === "rdf:rdf" ? "rdf:RDF" : lower;
}

function lowercaseName(name: string): string {
  return name.toLowerCase();
}

type FeedDocumentParser = Parser & { parseString(xml: string): Promise<unknown> };
let feedDocumentParserClass:
  (new (options: Parser.ParserOptions<object, object>) => FeedDocumentParser) | undefined;

/**
 * rss-parser detects the format (Atom, RSS 0.9x/2.0, RSS 1.0, versionless RSS via `defaultRSS`)
 * and then builds its own item objects. We keep its detection but replace the builders, because
 * in 3.13.0 they run unguarded: an unparseable Atom `<published>` (`new Date(x).toISOString()`)
 * or an Atom `<link>` without attributes throws and rejects the whole feed, and they drop the
 * `type` attributes, `media:*` elements and `xml:base` we need. The overridden builders hand back
 * the raw elements; `parse-feed.ts` normalises them one item at a time.
 *
 * rss-parser (with xml2js) is loaded on the first feed read rather than at start-up, which its import would slow
 * by about 50 ms.
 */
function newFeedDocumentParser(options: Parser.ParserOptions<object, object>): FeedDocumentParser {
  if (!feedDocumentParserClass) {
    const RssParser = createRequire(import.meta.url)("rss-parser") as typeof Parser;
    feedDocumentParserClass = class extends RssParser {
      buildAtomFeed(xml: { feed: XmlNode }): FeedDocument {
        const feed = asElement(xml.feed);
        return { format: "atom", channel: feed, items: childNodes(feed, "entry") };
      }

      buildRSS0_9(xml: { rss: XmlNode }): FeedDocument {
        return rssDocument(xml.rss);
      }

      buildRSS2(xml: { rss: XmlNode }): FeedDocument {
        return rssDocument(xml.rss);
      }

      buildRSS1(xml: { "rdf:RDF": XmlNode }): FeedDocument {
        const rdf = asElement(xml["rdf:RDF"]);
        const channel = asElement(childNodes(rdf, "channel")[0] ?? {});
        // RSS 1.0 puts items beside the channel, not inside it.
        return { format: "rdf", channel, items: childNodes(rdf, "item") };
      }
    };
  }
  return new feedDocumentParserClass(options);
}

function rssDocument(rssNode: XmlNode): FeedDocument {
  const rss = asElement(rssNode);
  const channel = asElement(childNodes(rss, "channel")[0] ?? {});
  // Some feeds close </channel> before their items; keep those items rather than lose them.
  return { format: "rss", channel, items: [...childNodes(channel, "item"), ...childNodes(rss, "item")] };
}

async function parseWith(xml: string, strict: boolean): Promise<FeedDocument> {
  // A new parser per document: xml2js keeps per-parse state on the instance.
  const parser = newFeedDocumentParser({
    defaultRSS: 2,
    xml2js: {
      strict,
      tagNameProcessors: [canonicalTagName],
      attrNameProcessors: [lowercaseName],
    },
  });
  const parsing = parser.parseString(xml) as unknown as Promise<FeedDocument>;
  // xml2js parses synchronously, so the promise has settled by the next macrotask. If xml2js ever
  // failed to call back (not seen on the 2,300-file corpus, but it reports through events that
  // broken input could skip), the poller would wait forever; treat that as broken XML instead.
  const pending = new Promise<"pending">((resolve) => setImmediate(() => resolve("pending")));
  let outcome: FeedDocument | "pending";
  try {
    outcome = await Promise.race([parsing, pending]);
  } catch (error) {
    throw classifyParserError(error);
  }
  if (outcome === "pending")
    throw new XmlSyntaxError("the XML parser stopped without finishing the document");
  return outcome;
}

function classifyParserError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith("Feed not recognized")) return new UnrecognizedFeedError(message);
  // sax appends "\nLine: n\nColumn: n\nChar: c"; keep the first line and the position.
  const [reason = message, ...details] = message.split("\n");
  const line = details
    .find((detail) => detail.startsWith("Line:"))
    ?.replace("Line:", "")
    .trim();
  const where = line === undefined ? "" : ` at line ${Number(line) + 1}`;
  return new XmlSyntaxError(`${reason.replace(/\.$/, "")}${where}`, { cause: error });
}

/** Treats a text-only element (a plain string to xml2js) as an element with just text. */
export function asElement(node: XmlNode | undefined): XmlElement {
  if (node === undefined) return {};
  return typeof node === "string" ? { _: node } : node;
}

/** The child elements called `name` (lowercase), in document order. */
export function childNodes(element: XmlElement, name: string): XmlNode[] {
  const children = element[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

/** The first child element called `name`. */
export function firstChild(element: XmlElement, name: string): XmlNode | undefined {
  return childNodes(element, name)[0];
}

/** An attribute of an element (names are lowercase), or undefined. */
export function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === "string") return undefined;
  return node.$?.[name];
}

/** The direct text of an element (CDATA included), or "" for none. */
export function ownText(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node;
  return typeof node._ === "string" ? node._ : "";
}

/** Whether an element has child elements (i.e. inline markup rather than only text). */
export function hasChildElements(node: XmlNode | undefined): node is XmlElement {
  if (node === undefined || typeof node === "string") return false;
  return Object.keys(node).some((key) => key !== "$" && key !== "_");
}

/**
 * Renders the inside of an element back to markup, for inline XHTML content. xml2js does not keep
 * the order of text and child elements, so text comes first, then the children; good enough for
 * turning it into plain text and finding `<img>`, which is all we use it for.
 */
export function innerMarkup(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return escapeText(node);
  let markup = typeof node._ === "string" ? escapeText(node._) : "";
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    const tag = key.includes(":") ? key.slice(key.indexOf(":") + 1) : key;
    for (const child of value as XmlNode[]) {
      const attributes = Object.entries(attributesOf(child))
        .map(
          ([name, attrValue]) => ` ${name}="${attrValue.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`,
        )
        .join("");
      markup += ` <${tag}${attributes}>${innerMarkup(child)}</${tag}> `;
    }
  }
  return markup;
}

function attributesOf(node: XmlNode): Readonly<Record<string, string>> {
  return typeof node === "string" ? {} : (node.$ ?? {});
}

function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
