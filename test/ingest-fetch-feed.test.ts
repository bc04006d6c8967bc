import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FeedError, type FeedErrorCode } from "../src/ingest/feed-error.ts";
import { fetchFeed } from "../src/ingest/fetch-feed.ts";
import { type FakeFeedServer, renderRssFeed, startFakeFeedServer } from "./fakes/fake-feed-server.ts";

const LAST_MODIFIED = new Date("2025-05-30T08:00:00Z");

const newsFeed = renderRssFeed({
  title: "Harbour Times",
  link: "https://harbour.example/",
  items: [
    {
      title: "Ferry timetable changes",
      link: "https://harbour.example/ferry",
      guid: "ht-1",
      description: "<p>From <b>Monday</b>, ferries leave every 20 minutes.</p>",
      publishedAt: new Date("2025-05-30T07:00:00Z"),
      imageUrl: "https://harbour.example/ferry.jpg",
    },
    { title: "Fish market reopens", link: "https://harbour.example/market", guid: "ht-2" },
  ],
});

let server: FakeFeedServer;

beforeAll(async () => {
  server = await startFakeFeedServer({
    "/news.xml": { kind: "feed", body: newsFeed, etag: true, lastModified: LAST_MODIFIED },
    "/dated.xml": { kind: "feed", body: newsFeed, lastModified: LAST_MODIFIED },
    "/compressed.xml": { kind: "feed", body: newsFeed, contentEncoding: "gzip" },
    "/slow.xml": { kind: "slow", chunk: "<!-- still here -->", intervalMs: 200 },
    "/fast.xml": { kind: "feed", body: newsFeed },
    "/huge.xml": { kind: "endless" },
    "/home.html": {
      kind: "feed",
      body: "<!doctype html><html><head><title>Harbour Times</title></head><body>Welcome</body></html>",
      contentType: "text/html; charset=utf-8",
    },
    "/gone.xml": { kind: "status", status: 404, body: "Not here" },
    "/broken.xml": { kind: "status", status: 503 },
    "/latin1.xml": {
      kind: "feed",
      body: Buffer.from(
        '<rss version="2.0"><channel><title>Notícias</title><item><title>Ação</title></item></channel></rss>',
        "latin1",
      ),
      contentType: "application/rss+xml; charset=ISO-8859-1",
    },
  });
  for (const hop of [1, 2, 3, 4])
    server.serve(`/moved${hop}.xml`, { kind: "redirect", location: `/moved${hop + 1}.xml`, status: 301 });
  server.serve("/moved5.xml", { kind: "feed", body: newsFeed });
});

afterAll(async () => {
  await server.close();
});

async function expectFeedError(promise: Promise<unknown>, code: FeedErrorCode): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FeedError);
  expect((error as FeedError).code).toBe(code);
  return error as FeedError;
}

