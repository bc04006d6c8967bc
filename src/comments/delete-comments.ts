import type { Transaction } from "../database/connect.ts";
import { commentCardKey } from "./store-comment.ts";

/**
 * Removes comments (personal data: a commenter's name and words, and the replies drafted or written to them) in
 * the caller's transaction: those stored for the brands with their drafted replies, the cards they made in
 * telegram_outbox (sent cards keep their payload a week), the brands' post summaries, and notifications about
 * the accounts still waiting in the webhook inbox. Returns how many comments went.
 */
export async function deleteCommentsOf(
  tx: Transaction,
  scope: { brandIds: number[]; instagramUserIds: string[] },
): Promise<number> {
  const comments = await tx<{ id: number; commentId: string }[]>`
    delete from instagram_comments where brand_id = any(${scope.brandIds}::bigint[])
    returning id, comment_id as "commentId"`;
  const summaries = await tx<{ id: number }[]>`
    delete from comment_summaries where brand_id = any(${scope.brandIds}::bigint[]) returning id`;
  await tx`
    delete from telegram_outbox
     where dedupe_key = any(${comments.map((comment) => commentCardKey(comment.commentId))}::text[])
        or (kind = 'comment_card' and payload ->> 'commentRowId' = any(${comments.map((c) => String(c.id))}::text[]))
        or (kind = 'comment_summary' and payload ->> 'summaryId' = any(${summaries.map((s) => String(s.id))}::text[]))`;
  await tx`delete from meta_webhook_inbox where account_id = any(${scope.instagramUserIds}::text[])`;
  return comments.length;
}
