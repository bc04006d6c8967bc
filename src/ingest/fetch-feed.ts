import { STATUS_CODES } from "node:http";
import { describeUrl, type ResolveHost, SafeFetchError, safeFetch } from "../shared/safe-fetch.ts";
import { decodeFeedBytes } from "./decode-feed-bytes.ts";
import { FeedError } from "./feed-error.ts";
import { parseFeed } from "./parse-feed.ts";
import type { ParsedFeed } from "./parsed-feed.ts";

/** Limits for one feed download. A feed is small; anything slower or bigger than this is not one we want. */
export interface FeedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FEED_FETCH_LIMITS: FeedFetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
};

export interface FetchFeedInput {
  url: string;
  /** The ETag from the last successful fetch, sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified from the last successful fetch, sent as If-Modified-Since. */
  lastModified?: string;
  allowPrivateNetwork?: boolean;
  limits?: Partial<FeedFetchLimits>;
  resolveHost?: ResolveHost;
}

export type FetchFeedResult =
  | { kind: "not_modified" }
  | {
      kind: "fetched";
      feed: ParsedFeed;
      /** Validators to store for the next conditional GET; undefined when the server sent none. */
      etag?: string;
      lastModified?: string;
      /** Where the feed was finally found, after redirects. */
      finalUrl: string;
    };

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

/**
 * Downloads and parses one feed with a conditional GET. A 304 answer is `not_modified`; any other
 * failure is a `FeedError` whose message can be shown to the feed's owner as is, for example
 * "The feed at https://example.com/feed.xml answered 404 Not Found."
 */
export async function fetchFeed(input: FetchFeedInput): Promise<FetchFeedResult> {
  const limits = { ...DEFAULT_FEED_FETCH_LIMITS, ...input.limits };
  const where = describeUrl(input.url);
  const headers: Record<string, string> = {};
  if (input.etag) headers["if-none-match"] = input.etag;
  if (input.lastModified) headers["if-modified-since"] = input.lastModified;

  let response: Awaited<ReturnType<typeof safeFetch>>;
  try {
    response = await safeFetch(input.url, {
      ...limits,
      allowPrivateNetwork: input.allowPrivateNetwork ?? false,
      accept: FEED_ACCEPT,
      headers,
      ...(input.resolveHost ? { resolveHost: input.resolveHost } : {}),
    });
  } catch (error) {
    if (error instanceof SafeFetchError) {
      throw new FeedError(error.code, fetchFailureMessage(error, where, limits), { cause: error });
    }
    throw error;
  }

  if (response.status === 304) return { kind: "not_modified" };
  if (response.status < 200 || response.status > 299) {
    const reason = STATUS_CODES[response.status];
    throw new FeedError(
      "http_status",
      `The feed at ${where} answered ${response.status}${reason ? ` ${reason}` : ""}.`,
      { status: response.status },
    );
  }

  try {
    const text = decodeFeedBytes(response.body, response.headers["content-type"]);
    const feed = await parseFeed(text, { feedUrl: response.finalUrl });
    return {
      kind: "fetched",
      feed,
      etag: response.headers.etag,
      lastModified: response.headers["last-modified"],
      finalUrl: response.finalUrl,
    };
  } catch (error) {
    if (error instanceof FeedError) {
      throw new FeedError(
        error.code,
        `The feed at ${where} could not be read: ${lowerFirst(error.message)}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function fetchFailureMessage(error: SafeFetchError, where: string, limits: FeedFetchLimits): string {
  switch (error.code) {
    case "timeout":
      return `The feed at ${where} did not answer within ${formatSeconds(limits.timeoutMs)}.`;
    case "too_large":
      return `The feed at ${where} is larger than ${Math.round(limits.maxBytes / 104_857.6) / 10} MB, too big to be a feed.`;
    case "too_many_redirects":
      return `The feed at ${where} redirected more than ${limits.maxRedirects} times.`;
    case "blocked_address":
      return `The feed at ${where} points to a private or reserved network address, which Greenlight does not fetch from.`;
    default:
      return `The feed at ${where} could not be reached: ${lowerFirst(error.message)}`;
  }
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

function lowerFirst(text: string): string {
  // Keep "HTTP…"/"URL…" capitalised; only lowercase an ordinary first word.
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
