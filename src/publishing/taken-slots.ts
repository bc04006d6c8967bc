import type { Sql, Transaction } from "../database/connect.ts";

/**
 * Slot instants after `after` already given to a post of the brand (leaving out `exceptDraftId`, if given). The
 * statuses are written out, not bound, so the planner can use drafts_one_post_per_slot_idx, whose predicate
 * names exactly these: a post waiting for its slot, going out in it, or already out.
 */
export async function takenSlots(
  sql: Sql | Transaction,
  brandId: number,
  after: Date,
  exceptDraftId?: number,
): Promise<Date[]> {
  const rows = await sql<{ scheduled_for: Date }[]>`
    select scheduled_for from drafts
     where brand_id = ${brandId} and status in ('approved', 'publishing', 'published') and scheduled_for > ${after}
       ${exceptDraftId === undefined ? sql`` : sql`and id <> ${exceptDraftId}`}`;
  return rows.map((row) => row.scheduled_for);
}
