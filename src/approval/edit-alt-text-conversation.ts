/**
 * The 🦯 Alt text dialog: the owner sends the image's new alt text (or /cancel), it is checked against
 * Instagram's 1,000 characters with the problem explained, saved, and the card is updated in place
 * (draft-text-dialog.ts runs it).
 */

import { checkAltText } from "../drafting/alt-text.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { type DialogDeps, draftTextDialog } from "./draft-text-dialog.ts";
import { saveEditedAltText } from "./draft-transitions.ts";
import { TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_ALT_TEXT_CONVERSATION = "approval-edit-alt-text";

export function editAltTextConversation(deps: DialogDeps) {
  return draftTextDialog(deps, {
    noun: "alt text",
    cancelled: "Alt text edit cancelled",
    left: "Left the alt text edit",
    saved: "✅ Alt text updated: Instagram gets it with the image.",
    savedBefore: "✅ Alt text updated.",
    prompt: (card) => altTextPrompt(card.altText),
    check(text) {
      const checked = checkAltText(text);
      return checked.ok
        ? { ok: true, value: checked.altText }
        : { ok: false, reply: `${checked.problem} Send it again, or /cancel to keep the current one.` };
    },
    save: (sql, input) => saveEditedAltText(sql, { ...input, altText: input.value }),
  });
}

function altTextPrompt(altText: string | null): string {
  const ask =
    "🦯 Send me the alt text for the image: one short sentence saying what it shows, for people who use a screen reader (at most 1,000 characters). Or /cancel to keep the current one.";
  if (!altText?.trim()) return ask;
  const withCurrent = `${ask}\n\nCurrent alt text (tap to copy):\n<code>${escapeHtml(altText)}</code>`;
  return visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}
