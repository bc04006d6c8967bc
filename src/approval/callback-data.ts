/**
 * The callback_data carried by draft card buttons: `<action>:<draftId>` or `<action>:<draftId>:<reason>`, e.g.
 * `a:123` (approve draft 123) or `q:123:o` (reject draft 123 as off-topic). Telegram allows 1–64 *bytes* of
 * callback_data (Bot API, InlineKeyboardButton); the longest we make, `q:` + a 15-digit id + `:x`, is 19 ASCII
 * bytes. Anything a client sends back is parsed strictly, since callback_data arrives from outside.
 */

import { REJECTION_REASON_CODES, type RejectionReasonCode } from "./rejection-reasons.ts";
import { REWRITE_CHOICE_CODES, type RewriteChoiceCode } from "./rewrite-choices.ts";

export const DRAFT_ACTION_CODES = {
  approve: "a",
  edit: "e",
  reject: "r",
  newImage: "i",
  rewrite: "w",
  undo: "u",
  postNow: "p",
  retry: "t",
  /** Edit the image's alt text. */
  altText: "x",
  /** A quick rejection reason was chosen (carries the reason code). */
  rejectBecause: "q",
  /** Leave the reason picker (or the rewrite picker) and keep the draft as it is. */
  keep: "k",
  /** A quick rewrite choice was picked (carries the choice's code). */
  rewriteAs: "v",
  /** 🎞 Slides: pick a carousel slide to edit. */
  slides: "s",
  /** A slide was picked (carries its position, 0–9). */
  slide: "l",
  /** Turn a single image into a carousel, or a carousel back into a single image. */
  format: "f",
} as const;

export type DraftAction = keyof typeof DRAFT_ACTION_CODES;

export type DraftCallback =
  | { action: Exclude<DraftAction, "rejectBecause" | "rewriteAs" | "slide">; draftId: number }
  | { action: "slide"; draftId: number; position: number }
  | { action: "rejectBecause"; draftId: number; reason: RejectionReasonCode }
  | { action: "rewriteAs"; draftId: number; choice: RewriteChoiceCode };

const ACTIONS_BY_CODE = new Map<string, DraftAction>(
  Object.entries(DRAFT_ACTION_CODES).map(([action, code]) => [code, action as DraftAction]),
);

/** Telegram's limit on callback_data, in UTF-8 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** Matches every string {@link encodeDraftCallback} makes, and nothing else. */
export const DRAFT_CALLBACK_PATTERN = /^([a-z]):([1-9]\d{0,14})(?::([a-z0-9]))?$/;

export function encodeDraftCallback(callback: DraftCallback): string {
  if (!Number.isSafeInteger(callback.draftId) || callback.draftId <= 0) {
    throw new RangeError(`Draft id ${callback.draftId} is not a positive integer`);
  }
  const code = DRAFT_ACTION_CODES[callback.action];
  if (callback.action === "rejectBecause") return `${code}:${callback.draftId}:${callback.reason}`;
  if (callback.action === "rewriteAs") return `${code}:${callback.draftId}:${callback.choice}`;
  if (callback.action === "slide") {
    if (!Number.isInteger(callback.position) || callback.position < 0 || callback.position > 9)
      throw new RangeError(`Slide position ${callback.position} is not 0–9`);
    return `${code}:${callback.draftId}:${callback.position}`;
  }
  return `${code}:${callback.draftId}`;
}

/** The button's meaning, or null for anything we did not make (old formats, junk, another bot's data). */
export function parseDraftCallback(data: string): DraftCallback | null {
  const match = DRAFT_CALLBACK_PATTERN.exec(data);
  if (!match) return null;
  const [, code, id, reason] = match as unknown as [string, string, string, string | undefined];
  const action = ACTIONS_BY_CODE.get(code);
  const draftId = Number(id);
  if (!action || !Number.isSafeInteger(draftId)) return null;
  if (action === "rejectBecause") {
    if (
      reason === undefined ||
      /\d/.test(reason) ||
      !(REJECTION_REASON_CODES as readonly string[]).includes(reason)
    )
      return null;
    return { action, draftId, reason: reason as RejectionReasonCode };
  }
  if (action === "rewriteAs") {
    if (reason === undefined || !(REWRITE_CHOICE_CODES as readonly string[]).includes(reason)) return null;
    return { action, draftId, choice: reason as RewriteChoiceCode };
  }
  if (action === "slide") {
    if (reason === undefined || !/^\d$/.test(reason)) return null;
    return { action, draftId, position: Number(reason) };
  }
  if (reason !== undefined) return null;
  return { action, draftId };
}
