import { createHash } from "node:crypto";
import type { FeedItem } from "./parsed-feed.ts";

/**
 * Keys longer than this are hashed: a btree index entry in Postgres is capped at about 2.7 kB,
 * and some feeds use whole URLs with long tracking strings as guids.
 */
const MAX_KEY_LENGTH = 512;

/** Query parameters that only track the click and never change which article a link points to. */
const TRACKING_PARAMETERS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "yclid",
]);

/**
 * The identity of a feed item within its feed: the guid when there is one, else the canonical
 * link, else a SHA-256 of title and date. The guid is used as-is (guids are opaque and
 * case-sensitive); a link is canonicalised so that tracking parameters do not make it new.
 * Guid and link keys are not prefixed, so an item keeps its key when a feed whose guids are
 * its links drops the guids.
 */
export function dedupeKey(item: Pick<FeedItem, "guid" | "link" | "title" | "publishedAt">): string {
  const guid = item.guid?.trim();
  if (guid) return boundedKey(guid);
  const link = item.link === undefined ? undefined : canonicalLink(item.link);
  if (link !== undefined) return boundedKey(link);
  return `sha256:${sha256(`${item.title.trim()}\n${item.publishedAt?.toISOString() ?? ""}`)}`;
}

/**
 * A comparison key for an article address, so that a feed that republishes the same articles
 * under new guids does not flood the owner with duplicates. Lowercases the host, treats http and
 * https as the same (always `https:`), drops default ports, the fragment, `utm_*` and other
 * click-tracking parameters, and a trailing slash. The result is for comparing, not fetching.
 * Returns undefined for anything that is not an http(s) URL.
 */
export function canonicalLink(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  // URL lowercases the host and drops the default port of the original scheme; the port of the other one must go too.
  const port = parsed.port === "80" || parsed.port === "443" ? "" : parsed.port;
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParameter(name));
  const query = kept.length === 0 ? "" : `?${new URLSearchParams(kept).toString()}`;
  const path = parsed.pathname.replace(/\/+$/, "");
  return `https://${parsed.hostname}${port ? `:${port}` : ""}${path}${query}`;
}

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMETERS.has(lower);
}

function boundedKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `sha256:${sha256(key)}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
