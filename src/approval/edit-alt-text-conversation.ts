/**
 * The 🦯 Alt text dialog: the owner sends the image's new alt text (or /cancel), it is checked against
 * Instagram's 1,000 characters with the problem explained, saved, and the card is updated in place
 * (draft-text-dialog.ts runs it).
 */

import { checkAltText, MAX_ALT_TEXT_CHARACTERS } from "../drafting/alt-text.ts";
import type { Texts } from "../i18n/texts.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { type DialogDeps, draftTextDialog } from "./draft-text-dialog.ts";
import { saveEditedAltText } from "./draft-transitions.ts";
import { TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_ALT_TEXT_CONVERSATION = "approval-edit-alt-text";

export function editAltTextConversation(deps: DialogDeps) {
  return draftTextDialog(deps, {
    messages: "alt-text",
    prompt: (card, _target, texts) => altTextPrompt(card.altText, texts),
    check(text, _start, texts) {
      const checked = checkAltText(text);
      if (checked.ok) return { ok: true, value: checked.altText };
      const reply =
        checked.length === 0
          ? texts.t("dialog-alt-text-empty")
          : texts.t("dialog-alt-text-too-long", {
              length: checked.length,
              limit: MAX_ALT_TEXT_CHARACTERS,
              over: checked.length - MAX_ALT_TEXT_CHARACTERS,
            });
      return { ok: false, reply };
    },
    save: (sql, input) => saveEditedAltText(sql, { ...input, altText: input.value }),
  });
}

function altTextPrompt(altText: string | null, texts: Texts): string {
  const ask = texts.t("dialog-alt-text-prompt", { limit: MAX_ALT_TEXT_CHARACTERS });
  if (!altText?.trim()) return ask;
  const withCurrent = `${ask}\n\n${texts.t("dialog-current-alt-text")}\n<code>${escapeHtml(altText)}</code>`;
  return visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}