describe("fetchFeed", () => {
  test("fetches and parses a feed, returning its validators for the next fetch", async () => {
    const result = await fetchFeed({ url: server.url("/news.xml"), allowPrivateNetwork: true });
    if (result.kind !== "fetched") throw new Error(`expected a fetched feed, got ${result.kind}`);
    expect(result.feed.title).toBe("Harbour Times");
    expect(result.feed.items.map((item) => item.title)).toEqual([
      "Ferry timetable changes",
      "Fish market reopens",
    ]);
    expect(result.feed.items[0]).toMatchObject({
      summary: "From Monday, ferries leave every 20 minutes.",
      imageUrl: "https://harbour.example/ferry.jpg",
    });
    expect(result.etag).toMatch(/^".+"$/);
    expect(result.lastModified).toBe(LAST_MODIFIED.toUTCString());
    expect(result.finalUrl).toBe(server.url("/news.xml"));
  });

  test("a second fetch with the ETag is answered 304 and reported as not modified", async () => {
    const first = await fetchFeed({ url: server.url("/news.xml"), allowPrivateNetwork: true });
    if (first.kind !== "fetched") throw new Error("first fetch should return the feed");
    const before = server.requestCount("/news.xml");

    const second = await fetchFeed({
      url: server.url("/news.xml"),
      etag: first.etag,
      lastModified: first.lastModified,
      allowPrivateNetwork: true,
    });
    expect(second).toEqual({ kind: "not_modified" });
    expect(server.requestCount("/news.xml")).toBe(before + 1);
    expect(server.lastRequestHeaders("/news.xml")?.["if-none-match"]).toBe(first.etag);
    expect(server.lastRequestHeaders("/news.xml")?.["if-modified-since"]).toBe(first.lastModified);
  });

  test("a server without ETags answers 304 to If-Modified-Since", async () => {
    const result = await fetchFeed({
      url: server.url("/dated.xml"),
      lastModified: LAST_MODIFIED.toUTCString(),
      allowPrivateNetwork: true,
    });
    expect(result).toEqual({ kind: "not_modified" });
  });

  test("a stale ETag gets the full feed again", async () => {
    const result = await fetchFeed({
      url: server.url("/news.xml"),
      etag: '"stale"',
      allowPrivateNetwork: true,
    });
    expect(result.kind).toBe("fetched");
  });

  test("a gzip-compressed feed is decompressed, and a Latin-1 feed decoded by its HTTP charset", async () => {
    const compressed = await fetchFeed({ url: server.url("/compressed.xml"), allowPrivateNetwork: true });
    expect(compressed.kind === "fetched" && compressed.feed.items).toHaveLength(2);
    const latin1 = await fetchFeed({ url: server.url("/latin1.xml"), allowPrivateNetwork: true });
    expect(latin1.kind === "fetched" && [latin1.feed.title, latin1.feed.items[0]?.title]).toEqual([
      "Notícias",
      "Ação",
    ]);
  });

  test("three redirects are followed and the final address is reported", async () => {
    const result = await fetchFeed({ url: server.url("/moved2.xml"), allowPrivateNetwork: true });
    expect(result.kind === "fetched" && result.finalUrl).toBe(server.url("/moved5.xml"));
  });

  test("a fourth redirect is refused", async () => {
    const error = await expectFeedError(
      fetchFeed({ url: server.url("/moved1.xml"), allowPrivateNetwork: true }),
      "too_many_redirects",
    );
    expect(error.message).toBe(`The feed at ${server.url("/moved1.xml")} redirected more than 3 times.`);
  });

  test("a slow feed times out without delaying a fast one fetched alongside it", async () => {
    const started = Date.now();
    const slow = expectFeedError(
      fetchFeed({ url: server.url("/slow.xml"), allowPrivateNetwork: true, limits: { timeoutMs: 1_000 } }),
      "timeout",
    );
    const fast = fetchFeed({ url: server.url("/fast.xml"), allowPrivateNetwork: true }).then((result) => ({
      result,
      elapsed: Date.now() - started,
    }));

    const { result, elapsed } = await fast;
    expect(result.kind).toBe("fetched");
    expect(elapsed).toBeLessThan(500);

    const error = await slow;
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(error.message).toBe(`The feed at ${server.url("/slow.xml")} did not answer within 1 second.`);
  });

  test("a huge body is refused as too large once it passes 5 MB", async () => {
    const error = await expectFeedError(
      fetchFeed({ url: server.url("/huge.xml"), allowPrivateNetwork: true }),
      "too_large",
    );
    expect(error.message).toBe(
      `The feed at ${server.url("/huge.xml")} is larger than 5 MB, too big to be a feed.`,
    );
  });

  test("an HTML page is refused as not a feed", async () => {
    const error = await expectFeedError(
      fetchFeed({ url: server.url("/home.html"), allowPrivateNetwork: true }),
      "not_a_feed",
    );
    expect(error.message).toBe(
      `The feed at ${server.url("/home.html")} could not be read. This address returns a web page (HTML), not an RSS or Atom feed.`,
    );
  });

  test("a 404 is reported in plain words with its status", async () => {
    const error = await expectFeedError(
      fetchFeed({ url: server.url("/gone.xml"), allowPrivateNetwork: true }),
      "http_status",
    );
    expect(error.status).toBe(404);
    expect(error.message).toBe(`The feed at ${server.url("/gone.xml")} answered 404 Not Found.`);
  });

  test("a 503 is reported with its status too", async () => {
    const error = await expectFeedError(
      fetchFeed({ url: server.url("/broken.xml"), allowPrivateNetwork: true }),
      "http_status",
    );
    expect(error.message).toBe(`The feed at ${server.url("/broken.xml")} answered 503 Service Unavailable.`);
  });

  test("without allowPrivateNetwork, a feed on this machine is refused as a blocked address", async () => {
    const error = await expectFeedError(fetchFeed({ url: server.url("/news.xml") }), "blocked_address");
    expect(error.message).toContain("private or reserved network address");
  });
});
