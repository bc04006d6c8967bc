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

/** An overdue post of a brand as /resume tells it: when it goes out, and whether that is now (within the grace). */
export interface OverduePlan {
  id: number;
  source_title: string | null;
  caption: string;
  /** Its slot when still within the grace (it goes out at the publisher's next tick), else the slot it moves to. */
  goesAt: Date | null;
  now: boolean;
}

/**
 * What happens to a brand's approved posts whose slot has passed, as the publisher and `rescheduleOverduePosts`
 * will do it: one missed by less than the grace goes out now; an older one moves to the next free slot, each
 * taking the next as the rescheduler does (earliest first). Posts the publisher already started are left out:
 * they finish their own way. Read-only; nothing moves here.
 */
export async function planOverduePosts(sql: Sql, brandId: number, now: Date): Promise<OverduePlan[]> {
  const posts = await sql<(OverduePost & { source_title: string | null; caption: string })[]>`
    select d.id, d.brand_id, d.scheduled_for, d.source_title, d.caption, b.time_zone, b.posting_slots
      from drafts d join brands b on b.id = d.brand_id
     where d.brand_id = ${brandId} and d.status = 'approved' and d.publish_attempts = 0
       and d.container_id is null and d.scheduled_for <= ${now}
     order by d.scheduled_for, d.id`;
  if (posts.length === 0) return [];
  const taken = await takenSlots(sql, brandId, now);
  const cutoff = now.getTime() - OVERDUE_GRACE_MS;
  return posts.map((post) => {
    const base = { id: post.id, source_title: post.source_title, caption: post.caption };
    if (post.scheduled_for.getTime() >= cutoff) return { ...base, goesAt: post.scheduled_for, now: true };
    const slot = nextFreeSlot({ slots: post.posting_slots, timeZone: post.time_zone, after: now, taken });
    if (slot) taken.push(slot);
    return { ...base, goesAt: slot, now: false };
  });
}

/** Whether the brand's posts can go out: an Instagram account connected with a token (as the rescheduler asks). */
export async function canPublish(sql: Sql, brandId: number): Promise<boolean> {
  const [row] = await sql`
    select 1 from instagram_accounts
     where brand_id = ${brandId} and status = 'connected' and token_ciphertext is not null`;
  return row !== undefined;
}
