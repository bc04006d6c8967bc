/**
 * Which brand a drafting worker works on, and the guarantee that only one worker anywhere does at a time (table
 * drafting_queue). A claim is one bounded step of one brand — a relevance batch or one article drafted — after
 * which the brand goes to the back of the queue: a brand with one new article waits for at most one step of
 * each other brand, never for another brand's five hundred.
 */

import type { Sql, Transaction } from "../database/connect.ts";

/** A lease on one brand's drafting, identified by its fencing token. */
export interface DraftingClaim {
  brandId: number;
  /** lease_token after this claim: every write of the step checks it (holdDraftingLease). */
  token: number;
  /** work_requested as the claim saw it; recorded as done when the step finds nothing left to do. */
  workSeen: number;
}

/** How long a claim holds a brand without a heartbeat: a dead worker's brand is taken over after this. */
export const DRAFTING_LEASE_MS = 60_000;
/** The heartbeat renews the lease this often while a step runs (three beats per lease). */
export const DRAFTING_HEARTBEAT_MS = 20_000;

/**
 * Asks for a drafting look at every active brand with articles to score or draft, or a draft left generating:
 * run after every ingest (whatever the feeds brought, capacity may have opened since). A brand being deleted
 * (its row locked for update) is skipped rather than waited for: it is going away.
 */
export async function requestDraftingWork(sql: Sql): Promise<number> {
  const rows = await sql`
    insert into drafting_queue as q (brand_id)
    select b.id from brands b
     where not b.paused
       and (exists (select 1 from articles a where a.brand_id = b.id and a.status in ('new', 'scored'))
            or exists (select 1 from drafts d where d.brand_id = b.id and d.status = 'generating'))
       for key share of b skip locked
    on conflict (brand_id) do update set work_requested = q.work_requested + 1
    returning q.brand_id`;
  return rows.length;
}

/**
 * Claims the waiting brand served longest ago, for DRAFTING_LEASE_MS.
 *
 * Why two workers never hold one brand (the same pattern as the publisher's claimDuePosts):
 * - `FOR UPDATE OF q SKIP LOCKED` picks a row no other claim is picking, without waiting for it; under READ
 *   COMMITTED a row another claim just took is re-checked on its new version, whose lease now lies ahead.
 * - The lease is in the row and the claim commits at once; lease_token goes up on every claim, so a worker
 *   whose lease ran out and was taken over is refused at its next write (holdDraftingLease).
 * - `FOR KEY SHARE OF b SKIP LOCKED` skips a brand being deleted (deleteBrand locks it first).
 * No session state is involved, so it holds through a transaction-mode pooler.
 */
export async function claimDraftingBrand(sql: Sql): Promise<DraftingClaim | undefined> {
  const [row] = await sql<{ brand_id: number; lease_token: number; work_requested: number }[]>`
    with next as (
      select q.brand_id
        from drafting_queue q
        join brands b on b.id = q.brand_id
       where q.work_requested > q.work_done
         and not b.paused
         and (q.lease_until is null or q.lease_until <= now())
         and (q.not_before is null or q.not_before <= now())
       order by q.last_served_at nulls first, q.brand_id
       limit 1
       for update of q skip locked
       for key share of b skip locked
    )
    update drafting_queue q
       set lease_token = q.lease_token + 1,
           lease_until = now() + ${DRAFTING_LEASE_MS} * interval '1 millisecond',
           last_served_at = now()
      from next
     where q.brand_id = next.brand_id
    returning q.brand_id, q.lease_token, q.work_requested`;
  if (!row) return undefined;
  return {
    brandId: Number(row.brand_id),
    token: Number(row.lease_token),
    workSeen: Number(row.work_requested),
  };
}

/** The heartbeat's renewal: false once the lease was taken over. */
export async function renewDraftingLease(sql: Sql, claim: DraftingClaim): Promise<boolean> {
  const rows = await sql`
    update drafting_queue set lease_until = now() + ${DRAFTING_LEASE_MS} * interval '1 millisecond'
     where brand_id = ${claim.brandId} and lease_token = ${claim.token}
    returning 1`;
  return rows.length > 0;
}

/**
 * The fencing check of every write a step makes, inside its transaction (after holdBrandAgainstDeletion, which
 * locks the brand first as every drafting transaction does). The share lock keeps the token from changing
 * until the transaction ends, so a takeover waits for this write or this write sees the takeover.
 *
 * @returns false when another worker has taken the brand over since this claim.
 */
export async function holdDraftingLease(tx: Transaction, claim: DraftingClaim): Promise<boolean> {
  const [row] = await tx`
    select 1 from drafting_queue where brand_id = ${claim.brandId} and lease_token = ${claim.token} for share`;
  return row !== undefined;
}

/**
 * Ends a step: the brand is free for the next claim. `nothingLeft` records that this step found no work, so
 * the brand waits for the next request (ingest) instead of being claimed again and again.
 */
export async function releaseDraftingBrand(
  sql: Sql,
  claim: DraftingClaim,
  nothingLeft: boolean,
): Promise<void> {
  await sql`
    update drafting_queue
       set lease_until = null, not_before = null, failures = 0,
           work_done = case when ${nothingLeft} then greatest(work_done, ${claim.workSeen}) else work_done end
     where brand_id = ${claim.brandId} and lease_token = ${claim.token}`;
}

/**
 * A step failed, or a provider kept answering 429/529: the brand is left alone, its work still queued. For
 * `delayMs` when the provider said how long; otherwise 30 s, doubling with each failure in a row up to 15 min.
 */
export async function backOffDraftingBrand(sql: Sql, claim: DraftingClaim, delayMs?: number): Promise<void> {
  await sql`
    update drafting_queue
       set lease_until = null,
           failures = failures + 1,
           not_before = now() + coalesce(${delayMs ?? null}::float8, least(30000 * power(2, failures), 900000))
                                * interval '1 millisecond'
     where brand_id = ${claim.brandId} and lease_token = ${claim.token}`;
}
