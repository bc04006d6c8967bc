import type { Parsed } from "../publishing/posting-slots.ts";

/**
 * What an owner types for the drafter's side of the brand profile: audience, banned terms and visual style.
 * Pure; each returns the value to store or one sentence saying what to send instead. "none" clears a field.
 */

export const AUDIENCE_MAX_CHARS = 500;
export const VISUAL_STYLE_MAX_CHARS = 500;
export const MAX_BANNED_TERMS = 50;
const BANNED_TERM_MAX_CHARS = 60;

const CLEAR = /^(none|clear|no|-)$/i;

export function parseAudience(text: string): Parsed<string> {
  return parseDescription(text, {
    max: AUDIENCE_MAX_CHARS,
    what: "audience",
    example: "“commuters and families in Berlin”",
  });
}

export function parseVisualStyle(text: string): Parsed<string> {
  return parseDescription(text, {
    max: VISUAL_STYLE_MAX_CHARS,
    what: "visual style",
    example: "“bright flat illustration, teal and orange, no text”",
  });
}

/**
 * Words or phrases separated by commas, semicolons or new lines ("cheap, best ever; guaranteed"). Repeats
 * (ignoring case) are dropped. "none" clears them.
 */
export function parseBannedTerms(text: string): Parsed<string[]> {
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
        error: `“${[...term].slice(0, 20).join("")}…” is ${[...term].length} characters; keep each term to ${BANNED_TERM_MAX_CHARS} or fewer.`,
      };
    }
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  if (terms.length === 0) {
    return {
      ok: false,
      error:
        "Please send the terms separated by commas, e.g. “cheap, best ever”, or “none” for no banned terms.",
    };
  }
  if (terms.length > MAX_BANNED_TERMS) {
    return { ok: false, error: `That is ${terms.length} terms; keep it to ${MAX_BANNED_TERMS} or fewer.` };
  }
  return { ok: true, value: terms };
}

function parseDescription(
  text: string,
  field: { max: number; what: string; example: string },
): Parsed<string> {
  const value = text.replace(/\s+/g, " ").trim();
  if (CLEAR.test(value)) return { ok: true, value: "" };
  if ([...value].length < 3) {
    return {
      ok: false,
      error: `Please describe the ${field.what} in a few words, for example ${field.example}, or send “none”.`,
    };
  }
  if ([...value].length > field.max) {
    return {
      ok: false,
      error: `That ${field.what} is ${[...value].length} characters; keep it to ${field.max} or fewer.`,
    };
  }
  return { ok: true, value };
}
