import { describe, expect, it } from "vitest";
import { ImageError } from "../src/images/image-errors.ts";
import { checkInstagramImage, planNormalisation } from "../src/images/instagram-image-rules.ts";

const jpeg = (width: number, height: number, bytes = 200_000) => ({ width, height, format: "jpeg", bytes });

describe("checkInstagramImage", () => {
  it("accepts a 1080×1350 JPEG under 8 MB", () => {
    expect(checkInstagramImage(jpeg(1080, 1350))).toEqual([]);
  });

  it("accepts the exact 4:5 and 1.91:1 limits", () => {
    expect(checkInstagramImage(jpeg(800, 1000))).toEqual([]);
    expect(checkInstagramImage(jpeg(1146, 600))).toEqual([]);
  });

  it("names every rule a file breaks", () => {
    const violations = checkInstagramImage({ width: 2000, height: 500, format: "png", bytes: 9_000_000 });

    expect(violations).toHaveLength(4);
    expect(violations.join("\n")).toMatch(/png.*JPEG/);
    expect(violations.join("\n")).toMatch(/wider than 1\.91:1/);
    expect(violations.join("\n")).toMatch(/above 1440/);
    expect(violations.join("\n")).toMatch(/9000000 bytes/);
  });

  it("rejects a file of exactly 8,000,000 bytes and images narrower than 320 px", () => {
    expect(checkInstagramImage(jpeg(1080, 1080, 8_000_000))).toHaveLength(1);
    expect(checkInstagramImage(jpeg(319, 319))).toEqual(["width 319 px is below 320 px"]);
  });

  it("rejects 2:3 as taller than 4:5", () => {
    expect(checkInstagramImage(jpeg(1024, 1536))).toEqual(["aspect ratio 0.667:1 is taller than 4:5"]);
  });
});

describe("planNormalisation", () => {
  it("crops a 2:3 portrait to 4:5 around its centre and targets 1080×1350", () => {
    const plan = planNormalisation({ width: 1024, height: 1536, format: "png", bytes: 3_000_000 });

    expect(plan.crop).toEqual({ left: 0, top: 128, width: 1024, height: 1280 });
    expect(plan.target).toEqual({ width: 1080, height: 1350 });
  });

  it("crops a 3000×500 panorama to 1.91:1 around its centre and targets 1080×566", () => {
    const plan = planNormalisation(jpeg(3000, 500));

    expect(plan.crop).toEqual({ left: 1022, top: 0, width: 955, height: 500 });
    expect(plan.target).toEqual({ width: 1080, height: 566 });
    expect(checkInstagramImage(jpeg(1080, 566))).toEqual([]);
  });

  it("keeps an allowed shape uncropped and scales it to 1080 wide", () => {
    expect(planNormalisation(jpeg(1600, 1200))).toEqual({
      crop: null,
      target: { width: 1080, height: 810 },
      violations: ["width 1600 px is above 1440 px"],
    });
    expect(planNormalisation(jpeg(100, 100)).target).toEqual({ width: 1080, height: 1080 });
  });

  it("never rounds the target outside the allowed ratios", () => {
    const sources = [
      ...Array.from({ length: 200 }, (_, i) => jpeg(1100 + i, 600)),
      ...Array.from({ length: 200 }, (_, i) => jpeg(800, 900 + i)),
    ];
    for (const source of sources) {
      const { target } = planNormalisation(source);
      expect(checkInstagramImage(jpeg(target.width, target.height))).toEqual([]);
    }
  });

  it("refuses icons and tracking pixels", () => {
    expect(() => planNormalisation({ width: 1, height: 1, format: "gif", bytes: 43 })).toThrow(ImageError);
    expect(() => planNormalisation(jpeg(2000, 40))).toThrow(/2000×40 px/);
  });
});
