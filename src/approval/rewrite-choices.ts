/**
 * What the owner can ask of 🔁 Rewrite: a quick choice on the card, or their own words (typed, or said in a voice
 * note and transcribed). The choices are stored as these plain instructions, so Claude reads them in the rewrite's
 * prompt and, later, among the brand's past rewrite requests, as it reads rejection reasons. `button` is the
 * label's key in the message catalogue; the instructions stay English, as prompt text.
 */

import { normaliseTypedText } from "./dialog-input.ts";

export const REWRITE_CHOICES = {
  s: { button: "button-rewrite-shorter", instruction: "Make it shorter." },
  l: { button: "button-rewrite-longer", instruction: "Make it longer, with more from the article." },
  f: { button: "button-rewrite-formal", instruction: "Make it more formal." },
  p: { button: "button-rewrite-playful", instruction: "Make it more playful." },
  /** A plain rewrite: a different angle, nothing asked. */
  j: { button: "button-rewrite-just", instruction: null },
} as const;

export type RewriteChoiceCode = keyof typeof REWRITE_CHOICES;

export const REWRITE_CHOICE_CODES = Object.keys(REWRITE_CHOICES) as RewriteChoiceCode[];

/** An instruction is kept to this many characters (the column's check says the same): a wish, not a brief. */
export const MAX_INSTRUCTION_CHARS = 500;

/** Cleans an instruction the owner typed or said: trimmed, whitespace collapsed, capped; null when empty. */
export function normaliseInstruction(text: string): string | null {
  return normaliseTypedText(text, MAX_INSTRUCTION_CHARS);
}
