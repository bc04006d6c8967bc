/** One entry of a feed, normalised across RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom. */
export interface FeedItem {
  /** RSS `<guid>`, Atom `<id>`, or RSS 1.0 `rdf:about`; opaque, compared as-is. */
  guid?: string;
  /** The article's address, absolute (relative links are resolved against the feed). */
  link?: string;
  /** Plain text, whitespace collapsed; empty when the feed gives no title. */
  title: string;
  /** Plain text from the description/summary (else the full content), capped at ~2,000 characters. */
  summary: string;
  author?: string;
  publishedAt?: Date;
  /** An absolute http(s) address of the item's picture, when the feed names one. */
  imageUrl?: string;
}

export interface ParsedFeed {
  /** Plain text; empty when the feed gives no title. */
  title: string;
  /** The site the feed belongs to, absolute. */
  link?: string;
  items: FeedItem[];
}
