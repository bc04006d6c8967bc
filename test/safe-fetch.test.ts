import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  blockedAddressReason,
  checkFetchTarget,
  SAFE_FETCH_USER_AGENT,
  SafeFetchError,
  type SafeFetchErrorCode,
  safeFetch,
} from "../src/shared/safe-fetch.ts";
import { type FakeFeedServer, startFakeFeedServer } from "./fakes/fake-feed-server.ts";

let server: FakeFeedServer;
let otherOrigin: FakeFeedServer;

beforeAll(async () => {
  server = await startFakeFeedServer({
    "/ok": { kind: "feed", body: "<rss/>", contentType: "application/rss+xml" },
    "/to-metadata": { kind: "redirect", location: "http://169.254.169.254/latest/meta-data/" },
    "/to-file": { kind: "redirect", location: "file:///etc/passwd" },
    "/endless": { kind: "endless" },
    "/slow": { kind: "slow", chunk: "<item/>", intervalMs: 100 },
    "/gzip": { kind: "feed", body: "gzipped body", contentEncoding: "gzip" },
    "/br": { kind: "feed", body: "brotli body", contentEncoding: "br" },
    "/deflate": { kind: "feed", body: "deflated body", contentEncoding: "deflate" },
    "/declared-huge": { kind: "feed", body: "x".repeat(300_000) },
    "/missing": { kind: "status", status: 404, body: "nope" },
  });
  // Ten megabytes of zeros compress to about ten kilobytes: a decompression bomb in miniature.
  server.serve("/bomb", {
    kind: "feed",
    body: gzipSync(Buffer.alloc(10 * 1024 * 1024)),
    headers: { "content-encoding": "gzip" },
  });
  server.serve("/bomb-br", {
    kind: "feed",
    body: brotliCompressSync(Buffer.alloc(10 * 1024 * 1024)),
    headers: { "content-encoding": "br" },
  });
  for (const hop of [1, 2, 3, 4])
    server.serve(`/hop${hop}`, { kind: "redirect", location: `/hop${hop + 1}` });
  server.serve("/hop5", { kind: "feed", body: "end of the chain" });

  otherOrigin = await startFakeFeedServer({ "/landing": { kind: "feed", body: "landed" } });
  server.serve("/to-other-origin", { kind: "redirect", location: otherOrigin.url("/landing") });
});

afterAll(async () => {
  await server.close();
  await otherOrigin.close();
});

async function expectRefusal(promise: Promise<unknown>, code: SafeFetchErrorCode): Promise<SafeFetchError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  expect((error as SafeFetchError).code).toBe(code);
  return error as SafeFetchError;
}

describe("safeFetch refuses to reach our own network", () => {
  test("127.0.0.1 is refused before any request is sent", async () => {
    const error = await expectRefusal(safeFetch(server.url("/ok")), "blocked_address");
    expect(error.message).toContain("loopback");
    expect(server.requestCount("/ok")).toBe(0);
  });

  test("localhost is refused at connect time, because the addresses it resolves to are checked", async () => {
    const url = server.url("/ok").replace("127.0.0.1", "localhost");
    await expectRefusal(safeFetch(url), "blocked_address");
    expect(server.requestCount("/ok")).toBe(0);
  });

  test.each([
    ["a private 10.x address", "http://10.1.2.3/feed.xml"],
    ["the cloud metadata service", "http://169.254.169.254/latest/meta-data/"],
    ["IPv6 loopback", "http://[::1]/feed.xml"],
    ["an IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/feed.xml"],
    ["an IPv4-mapped IPv6 private address", "http://[::ffff:192.168.1.1]/"],
    ["a loopback address in decimal notation", "http://2130706433/"],
    ["the unspecified address", "http://0.0.0.0/"],
  ])("%s is refused", async (_label, url) => {
    await expectRefusal(safeFetch(url, { timeoutMs: 2_000 }), "blocked_address");
  });

  test("a host name with both a public and a private address is refused, whichever would be tried first", async () => {
    const resolveHost = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const error = await expectRefusal(
      safeFetch("http://rebinding.example.test/feed.xml", { resolveHost, timeoutMs: 2_000 }),
      "blocked_address",
    );
    expect(error.message).toContain("10.0.0.7");
  });

  test("a host name resolving to an IPv4-mapped private IPv6 address is refused", async () => {
    const resolveHost = async () => [{ address: "::ffff:10.0.0.7", family: 6 }];
    await expectRefusal(
      safeFetch("http://mapped.example.test/", { resolveHost, timeoutMs: 2_000 }),
      "blocked_address",
    );
  });

  test("allowPrivateNetwork lets 127.0.0.1 through and sends our User-Agent", async () => {
    const response = await safeFetch(server.url("/ok"), { allowPrivateNetwork: true });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("<rss/>");
    expect(response.headers["content-type"]).toBe("application/rss+xml");
    expect(server.lastRequestHeaders("/ok")?.["user-agent"]).toBe(SAFE_FETCH_USER_AGENT);
  });

  test("a redirect from an allowed host to the metadata service is refused at the redirect hop", async () => {
    const error = await expectRefusal(
      safeFetch(server.url("/to-metadata"), { allowPrivateNetwork: true }),
      "blocked_address",
    );
    expect(error.message).toContain("169.254.169.254");
    expect(server.requestCount("/to-metadata")).toBe(1);
  });

  test("other schemes are refused, directly and as a redirect target", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.com/feed.xml",
      "gopher://example.com/",
      "javascript:alert(1)",
    ]) {
      await expectRefusal(safeFetch(url), "bad_url");
    }
    await expectRefusal(safeFetch(server.url("/to-file"), { allowPrivateNetwork: true }), "bad_url");
  });

  test("error messages never contain credentials or query strings", async () => {
    const error = await expectRefusal(
      safeFetch("http://alice:hunter2@10.0.0.1/private.xml?token=s3cr3t"),
      "blocked_address",
    );
    expect(error.message).not.toMatch(/alice|hunter2|s3cr3t|token/);
    expect(error.message).toContain("http://10.0.0.1/private.xml");
  });
});

