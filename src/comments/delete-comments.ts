import type { Transaction } from "../database/connect.ts";
import { commentCardKey } from "./store-comment.ts";

/**
 * Removes comments (personal data: a commenter's name and words) in the caller's transaction: those stored for
 * the brands, the cards they made in telegram_outbox (sent cards keep their payload a week), and notifications
 * about the accounts still waiting in the webhook inbox. Returns how many comments went.
 */
export async function deleteCommentsOf(
  tx: Transaction,
  scope: { brandIds: number[]; instagramUserIds: string[] },
): Promise<number> {
  const comments = await tx<{ commentId: string }[]>`
    delete from instagram_comments where brand_id = any(${scope.brandIds}::bigint[])
    returning comment_id as "commentId"`;
  await tx`
    delete from telegram_outbox
     where dedupe_key = any(${comments.map((comment) => commentCardKey(comment.commentId))}::text[])`;
  await tx`delete from meta_webhook_inbox where account_id = any(${scope.instagramUserIds}::text[])`;
  return comments.length;
}
