import { describe, expect, test } from "vitest";
import { findOgImage } from "../src/ingest/og-image.ts";

const PAGE = "https://news.example.com/2025/06/story.html";

describe("findOgImage", () => {
  test("reads og:image whatever the attribute order and quoting, decoding entities", () => {
    const html = `<html><head>
      <meta content='https://cdn.example.com/a.jpg?w=1200&amp;h=630' property="og:image">
      <meta name="twitter:image" content="https://cdn.example.com/twitter.jpg">
    </head><body></body></html>`;
    expect(findOgImage(html, PAGE)).toBe("https://cdn.example.com/a.jpg?w=1200&h=630");
  });

  test("falls back to twitter:image, and resolves a relative address against the page", () => {
    const html = `<head><meta name="twitter:image" content="/img/card.png"></head>`;
    expect(findOgImage(html, PAGE)).toBe("https://news.example.com/img/card.png");
  });

  test("honours <base href> for relative addresses", () => {
    const html = `<head><base href="https://static.example.org/assets/"><meta property="og:image" content="hero.webp"></head>`;
    expect(findOgImage(html, PAGE)).toBe("https://static.example.org/assets/hero.webp");
  });

  test("ignores images that are not http(s), commented-out tags and tags in the body", () => {
    const html = `<head>
      <!-- <meta property="og:image" content="https://cdn.example.com/old.jpg"> -->
      <meta property="og:image" content="data:image/png;base64,AAAA">
    </head><body><meta property="og:image" content="https://cdn.example.com/body.jpg"></body>`;
    expect(findOgImage(html, PAGE)).toBeUndefined();
  });

  test("gives undefined for a page without preview images", () => {
    expect(findOgImage("<html><head><title>Plain</title></head></html>", PAGE)).toBeUndefined();
  });
});
