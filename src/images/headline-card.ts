/**
 * The fallback post image: a typographic card with the headline, the brand and the source,
 * used when there is neither an AI image nor an article image. Layout and SVG building are
 * pure; only {@link renderHeadlineCard} touches sharp.
 */

import { loadSharp } from "./load-sharp.ts";

export const HEADLINE_CARD_WIDTH = 1080;
/** 4:5, the tallest shape Instagram's feed shows uncropped. */
export const HEADLINE_CARD_HEIGHT = 1350;

const MARGIN = 96;
const TEXT_WIDTH = HEADLINE_CARD_WIDTH - 2 * MARGIN;
const HEADLINE_TOP = 300;
const HEADLINE_BOTTOM = 1120;
const HEADLINE_FONT_SIZES = [96, 84, 72, 64, 56, 48] as const;
const HEADLINE_LINE_HEIGHT = 1.2;
const BRAND_FONT_SIZE = 36;
const BRAND_LETTER_SPACING = 4;
const SOURCE_FONT_SIZE = 32;
const ELLIPSIS = "…";
/**
 * DejaVu first: it is what the width estimates below were measured on, and it covers Latin, Greek and Cyrillic.
 * Noto fills in the scripts DejaVu lacks (Arabic, Hebrew, CJK); the Dockerfile installs all of these, and
 * `npm run test:image` checks that no character of a headline in those scripts is drawn as a missing glyph.
 */
export const FONT_FAMILY =
  "'DejaVu Sans', 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans CJK KR', sans-serif";

export interface HeadlineCardInput {
  headline: string;
  brandName: string;
  /** Where the story comes from, e.g. "BBC News". Omitted from the card when empty. */
  source?: string | undefined;
}

export interface HeadlineCardPalette {
  background: string;
  accent: string;
  headline: string;
  muted: string;
}

export interface HeadlineLayout {
  fontSize: number;
  lines: string[];
  /** True when the headline did not fit even at the smallest size and was cut with an ellipsis. */
  truncated: boolean;
}

export interface RenderedCard {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Renders the card as a 1080×1350 JPEG. */
export async function renderHeadlineCard(input: HeadlineCardInput): Promise<RenderedCard> {
  const svg = buildHeadlineCardSvg(input);
  const sharp = await loadSharp();
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 90, mozjpeg: true }).toBuffer();
  return { jpeg, width: HEADLINE_CARD_WIDTH, height: HEADLINE_CARD_HEIGHT };
}

/** Builds the card's SVG. Every piece of text is cleaned and XML-escaped. */
export function buildHeadlineCardSvg(input: HeadlineCardInput): string {
  const palette = brandPalette(input.brandName);
  const layout = layoutHeadline(input.headline);
  const brand = fitOneLine(cleanText(input.brandName).toUpperCase(), BRAND_FONT_SIZE, BRAND_LETTER_SPACING);
  const sourceText = cleanText(input.source ?? "");
  const source = sourceText === "" ? "" : fitOneLine(`Source: ${sourceText}`, SOURCE_FONT_SIZE, 0);

  const lineAdvance = Math.round(layout.fontSize * HEADLINE_LINE_HEIGHT);
  const headlineTspans = layout.lines
    .map(
      (line, index) =>
        `<tspan x="${MARGIN}" y="${HEADLINE_TOP + layout.fontSize + index * lineAdvance}">${escapeXml(line)}</tspan>`,
    )
    .join("");

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${HEADLINE_CARD_WIDTH}" height="${HEADLINE_CARD_HEIGHT}" viewBox="0 0 ${HEADLINE_CARD_WIDTH} ${HEADLINE_CARD_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
    `<text x="${MARGIN}" y="160" font-family="${FONT_FAMILY}" font-weight="bold" font-size="${BRAND_FONT_SIZE}" letter-spacing="${BRAND_LETTER_SPACING}" fill="${palette.accent}">${escapeXml(brand)}</text>`,
    `<rect x="${MARGIN}" y="200" width="120" height="10" fill="${palette.accent}"/>`,
    `<text font-family="${FONT_FAMILY}" font-weight="bold" font-size="${layout.fontSize}" fill="${palette.headline}">${headlineTspans}</text>`,
    `<rect x="${MARGIN}" y="1180" width="${TEXT_WIDTH}" height="2" fill="${palette.muted}" opacity="0.5"/>`,
    source === ""
      ? ""
      : `<text x="${MARGIN}" y="1250" font-family="${FONT_FAMILY}" font-size="${SOURCE_FONT_SIZE}" fill="${palette.muted}">${escapeXml(source)}</text>`,
    "</svg>",
  ].join("");
}

