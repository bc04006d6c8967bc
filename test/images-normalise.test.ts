import sharp, { type Metadata } from "sharp";
import { describe, expect, it } from "vitest";
import { ImageError } from "../src/images/image-errors.ts";
import { normaliseForInstagram } from "../src/images/normalise-image.ts";

type Rgb = [number, number, number];

/** What Instagram's feed accepts (platform-apis.md §B.4), stated independently of the code under test. */
async function expectPublishableJpeg(jpeg: Buffer): Promise<Metadata> {
  const metadata = await sharp(jpeg).metadata();
  expect(metadata.format).toBe("jpeg");
  expect(metadata.space).toBe("srgb");
  expect(metadata.width).toBeGreaterThanOrEqual(320);
  expect(metadata.width).toBeLessThanOrEqual(1440);
  expect(metadata.width / metadata.height).toBeGreaterThanOrEqual(0.8);
  expect(metadata.width / metadata.height).toBeLessThanOrEqual(1.91);
  expect(jpeg.length).toBeLessThan(8_000_000);
  return metadata;
}

async function pixelAt(jpeg: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}

function expectColourNear(actual: Rgb, expected: Rgb): void {
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(12);
}

/** An image made of vertical stripes of the given colours, equal widths, left to right. */
async function stripes(width: number, height: number, colours: Rgb[]): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = colours[Math.floor((x * colours.length) / width)]!;
      pixels.set(colour, (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
const WHITE: Rgb = [255, 255, 255];

describe("normaliseForInstagram", () => {
  it("turns a 1024×1536 PNG with transparency into a 1080×1350 JPEG with the transparency on white", async () => {
    // Top half opaque grey, bottom half fully transparent — what a transparent-background model returns.
    const half = await sharp({
      create: { width: 1024, height: 768, channels: 4, background: { r: 60, g: 60, b: 60, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const png = await sharp({
      create: { width: 1024, height: 1536, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([{ input: half, top: 0, left: 0 }])
      .png()
      .toBuffer();

    const started = performance.now();
    const result = await normaliseForInstagram(png);
    const elapsed = performance.now() - started;

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 1350]);
    expect(metadata.hasAlpha).toBe(false);
    expect(result).toMatchObject({ width: 1080, height: 1350, quality: 85 });
    expectColourNear(await pixelAt(result.jpeg, 540, 100), [60, 60, 60]);
    expectColourNear(await pixelAt(result.jpeg, 540, 1250), WHITE);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("crops a 3000×500 panorama to its centre within 1.91:1", async () => {
    const panorama = await stripes(3000, 500, [RED, GREEN, BLUE]);

    const result = await normaliseForInstagram(panorama);

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 566]);
    // The kept 955 px sit inside the middle (green) third, so both edges are green.
    expectColourNear(await pixelAt(result.jpeg, 5, 283), GREEN);
    expectColourNear(await pixelAt(result.jpeg, 1074, 283), GREEN);
  });

  it("scales a 100×100 image up to 1080×1080", async () => {
    const small = await stripes(100, 100, [RED, BLUE]);

    const result = await normaliseForInstagram(small);

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 1080]);
    expectColourNear(await pixelAt(result.jpeg, 100, 540), RED);
    expectColourNear(await pixelAt(result.jpeg, 980, 540), BLUE);
  });

  it("scales a 6000×4000 photo down to 1080×720", async () => {
    const big = await sharp({
      create: { width: 6000, height: 4000, channels: 3, background: { r: 10, g: 120, b: 200 } },
    })
      .jpeg()
      .toBuffer();

    const result = await normaliseForInstagram(big);

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 720]);
  });

  it("applies EXIF orientation before cropping", async () => {
    // Stored as 600×400 with red on the left; orientation 6 displays it as 400×600 with red on top.
    const stored = await sharp(await stripes(600, 400, [RED, BLUE]))
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const result = await normaliseForInstagram(stored);

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 1350]);
    expect(metadata.orientation).toBeUndefined();
    expectColourNear(await pixelAt(result.jpeg, 540, 100), RED);
    expectColourNear(await pixelAt(result.jpeg, 540, 1250), BLUE);
  });

  it("converts WebP", async () => {
    const webp = await sharp(await stripes(800, 800, [GREEN]))
      .webp()
      .toBuffer();

    const result = await normaliseForInstagram(webp);

    await expectPublishableJpeg(result.jpeg);
    expectColourNear(await pixelAt(result.jpeg, 540, 540), GREEN);
  });

  it("takes the first frame of an animated GIF", async () => {
    const frames = await Promise.all(
      [RED, BLUE].map(([r, g, b]) =>
        sharp({ create: { width: 200, height: 200, channels: 3, background: { r, g, b } } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);

    const result = await normaliseForInstagram(gif);

    const metadata = await expectPublishableJpeg(result.jpeg);
    expect([metadata.width, metadata.height]).toEqual([1080, 1080]);
    expectColourNear(await pixelAt(result.jpeg, 540, 540), RED);
  });

  it("strips metadata such as GPS position", async () => {
    const withExif = await sharp(await stripes(800, 800, [GREEN]))
      .jpeg()
      .withExif({ IFD0: { Make: "SpyCam", Copyright: "someone" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();

    const result = await normaliseForInstagram(withExif);

    expect((await sharp(result.jpeg).metadata()).exif).toBeUndefined();
  });

  it("lowers the JPEG quality when the file would reach the size cap", async () => {
    // A gradient with grain: detailed enough that each quality step changes the size.
    const pixels = Buffer.alloc(1080 * 1350 * 3);
    let seed = 1;
    for (let i = 0; i < pixels.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      pixels[i] = ((i / 3) % 1080) / 5 + (seed >>> 27);
    }
    const source = await sharp(pixels, { raw: { width: 1080, height: 1350, channels: 3 } })
      .png()
      .toBuffer();
    const uncapped = await normaliseForInstagram(source);
    expect(uncapped.quality).toBe(85);

    // A cap equal to the quality-85 size must be refused at 85 ("less than", not "at most").
    const capped = await normaliseForInstagram(source, { maxBytes: uncapped.jpeg.length });

    expect(capped.quality).toBe(75);
    expect(capped.jpeg.length).toBeLessThan(uncapped.jpeg.length);
    await expectPublishableJpeg(capped.jpeg);
  });

  it("gives up with too_large when even the lowest quality does not fit", async () => {
    const source = await stripes(800, 800, [RED, GREEN, BLUE]);

    await expect(normaliseForInstagram(source, { maxBytes: 500 })).rejects.toMatchObject({
      name: "ImageError",
      code: "too_large",
    });
  });

  it("rejects bytes that are not an image with a plain reason", async () => {
    const html = Buffer.from("<!doctype html><html><body>403 Forbidden</body></html>");

    const error = await normaliseForInstagram(html).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImageError);
    expect(error).toMatchObject({ code: "unreadable" });
    expect((error as ImageError).message).toMatch(/^The file is not a readable image \(.+\)\.$/);
  });

  it("rejects an SVG as an unsupported source format", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800"/></svg>',
    );

    await expect(normaliseForInstagram(svg)).rejects.toMatchObject({ code: "unsupported_format" });
  });

  it("rejects a tracking pixel as too small", async () => {
    const pixel = await sharp({
      create: { width: 1, height: 1, channels: 3, background: { r: 255, g: 255, b: 255 } },
    })
      .gif()
      .toBuffer();

    await expect(normaliseForInstagram(pixel)).rejects.toMatchObject({ code: "too_small" });
  });

  it("rejects a truncated download", async () => {
    const whole = await sharp(await stripes(800, 800, [RED, GREEN]))
      .jpeg()
      .toBuffer();

    await expect(normaliseForInstagram(whole.subarray(0, whole.length / 3))).rejects.toMatchObject({
      code: "unreadable",
    });
  });
});