describe("checkFetchTarget and blockedAddressReason (the per-hop check)", () => {
  test.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.0.10",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
    "::127.0.0.1",
    "2002:a00:1::",
  ])("%s is blocked", (address) => {
    expect(blockedAddressReason(address, false)).toBeDefined();
  });

  test.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.215.14"])(
    "%s is a public address",
    (address) => {
      expect(blockedAddressReason(address, false)).toBeUndefined();
    },
  );

  test("allowPrivateNetwork opens loopback and private ranges but never link-local or metadata addresses", () => {
    for (const open of ["127.0.0.1", "10.0.0.1", "192.168.1.1", "100.64.0.1", "::1", "fd12:3456::1"]) {
      expect(blockedAddressReason(open, true)).toBeUndefined();
    }
    for (const closed of ["169.254.169.254", "fe80::1", "fd00:ec2::254", "0.0.0.0", "224.0.0.1"]) {
      expect(blockedAddressReason(closed, true)).toBeDefined();
    }
  });

  test("a literal private IP in the URL is refused without touching the network", () => {
    expect(() => checkFetchTarget("http://192.168.1.1:8080/feed", false)).toThrow(SafeFetchError);
    expect(checkFetchTarget("https://example.com/feed", false).hostname).toBe("example.com");
  });
});

describe("safeFetch limits what it downloads", () => {
  test("an endless body is cut off at the size cap", async () => {
    const started = Date.now();
    const error = await expectRefusal(
      safeFetch(server.url("/endless"), { allowPrivateNetwork: true, maxBytes: 1024 * 1024 }),
      "too_large",
    );
    expect(error.message).toContain("1 MB");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a declared Content-Length over the cap is refused before reading the body", async () => {
    await expectRefusal(
      safeFetch(server.url("/declared-huge"), { allowPrivateNetwork: true, maxBytes: 100_000 }),
      "too_large",
    );
  });

  test.each(["/bomb", "/bomb-br"])("a compression bomb (%s) is refused by its decoded size", async (path) => {
    await expectRefusal(
      safeFetch(server.url(path), { allowPrivateNetwork: true, maxBytes: 1024 * 1024 }),
      "too_large",
    );
  });

  test.each([
    ["/gzip", "gzipped body"],
    ["/br", "brotli body"],
    ["/deflate", "deflated body"],
  ])("a %s body is decompressed", async (path, text) => {
    const response = await safeFetch(server.url(path), { allowPrivateNetwork: true });
    expect(response.body.toString()).toBe(text);
  });

  test("a response that trickles in is stopped at the deadline", async () => {
    const started = Date.now();
    const error = await expectRefusal(
      safeFetch(server.url("/slow"), { allowPrivateNetwork: true, timeoutMs: 400 }),
      "timeout",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toContain("0.4 seconds");
  });

  test("three redirects are followed, a fourth is refused", async () => {
    const ok = await safeFetch(server.url("/hop2"), { allowPrivateNetwork: true, maxRedirects: 3 });
    expect(ok.body.toString()).toBe("end of the chain");
    expect(ok.finalUrl).toBe(server.url("/hop5"));

    await expectRefusal(
      safeFetch(server.url("/hop1"), { allowPrivateNetwork: true, maxRedirects: 3 }),
      "too_many_redirects",
    );
  });

  test("error statuses are returned, not thrown", async () => {
    const response = await safeFetch(server.url("/missing"), { allowPrivateNetwork: true });
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe("nope");
  });

  test("Authorization is not forwarded when a redirect leaves the origin", async () => {
    await safeFetch(server.url("/to-other-origin"), {
      allowPrivateNetwork: true,
      headers: { Authorization: "Bearer secret-token", "X-Feed-Reader": "yes" },
    });
    const headers = otherOrigin.lastRequestHeaders("/landing");
    expect(headers?.authorization).toBeUndefined();
    expect(headers?.["x-feed-reader"]).toBe("yes");
    expect(server.lastRequestHeaders("/to-other-origin")?.authorization).toBe("Bearer secret-token");
  });

  test("a server that does not exist is a network error in plain words", async () => {
    const error = await expectRefusal(
      safeFetch("http://does-not-exist.invalid/feed.xml", { timeoutMs: 5_000 }),
      "network",
    );
    expect(error.message).toContain("does-not-exist.invalid");
  });
});
