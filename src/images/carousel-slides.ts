/**
 * A carousel's slides, rendered locally (no AI image per slide): the cover (the draft's picture, cropped to the
 * slide shape, with the headline), one slide per key fact and a closing slide crediting the source, all 1080×1350
 * (4:5, the tallest shape Instagram shows uncropped, and the one every slide of a carousel must share) and every
 * one a baseline sRGB JPEG far under Instagram's 8 MB. The brand's name is on every slide.
 *
 * The brand's look is derived, not stored: the colours from a hash of its name (brandPalette, the same as its
 * headline cards, so a brand's fallback images and slides match), the typeface from words in its visual style
 * ("serif", "classic", "elegant" → a serif; "mono", "tech", "code" → a monospace; else the sans). An owner changes
 * the typeface with /brand style; the colours stay the brand's own.
 *
 * SVG building is pure; only the render functions touch sharp.
 */

import {
  brandPalette,
  cleanText,
  escapeXml,
  fitOneLine,
  FONT_FAMILY,
  HEADLINE_CARD_HEIGHT,
  HEADLINE_CARD_WIDTH,
  type HeadlineCardPalette,
  withEllipsis,
  wrapText,
} from "./headline-card.ts";
import { loadSharp } from "./load-sharp.ts";

export const SLIDE_WIDTH = HEADLINE_CARD_WIDTH;
export const SLIDE_HEIGHT = HEADLINE_CARD_HEIGHT;

const MARGIN = 96;
const TEXT_WIDTH = SLIDE_WIDTH - 2 * MARGIN;
const LINE_HEIGHT = 1.25;
const BRAND_FONT_SIZE = 34;
const BRAND_LETTER_SPACING = 4;
const FACT_FONT_SIZES = [88, 80, 72, 64] as const;
const FACT_TOP = 330;
const FACT_BOTTOM = 1130;
const COVER_FONT_SIZES = [64, 56, 48] as const;
const COVER_MAX_LINES = 4;
/**
 * Plain libjpeg, not mozjpeg: on flat colours and text mozjpeg saves about a third of the bytes (a slide is
 * ~60 KB, far under Instagram's 8 MB) but takes several times as long, and a carousel has eight slides.
 */
const JPEG_QUALITY = 88;

export interface SlideStyle {
  palette: HeadlineCardPalette;
  fontFamily: string;
}

export interface SlideBrand {
  name: string;
  /** The brand's visual style (brands.visual_style), read for its typeface. */
  visualStyle: string;
}

export type SlideContent =
  | { kind: "cover"; headline: string; image: Buffer }
  | { kind: "facts"; text: string; index: number; count: number }
  | { kind: "credit"; text: string };

const SERIF_FAMILY = "'DejaVu Serif', 'Noto Serif', 'Noto Sans CJK SC', serif";
const MONO_FAMILY = "'DejaVu Sans Mono', 'Noto Sans Mono', 'Noto Sans CJK SC', monospace";

/** The brand's colours and typeface, derived as the module comment says. */
export function slideStyle(brand: SlideBrand): SlideStyle {
  const style = brand.visualStyle.toLowerCase();
  const fontFamily = /\b(serif|classic|elegant|editorial|newspaper)\b/.test(style)
    ? SERIF_FAMILY
    : /\b(mono|monospace|tech|code|terminal)\b/.test(style)
      ? MONO_FAMILY
      : FONT_FAMILY;
  return { palette: brandPalette(brand.name), fontFamily };
}

/** Renders one slide as a 1080×1350 sRGB JPEG. */
export async function renderSlide(brand: SlideBrand, content: SlideContent): Promise<Buffer> {
  const sharp = await loadSharp();
  const style = slideStyle(brand);
  if (content.kind === "cover") {
    const overlay = Buffer.from(buildCoverOverlaySvg(brand.name, content.headline, style));
    return sharp(content.image)
      .rotate()
      .resize(SLIDE_WIDTH, SLIDE_HEIGHT, { fit: "cover", position: "attention" })
      .composite([{ input: overlay, top: 0, left: 0 }])
      .toColourspace("srgb")
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
  }
  const svg =
    content.kind === "facts"
      ? buildFactSlideSvg(brand.name, content.text, `${content.index}/${content.count}`, style)
      : buildCreditSlideSvg(brand.name, content.text, style);
  return sharp(Buffer.from(svg)).toColourspace("srgb").jpeg({ quality: JPEG_QUALITY }).toBuffer();
}

