/**
 * The ✏️ Edit dialog of a comment card: the owner sends the reply as it should go out (or /cancel); it is
 * checked against Instagram's comment limits with each problem said, saved while the comment is still open, and
 * the card is updated to show it with 💬 Send. Nothing is posted here: sending stays one tap on the card.
 *
 * @grammyjs/conversations v2 replays this function for every update, so reads and writes of the world run in
 * `conversation.external`, whose results are plain JSON (see edit-caption-conversation.ts).
 */

import type { Conversation } from "@grammyjs/conversations";
import { commandOf } from "../approval/dialog-input.ts";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Sql } from "../database/connect.ts";
import type { Texts } from "../i18n/texts.ts";
import type { Logger } from "../shared/logger.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { describeDecided } from "./comment-card.ts";
import { showCommentCardAfterPress } from "./comment-card-telegram.ts";
import { loadComment, saveReplyText } from "./comment-queries.ts";
import { MAX_REPLY_CHARACTERS, replyProblems } from "./reply-limits.ts";

export const EDIT_REPLY_DIALOG = "comment-edit-reply";

export interface EditReplyTarget {
  commentRowId: number;
  ownerId: number;
}

type EditStart = { editable: true; replyText: string | null } | { editable: false; message: string };

export function editReplyDialog(deps: { sql: Sql; logger: Logger }) {
  return async function editReply(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: EditReplyTarget,
  ): Promise<void> {
    const start = await conversation.external(() => loadEditStart(deps.sql, target, ctx.texts));
    if (!start.editable) {
      await ctx.reply(start.message);
      return;
    }
    await replyInDialog(ctx, editPrompt(start.replyText, ctx.texts), { parse_mode: "HTML" });

    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses (this card's or another's) are not answers: they go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "cancel") {
        await answer.reply(answer.t("comment-edit-cancelled"));
        return;
      }
      if (command === "help") return conversation.skip({ next: true });
      if (command !== null) {
        await answer.reply(answer.t("comment-edit-left"));
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(answer, answer.t("comment-edit-text-only"));
        continue;
      }
      const replyText = message.text.trim();
      const problems = replyProblems(replyText, answer.texts);
      if (problems.length > 0) {
        await replyInDialog(
          answer,
          [
            answer.t("comment-edit-problems"),
            ...problems.map((problem) => `• ${problem}`),
            "",
            answer.t("comment-edit-send-another"),
          ].join("\n"),
        );
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(deps, outer, { ...target, replyText }, answer.texts),
      );
      await answer.reply(saved);
      return;
    }
  };
}

async function loadEditStart(sql: Sql, target: EditReplyTarget, texts: Texts): Promise<EditStart> {
  const comment = await loadComment(sql, target.commentRowId, target.ownerId);
  if (!comment) return { editable: false, message: texts.t("comment-gone") };
  if (comment.status !== "open")
    return { editable: false, message: describeDecided(comment, comment.timeZone, texts) };
  return { editable: true, replyText: comment.replyText };
}

async function saveAndShow(
  deps: { sql: Sql; logger: Logger },
  outer: BotContext,
  input: EditReplyTarget & { replyText: string },
  texts: Texts,
): Promise<string> {
  const saved = await saveReplyText(deps.sql, {
    id: input.commentRowId,
    ownerId: input.ownerId,
    replyText: input.replyText,
  });
  if (!saved) {
    const comment = await loadComment(deps.sql, input.commentRowId, input.ownerId);
    return comment
      ? texts.t("comment-edit-not-changed", { state: describeDecided(comment, comment.timeZone, texts) })
      : texts.t("comment-gone");
  }
  await showCommentCardAfterPress(deps, outer.api, input.commentRowId);
  return texts.t("comment-edit-saved");
}

function editPrompt(replyText: string | null, texts: Texts): string {
  const ask = texts.t("comment-edit-prompt", { limit: MAX_REPLY_CHARACTERS });
  return replyText
    ? `${ask}\n\n${texts.t("comment-edit-current")}\n<code>${escapeHtml(replyText)}</code>`
    : ask;
}
