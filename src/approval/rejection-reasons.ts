/**
 * Why an owner rejects a draft. The quick reasons are stored in drafts.rejection_reason in these plain words, so
 * the drafter can read them back as feedback; "other" asks the owner to type the reason instead. `button` is
 * the label's key in the message catalogue (approval.ftl of each locale).
 */

import { normaliseTypedText } from "./dialog-input.ts";

export const REJECTION_REASONS = {
  o: { button: "button-reason-off-topic", stored: "off-topic" },
  t: { button: "button-reason-tone", stored: "tone" },
  i: { button: "button-reason-image", stored: "image" },
  c: { button: "button-reason-covered", stored: "already covered" },
  x: { button: "button-reason-other", stored: null },
} as const;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;

export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReasonCode[];

/** A typed reason is kept to this many characters: feedback for a prompt, not an essay. */
export const MAX_TYPED_REASON_CHARS = 500;

/** Cleans a reason the owner typed: trimmed, whitespace collapsed, capped; null when nothing is left. */
export function normaliseTypedReason(text: string): string | null {
  return normaliseTypedText(text, MAX_TYPED_REASON_CHARS);
}
