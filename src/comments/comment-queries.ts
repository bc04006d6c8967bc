/**
 * instagram_comments as the owner acts on it (see migrations/0013). Each decision is one guarded statement on
 * the row's status, so a double tap, two instances taking the same tap, and the recovery job resolve in the
 * database: exactly one of them moves the row on, the others read what happened.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { localeOfRow } from "../i18n/language-queries.ts";
import { type StoredMessage, storeMessage } from "../i18n/stored-message.ts";
import type { Locale } from "../i18n/locales.ts";
import type { CommentFlag } from "./comment-assessment.ts";

export type CommentStatus = "open" | "sending" | "replied" | "hidden" | "ignored";

export interface StoredComment {
  id: number;
  brandId: number;
  brandName: string;
  ownerId: number;
  ownerChatId: number;
  /** The owner's language: the card is written in it, wherever it is shown. */
  ownerLocale: Locale;
  timeZone: string;
  language: string;
  draftId: number;
  caption: string;
  permalink: string | null;
  commentId: string;
  parentCommentId: string | null;
  text: string;
  commenterUsername: string | null;
  flagged: CommentFlag | null;
  flagReason: string | null;
  replyText: string | null;
  replyNote: string | null;
  status: CommentStatus;
  actedBy: string | null;
  actedAt: Date | null;
  sendFence: number;
  sendAttempts: number;
  replyCommentId: string | null;
  /** Why the last send was refused: a comment-send-* message (stored-message.ts), or an older row's English. */
  lastError: string | null;
  cardChatId: number | null;
  cardMessageId: number | null;
}

const selectComment = (sql: Sql | Transaction) => sql`
  select c.id, c.brand_id as "brandId", b.name as "brandName", b.owner_id as "ownerId",
         o.telegram_chat_id as "ownerChatId", b.time_zone as "timeZone", b.language,
         c.draft_id as "draftId", d.caption, d.permalink, c.comment_id as "commentId",
         c.parent_comment_id as "parentCommentId", c.text, c.commenter_username as "commenterUsername",
         c.flagged, c.flag_reason as "flagReason", c.reply_text as "replyText", c.reply_note as "replyNote",
         c.status, c.acted_by as "actedBy", c.acted_at as "actedAt", c.send_fence as "sendFence",
         c.send_attempts as "sendAttempts", c.reply_comment_id as "replyCommentId", c.last_error as "lastError",
         c.card_chat_id as "cardChatId", c.card_message_id as "cardMessageId",
         lang.chosen_locale, lang.telegram_language_code
    from instagram_comments c
    join brands b on b.id = c.brand_id
    join owners o on o.id = b.owner_id
    join drafts d on d.id = c.draft_id
    left join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id`;

type CommentRow = Omit<StoredComment, "ownerLocale"> & {
  chosen_locale: string | null;
  telegram_language_code: string | null;
};

/** The comment `id` of `ownerId`'s, still open: the guard of every decision the owner takes on it. */
const openAndOwned = (sql: Sql, input: { id: number; ownerId: number }) =>
  sql`b.id = c.brand_id and b.owner_id = ${input.ownerId} and c.id = ${input.id} and c.status = 'open'`;

/** A stored comment with what its card shows; only when it belongs to `ownerId`, when given. */
export async function loadComment(
  sql: Sql | Transaction,
  id: number,
  ownerId?: number,
): Promise<StoredComment | undefined> {
  const [row] = await sql<CommentRow[]>`
    ${selectComment(sql)}
     where c.id = ${id} ${ownerId === undefined ? sql`` : sql`and b.owner_id = ${ownerId}`}`;
  if (!row) return undefined;
  const { chosen_locale: _chosen, telegram_language_code: _telegram, ...comment } = row;
  return { ...comment, ownerLocale: localeOfRow(row) };
}

/**
 * Claims the send of a comment's reply: open → sending, with a lease and a new fence. Only one caller gets the
 * row back, however many taps or instances race; the rest see it is no longer open.
 */
export async function claimReplySend(
  sql: Sql,
  input: { id: number; ownerId: number; actedBy: string; leaseUntil: Date },
): Promise<StoredComment | undefined> {
  const [claimed] = await sql<{ id: number }[]>`
    update instagram_comments c
       set status = 'sending', send_fence = c.send_fence + 1, send_attempts = c.send_attempts + 1,
           send_due_at = ${input.leaseUntil}, acted_by = ${input.actedBy}, acted_at = now(), last_error = null
      from brands b
     where ${openAndOwned(sql, input)} and c.reply_text is not null
    returning c.id`;
  return claimed ? loadComment(sql, claimed.id) : undefined;
}

