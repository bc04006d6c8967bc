/**
 * A local web server that plays the feeds Greenlight reads, over real HTTP on 127.0.0.1 (port 0),
 * so the fetcher is exercised end to end: status codes, headers, compression, redirects, slow and
 * endless bodies, and conditional GET with real 304 answers.
 *
 * Routes are keyed by path (without the query string). A route is a plain description, or a
 * generator for a whole path prefix, so a benchmark can serve 1,000 feeds × 50 items without
 * registering each one: `serveGeneratedFeeds("/feeds/", (path) => ...)`. Static bodies are
 * encoded, compressed and hashed once, when the route is set; generated bodies per request.
 *
 * The server counts requests per path and keeps the headers of the last request to each path.
 */

import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

export type FakeFeedRoute =
  | {
      kind: "feed";
      /** The bytes to serve; a function is called on every request. */
      body: string | Buffer | (() => string | Buffer);
      /** Default `application/rss+xml; charset=utf-8`. */
      contentType?: string;
      /** A fixed ETag, or `true` to derive one from the body. Enables If-None-Match → 304. */
      etag?: string | true;
      /** Enables If-Modified-Since → 304. */
      lastModified?: Date;
      contentEncoding?: "gzip" | "deflate" | "br";
      headers?: Record<string, string>;
    }
  | { kind: "redirect"; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { kind: "status"; status: number; body?: string; contentType?: string }
  /** Sends headers at once, then one chunk every `intervalMs`; forever unless `chunks` is set. */
  | { kind: "slow"; chunk: string; intervalMs: number; chunks?: number; contentType?: string }
  /** Sends bytes as fast as the client reads them, forever, without a Content-Length. */
  | { kind: "endless"; contentType?: string };

export interface FakeFeedServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  url(path: string): string;
  serve(path: string, route: FakeFeedRoute): void;
  /** Serves every path under `prefix` from `generate`; a path it returns undefined for gets a 404. */
  serveGeneratedFeeds(prefix: string, generate: (path: string) => FakeFeedRoute | undefined): void;
  requestCount(path: string): number;
  lastRequestHeaders(path: string): IncomingHttpHeaders | undefined;
  close(): Promise<void>;
}

export interface FakeFeedItem {
  title: string;
  link: string;
  guid?: string;
  description?: string;
  publishedAt?: Date;
  imageUrl?: string;
}

