import { describe, expect, test } from "vitest";
import { canonicalLink, dedupeKey } from "../src/ingest/dedupe-key.ts";

describe("dedupeKey", () => {
  test("uses the guid as it is when there is one", () => {
    expect(dedupeKey({ guid: "  Tag:Example,2025:ABC ", link: "https://example.com/a", title: "t" })).toBe(
      "Tag:Example,2025:ABC",
    );
  });

  test("without a guid, uses the canonical link, so tracking parameters do not create a new item", () => {
    const first = dedupeKey({
      link: "https://Example.com/post/1/?utm_source=rss&utm_medium=feed",
      title: "A",
    });
    const second = dedupeKey({ link: "http://example.com/post/1#comments", title: "A (updated)" });
    expect(first).toBe("https://example.com/post/1");
    expect(second).toBe(first);
  });

  test("keeps the key stable when a feed whose guids were its links drops the guids", () => {
    expect(dedupeKey({ guid: "https://example.com/post/1", title: "A" })).toBe(
      dedupeKey({ link: "https://example.com/post/1", title: "A" }),
    );
  });

  test("without guid or link, hashes title and date", () => {
    const publishedAt = new Date("2025-01-01T00:00:00Z");
    const key = dedupeKey({ title: "Only a title", publishedAt });
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(dedupeKey({ title: " Only a title ", publishedAt })).toBe(key);
    expect(dedupeKey({ title: "Only a title", publishedAt: new Date("2025-01-02T00:00:00Z") })).not.toBe(key);
  });

  test("hashes very long guids so the key fits a database index", () => {
    const key = dedupeKey({ guid: `https://example.com/${"x".repeat(2000)}`, title: "t" });
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("canonicalLink", () => {
  test.each([
    ["https://EXAMPLE.com/Path/", "https://example.com/Path"],
    ["http://example.com:80/a", "https://example.com/a"],
    ["https://example.com:8443/a", "https://example.com:8443/a"],
    ["https://example.com/a?id=7&utm_campaign=x&fbclid=abc&gclid=def", "https://example.com/a?id=7"],
    ["https://example.com/a?UTM_SOURCE=x", "https://example.com/a"],
    ["https://example.com/#top", "https://example.com"],
    ["https://user:secret@example.com/a", "https://example.com/a"],
  ])("%s → %s", (url, canonical) => {
    expect(canonicalLink(url)).toBe(canonical);
  });

  test.each(["mailto:a@example.com", "not a url", "ftp://example.com/x"])(
    "%s is not an article link",
    (url) => {
      expect(canonicalLink(url)).toBeUndefined();
    },
  );
});
