import { englishTexts, type Texts } from "../../i18n/texts.ts";
import type { Parsed } from "../../publishing/posting-slots.ts";

/**
 * What an owner types for the drafter's side of the brand profile: audience, banned terms and visual style.
 * Pure; each returns the value to store or one sentence, in the owner's language, saying what to send instead.
 * "none" clears a field.
 */

export const AUDIENCE_MAX_CHARS = 500;
export const VISUAL_STYLE_MAX_CHARS = 500;
export const MAX_BANNED_TERMS = 50;
const BANNED_TERM_MAX_CHARS = 60;

const CLEAR = /^(none|clear|no|-)$/i;

export function parseAudience(text: string, texts: Texts = englishTexts()): Parsed<string> {
  return parseDescription(text, texts, {
    max: AUDIENCE_MAX_CHARS,
    tooShort: "brand-audience-too-short",
    tooLong: "brand-audience-too-long",
  });
}

export function parseVisualStyle(text: string, texts: Texts = englishTexts()): Parsed<string> {
  return parseDescription(text, texts, {
    max: VISUAL_STYLE_MAX_CHARS,
    tooShort: "brand-style-too-short",
    tooLong: "brand-style-too-long",
  });
}

/**
 * Words or phrases separated by commas, semicolons or new lines ("cheap, best ever; guaranteed"). Repeats
 * (ignoring case) are dropped. "none" clears them.
 */
export function parseBannedTerms(text: string, texts: Texts = englishTexts()): Parsed<string[]> {
  const trimmed = text.trim();
  if (CLEAR.test(trimmed)) return { ok: true, value: [] };
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const part of trimmed.split(/[,;\n]+/)) {
    const term = part.replace(/\s+/g, " ").trim();
    if (term === "") continue;
    if ([...term].length > BANNED_TERM_MAX_CHARS) {
      return {
        ok: false,
        error: texts.t("brand-banned-term-too-long", {
          term: [...term].slice(0, 20).join(""),
          length: [...term].length,
          limit: BANNED_TERM_MAX_CHARS,
        }),
      };
    }
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  if (terms.length === 0) return { ok: false, error: texts.t("brand-banned-empty") };
  if (terms.length > MAX_BANNED_TERMS) {
    return {
      ok: false,
      error: texts.t("brand-banned-too-many", { count: terms.length, limit: MAX_BANNED_TERMS }),
    };
  }
  return { ok: true, value: terms };
}

function parseDescription(
  text: string,
  texts: Texts,
  field: { max: number; tooShort: string; tooLong: string },
): Parsed<string> {
  const value = text.replace(/\s+/g, " ").trim();
  if (CLEAR.test(value)) return { ok: true, value: "" };
  if ([...value].length < 3) return { ok: false, error: texts.t(field.tooShort) };
  if ([...value].length > field.max) {
    return { ok: false, error: texts.t(field.tooLong, { length: [...value].length, limit: field.max }) };
  }
  return { ok: true, value };
}
