import { z } from "zod";
import type { Transaction } from "../database/connect.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import { renderCommentCard } from "./comment-card.ts";

/** A comments change's value as Meta sends it (production-and-v2-apis.md, Webhooks). */
const commentValueSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().optional(),
  parent_id: z.union([z.string(), z.number()]).transform(String).optional(),
  from: z
    .object({ id: z.union([z.string(), z.number()]).transform(String), username: z.string().optional() })
    .optional(),
  media: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
});

export type CommentOutcome =
  /** Stored, and its card queued for the brand's chat. */
  | "stored"
  /** Already stored: a redelivery, or a replay inside the window. */
  | "duplicate"
  /** Not on a post Greenlight published (or the brand is gone): nothing kept. */
  | "not_ours"
  /** Written by the account itself (its own replies): not news to the owner. */
  | "own_comment";

/** The dedupe key of a comment's card in telegram_outbox: one card per comment, however often it arrives. */
export function commentCardKey(commentId: string): string {
  return `comment-card:${commentId}`;
}

/**
 * Stores a comment on a Greenlight post and queues its card to the owner, in the caller's transaction (the one
 * that also marks the notification done), so the comment, its card and the notification's end commit together:
 * a crash before the commit leaves the notification to be processed again from scratch, one after it has
 * nothing left to do. The comment id is unique, and so is its card's outbox key: a second delivery stores and
 * sends nothing.
 */
export async function storeComment(
  tx: Transaction,
  change: { accountId: string; value: Record<string, unknown>; eventTime: Date },
): Promise<CommentOutcome> {
  const comment = commentValueSchema.parse(change.value);
  if (comment.from?.id === change.accountId) return "own_comment";

  const [post] = await tx<
    {
      draftId: number;
      brandId: number;
      brandName: string;
      caption: string;
      permalink: string | null;
      chatId: number;
    }[]
  >`
    select d.id as "draftId", d.brand_id as "brandId", b.name as "brandName", d.caption, d.permalink,
           coalesce(d.telegram_chat_id, o.telegram_chat_id) as "chatId"
      from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
     where d.instagram_media_id = ${comment.media.id} and d.status = 'published'
     order by d.id
     limit 1`;
  if (!post) return "not_ours";

  const text = comment.text ?? "";
  const inserted = await tx`
    insert into instagram_comments
      (brand_id, draft_id, comment_id, media_id, parent_comment_id, text, commenter_id, commenter_username,
       commented_at)
    values (${post.brandId}, ${post.draftId}, ${comment.id}, ${comment.media.id}, ${comment.parent_id ?? null},
            ${text}, ${comment.from?.id ?? null}, ${comment.from?.username ?? null}, ${change.eventTime})
    on conflict (comment_id) do nothing
    returning id`;
  if (inserted.length === 0) return "duplicate";

  await enqueueText(
    tx,
    post.chatId,
    renderCommentCard({
      brandName: post.brandName,
      caption: post.caption,
      permalink: post.permalink,
      commenterUsername: comment.from?.username ?? null,
      text,
      isReply: comment.parent_id !== undefined,
    }),
    commentCardKey(comment.id),
  );
  return "stored";
}
