/* global console */
// Run by scripts/check-image.ts inside the production build (plain node, production dependencies only): renders
// headline cards in every script Greenlight promises, and fails when any character is drawn as a missing glyph.
//
// How a missing glyph is recognised: pango (inside librsvg, inside sharp) draws a character no installed font
// covers as a box with its code point in hex. Those boxes have the same outline for every code point of the same
// length (four hex digits in the Basic Multilingual Plane, more beyond): only the digits inside differ. So each
// character is drawn alone, at the card's headline size, with the card's own SVG, and compared with a box drawn
// for a private-use code point no font has: a character whose ink has exactly the box's bounds and covers the
// box's whole outline is a missing glyph. The check first proves it can fail, on a second private-use code point.
import { buildHeadlineCardSvg, renderHeadlineCard } from "./dist/images/headline-card.js";
import { Buffer } from "node:buffer";
import process from "node:process";
import sharp from "sharp";

const HEADLINES = {
  Cyrillic: "Москва утвердила новый бюджет на развитие городского транспорта",
  Greek: "Η Αθήνα εγκρίνει νέο σχέδιο για τις δημόσιες συγκοινωνίες",
  Arabic: "الحكومة تعلن عن خطة جديدة لدعم الطاقة المتجددة في المدن",
  Hebrew: "הממשלה אישרה תוכנית חדשה לתחבורה ציבורית בערים",
  Chinese: "北京发布新的城市交通发展计划，地铁线路将延长",
  Japanese: "東京都が新しい交通計画を発表、地下鉄の延伸へ",
  Korean: "서울시, 대중교통 확충을 위한 새 예산안 발표",
  Latin: "Zürich approves a €40m façade renewal — naïve or bold?",
};

/** The headline's area on a one-character card: the first line starts at x = 96, its baseline at y = 396. */
const HEADLINE_AREA = { left: 0, top: 250, width: 1080, height: 300 };

async function inkBounds(character) {
  const svg = buildHeadlineCardSvg({ headline: character, brandName: "probe" });
  const { data, info } = await sharp(Buffer.from(svg))
    .extract(HEADLINE_AREA)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const inked = (x, y) => {
    const i = (y * info.width + x) * info.channels;
    return (
      Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60
    );
  };
  let bounds = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (!inked(x, y)) continue;
      bounds = {
        left: Math.min(bounds.left, x),
        top: Math.min(bounds.top, y),
        right: Math.max(bounds.right, x),
        bottom: Math.max(bounds.bottom, y),
      };
    }
  }
  return { bounds, inked };
}

const boxes = {
  bmp: await inkBounds("\uE000"),
  astral: await inkBounds("\u{10FFFD}"),
};

async function isMissingGlyph(character) {
  const box = (character.codePointAt(0) ?? 0) > 0xffff ? boxes.astral : boxes.bmp;
  const drawn = await inkBounds(character);
  const { left, top, right, bottom } = box.bounds;
  if (JSON.stringify(drawn.bounds) !== JSON.stringify(box.bounds)) return false;
  for (let x = left; x <= right; x++) {
    if (box.inked(x, top) && !drawn.inked(x, top)) return false;
    if (box.inked(x, bottom) && !drawn.inked(x, bottom)) return false;
  }
  for (let y = top; y <= bottom; y++) {
    if (box.inked(left, y) && !drawn.inked(left, y)) return false;
    if (box.inked(right, y) && !drawn.inked(right, y)) return false;
  }
  return true;
}

const problems = [];
if (!(await isMissingGlyph("\uE001")) || !(await isMissingGlyph("\u{10FFFC}"))) {
  problems.push("the missing-glyph check does not recognise a missing glyph (U+E001, U+10FFFC)");
}
const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
for (const [script, headline] of Object.entries(HEADLINES)) {
  const card = await renderHeadlineCard({ headline, brandName: "Greenlight", source: script });
  const metadata = await sharp(card.jpeg).metadata();
  if (metadata.format !== "jpeg" || metadata.width !== 1080 || metadata.height !== 1350) {
    problems.push(`${script}: the card is not a 1080×1350 JPEG`);
  }
  const characters = new Set(
    Array.from(segmenter.segment(headline), (s) => s.segment).filter((c) => c.trim()),
  );
  const missing = [];
  for (const character of characters) {
    if (await isMissingGlyph(character)) {
      missing.push(
        `${character} (U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")})`,
      );
    }
  }
  if (missing.length > 0) problems.push(`${script}: no glyph for ${missing.join(", ")}`);
  console.log(`${script}: ${characters.size} characters, ${missing.length} missing`);
}
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
