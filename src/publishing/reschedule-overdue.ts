import { enqueueDraftCardUpdate } from "../approval/draft-card-queries.ts";
import type { Sql } from "../database/connect.ts";
import { isUniqueViolation, ONE_POST_PER_SLOT } from "../database/postgres-errors.ts";
import { nextFreeSlot, type PostingSlot } from "./posting-slots.ts";
import { takenSlots } from "./taken-slots.ts";

/** A slot missed by less than this is still caught up at once (a short outage, a slow deploy). */
export const OVERDUE_GRACE_MS = 6 * 3_600_000;

interface OverduePost {
  id: number;
  brand_id: number;
  scheduled_for: Date;
  time_zone: string;
  posting_slots: PostingSlot[];
}

/**
 * Posts whose slot passed long ago — the brand was paused, Instagram was disconnected, the service was down —
 * are not all published back to back when publishing becomes possible again: each moves to the brand's next
 * free slot, and its card shows the new time. Only posts never attempted qualify: one the publisher has started
 * (a saved container, an attempt in backoff) finishes its own way, since it may already be on Instagram.
 */
export async function rescheduleOverduePosts(sql: Sql, now: Date): Promise<number> {
  const overdue = await sql<OverduePost[]>`
    select d.id, d.brand_id, d.scheduled_for, b.time_zone, b.posting_slots
      from drafts d
      join brands b on b.id = d.brand_id
      join instagram_accounts a on a.brand_id = d.brand_id
     where d.status = 'approved' and d.publish_attempts = 0 and d.container_id is null
       and d.scheduled_for < ${new Date(now.getTime() - OVERDUE_GRACE_MS)}
       and not b.paused and a.status = 'connected' and a.token_ciphertext is not null
     order by d.brand_id, d.scheduled_for, d.id`;
  let moved = 0;
  for (const post of overdue) {
    const slot = nextFreeSlot({
      slots: post.posting_slots,
      timeZone: post.time_zone,
      after: now,
      taken: await takenSlots(sql, post.brand_id, now),
    });
    if (!slot) continue;
    try {
      await sql.begin(async (tx) => {
        const [changed] = await tx`
          update drafts set scheduled_for = ${slot}, updated_at = now()
           where id = ${post.id} and status = 'approved' and scheduled_for = ${post.scheduled_for}
          returning id`;
        if (changed) {
          await enqueueDraftCardUpdate(tx, post.id);
          moved++;
        }
      });
    } catch (error) {
      // An approval took that slot meanwhile: the next run finds this post another one.
      if (!isUniqueViolation(error, ONE_POST_PER_SLOT)) throw error;
    }
  }
  return moved;
}
