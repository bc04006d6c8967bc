/**
 * Instagram's rules for feed images and the plan that brings any image within them. Pure: no I/O.
 *
 * Source: Instagram Graph API, IG User Media reference (image limits), summarised in
 * platform-apis.md §B.4 — JPEG only (no MPO/JPS), at most 8 MB, aspect ratio between 4:5 and
 * 1.91:1, width 320–1440 px, sRGB.
 */

import { ImageError } from "./image-errors.ts";

/** An aspect ratio kept as a fraction so bounds checks are exact integer arithmetic. */
export interface AspectRatio {
  readonly width: number;
  readonly height: number;
}

export const INSTAGRAM_FEED_IMAGE_RULES = {
  format: "jpeg",
  /** Tallest allowed shape, 4:5 (0.8). */
  minAspectRatio: { width: 4, height: 5 } as AspectRatio,
  /** Widest allowed shape, 1.91:1. */
  maxAspectRatio: { width: 191, height: 100 } as AspectRatio,
  minWidth: 320,
  maxWidth: 1440,
  /**
   * Meta says "8 MB" without saying whether it means 10^6 or 2^20 bytes; the decimal reading
   * is the stricter one, and our 1080 px JPEGs are a few hundred KB anyway.
   */
  maxBytes: 8_000_000,
} as const;

/**
 * The width we produce. 1080 px is the width Instagram itself stores feed posts at, so
 * anything wider is downscaled by Instagram and anything narrower is upscaled by it.
 */
export const INSTAGRAM_STANDARD_WIDTH = 1080;

/**
 * Sources whose shorter side is below this are icons, avatars or tracking pixels: stretched
 * to 1080 px they would be mush, so we refuse them rather than publish them.
 */
export const MIN_SOURCE_EDGE_PX = 64;

export interface ImageFacts {
  /** Width as displayed, i.e. after applying any EXIF orientation. */
  width: number;
  /** Height as displayed, i.e. after applying any EXIF orientation. */
  height: number;
  /** sharp's format name: "jpeg", "png", "webp", "gif", ... */
  format: string;
  bytes: number;
}

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface NormalisationPlan {
  /** Centred crop applied before resizing, or null when the aspect ratio is already allowed. */
  crop: CropBox | null;
  /** The size of the JPEG to produce. Always within the rules. */
  target: { width: number; height: number };
  /** Why the source could not be published as it is (empty when it could). */
  violations: string[];
}

/** Lists, in plain words, every rule the image breaks. Empty means Instagram accepts it as is. */
export function checkInstagramImage(facts: ImageFacts): string[] {
  const rules = INSTAGRAM_FEED_IMAGE_RULES;
  const violations: string[] = [];
  if (facts.format !== rules.format) {
    violations.push(`format is ${facts.format}, Instagram only takes JPEG`);
  }
  if (isTallerThan(facts, rules.minAspectRatio)) {
    violations.push(`aspect ratio ${describeRatio(facts)} is taller than 4:5`);
  }
  if (isWiderThan(facts, rules.maxAspectRatio)) {
    violations.push(`aspect ratio ${describeRatio(facts)} is wider than 1.91:1`);
  }
  if (facts.width < rules.minWidth) {
    violations.push(`width ${facts.width} px is below ${rules.minWidth} px`);
  }
  if (facts.width > rules.maxWidth) {
    violations.push(`width ${facts.width} px is above ${rules.maxWidth} px`);
  }
  if (facts.bytes >= rules.maxBytes) {
    violations.push(`file is ${facts.bytes} bytes, Instagram takes less than ${rules.maxBytes}`);
  }
  return violations;
}

/**
 * Decides how to turn an image into a publishable JPEG: centre-crop to the nearest allowed
 * aspect ratio (only when outside 4:5–1.91:1, so no content is lost needlessly), then scale to
 * 1080 px wide — 1080×1350 for tall sources, 1080×566 for panoramas, and the source's own
 * shape in between.
 *
 * @throws ImageError `too_small` when the shorter side is under {@link MIN_SOURCE_EDGE_PX}.
 */
export function planNormalisation(facts: ImageFacts): NormalisationPlan {
  const { width, height } = facts;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageError("unreadable", `The image reports an impossible size (${width}×${height}).`);
  }
  if (Math.min(width, height) < MIN_SOURCE_EDGE_PX) {
    throw new ImageError(
      "too_small",
      `The image is only ${width}×${height} px; at least ${MIN_SOURCE_EDGE_PX} px on each side is needed.`,
    );
  }

  const { minAspectRatio: tallest, maxAspectRatio: widest } = INSTAGRAM_FEED_IMAGE_RULES;
  let crop: CropBox | null = null;
  if (isWiderThan(facts, widest)) {
    const cropWidth = Math.floor((height * widest.width) / widest.height);
    crop = { left: Math.floor((width - cropWidth) / 2), top: 0, width: cropWidth, height };
  } else if (isTallerThan(facts, tallest)) {
    const cropHeight = Math.floor((width * tallest.height) / tallest.width);
    crop = { left: 0, top: Math.floor((height - cropHeight) / 2), width, height: cropHeight };
  }

  const kept = crop ?? { width, height };
  const targetWidth = INSTAGRAM_STANDARD_WIDTH;
  // Rounding the height can step just outside the bounds (1080 / 1.91 = 565.4 → 565 would be
  // 1.9115:1), so clamp to the heights that are exactly within them.
  const tallestHeight = Math.floor((targetWidth * tallest.height) / tallest.width);
  const widestHeight = Math.ceil((targetWidth * widest.height) / widest.width);
  const targetHeight = clamp(
    Math.round((targetWidth * kept.height) / kept.width),
    widestHeight,
    tallestHeight,
  );

  return {
    crop,
    target: { width: targetWidth, height: targetHeight },
    violations: checkInstagramImage(facts),
  };
}

function isWiderThan(size: { width: number; height: number }, ratio: AspectRatio): boolean {
  return size.width * ratio.height > size.height * ratio.width;
}

function isTallerThan(size: { width: number; height: number }, ratio: AspectRatio): boolean {
  return size.width * ratio.height < size.height * ratio.width;
}

function describeRatio(size: { width: number; height: number }): string {
  return `${(size.width / size.height).toFixed(3)}:1`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
