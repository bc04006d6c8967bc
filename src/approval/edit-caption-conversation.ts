/**
 * The ✏️ Edit dialog: the owner sends a new caption (or /cancel), it is checked against Instagram's limits with
 * each problem explained, saved, and the card is updated in place (draft-text-dialog.ts runs it).
 */

import { type CaptionViolation, checkInstagramLimits, composePostText } from "../drafting/caption-limits.ts";
import type { Texts } from "../i18n/texts.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { type DialogDeps, draftTextDialog } from "./draft-text-dialog.ts";
import { saveEditedCaption } from "./draft-transitions.ts";
import { TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_CAPTION_CONVERSATION = "approval-edit-caption";

export function editCaptionConversation(deps: DialogDeps) {
  return draftTextDialog(deps, {
    messages: "caption",
    prompt: (card, _target, texts) => editPrompt(card.caption, card.hashtags, texts),
    check(text, start, texts) {
      const caption = text.trim();
      const problems = checkInstagramLimits(composePostText(caption, start.hashtags));
      return problems.length > 0
        ? { ok: false, reply: explainProblems(problems, start.hashtags.length > 0, texts) }
        : { ok: true, value: caption };
    },
    save: (sql, input) => saveEditedCaption(sql, { ...input, caption: input.value }),
  });
}

function editPrompt(caption: string, hashtags: string[], texts: Texts): string {
  const ask =
    hashtags.length > 0
      ? `${texts.t("dialog-caption-prompt")} ${texts.t("dialog-caption-hashtags-stay", { hashtags: escapeHtml(hashtags.join(" ")) })}`
      : texts.t("dialog-caption-prompt");
  const withCurrent = `${ask}\n\n${texts.t("dialog-current-caption")}\n<code>${escapeHtml(caption)}</code>`;
  return caption.trim() && visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}

const VIOLATION_MESSAGES: Record<CaptionViolation["code"], string> = {
  too_long: "dialog-caption-too-long",
  too_many_hashtags: "dialog-caption-too-many-hashtags",
  too_many_mentions: "dialog-caption-too-many-mentions",
};

function explainProblems(problems: CaptionViolation[], hasHashtags: boolean, texts: Texts): string {
  const { t } = texts;
  return [
    t(hasHashtags ? "dialog-caption-problems-hashtags" : "dialog-caption-problems"),
    ...problems.map(
      (problem) =>
        `• ${t(VIOLATION_MESSAGES[problem.code], { actual: problem.actual, limit: problem.limit })}`,
    ),
    "",
    t("dialog-caption-send-shorter"),
  ].join("\n");
}
