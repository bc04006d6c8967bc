import { promises as dns, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";

/**
 * Why a fetch was refused or failed. Stable strings, used by callers to decide what to tell an
 * owner and whether a retry can help.
 */
export type SafeFetchErrorCode =
  "blocked_address" | "bad_url" | "timeout" | "too_large" | "too_many_redirects" | "network";

/**
 * A refused or failed fetch. The message is plain words for a person and never contains
 * credentials or query strings (see `describeUrl`); `cause` keeps the low-level error.
 */
export class SafeFetchError extends Error {
  override readonly name = "SafeFetchError";
  readonly code: SafeFetchErrorCode;
  /** The host of the hop that failed, for a `network` error: after a redirect, not the first address's. */
  readonly host: string | undefined;

  constructor(code: SafeFetchErrorCode, message: string, options: { cause?: unknown; host?: string } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.host = options.host;
  }
}

/** The `cause.code` of a `network` error for an answer in a content encoding we cannot decode. */
export const UNSUPPORTED_CONTENT_ENCODING = "ERR_UNSUPPORTED_CONTENT_ENCODING";

/** Resolves a host name to every address it has, like `dns.lookup(host, { all: true })`. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeFetchOptions {
  /** Deadline for the whole fetch: DNS, connect, every redirect hop and the full body. Default 10 s. */
  timeoutMs?: number;
  /** Largest body accepted, counted after decompression (and before, for compressed bodies). Default 5 MB. */
  maxBytes?: number;
  /** How many redirects to follow; one more is an error. Default 3. */
  maxRedirects?: number;
  /**
   * Let loopback, private (RFC 1918), CGNAT and unique-local IPv6 addresses through, for
   * self-hosters whose feeds live on their own network, and for tests. Link-local addresses
   * (including the 169.254.169.254 cloud metadata service), multicast and unspecified addresses
   * stay blocked regardless: nothing legitimate serves feeds or pictures there.
   */
  allowPrivateNetwork?: boolean;
  /** Extra request headers. Authorization and Cookie are not forwarded to another origin on redirect. */
  headers?: Record<string, string>;
  /** The Accept header. Default `*\/*`. */
  accept?: string;
  /** DNS resolver; defaults to the system resolver (`dns.lookup`, which honours /etc/hosts). */
  resolveHost?: ResolveHost;
}

export interface SafeFetchResponse {
  status: number;
  /** Response headers of the final hop, names lowercased, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body, decompressed. */
  body: Buffer;
  /** The address that answered, after redirects. */
  finalUrl: string;
}

export const SAFE_FETCH_USER_AGENT = "Greenlight/0.1 (+feed reader)";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the caller's identity; they must not follow a redirect to someone else. */
const CREDENTIAL_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

const systemResolveHost: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Fetches a URL someone else gave us (a feed, an article page, a picture) without letting it
 * reach our own network. Only http and https; every address a host resolves to is checked when
 * the connection is made (so DNS rebinding between check and connect cannot slip through), and
 * again on every redirect hop; literal IPs are checked before connecting. The body is streamed
 * and cut off past `maxBytes`, and one deadline covers the whole exchange.
 *
 * Resolves with any HTTP status (including 4xx/5xx and 304); rejects only with `SafeFetchError`.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const allowPrivateNetwork = options.allowPrivateNetwork ?? false;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const limits: HopLimits = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    lookup: guardedLookup(options.resolveHost ?? systemResolveHost, allowPrivateNetwork),
  };

  let current = checkFetchTarget(url, allowPrivateNetwork);
  const firstOrigin = current.origin;
  const controller = new AbortController();
  const deadline = setTimeout(() => {
    controller.abort(
      new SafeFetchError(
        "timeout",
        `${describeUrl(current)} did not answer within ${formatSeconds(timeoutMs)}.`,
      ),
    );
  }, timeoutMs);

  try {
    for (let redirects = 0; ; redirects += 1) {
      const headers = requestHeaders(options, current.origin === firstOrigin);
      const hop = await fetchOnce(current, headers, limits, controller.signal);
      if (hop.kind === "response") return { ...hop.response, finalUrl: current.href };
      if (redirects >= maxRedirects) {
        throw new SafeFetchError(
          "too_many_redirects",
          `${describeUrl(url)} redirected more than ${maxRedirects} time${maxRedirects === 1 ? "" : "s"}.`,
        );
      }
      current = checkFetchTarget(resolveRedirect(hop.location, current), allowPrivateNetwork);
    }
  } catch (error) {
    // Once the deadline fires, whatever broke next (a reset socket, a cut stream) is the timeout's doing.
    throw controller.signal.aborted
      ? (controller.signal.reason as SafeFetchError)
      : toSafeFetchError(error, current);
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * Checks one hop before any connection: the URL must parse, use http or https, and, if its host
 * is a literal IP, that IP must be allowed. Host names are checked later, at connect time, on
 * every address they resolve to. Returns the parsed URL or throws `SafeFetchError`.
 */
export function checkFetchTarget(url: string | URL, allowPrivateNetwork: boolean): URL {
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url) : url;
  } catch {
    throw new SafeFetchError("bad_url", "That is not a valid web address.");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new SafeFetchError(
      "bad_url",
      `Only http and https addresses can be fetched, not ${parsed.protocol.replace(/:$/, "")}.`,
    );
  }
  const literal = literalIp(parsed.hostname);
  if (literal !== undefined) {
    const reason = blockedAddressReason(literal, allowPrivateNetwork);
    if (reason !== undefined) throw blockedError(describeUrl(parsed), literal, reason);
  }
  return parsed;
}

