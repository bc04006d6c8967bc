import { STATUS_CODES } from "node:http";
import {
  describeUrl,
  type ResolveHost,
  SafeFetchError,
  safeFetch,
  UNSUPPORTED_CONTENT_ENCODING,
} from "../shared/safe-fetch.ts";
import { decodeFeedBytes } from "./decode-feed-bytes.ts";
import { FeedError } from "./feed-error.ts";
import type { FeedProblem } from "./feed-problem.ts";
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
 * failure is a `FeedError` whose problem says what failed for the feed's owner, for example
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
      throw new FeedError(error.code, fetchFailureProblem(error, input.url, where, limits), { cause: error });
    }
    throw error;
  }

  if (response.status === 304) return { kind: "not_modified" };
  if (response.status < 200 || response.status > 299) {
    const reason = STATUS_CODES[response.status];
    throw new FeedError(
      "http_status",
      {
        key: "feed-failure-http-status",
        args: { url: where, status: `${response.status}${reason ? ` ${reason}` : ""}` },
      },
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
        { key: "feed-failure-unreadable", args: { url: where, problem: error.problem } },
        { cause: error },
      );
    }
    throw error;
  }
}

/** What failed in the download, as specific as the error lets us be: the owner can fix an address, not "an error". */
function fetchFailureProblem(
  error: SafeFetchError,
  url: string,
  where: string,
  limits: FeedFetchLimits,
): FeedProblem {
  const at = { url: where };
  switch (error.code) {
    case "timeout":
      return {
        key: "feed-failure-timeout",
        args: { ...at, seconds: Math.round(limits.timeoutMs / 100) / 10 },
      };
    case "too_large":
      return {
        key: "feed-failure-too-large",
        args: { ...at, megabytes: Math.round(limits.maxBytes / 104_857.6) / 10 },
      };
    case "too_many_redirects":
      return { key: "feed-failure-too-many-redirects", args: { ...at, count: limits.maxRedirects } };
    case "blocked_address":
      return { key: "feed-failure-blocked-address", args: at };
    case "bad_url":
      return badAddressProblem(url, where);
    case "network":
      return networkProblem(error, url, where);
  }
}

/** The address itself, or a redirect's target, is not one we fetch. */
function badAddressProblem(url: string, where: string): FeedProblem {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { key: "feed-failure-bad-address" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return {
      key: "feed-failure-bad-protocol",
      args: { url: where, protocol: parsed.protocol.replace(/:$/, "") },
    };
  return { key: "feed-failure-bad-redirect", args: { url: where } };
}

/** Node's error code for a failed connection names what went wrong; anything else is named by its code. */
function networkProblem(error: SafeFetchError, url: string, where: string): FeedProblem {
  const cause = error.cause as (NodeJS.ErrnoException & { encoding?: string }) | undefined;
  const code = cause?.code ?? "";
  const host = error.host ?? hostOf(url);
  const byHost = (key: string): FeedProblem => ({ key, args: { url: where, host } });
  switch (code) {
    case "ENOTFOUND":
      return byHost("feed-failure-host-not-found");
    case "EAI_AGAIN":
      return byHost("feed-failure-dns-unavailable");
    case "ECONNREFUSED":
      return byHost("feed-failure-refused");
    case "ECONNRESET":
    case "EPIPE":
      return byHost("feed-failure-connection-closed");
    case "ETIMEDOUT":
      return byHost("feed-failure-no-response");
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return byHost("feed-failure-unreachable");
    case "Z_DATA_ERROR":
    case "Z_BUF_ERROR":
      return byHost("feed-failure-corrupt-compression");
    case UNSUPPORTED_CONTENT_ENCODING:
      return {
        key: "feed-failure-unknown-encoding",
        args: { url: where, encoding: String(cause?.encoding ?? "").slice(0, 40) },
      };
  }
  if (code.startsWith("HPE_")) return byHost("feed-failure-invalid-http");
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code))
    return byHost("feed-failure-certificate");
  return { key: "feed-failure-network", args: { url: where, host, code: code.slice(0, 40) || "?" } };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "?";
  }
}
