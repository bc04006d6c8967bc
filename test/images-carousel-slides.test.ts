import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  checkPlannedSlides,
  decideFormat,
  MAX_SLIDE_CHARACTERS,
  slideTextProblem,
  templateSlidePlan,
} from "../src/drafting/slide-plan.ts";
import {
  buildCoverOverlaySvg,
  buildCreditSlideSvg,
  buildFactSlideSvg,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  slideStyle,
} from "../src/images/carousel-slides.ts";
import { renderDraftSlides } from "../src/pipeline/draft-slides.ts";

const brand = { name: "Trail Notes", visualStyle: "bold, outdoorsy" };
const plan = {
  facts: [
    { text: "The new course record is 3 h 12 min, nine minutes under the old one.", altText: "Record time" },
    { text: "2,400 runners started; 2,150 finished.", altText: "Starters and finishers" },
    { text: "Next year's race opens for entries on 1 March.", altText: "Entry date" },
    { text: "The route climbs 2,900 m over 52 km.", altText: "Climb and distance" },
    { text: "Prize money doubled to €20,000.", altText: "Prize money" },
    { text: "Half the field came from abroad, a first for the race.", altText: "Runners from abroad" },
  ],
  credit: "Source: Mountain News — https://news.example/record",
};

/** A cover of a shape no slide has (16:9 PNG with an alpha channel), as an article's picture may be. */
async function wideCover(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 900, channels: 4, background: "#2a7a4a80" } })
    .png()
    .toBuffer();
}

describe("carousel slides", () => {
  it("renders the cover, six facts and the credit as sRGB JPEGs of one 4:5 shape, each far under 8 MB", async () => {
    const slides = await renderDraftSlides({
      brand,
      headline: "A new course record in the Alps",
      coverAltText: "Runners on a ridge at dawn",
      cover: await wideCover(),
      plan,
    });
    expect(slides.map((slide) => slide.kind)).toEqual([
      "cover",
      "facts",
      "facts",
      "facts",
      "facts",
      "facts",
      "facts",
      "credit",
    ]);
    expect(slides.map((slide) => slide.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const slide of slides) {
      const meta = await sharp(slide.jpeg).metadata();
      expect(meta.format).toBe("jpeg");
      expect([meta.width, meta.height]).toEqual([1080, 1350]);
      expect(meta.space).toBe("srgb");
      expect(meta.channels).toBe(3);
      expect(slide.jpeg.length).toBeLessThan(8 * 1024 * 1024);
      expect(slide.altText.length).toBeGreaterThan(0);
    }
    // Each fact slide shows its own text: no two are the same picture.
    const facts = slides
      .filter((slide) => slide.kind === "facts")
      .map((slide) => slide.jpeg.toString("base64"));
    expect(new Set(facts).size).toBe(6);
  });

  it("puts the brand's name on every slide", () => {
    const style = slideStyle(brand);
    for (const svg of [
      buildCoverOverlaySvg(brand.name, "A headline", style),
      buildFactSlideSvg(brand.name, "A fact", "1/3", style),
      buildCreditSlideSvg(brand.name, "Source: Mountain News", style),
    ]) {
      expect(svg).toContain("TRAIL NOTES");
      expect(svg).toContain(`width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}"`);
    }
  });

  it("takes the brand's colours from its name and its typeface from its visual style", async () => {
    expect(slideStyle({ name: "Trail Notes", visualStyle: "" })).toEqual(slideStyle(brand));
    expect(slideStyle({ name: "Other Brand", visualStyle: "" }).palette).not.toEqual(
      slideStyle(brand).palette,
    );
    expect(slideStyle({ name: "A", visualStyle: "classic editorial serif look" }).fontFamily).toMatch(
      /Serif/,
    );
    expect(slideStyle({ name: "A", visualStyle: "tech, code on screens" }).fontFamily).toMatch(/Mono/);
    expect(slideStyle({ name: "A", visualStyle: "bright and friendly" }).fontFamily).toMatch(/DejaVu Sans'/);
  });

  it("keeps a text that would overflow the slide inside it, cut with an ellipsis", () => {
    const svg = buildFactSlideSvg(brand.name, "word ".repeat(200), "1/2", slideStyle(brand));
    expect(svg).toContain("…");
    const lines = svg.match(/<tspan/g) ?? [];
    expect(lines.length).toBeLessThanOrEqual(10);
  });
});

describe("slide plans", () => {
  it("refuses a slide over 120 characters, saying by how much, and keeps at most six", () => {
    const long = "x".repeat(MAX_SLIDE_CHARACTERS + 5);
    expect(checkPlannedSlides([{ text: long, alt_text: "" }])).toEqual({
      ok: false,
      problem: "slide 1 is 125 characters; each slide takes at most 120.",
    });
    expect(slideTextProblem(long)).toMatch(/125 characters.*at most 120.*5 shorter/);
    expect(slideTextProblem("   ")).toBe("A slide's text cannot be empty.");
    const eight = Array.from({ length: 8 }, (_, i) => ({ text: `Fact ${i}`, alt_text: "" }));
    const checked = checkPlannedSlides(eight);
    expect(checked.ok && checked.facts.map((f) => f.text)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `Fact ${i}`),
    );
    // A slide without alt text is read out as what it says.
    expect(checked.ok && checked.facts[0]!.altText).toBe("Fact 0");
  });

  it("follows the brand's format when it forces one, and the model's choice when it may choose", () => {
    const two = { facts: plan.facts.slice(0, 2), credit: "Source: X" };
    const one = { facts: plan.facts.slice(0, 1), credit: "Source: X" };
    expect(decideFormat("auto", "carousel", two)).toEqual({ ok: true, format: "carousel" });
    expect(decideFormat("auto", "single", two)).toEqual({ ok: true, format: "single" });
    expect(decideFormat("single", "carousel", two)).toEqual({ ok: true, format: "single" });
    expect(decideFormat("carousel", "single", two)).toEqual({ ok: true, format: "carousel" });
    // Too few facts: a chosen carousel becomes a single image, a forced one is sent back to the model.
    expect(decideFormat("auto", "carousel", one)).toEqual({ ok: true, format: "single" });
    expect(decideFormat("carousel", "carousel", one).ok).toBe(false);
  });

  it("makes slides without a model from the summary's sentences, each within the limit", () => {
    const made = templateSlidePlan({
      title: "Record in the Alps",
      summary: `The record fell by nine minutes. ${"Very long sentence ".repeat(20)}. Entries open in March.`,
      credit: "Source: Mountain News",
    });
    expect(made.facts.map((f) => f.text)[0]).toBe("The record fell by nine minutes.");
    expect(made.facts).toHaveLength(3);
    for (const fact of made.facts) expect(Array.from(fact.text).length).toBeLessThanOrEqual(120);
    expect(made.credit).toBe("Source: Mountain News");
    // One sentence: the headline leads.
    const short = templateSlidePlan({ title: "Record", summary: "It fell.", credit: "" });
    expect(short.facts.map((f) => f.text)).toEqual(["Record", "It fell."]);
  });
});
