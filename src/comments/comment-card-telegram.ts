/**
 * Comment cards and post summaries in Telegram. Both are outbox messages rendered when they are sent, from the
 * rows as they are then ('comment_card', 'comment_summary'): a card sent late shows what has happened since, and
 * a message whose send succeeded but whose "sent" mark was lost is brought up to date rather than sent twice.
 * After a button press the pressed card is edited at once; when Telegram cannot take the edit, the outbox does.
 */

import type { Api } from "grammy";
import { ignoreNotModified, isMessageGone } from "../approval/draft-card-telegram.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { textsFor } from "../i18n/texts.ts";
import type { OutboxSender } from "../notifications/deliver-outbox.ts";
import { enqueueTelegramMessage } from "../notifications/telegram-outbox.ts";
import type { Logger } from "../shared/logger.ts";
import { type RenderedCommentCard, renderCommentCard, renderCommentSummary } from "./comment-card.ts";
import { loadComment, recordCommentCardMessage, type StoredComment } from "./comment-queries.ts";
import { loadCommentSummary, recordSummaryMessage } from "./comment-summaries.ts";

/** The dedupe key of a comment's first card in telegram_outbox: one card per comment, however often it arrives. */
export function commentCardKey(commentId: string): string {
  return `comment-card:${commentId}`;
}

/** Queues a comment's card: its first sending (keyed, so once) or, with `update`, an edit of the card. */
export async function enqueueCommentCard(
  sql: Sql | Transaction,
  comment: { id: number; commentId: string; chatId: number },
  options: { update?: boolean } = {},
): Promise<boolean> {
  return enqueueTelegramMessage(sql, {
    chatId: comment.chatId,
    kind: "comment_card",
    payload: { commentRowId: comment.id },
    dedupeKey: options.update ? undefined : commentCardKey(comment.commentId),
  });
}

/** Queues an edit of a comment's card to show its current state (after work away from a button press). */
export async function enqueueCommentCardUpdate(sql: Sql, id: number): Promise<void> {
  const comment = await loadComment(sql, id);
  if (!comment) return;
  await enqueueCommentCard(
    sql,
    { ...comment, chatId: comment.cardChatId ?? comment.ownerChatId },
    { update: true },
  );
}

/**
 * Queues the summary's message (first sending or an edit), unless one is already waiting and not yet claimed: a
 * viral post's hundred comments an hour make one pending edit at a time, which shows the count as it is when it
 * is sent. One already claimed may have read the count before this comment, so a new one is queued behind it.
 */
export async function enqueueSummaryUpdate(
  sql: Sql | Transaction,
  summary: { id: number; chatId: number },
): Promise<void> {
  await sql`
    insert into telegram_outbox (chat_id, kind, payload)
    select ${summary.chatId}, 'comment_summary', ${sql.json({ summaryId: summary.id })}
     where not exists (select from telegram_outbox
                        where kind = 'comment_summary' and status = 'pending' and attempts = 0
                          and payload ->> 'summaryId' = ${String(summary.id)})`;
}

export function commentSenders(deps: { sql: Sql; logger: Logger }): Record<string, OutboxSender> {
  return {
    comment_card: async function sendCommentCardFromOutbox(row, api) {
      const { commentRowId } = row.payload as { commentRowId: number };
      const comment = await loadComment(deps.sql, commentRowId);
      if (!comment) return; // deleted meanwhile (the owner's data deletion)
      await showCommentCard(deps, api, comment);
    },
    comment_summary: async function sendCommentSummaryFromOutbox(row, api) {
      const { summaryId } = row.payload as { summaryId: number };
      const summary = await loadCommentSummary(deps.sql, summaryId);
      if (!summary) return;
      const rendered = renderCommentSummary(summary, textsFor(summary.ownerLocale));
      const sent = await sendOrEdit(api, summary.chatId, summary.messageId, rendered);
      if (sent !== summary.messageId) await recordSummaryMessage(deps.sql, summaryId, sent);
    },
  };
}

/** Sends the card, or edits it where it already is; a card deleted from the chat is sent again. */
export async function showCommentCard(deps: { sql: Sql }, api: Api, comment: StoredComment): Promise<void> {
  const chatId = comment.cardChatId ?? comment.ownerChatId;
  const sent = await sendOrEdit(
    api,
    chatId,
    comment.cardMessageId,
    renderCommentCard(comment, comment.timeZone, textsFor(comment.ownerLocale)),
  );
  if (sent !== comment.cardMessageId) await recordCommentCardMessage(deps.sql, comment.id, chatId, sent);
}

/**
 * After a press: edits the pressed card to show what happened. When Telegram cannot take the edit now, the
 * outbox is asked to (it retries, and re-sends a card that was deleted).
 */
export async function showCommentCardAfterPress(
  deps: { sql: Sql; logger: Logger },
  api: Api,
  id: number,
): Promise<void> {
  const comment = await loadComment(deps.sql, id);
  if (!comment) return;
  try {
    await showCommentCard(deps, api, comment);
  } catch (error) {
    deps.logger.warn({ commentRowId: id, err: error }, "comment card edit failed; queued for the outbox");
    await enqueueCommentCardUpdate(deps.sql, id);
  }
}

async function sendOrEdit(
  api: Api,
  chatId: number,
  messageId: number | null,
  rendered: RenderedCommentCard,
): Promise<number> {
  const options = {
    parse_mode: "HTML" as const,
    link_preview_options: { is_disabled: true },
    reply_markup: rendered.keyboard,
  };
  if (messageId !== null) {
    try {
      await ignoreNotModified(api.editMessageText(chatId, messageId, rendered.text, options));
      return messageId;
    } catch (error) {
      if (!isMessageGone(error)) throw error;
    }
  }
  const message = await api.sendMessage(chatId, rendered.text, options);
  return message.message_id;
}
