import * as z from "zod/mini";
import { graphId } from "../shared/schemas.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import type { CommentAssessment } from "./comment-assessment.ts";
import { enqueueCommentCard, enqueueSummaryUpdate } from "./comment-card-telegram.ts";
import { hasCardRoom, summaryFor, summaryWindowStart } from "./comment-summaries.ts";
import type { DraftedCommentReply } from "./draft-comment-reply.ts";

export { commentCardKey } from "./comment-card-telegram.ts";

/** A comments change's value as Meta sends it (production-and-v2-apis.md, Webhooks). */
const commentValueSchema = z.object({
  id: graphId,
  text: z.optional(z.string()),
  parent_id: z.optional(graphId),
  from: z.optional(z.object({ id: graphId, username: z.optional(z.string()) })),
  media: z.object({ id: graphId }),
});

export type CommentChangeValue = z.infer<typeof commentValueSchema>;

export function readCommentChange(value: Record<string, unknown>): CommentChangeValue {
  return commentValueSchema.parse(value);
}

export type CommentOutcome =
  /** Stored, and its card queued for the brand's chat. */
  | "stored"
  /** Stored and counted on the post's summary: the post had its hour's cards already. */
  | "summarised"
  /** Stored without a card: the brand's setting keeps it out of the chat. */
  | "filtered"
  /** Already stored: a redelivery, or a replay inside the window. */
  | "duplicate"
  /** Not on a post Greenlight published (or the brand is gone): nothing kept. */
  | "not_ours"
  /** Written by the account itself (its own replies): not news to the owner. */
  | "own_comment";

/** The Greenlight post a comment is on, with what deciding its card needs. */
export interface CommentPost {
  draftId: number;
  brandId: number;
  caption: string;
  chatId: number;
  language: string;
  commentsToTelegram: "all" | "questions" | "none";
}

export async function findCommentPost(
  sql: Sql | Transaction,
  mediaId: string,
): Promise<CommentPost | undefined> {
  const [post] = await sql<CommentPost[]>`
    select d.id as "draftId", d.brand_id as "brandId", d.caption,
           coalesce(d.telegram_chat_id, o.telegram_chat_id) as "chatId", b.language,
           b.comments_to_telegram as "commentsToTelegram"
      from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
     where d.instagram_media_id = ${mediaId} and d.status = 'published'
     order by d.id
     limit 1`;
  return post;
}

export async function isCommentStored(sql: Sql | Transaction, commentId: string): Promise<boolean> {
  const rows = await sql`select 1 from instagram_comments where comment_id = ${commentId}`;
  return rows.length > 0;
}

/**
 * Stores a comment on a Greenlight post and queues its card (or counts it on the post's summary), in the
 * caller's transaction (the one that also marks the notification done), so the comment, its card and the
 * notification's end commit together: a crash before the commit leaves the notification to be processed again
 * from scratch, one after it has nothing left to do. The comment id is unique, and so is its card's outbox key:
 * a second delivery stores and sends nothing.
 */
export async function storeComment(
  tx: Transaction,
  input: {
    post: CommentPost;
    comment: CommentChangeValue;
    eventTime: Date;
    receivedAt: Date;
    /** The brand's setting let it through (all, or a question under "questions only"). */
    visible: boolean;
    assessment: CommentAssessment;
    drafted: DraftedCommentReply;
    cardsPerHour: number;
  },
): Promise<CommentOutcome> {
  const { post, comment, drafted } = input;
  const windowStart = summaryWindowStart(input.receivedAt);
  const card = !input.visible
    ? "filtered"
    : (await hasCardRoom(tx, { draftId: post.draftId, windowStart, cardsPerHour: input.cardsPerHour }))
      ? "shown"
      : "summarised";
  const flagged = input.assessment.flag ?? drafted.flagged;
  const flagReason = input.assessment.flag
    ? input.assessment.reason
    : drafted.flagged
      ? "Claude's reading"
      : null;
  const [inserted] = await tx<{ id: number }[]>`
    insert into instagram_comments
      (brand_id, draft_id, comment_id, media_id, parent_comment_id, text, commenter_id, commenter_username,
       commented_at, received_at, flagged, flag_reason, reply_text, reply_note, card)
    values (${post.brandId}, ${post.draftId}, ${comment.id}, ${comment.media.id}, ${comment.parent_id ?? null},
            ${comment.text ?? ""}, ${comment.from?.id ?? null}, ${comment.from?.username ?? null},
            ${input.eventTime}, ${input.receivedAt}, ${flagged}, ${flagReason}, ${drafted.replyText},
            ${drafted.replyNote}, ${card})
    on conflict (comment_id) do nothing
    returning id`;
  if (!inserted) return "duplicate";

  if (card === "filtered") return "filtered";
  if (card === "summarised") {
    const summary = await summaryFor(tx, { ...post, windowStart });
    await enqueueSummaryUpdate(tx, summary);
    return "summarised";
  }
  await enqueueCommentCard(tx, { id: inserted.id, commentId: comment.id, chatId: post.chatId });
  return "stored";
}