/**
 * Picks the largest font size at which the headline fits the text block, wrapping on spaces
 * (and inside words that are wider than a line). At the smallest size, whatever does not fit
 * is cut and the last line ends with an ellipsis.
 */
export function layoutHeadline(headline: string): HeadlineLayout {
  const text = cleanText(headline);
  const smallest = HEADLINE_FONT_SIZES[HEADLINE_FONT_SIZES.length - 1]!;
  for (const fontSize of HEADLINE_FONT_SIZES) {
    const lines = wrapText(text, TEXT_WIDTH, fontSize);
    if (lines.length <= maxLinesAt(fontSize)) return { fontSize, lines, truncated: false };
  }
  const maxLines = maxLinesAt(smallest);
  const lines = wrapText(text, TEXT_WIDTH, smallest).slice(0, maxLines);
  const last = lines.pop() ?? "";
  lines.push(withEllipsis(last, TEXT_WIDTH, smallest, 0));
  return { fontSize: smallest, lines, truncated: true };
}

/**
 * Colours derived from the brand name alone (FNV-1a hash → hue), so a brand's cards look the
 * same on every render and every machine. The background is always dark and the headline
 * near-white, which keeps contrast high whatever the hue.
 */
export function brandPalette(brandName: string): HeadlineCardPalette {
  const hue = fnv1a(cleanText(brandName).toLowerCase()) % 360;
  return {
    background: hslToHex(hue, 0.55, 0.16),
    accent: hslToHex((hue + 35) % 360, 0.8, 0.62),
    headline: hslToHex(hue, 0.3, 0.97),
    muted: hslToHex(hue, 0.2, 0.75),
  };
}

function maxLinesAt(fontSize: number): number {
  return Math.floor((HEADLINE_BOTTOM - HEADLINE_TOP) / Math.round(fontSize * HEADLINE_LINE_HEIGHT));
}

/** Lines of `text` within `maxWidth` at `fontSize`, wrapping on spaces and inside words wider than a line. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (textWidth(candidate, fontSize, 0) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== "") lines.push(current);
    current = "";
    // A word wider than the line (a URL, a long compound, unspaced CJK) is broken anywhere.
    let piece = "";
    for (const grapheme of graphemes(word)) {
      if (piece !== "" && textWidth(piece + grapheme, fontSize, 0) > maxWidth) {
        lines.push(piece);
        piece = "";
      }
      piece += grapheme;
    }
    current = piece;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** The text on one line of the card's text width, cut with an ellipsis when it is wider. */
export function fitOneLine(text: string, fontSize: number, letterSpacing: number): string {
  return textWidth(text, fontSize, letterSpacing) <= TEXT_WIDTH
    ? text
    : withEllipsis(text, TEXT_WIDTH, fontSize, letterSpacing);
}

export function withEllipsis(
  text: string,
  maxWidth: number,
  fontSize: number,
  letterSpacing: number,
): string {
  const parts = graphemes(text);
  while (
    parts.length > 0 &&
    textWidth(`${parts.join("").trimEnd()}${ELLIPSIS}`, fontSize, letterSpacing) > maxWidth
  ) {
    parts.pop();
  }
  return `${parts.join("").trimEnd()}${ELLIPSIS}`;
}

/**
 * Estimated rendered width. There are no font metrics at this layer, so each character gets a
 * width in ems measured on DejaVu Sans Bold (the widest common sans; lowercase averages 0.58,
 * capitals 0.68, "W" 1.1), rounded up so that estimates err towards wrapping early. Wide
 * scripts (CJK, emoji) count as a full em.
 */
function textWidth(text: string, fontSize: number, letterSpacing: number): number {
  let ems = 0;
  let count = 0;
  for (const char of text) {
    ems += charWidthEm(char);
    count += 1;
  }
  return ems * fontSize + count * letterSpacing;
}

function charWidthEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char === " ") return 0.35;
  if ("WMmw@%Ææ—".includes(char)) return 1.1;
  if ("iIjl.,:;'!|()[]`\"".includes(char)) return 0.4;
  if (char >= "A" && char <= "Z") return 0.78;
  if (char >= "0" && char <= "9") return 0.72;
  if (char >= "a" && char <= "z") return 0.66;
  if (code >= 0x1100) return 1.0;
  return 0.78;
}

const graphemeSegmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * Collapses whitespace and blanks out characters XML 1.0 forbids (control characters, lone
 * surrogates, U+FFFE/U+FFFF): a feed title can contain any of them, and one is enough for
 * librsvg to refuse the whole SVG.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return `#${[r, g, b]
    .map((v) =>
      Math.round((v + m) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