/** A fact: large text on the brand's colour, the brand's name above it and "2/5" in the corner. */
export function buildFactSlideSvg(
  brandName: string,
  text: string,
  counter: string,
  style: SlideStyle,
): string {
  const { palette, fontFamily } = style;
  const layout = layoutBlock(text, FACT_FONT_SIZES, FACT_BOTTOM - FACT_TOP);
  return svgFrame(palette, [
    brandLine(brandName, style, 160),
    `<rect x="${MARGIN}" y="200" width="120" height="10" fill="${palette.accent}"/>`,
    textBlock(layout, FACT_TOP, fontFamily, palette.headline, "bold"),
    `<text x="${SLIDE_WIDTH - MARGIN}" y="1250" text-anchor="end" font-family="${fontFamily}" font-size="36" fill="${palette.muted}">${escapeXml(counter)}</text>`,
  ]);
}

/** The closing slide: the credit line, set smaller, under the brand's name. */
export function buildCreditSlideSvg(brandName: string, credit: string, style: SlideStyle): string {
  const { palette, fontFamily } = style;
  const layout = layoutBlock(credit, [56, 48, 40], FACT_BOTTOM - 520);
  return svgFrame(palette, [
    `<rect x="${MARGIN}" y="440" width="${TEXT_WIDTH}" height="4" fill="${palette.accent}"/>`,
    textBlock(layout, 520, fontFamily, palette.muted, "normal"),
    brandLine(brandName, style, 1250),
  ]);
}

/** Drawn over the cover picture: a dark band at the bottom with the headline, the brand's name at the top. */
export function buildCoverOverlaySvg(brandName: string, headline: string, style: SlideStyle): string {
  const { palette, fontFamily } = style;
  const layout = layoutBlock(headline, COVER_FONT_SIZES, 0, COVER_MAX_LINES);
  const advance = Math.round(layout.fontSize * LINE_HEIGHT);
  const top = SLIDE_HEIGHT - 120 - layout.lines.length * advance;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}">`,
    `<defs><linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.85"/></linearGradient></defs>`,
    `<rect x="0" y="0" width="${SLIDE_WIDTH}" height="130" fill="${palette.background}" opacity="0.85"/>`,
    brandLine(brandName, style, 82),
    `<rect x="0" y="${top - 160}" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT - top + 160}" fill="url(#shade)"/>`,
    textBlock(layout, top, fontFamily, "#ffffff", "bold"),
    "</svg>",
  ].join("");
}

interface TextLayout {
  fontSize: number;
  lines: string[];
}

/** The largest size at which the text fits `height` (or `maxLines`); at the smallest, cut with an ellipsis. */
function layoutBlock(
  text: string,
  fontSizes: readonly number[],
  height: number,
  maxLines?: number,
): TextLayout {
  const clean = cleanText(text);
  const linesAt = (size: number) => maxLines ?? Math.floor(height / Math.round(size * LINE_HEIGHT));
  for (const fontSize of fontSizes) {
    const lines = wrapText(clean, TEXT_WIDTH, fontSize);
    if (lines.length <= linesAt(fontSize)) return { fontSize, lines };
  }
  const fontSize = fontSizes[fontSizes.length - 1]!;
  const lines = wrapText(clean, TEXT_WIDTH, fontSize).slice(0, linesAt(fontSize));
  lines.push(withEllipsis(lines.pop() ?? "", TEXT_WIDTH, fontSize, 0));
  return { fontSize, lines };
}

function textBlock(
  layout: TextLayout,
  top: number,
  fontFamily: string,
  fill: string,
  weight: string,
): string {
  const advance = Math.round(layout.fontSize * LINE_HEIGHT);
  const spans = layout.lines
    .map(
      (line, index) =>
        `<tspan x="${MARGIN}" y="${top + layout.fontSize + index * advance}">${escapeXml(line)}</tspan>`,
    )
    .join("");
  return `<text font-family="${fontFamily}" font-weight="${weight}" font-size="${layout.fontSize}" fill="${fill}">${spans}</text>`;
}

function brandLine(brandName: string, style: SlideStyle, y: number): string {
  const brand = fitOneLine(cleanText(brandName).toUpperCase(), BRAND_FONT_SIZE, BRAND_LETTER_SPACING);
  return `<text x="${MARGIN}" y="${y}" font-family="${style.fontFamily}" font-weight="bold" font-size="${BRAND_FONT_SIZE}" letter-spacing="${BRAND_LETTER_SPACING}" fill="${style.palette.accent}">${escapeXml(brand)}</text>`;
}

function svgFrame(palette: HeadlineCardPalette, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
    ...parts,
    "</svg>",
  ].join("");
}