/**
 * Why an IP address must not be fetched from, in plain words, or undefined when it is a public
 * address (or a private one and `allowPrivateNetwork` is set). IPv4-mapped IPv6 addresses
 * (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry.
 */
export function blockedAddressReason(address: string, allowPrivateNetwork: boolean): string | undefined {
  if (!ipaddr.isValid(address)) return "is not a valid IP address";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === "unicast") {
    // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291) is "unicast" to ipaddr.js but may reach IPv4 hosts.
    if (ip.kind() === "ipv6" && ip.toNormalizedString().startsWith("0:0:0:0:0:0:"))
      return "is a reserved address";
    return undefined;
  }
  // AWS's IPv6 instance metadata endpoint sits in unique-local space; it stays closed even when
  // private networks are allowed, like its IPv4 twin 169.254.169.254.
  if (ip.kind() === "ipv6" && ip.toNormalizedString() === "fd00:ec2:0:0:0:0:0:254")
    return "is a cloud metadata address";
  const privateRanges: Record<string, string> = {
    loopback: "is this machine (loopback)",
    private: "is on a private network",
    uniqueLocal: "is on a private network",
    carrierGradeNat: "is on a carrier-grade NAT network",
  };
  const privateReason = privateRanges[range];
  if (privateReason !== undefined) return allowPrivateNetwork ? undefined : privateReason;
  const alwaysBlocked: Record<string, string> = {
    linkLocal: "is a link-local address (such as the cloud metadata service)",
    unspecified: "is not a real destination (unspecified address)",
    multicast: "is a multicast address",
    broadcast: "is a broadcast address",
  };
  return alwaysBlocked[range] ?? "is a reserved address";
}

/**
 * A URL as a person should see it in a message: scheme, host and path, without credentials,
 * query string or fragment (queries often carry tokens). Falls back to a fixed phrase.
 */
export function describeUrl(url: string | URL): string {
  try {
    const parsed = typeof url === "string" ? new URL(url) : url;
    const query = parsed.search === "" ? "" : "?…";
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
  } catch {
    return "the address";
  }
}

// ---------------------------------------------------------------- one hop

interface HopLimits {
  maxBytes: number;
  lookup: LookupFunction;
}

type HopResult =
  | { kind: "response"; response: Omit<SafeFetchResponse, "finalUrl"> }
  | { kind: "redirect"; location: string };

function fetchOnce(
  url: URL,
  headers: Record<string, string>,
  limits: HopLimits,
  signal: AbortSignal,
): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port === "" ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers,
      auth:
        url.username === ""
          ? undefined
          : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
      lookup: limits.lookup,
      // No shared agent: a pooled keep-alive socket opened under allowPrivateNetwork must never be
      // reused by a fetch without it, and the pool is keyed by host and port, not by our policy.
      agent: false,
    });
    const onAbort = () => request.destroy(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal.removeEventListener("abort", onAbort);

    request.on("error", (error) => {
      settle();
      reject(error);
    });
    request.on("response", (response) => {
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
        response.destroy();
        settle();
        resolve({ kind: "redirect", location });
        return;
      }
      readBody(response, limits.maxBytes, describeUrl(url), signal).then(
        (body) => {
          settle();
          resolve({
            kind: "response",
            response: { status: response.statusCode ?? 0, headers: flattenHeaders(response), body },
          });
        },
        (error: unknown) => {
          settle();
          request.destroy();
          reject(error);
        },
      );
    });
    request.end();
  });
}

