/**
 * Alt text for a post's image: what a screen reader says instead of the picture. Instagram takes it as the
 * container's `alt_text`, at most 1,000 characters (IG User Media reference; platform-apis.md §B.1). Pure.
 */

import { plural } from "../shared/plural.ts";
import { countCharacters, truncateToCharacters } from "./caption-limits.ts";

export const MAX_ALT_TEXT_CHARACTERS = 1000;

/** One line: screen readers read line breaks as nothing useful, and the card shows it on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Alt text as the drafter stores it: one line, within Instagram's limit (cut at a word, marked "…", in the rare
 * case a model ignores "one short sentence"), or `fallback` (the headline) when there is none.
 */
export function fitAltText(text: string | null | undefined, fallback: string): string {
  const line = oneLine(text ?? "") || oneLine(fallback);
  return truncateToCharacters(line, MAX_ALT_TEXT_CHARACTERS);
}

/**
 * The owner's alt text from the card's dialog, or the specific reason it cannot be used, with the text's length
 * (0 when empty) for the dialog to say it in the owner's language.
 */
export function checkAltText(
  text: string,
): { ok: true; altText: string } | { ok: false; problem: string; length: number } {
  const line = oneLine(text);
  if (!line) return { ok: false, problem: "The alt text cannot be empty.", length: 0 };
  const length = countCharacters(line);
  if (length > MAX_ALT_TEXT_CHARACTERS) {
    const over = length - MAX_ALT_TEXT_CHARACTERS;
    return {
      ok: false,
      length,
      problem: `That alt text is ${length.toLocaleString("en-US")} characters; Instagram allows at most ${MAX_ALT_TEXT_CHARACTERS.toLocaleString("en-US")}. Please make it ${plural(over, { one: "# character", other: "# characters" })} shorter.`,
    };
  }
  return { ok: true, altText: line };
}