/**
 * Takes over one send whose outcome is unknown (its claimer got no answer, or died) once its lease ran out.
 * SKIP LOCKED hands each row to one instance; the new fence shuts out a claimer that is still running late.
 */
export async function claimUncertainSend(
  sql: Sql,
  now: Date,
  leaseUntil: Date,
): Promise<StoredComment | undefined> {
  const [claimed] = await sql<{ id: number }[]>`
    update instagram_comments c
       set send_fence = c.send_fence + 1, send_attempts = c.send_attempts + 1, send_due_at = ${leaseUntil}
     where c.id = (select id from instagram_comments
                    where status = 'sending' and send_due_at <= ${now}
                    order by send_due_at
                    limit 1
                      for update skip locked)
    returning c.id`;
  return claimed ? loadComment(sql, claimed.id) : undefined;
}

/** The reply is on Instagram: record its id. False when the fence moved on (another claimer owns it now). */
export async function recordReplySent(
  sql: Sql,
  claimed: StoredComment,
  replyCommentId: string,
): Promise<boolean> {
  const rows = await sql`
    update instagram_comments
       set status = 'replied', reply_comment_id = ${replyCommentId}, send_due_at = null, last_error = null,
           acted_at = now()
     where id = ${claimed.id} and status = 'sending' and send_fence = ${claimed.sendFence}
    returning id`;
  return rows.length > 0;
}

/** Instagram refused the reply for certain (nothing was posted): open again, with why, for the owner to retry. */
export async function releaseReplySend(
  sql: Sql,
  claimed: StoredComment,
  reason: StoredMessage,
): Promise<boolean> {
  const rows = await sql`
    update instagram_comments
       set status = 'open', send_due_at = null, last_error = ${storeMessage(reason)}
     where id = ${claimed.id} and status = 'sending' and send_fence = ${claimed.sendFence}
    returning id`;
  return rows.length > 0;
}

/** No answer from Instagram: left 'sending', to be looked up and finished after `dueAt` (by any instance). */
export async function deferReplySend(sql: Sql, claimed: StoredComment, dueAt: Date): Promise<void> {
  await sql`
    update instagram_comments set send_due_at = ${dueAt}
     where id = ${claimed.id} and status = 'sending' and send_fence = ${claimed.sendFence}`;
}

/** open → hidden or ignored, by `actedBy`. False when the comment was no longer open. */
export async function closeComment(
  sql: Sql,
  input: { id: number; ownerId: number; status: "hidden" | "ignored"; actedBy: string },
): Promise<boolean> {
  const rows = await sql`
    update instagram_comments c
       set status = ${input.status}, acted_by = ${input.actedBy}, acted_at = now(), last_error = null
      from brands b
     where ${openAndOwned(sql, input)}
    returning c.id`;
  return rows.length > 0;
}

/** Saves the owner's reply text while the comment is still open. False when it was decided meanwhile. */
export async function saveReplyText(
  sql: Sql,
  input: { id: number; ownerId: number; replyText: string },
): Promise<boolean> {
  const rows = await sql`
    update instagram_comments c
       set reply_text = ${input.replyText}, reply_note = null, last_error = null
      from brands b
     where ${openAndOwned(sql, input)}
    returning c.id`;
  return rows.length > 0;
}

/** Stores a reply drafted on the owner's request (or why none was), unless the comment was decided meanwhile. */
export async function saveDraftedReply(
  sql: Sql,
  id: number,
  drafted: { replyText: string | null; replyNote: string | null },
): Promise<boolean> {
  const rows = await sql`
    update instagram_comments
       set reply_text = coalesce(reply_text, ${drafted.replyText}), reply_note = ${drafted.replyNote}
     where id = ${id} and status = 'open'
    returning id`;
  return rows.length > 0;
}

/** Where the card was sent, so it can be edited later (after a recovered send, an edit). */
export async function recordCommentCardMessage(
  sql: Sql,
  id: number,
  chatId: number,
  messageId: number | null,
): Promise<void> {
  await sql`
    update instagram_comments set card_chat_id = ${chatId}, card_message_id = ${messageId} where id = ${id}`;
}