/**
 * Streams the body through the right decompressor and stops as soon as either the bytes on the
 * wire or the decoded bytes pass `maxBytes`, so neither a huge download nor a compression bomb
 * gets buffered.
 */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  where: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () => new SafeFetchError("too_large", `${where} sent more than ${formatBytes(maxBytes)}.`);
  const declaredLength = Number(response.headers["content-length"]);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    response.destroy();
    throw tooLarge();
  }

  const decoder = decoderFor(response.headers["content-encoding"], where);
  let source: Readable = response;
  if (decoder !== undefined) {
    let wireBytes = 0;
    response.on("data", (chunk: Buffer) => {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) decoder.destroy(tooLarge());
    });
    source = pipeline(response, decoder, () => {});
  }
  const onAbort = () => source.destroy(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });

  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    // Leaving the loop early (cap, abort) must close the socket, not leave it draining.
    response.destroy();
  }
  return Buffer.concat(chunks, total);
}

function decoderFor(
  contentEncoding: string | undefined,
  where: string,
): zlib.Gunzip | zlib.BrotliDecompress | undefined {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  // Z_SYNC_FLUSH on finish: accept a stream cut short at the end, as browsers do.
  switch (encoding) {
    case "":
    case "identity":
      return undefined;
    case "gzip":
    case "x-gzip":
    case "deflate":
      // Unzip detects gzip and zlib framing; servers label either as the other often enough.
      return zlib.createUnzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case "br":
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new SafeFetchError(
        "network",
        `${where} sent its answer in an encoding we cannot read (${encoding}).`,
        {
          cause: Object.assign(new Error(`unsupported content-encoding ${encoding}`), {
            code: UNSUPPORTED_CONTENT_ENCODING,
            encoding,
          }),
        },
      );
  }
}

// ---------------------------------------------------------------- DNS and addresses

/**
 * A `lookup` for http.request that resolves the host and refuses the connection if ANY of its
 * addresses is blocked. Checking every address, not just the one connected to, closes the gap
 * where a host lists a public and a private address and the connection falls back to the
 * private one (Node tries several addresses when `autoSelectFamily` is on).
 */
function guardedLookup(resolveHost: ResolveHost, allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(dnsNotFound(hostname), "", 0);
          return;
        }
        for (const { address } of addresses) {
          const reason = blockedAddressReason(address, allowPrivateNetwork);
          if (reason !== undefined) {
            callback(blockedError(hostname, address, reason), "", 0);
            return;
          }
        }
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable =
          family === undefined ? addresses : addresses.filter((entry) => entry.family === family);
        const first = usable[0];
        if (first === undefined) {
          callback(dnsNotFound(hostname), "", 0);
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

function literalIp(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return isIP(bare) === 0 ? undefined : bare;
}

function blockedError(where: string, address: string, reason: string): SafeFetchError {
  return new SafeFetchError(
    "blocked_address",
    `${where} was not fetched: its address ${address} ${reason}, and Greenlight only fetches from the public internet.`,
  );
}

function dnsNotFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`No address found for ${hostname}`), { code: "ENOTFOUND" });
}

// ---------------------------------------------------------------- helpers

function requestHeaders(options: SafeFetchOptions, sameOrigin: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": SAFE_FETCH_USER_AGENT,
    accept: options.accept ?? "*/*",
    "accept-encoding": "gzip, deflate, br",
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!sameOrigin && CREDENTIAL_HEADERS.has(lower)) continue;
    headers[lower] = value;
  }
  return headers;
}

function resolveRedirect(location: string, current: URL): URL {
  try {
    return new URL(location, current);
  } catch {
    throw new SafeFetchError(
      "bad_url",
      `${describeUrl(current)} redirected to an address that is not valid.`,
    );
  }
}

function flattenHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Maps whatever went wrong to a SafeFetchError with words a person understands. */
function toSafeFetchError(error: unknown, url: URL): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  const where = describeUrl(url);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const host = url.hostname;
  const reasons: Record<string, string> = {
    ENOTFOUND: `The server ${host} could not be found.`,
    EAI_AGAIN: `The server ${host} could not be looked up right now.`,
    ECONNREFUSED: `${host} refused the connection.`,
    ECONNRESET: `${host} closed the connection unexpectedly.`,
    EPIPE: `${host} closed the connection unexpectedly.`,
    ETIMEDOUT: `${host} did not respond.`,
    EHOSTUNREACH: `${host} cannot be reached.`,
    ENETUNREACH: `${host} cannot be reached.`,
    HPE_INVALID_CONSTANT: `${where} did not answer with valid HTTP.`,
    Z_DATA_ERROR: `${where} sent a compressed answer that is corrupt.`,
    Z_BUF_ERROR: `${where} sent a compressed answer that is corrupt.`,
  };
  const tlsProblem = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code);
  const message =
    reasons[code] ??
    (tlsProblem
      ? `The secure connection to ${host} failed (its certificate could not be verified).`
      : code.startsWith("HPE_")
        ? `${where} did not answer with valid HTTP.`
        : `Could not fetch ${where}.`);
  return new SafeFetchError("network", message, { cause: error, host });
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
