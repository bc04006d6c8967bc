import type { Metadata, OutputInfo } from "sharp";
import { loadSharp } from "./load-sharp.ts";
import { ImageError } from "./image-errors.ts";
import { INSTAGRAM_FEED_IMAGE_RULES, planNormalisation } from "./instagram-image-rules.ts";

/**
 * Source formats we decode. SVG and PDF are left out on purpose: an article's "image" in those
 * formats is a logo or a document, and rendering untrusted vector input is a needless risk.
 * sharp reports AVIF as "heif".
 */
const ACCEPTED_SOURCE_FORMATS: ReadonlySet<string> = new Set(["jpeg", "png", "webp", "gif", "tiff", "heif"]);

/**
 * 85 with mozjpeg is visually clean for photos and keeps 1080 px images at a few hundred KB.
 * The lower steps only run when an image would break the size cap; below 45 artefacts show,
 * so we give up there rather than publish something ugly.
 */
const JPEG_QUALITY_STEPS = [85, 75, 65, 55, 45] as const;

export interface NormaliseOptions {
  /** Size cap in bytes; the JPEG is always strictly smaller. Defaults to Instagram's limit. */
  maxBytes?: number;
}

export interface NormalisedImage {
  jpeg: Buffer;
  width: number;
  height: number;
  /** The JPEG quality that got the image under the size cap. */
  quality: number;
}

/**
 * Turns any image an article or a model gives us into a JPEG Instagram accepts: applies EXIF
 * orientation, flattens transparency onto white, takes the first frame of animations,
 * centre-crops into 4:5–1.91:1, scales to 1080 px wide, converts to sRGB, strips metadata
 * (including GPS), and lowers the quality step by step if the file would exceed the cap.
 *
 * @throws ImageError with a plain reason when the input cannot be used.
 */
export async function normaliseForInstagram(
  source: Buffer,
  options: NormaliseOptions = {},
): Promise<NormalisedImage> {
  const maxBytes = options.maxBytes ?? INSTAGRAM_FEED_IMAGE_RULES.maxBytes;
  const sharp = await loadSharp();

  let metadata: Metadata;
  try {
    metadata = await sharp(source).metadata();
  } catch (error) {
    throw new ImageError("unreadable", `The file is not a readable image (${describe(error)}).`, {
      cause: error,
    });
  }
  if (!ACCEPTED_SOURCE_FORMATS.has(metadata.format)) {
    throw new ImageError(
      "unsupported_format",
      `The file is ${metadata.format.toUpperCase()}, which cannot be used as a post image.`,
    );
  }

  const plan = planNormalisation({
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    format: metadata.format,
    bytes: source.length,
  });

  // Render once to raw pixels so that lowering the quality re-encodes without re-decoding.
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    // `autoOrient` on the input makes the crop box refer to the image as displayed, which is
    // how planNormalisation measured it.
    let pipeline = sharp(source, { autoOrient: true }).flatten({ background: "#ffffff" });
    if (plan.crop) pipeline = pipeline.extract(plan.crop);
    pixels = await pipeline
      // "cover" absorbs the sub-pixel difference between the crop box and the target shape.
      .resize(plan.target.width, plan.target.height, { fit: "cover", position: "centre" })
      .toColourspace("srgb")
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ImageError("unreadable", `The image could not be decoded (${describe(error)}).`, {
      cause: error,
    });
  }

  const { width, height, channels } = pixels.info;
  for (const quality of JPEG_QUALITY_STEPS) {
    const jpeg = await sharp(pixels.data, { raw: { width, height, channels } })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (jpeg.length < maxBytes) return { jpeg, width, height, quality };
  }
  throw new ImageError(
    "too_large",
    `The image stays over ${maxBytes} bytes even at JPEG quality ${JPEG_QUALITY_STEPS.at(-1)}.`,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