/** Renders a small, valid RSS 2.0 document; cheap enough to call per request. */
export function renderRssFeed(feed: { title: string; link: string; items: readonly FakeFeedItem[] }): string {
  const items = feed.items.map((item) => {
    const parts = [
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      item.guid === undefined ? "" : `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
      item.description === undefined ? "" : `<description>${escapeXml(item.description)}</description>`,
      item.publishedAt === undefined ? "" : `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      item.imageUrl === undefined
        ? ""
        : `<enclosure url="${escapeXml(item.imageUrl)}" type="image/jpeg" length="0"/>`,
    ];
    return `<item>${parts.join("")}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(feed.title)}</title><link>${escapeXml(feed.link)}</link>${items.join("\n")}</channel></rss>\n`;
}

type OtherRoute = Exclude<FakeFeedRoute, { kind: "feed" }>;
type StoredRoute = PreparedFeed | OtherRoute;

interface PreparedFeed {
  route: Extract<FakeFeedRoute, { kind: "feed" }>;
  /** Encoded (and compressed) once for static bodies. */
  cached?: { body: Buffer; etag: string | undefined };
}

export async function startFakeFeedServer(
  routes: Record<string, FakeFeedRoute> = {},
): Promise<FakeFeedServer> {
  const exact = new Map<string, StoredRoute>();
  const generators: { prefix: string; generate: (path: string) => FakeFeedRoute | undefined }[] = [];
  const counts = new Map<string, number>();
  const lastHeaders = new Map<string, IncomingHttpHeaders>();

  const prepare = (route: FakeFeedRoute): StoredRoute => {
    if (route.kind !== "feed") return route;
    return typeof route.body === "function" ? { route } : { route, cached: encodeFeed(route, route.body) };
  };
  for (const [path, route] of Object.entries(routes)) exact.set(path, prepare(route));

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    lastHeaders.set(path, request.headers);

    let route: StoredRoute | undefined = exact.get(path);
    if (route === undefined) {
      const generator = generators.find((candidate) => path.startsWith(candidate.prefix));
      const generated = generator?.generate(path);
      route =
        generated === undefined ? undefined : generated.kind === "feed" ? { route: generated } : generated;
    }
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    if ("route" in route) {
      serveFeed(request, response, route);
      return;
    }
    serveOther(request, response, route);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    serve: (path, route) => {
      exact.set(path, prepare(route));
    },
    serveGeneratedFeeds: (prefix, generate) => {
      generators.push({ prefix, generate });
    },
    requestCount: (path) => counts.get(path) ?? 0,
    lastRequestHeaders: (path) => lastHeaders.get(path),
    close: async () => {
      // Slow and endless responses never end by themselves; cut them so close() returns.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function encodeFeed(route: Extract<FakeFeedRoute, { kind: "feed" }>, body: string | Buffer) {
  const raw = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const etag =
    route.etag === true
      ? `"${createHash("sha1").update(raw).digest("base64url")}"`
      : (route.etag ?? undefined);
  const compressed =
    route.contentEncoding === "gzip"
      ? gzipSync(raw)
      : route.contentEncoding === "deflate"
        ? deflateSync(raw)
        : route.contentEncoding === "br"
          ? brotliCompressSync(raw)
          : raw;
  return { body: compressed, etag };
}

function serveFeed(request: IncomingMessage, response: ServerResponse, prepared: PreparedFeed): void {
  const { route } = prepared;
  const { body, etag } =
    prepared.cached ?? encodeFeed(route, typeof route.body === "function" ? route.body() : route.body);
  const headers: Record<string, string> = {
    "content-type": route.contentType ?? "application/rss+xml; charset=utf-8",
    ...route.headers,
  };
  if (etag !== undefined) headers.etag = etag;
  if (route.lastModified !== undefined) headers["last-modified"] = route.lastModified.toUTCString();

  if (isNotModified(request, etag, route.lastModified)) {
    response.writeHead(304, headers).end();
    return;
  }
  if (route.contentEncoding !== undefined) headers["content-encoding"] = route.contentEncoding;
  headers["content-length"] = String(body.length);
  response.writeHead(200, headers).end(body);
}

/** RFC 9110 §13.1: If-None-Match wins; If-Modified-Since only counts when there is no If-None-Match. */
function isNotModified(
  request: IncomingMessage,
  etag: string | undefined,
  lastModified: Date | undefined,
): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    if (etag === undefined) return false;
    const weakless = (tag: string) => tag.trim().replace(/^W\//, "");
    return (
      ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => weakless(tag) === weakless(etag))
    );
  }
  const ifModifiedSince = request.headers["if-modified-since"];
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have one-second resolution.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

function serveOther(request: IncomingMessage, response: ServerResponse, route: OtherRoute): void {
  switch (route.kind) {
    case "redirect":
      response.writeHead(route.status ?? 302, { location: route.location }).end();
      return;
    case "status":
      response
        .writeHead(route.status, { "content-type": route.contentType ?? "text/plain" })
        .end(route.body ?? "");
      return;
    case "slow": {
      response.writeHead(200, { "content-type": route.contentType ?? "application/rss+xml" });
      response.flushHeaders();
      let sent = 0;
      const timer = setInterval(() => {
        response.write(route.chunk);
        sent += 1;
        if (route.chunks !== undefined && sent >= route.chunks) {
          clearInterval(timer);
          response.end();
        }
      }, route.intervalMs);
      request.socket.once("close", () => clearInterval(timer));
      return;
    }
    case "endless": {
      response.writeHead(200, { "content-type": route.contentType ?? "application/rss+xml" });
      const chunk = Buffer.alloc(64 * 1024, "<item><title>spam</title></item>");
      let open = true;
      request.socket.once("close", () => {
        open = false;
      });
      const pump = () => {
        // Respect backpressure: write until the socket buffer is full, then wait for it to drain.
        while (open && response.write(chunk)) {
          // keep writing
        }
        if (open) response.once("drain", pump);
      };
      pump();
      return;
    }
  }
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
