import type { Sql, Transaction } from "../../database/connect.ts";
import { enqueueDraftCardUpdate } from "../../approval/draft-card-queries.ts";
import { isUniqueViolation, ONE_POST_PER_SLOT } from "../../database/postgres-errors.ts";
import { type ListPage, listPage } from "../shared/list-pages.ts";

export interface QueuedPost {
  id: number;
  brand_id: number;
  status: string;
  scheduled_for: Date | null;
  source_title: string | null;
  caption: string;
}

/** How many queued posts one /queue page lists (each gets a row of buttons). */
export const QUEUE_PAGE_SIZE = 10;

/**
 * One page of the approved posts waiting for their slot, earliest first. The page is clamped to the pages
 * there are: posts go out or are cancelled while an older page's buttons are still on screen.
 */
export async function listQueuedPosts(
  sql: Sql,
  brandId: number,
  requestedPage = 0,
): Promise<{ posts: QueuedPost[]; page: ListPage }> {
  const [count] = await sql<{ total: number }[]>`
    select count(*)::int as total from drafts where brand_id = ${brandId} and status = 'approved'`;
  const page = listPage(count!.total, requestedPage, QUEUE_PAGE_SIZE);
  const posts = await sql<QueuedPost[]>`
    select id, brand_id, status, scheduled_for, source_title, caption
      from drafts
     where brand_id = ${brandId} and status = 'approved'
     order by scheduled_for nulls last, id
     limit ${page.size} offset ${page.offset}`;
  return { posts, page };
}

/** One of the owner's posts, whatever its state (buttons on an old message may point at a decided post). */
export async function findOwnedPost(sql: Sql, ownerId: number, draftId: number): Promise<QueuedPost | null> {
  const [row] = await sql<QueuedPost[]>`
    select d.id, d.brand_id, d.status, d.scheduled_for, d.source_title, d.caption
      from drafts d join brands b on b.id = d.brand_id
     where d.id = ${draftId} and b.owner_id = ${ownerId}`;
  return row ?? null;
}

export type MoveOutcome = "moved" | "not_waiting" | "slot_taken";

/**
 * Moves a waiting post to another slot. Guarded on the post still being approved at the slot the owner saw;
 * the unique index on (brand_id, scheduled_for) turns a race for the same slot into `slot_taken`.
 */
export async function moveQueuedPost(
  tx: Transaction,
  draftId: number,
  from: Date,
  to: Date,
): Promise<MoveOutcome> {
  try {
    // A savepoint, so a unique violation rolls back only this statement and the caller's transaction (which
    // recorded the update id) can still commit.
    const rows = await tx.savepoint(
      (savepoint) => savepoint`
        update drafts set scheduled_for = ${to}, updated_at = now()
         where id = ${draftId} and status = 'approved' and scheduled_for = ${from}
        returning id`,
    );
    if (rows.length === 0) return "not_waiting";
    await enqueueDraftCardUpdate(tx, draftId);
    return "moved";
  } catch (error) {
    if (isUniqueViolation(error, ONE_POST_PER_SLOT)) return "slot_taken";
    throw error;
  }
}

/**
 * Cancels a waiting post: approved → cancelled, and its card stops offering Undo / Post now. False when it is
 * no longer waiting (published, undone…).
 */
export async function cancelQueuedPost(tx: Transaction, draftId: number): Promise<boolean> {
  const rows = await tx`
    update drafts set status = 'cancelled', updated_at = now()
     where id = ${draftId} and status = 'approved'
    returning id`;
  if (rows.length === 0) return false;
  await enqueueDraftCardUpdate(tx, draftId);
  return true;
}
