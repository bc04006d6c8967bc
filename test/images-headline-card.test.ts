import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  brandPalette,
  buildHeadlineCardSvg,
  layoutHeadline,
  renderHeadlineCard,
} from "../src/images/headline-card.ts";

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Every pixel in the region is within `tolerance` of the colour (JPEG noise aside). */
async function regionIsPlain(
  jpeg: Buffer,
  region: { left: number; top: number; width: number; height: number },
  colour: string,
) {
  const { data } = await sharp(jpeg).extract(region).raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = hexToRgb(colour);
  let worst = 0;
  for (let i = 0; i < data.length; i += 3) {
    worst = Math.max(worst, Math.abs(data[i]! - r), Math.abs(data[i + 1]! - g), Math.abs(data[i + 2]! - b));
  }
  return worst <= 24;
}

describe("renderHeadlineCard", () => {
  it("renders a 1080×1350 JPEG that Instagram accepts, with the headline drawn on it", async () => {
    const started = performance.now();
    const card = await renderHeadlineCard({
      headline: "Council approves £40m flood defence plan after a decade of delays",
      brandName: "Norwich Daily",
      source: "BBC News",
    });
    const elapsed = performance.now() - started;

    const metadata = await sharp(card.jpeg).metadata();
    expect(metadata.format).toBe("jpeg");
    expect([metadata.width, metadata.height]).toEqual([1080, 1350]);
    expect([card.width, card.height]).toEqual([1080, 1350]);
    expect(card.jpeg.length).toBeLessThan(8_000_000);

    const background = brandPalette("Norwich Daily").background;
    expect(await regionIsPlain(card.jpeg, { left: 0, top: 0, width: 1080, height: 60 }, background)).toBe(
      true,
    );
    expect(await regionIsPlain(card.jpeg, { left: 96, top: 300, width: 888, height: 400 }, background)).toBe(
      false,
    );
    expect(elapsed).toBeLessThan(3_000);
  });

  it("still renders an absurd 500-character title full of <, > and &, without spilling into the margins", async () => {
    const absurd = "WWW <script>alert('&amp;')</script> & MMMM \"quoted\" ".repeat(12).slice(0, 500);
    expect(absurd).toHaveLength(500);

    const card = await renderHeadlineCard({
      headline: absurd,
      brandName: "A <Brand> & Co with a name much too long to fit on one line of the card",
      source: "Feed <with> & \u0007 control characters",
    });

    const metadata = await sharp(card.jpeg).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", 1080, 1350]);
    const background = brandPalette(
      "A <Brand> & Co with a name much too long to fit on one line of the card",
    ).background;
    // Right margin (the last 90 px) and the band between headline and footer stay empty.
    expect(await regionIsPlain(card.jpeg, { left: 990, top: 0, width: 90, height: 1350 }, background)).toBe(
      true,
    );
    expect(await regionIsPlain(card.jpeg, { left: 0, top: 1125, width: 1080, height: 50 }, background)).toBe(
      true,
    );
  });
});

describe("layoutHeadline", () => {
  it("uses the largest size for a short headline", () => {
    expect(layoutHeadline("Short headline")).toEqual({
      fontSize: 96,
      lines: ["Short headline"],
      truncated: false,
    });
  });

  it("shrinks the type for a long headline instead of cutting it", () => {
    const headline =
      "Regional transport authority confirms new overnight bus routes linking the airport, the university campus and the three hospitals from March";

    const layout = layoutHeadline(headline);

    expect(layout.fontSize).toBeLessThan(96);
    expect(layout.truncated).toBe(false);
    expect(layout.lines.join(" ")).toBe(headline);
  });

  it("cuts a headline that cannot fit even at the smallest size and ends it with an ellipsis", () => {
    const layout = layoutHeadline("word ".repeat(200));

    expect(layout.truncated).toBe(true);
    expect(layout.fontSize).toBe(48);
    expect(layout.lines.at(-1)).toMatch(/…$/);
    expect(layout.lines.length).toBeGreaterThan(5);
  });

  it("breaks a single word longer than a line", () => {
    const layout = layoutHeadline("x".repeat(60));

    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines.join("")).toBe("x".repeat(60));
  });
});

describe("buildHeadlineCardSvg", () => {
  it("escapes markup in every piece of text", () => {
    const svg = buildHeadlineCardSvg({
      headline: "A <b>bold</b> & 'daring' \"plan\"",
      brandName: "<Brand>",
      source: "R&D",
    });

    expect(svg).toContain(">A &lt;b&gt;bold&lt;/b&gt;</tspan>");
    expect(svg).toContain(">&amp; &apos;daring&apos; &quot;plan&quot;</tspan>");
    expect(svg).toContain("&lt;BRAND&gt;");
    expect(svg).toContain("Source: R&amp;D");
    expect(svg).not.toContain("<b>");
  });

  it("drops control characters and lone surrogates that would make the SVG invalid", () => {
    const svg = buildHeadlineCardSvg({ headline: "Bell\u0007 and \uD800 half", brandName: "B", source: "" });

    expect(svg).toContain("Bell and half");
    expect(svg.includes("\u0007")).toBe(false);
    expect(svg.includes("\uD800")).toBe(false);
    expect(svg).not.toContain("Source:");
  });
});

describe("brandPalette", () => {
  it("gives a brand the same colours every time, ignoring case and spacing", () => {
    expect(brandPalette("Norwich Daily")).toEqual(brandPalette("  norwich   daily "));
  });

  it("gives different brands different colours", () => {
    const backgrounds = new Set(
      ["Norwich Daily", "Leeds Live", "Bristol Post", "Glasgow Herald"].map(
        (b) => brandPalette(b).background,
      ),
    );
    expect(backgrounds.size).toBe(4);
  });

  it("keeps the headline readable: dark background, near-white text", () => {
    for (const brand of ["a", "b", "c", "Norwich Daily", "Leeds Live"]) {
      const palette = brandPalette(brand);
      const luminance = (hex: string) => hexToRgb(hex).reduce((sum, v) => sum + v, 0) / 3;
      expect(luminance(palette.background)).toBeLessThan(70);
      expect(luminance(palette.headline)).toBeGreaterThan(230);
    }
  });
});
