/**
 * The ✏️ Edit dialog: the owner sends a new caption (or /cancel), it is checked against Instagram's limits with
 * each problem explained, saved, and the card is updated in place (draft-text-dialog.ts runs it).
 */

import { type CaptionViolation, checkInstagramLimits, composePostText } from "../drafting/caption-limits.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { type DialogDeps, draftTextDialog } from "./draft-text-dialog.ts";
import { saveEditedCaption } from "./draft-transitions.ts";
import { TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_CAPTION_CONVERSATION = "approval-edit-caption";

export function editCaptionConversation(deps: DialogDeps) {
  return draftTextDialog(deps, {
    noun: "caption",
    cancelled: "Edit cancelled",
    left: "Left the caption edit",
    saved: "✅ Caption updated: the card shows it as it will be posted.",
    savedBefore: "✅ Caption updated.",
    prompt: (card) => editPrompt(card.caption, card.hashtags),
    check(text, start) {
      const caption = text.trim();
      const problems = checkInstagramLimits(composePostText(caption, start.hashtags));
      return problems.length > 0
        ? { ok: false, reply: explainProblems(problems, start.hashtags.length > 0) }
        : { ok: true, value: caption };
    },
    save: (sql, input) => saveEditedCaption(sql, { ...input, caption: input.value }),
  });
}

function editPrompt(caption: string, hashtags: string[]): string {
  const tags =
    hashtags.length > 0 ? ` The hashtags stay as they are: ${escapeHtml(hashtags.join(" "))}.` : "";
  const ask = `✏️ Send me the new caption, or /cancel to keep the current one.${tags}`;
  const withCurrent = `${ask}\n\nCurrent caption (tap to copy):\n<code>${escapeHtml(caption)}</code>`;
  return caption.trim() && visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}

function explainProblems(problems: CaptionViolation[], hasHashtags: boolean): string {
  const counted = hasHashtags ? " (counting the draft's hashtags)" : "";
  return [
    `That caption can't go to Instagram as it is${counted}:`,
    ...problems.map((problem) => `• ${problem.message}`),
    "",
    "Send a shorter version, or /cancel to keep the current caption.",
  ].join("\n");
}
