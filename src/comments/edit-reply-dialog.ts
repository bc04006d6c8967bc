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
import type { Logger } from "../shared/logger.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { describeDecided } from "./comment-card.ts";
import { showCommentCardAfterPress } from "./comment-card-telegram.ts";
import { loadComment, saveReplyText } from "./comment-queries.ts";
import { MAX_REPLY_CHARACTERS, replyProblems } from "./reply-limits.ts";

export const EDIT_REPLY_DIALOG = "comment-edit-reply";

export const COMMENT_GONE_TEXT = "That comment is no longer stored (it was deleted).";

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
    const start = await conversation.external(() => loadEditStart(deps.sql, target));
    if (!start.editable) {
      await ctx.reply(start.message);
      return;
    }
    await replyInDialog(ctx, editPrompt(start.replyText), { parse_mode: "HTML" });

    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses (this card's or another's) are not answers: they go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "cancel") {
        await answer.reply("Edit cancelled: the reply is unchanged.");
        return;
      }
      if (command === "help") return conversation.skip({ next: true });
      if (command !== null) {
        await answer.reply("Left the reply edit: the reply is unchanged.");
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(
          answer,
          "Please send the reply as a text message, or /cancel to keep it as it is.",
        );
        continue;
      }
      const replyText = message.text.trim();
      const problems = replyProblems(replyText);
      if (problems.length > 0) {
        await replyInDialog(
          answer,
          [
            "That reply can't go to Instagram as it is:",
            ...problems.map((p) => `• ${p}`),
            "",
            "Send another version, or /cancel.",
          ].join("\n"),
        );
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(deps, outer, { ...target, replyText }),
      );
      await answer.reply(saved);
      return;
    }
  };
}

async function loadEditStart(sql: Sql, target: EditReplyTarget): Promise<EditStart> {
  const comment = await loadComment(sql, target.commentRowId, target.ownerId);
  if (!comment) return { editable: false, message: COMMENT_GONE_TEXT };
  if (comment.status !== "open")
    return { editable: false, message: describeDecided(comment, comment.timeZone) };
  return { editable: true, replyText: comment.replyText };
}

async function saveAndShow(
  deps: { sql: Sql; logger: Logger },
  outer: BotContext,
  input: EditReplyTarget & { replyText: string },
): Promise<string> {
  const saved = await saveReplyText(deps.sql, {
    id: input.commentRowId,
    ownerId: input.ownerId,
    replyText: input.replyText,
  });
  if (!saved) {
    const comment = await loadComment(deps.sql, input.commentRowId, input.ownerId);
    return comment
      ? `The reply was not changed. ${describeDecided(comment, comment.timeZone)}`
      : COMMENT_GONE_TEXT;
  }
  await showCommentCardAfterPress(deps, outer.api, input.commentRowId);
  return "✅ Reply updated: tap 💬 Send on the card to post it.";
}

function editPrompt(replyText: string | null): string {
  const ask = `✏️ Send me the reply as it should appear on Instagram (at most ${MAX_REPLY_CHARACTERS} characters), or /cancel.`;
  return replyText ? `${ask}\n\nCurrent reply (tap to copy):\n<code>${escapeHtml(replyText)}</code>` : ask;
}
