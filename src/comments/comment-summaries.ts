/**
 * The rate limit on comment cards: at most `cardsPerHour` cards per post in each clock hour. Comments beyond it
 * are stored as 'summarised' and counted on one summary message per post and hour (comment_summaries), whose
 * 👀 Show button opens them as cards a few at a time. Nothing is dropped: every comment stays stored, reachable
 * from its summary, and deleted like the rest.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { localeOfRow } from "../i18n/language-queries.ts";
import type { Locale } from "../i18n/locales.ts";
import { OVER_LIMIT_NOTE } from "./reply-notes.ts";

/** The clock hour a comment counts in. Pure. */
export function summaryWindowStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Whether a new comment on this post still gets its own card this hour, decided under a lock on the post's row
 * so two workers storing comments on one post at once cannot both take the last place.
 */
export async function hasCardRoom(
  tx: Transaction,
  input: { draftId: number; windowStart: Date; cardsPerHour: number },
): Promise<boolean> {
  await tx`select id from drafts where id = ${input.draftId} for no key update`;
  const [row] = await tx<{ shown: number }[]>`
    select count(*)::int as shown from instagram_comments
     where draft_id = ${input.draftId} and card = 'shown' and received_at >= ${input.windowStart}`;
  return row!.shown < input.cardsPerHour;
}

/** The post's summary for this hour, made on its first comment over the limit. */
export async function summaryFor(
  tx: Transaction,
  input: { brandId: number; draftId: number; windowStart: Date; chatId: number },
): Promise<{ id: number; chatId: number }> {
  const [row] = await tx<{ id: number; chatId: number }[]>`
    insert into comment_summaries (brand_id, draft_id, window_start, chat_id)
    values (${input.brandId}, ${input.draftId}, ${input.windowStart}, ${input.chatId})
    on conflict (draft_id, window_start) do update set chat_id = comment_summaries.chat_id
    returning id, chat_id as "chatId"`;
  return row!;
}

export interface CommentSummary {
  summaryId: number;
  ownerId: number;
  /** The owner's language, which the summary is written in. */
  ownerLocale: Locale;
  brandName: string;
  caption: string;
  permalink: string | null;
  chatId: number;
  messageId: number | null;
  /** Comments of this window still waiting in the summary, and those opened from it. */
  waiting: number;
  opened: number;
}

export async function loadCommentSummary(
  sql: Sql | Transaction,
  summaryId: number,
  ownerId?: number,
): Promise<CommentSummary | undefined> {
  const [row] = await sql<
    (Omit<CommentSummary, "ownerLocale"> & {
      chosen_locale: string | null;
      telegram_language_code: string | null;
    })[]
  >`
    select s.id as "summaryId", b.owner_id as "ownerId", b.name as "brandName", d.caption, d.permalink,
           lang.chosen_locale, lang.telegram_language_code,
           s.chat_id as "chatId", s.message_id as "messageId",
           count(c.id) filter (where c.card = 'summarised')::int as waiting,
           count(c.id) filter (where c.card = 'opened')::int as opened
      from comment_summaries s
      join brands b on b.id = s.brand_id
      join owners o on o.id = b.owner_id
      left join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id
      join drafts d on d.id = s.draft_id
      left join instagram_comments c
        on c.draft_id = s.draft_id and c.card in ('summarised', 'opened')
       and c.received_at >= s.window_start and c.received_at < s.window_start + interval '1 hour'
     where s.id = ${summaryId} ${ownerId === undefined ? sql`` : sql`and b.owner_id = ${ownerId}`}
     group by s.id, b.owner_id, b.name, d.caption, d.permalink, lang.chosen_locale, lang.telegram_language_code`;
  if (!row) return undefined;
  const { chosen_locale: _chosen, telegram_language_code: _telegram, ...summary } = row;
  return { ...summary, ownerLocale: localeOfRow(row) };
}

export async function recordSummaryMessage(sql: Sql, summaryId: number, messageId: number): Promise<void> {
  await sql`update comment_summaries set message_id = ${messageId} where id = ${summaryId}`;
}

/**
 * Opens the next `count` comments waiting in a summary: they become 'opened' and their ids come back for their
 * cards to be queued. SKIP LOCKED and the guarded state make a double tap open each comment once.
 */
export async function openSummarisedComments(
  tx: Transaction,
  summaryId: number,
  count: number,
): Promise<{ id: number; commentId: string }[]> {
  return tx<{ id: number; commentId: string }[]>`
    update instagram_comments c
       set card = 'opened',
           reply_note = coalesce(c.reply_note, ${OVER_LIMIT_NOTE})
     where c.id in (select ic.id from instagram_comments ic join comment_summaries s on s.draft_id = ic.draft_id
                     where s.id = ${summaryId} and ic.card = 'summarised'
                       and ic.received_at >= s.window_start and ic.received_at < s.window_start + interval '1 hour'
                     order by ic.id
                     limit ${count}
                       for update of ic skip locked)
    returning c.id, c.comment_id as "commentId"`;
}
