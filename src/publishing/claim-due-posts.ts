/**
 * The publisher's claim: which posts are due, and the one statement that makes a worker their only owner.
 */

import type { Sql } from "../database/connect.ts";

/** A post the publisher now owns until `next_attempt_at` (its lease), identified by its attempt number. */
export interface ClaimedPost {
  id: number;
  brandId: number;
  /**
   * 'approved' when the post was waiting for its slot (the owner could still edit it, so an old container may
   * hold an old caption); 'publishing' when an earlier attempt of the publisher was interrupted or is retrying.
   */
  claimedFrom: "approved" | "publishing";
  /** publish_attempts after this claim; also the fencing token every later write of this attempt checks. */
  attempt: number;
  containerId: string | null;
  instagramMediaId: string | null;
  caption: string;
  hashtags: string[];
  imageKey: string | null;
  imageUrl: string | null;
  createdAt: Date;
}

interface ClaimedRow {
  id: number;
  brand_id: number;
  claimed_from: "approved" | "publishing";
  publish_attempts: number;
  container_id: string | null;
  instagram_media_id: string | null;
  caption: string;
  hashtags: string[];
  image_key: string | null;
  image_url: string | null;
  created_at: Date;
}

/**
 * Claims up to `limit` due posts: approved or interrupted ('publishing' whose lease ran out), whose slot has
 * come, whose retry is due, of a brand that is not paused and has a connected Instagram account that Meta has
 * not asked us to leave alone for now (calls_paused_until, from its rate-usage headers). Each claimed
 * row moves to 'publishing' with a lease (`next_attempt_at = now + leaseMs`) and one more attempt.
 *
 * Why two workers never own the same post (graphile-worker's getJobs pattern):
 * - `FOR UPDATE OF d SKIP LOCKED` locks the rows it picks and skips rows another transaction has locked, so two
 *   concurrent claims pick disjoint rows instead of waiting for each other.
 * - Under READ COMMITTED a row changed and committed after this statement's snapshot is re-read when it is
 *   locked and the WHERE clause is checked again on the new version (EvalPlanQual): a post just claimed by
 *   another worker now has a lease in the future, and a post just undone is 'pending_review'; both drop out.
 * - The lease is in the row, not in a transaction: the claim commits at once, and the post stays invisible to
 *   other claims until the lease expires. A worker that dies mid-post therefore blocks it for one lease only;
 *   the next claim sees `claimed_from = 'publishing'` and checks Instagram before doing anything (publish-post.ts).
 * - `FOR KEY SHARE OF b SKIP LOCKED` skips the posts of a brand being deleted (deleteBrand locks it first), and
 *   makes that deletion wait for this claim and then see the post as 'publishing' and refuse.
 * - `publish_attempts` goes up on every claim, so a worker whose lease expired and was taken over cannot write
 *   any more: each of its writes requires the attempt number it claimed (publish-queries.ts).
 *
 * On the embedded database there is one connection, so claims simply run one after another; the statement is
 * the same and just as correct. `drafts_due_idx` (scheduled_for, partial on approved/publishing) serves it.
 */
export async function claimDuePosts(
  sql: Sql,
  input: { now: Date; leaseMs: number; limit: number },
): Promise<ClaimedPost[]> {
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const rows = await sql<ClaimedRow[]>`
    with due as (
      select d.id, d.status
        from drafts d
        join brands b on b.id = d.brand_id
        join instagram_accounts a on a.brand_id = d.brand_id
       where d.status in ('approved', 'publishing')
         and d.scheduled_for <= ${input.now}
         and (d.next_attempt_at is null or d.next_attempt_at <= ${input.now})
         and not b.paused
         and a.status = 'connected' and a.token_ciphertext is not null
         and (a.calls_paused_until is null or a.calls_paused_until <= ${input.now})
       order by d.scheduled_for, d.id
       limit ${input.limit}
       for update of d skip locked
       for key share of b skip locked
    )
    update drafts d
       set status = 'publishing',
           publish_attempts = d.publish_attempts + 1,
           next_attempt_at = ${leaseUntil},
           updated_at = now()
      from due
     where d.id = due.id
    returning d.id, d.brand_id, due.status as claimed_from, d.publish_attempts, d.container_id,
              d.instagram_media_id, d.caption, d.hashtags, d.image_key, d.image_url, d.created_at`;
  return rows.map((row) => ({
    id: row.id,
    brandId: row.brand_id,
    claimedFrom: row.claimed_from,
    attempt: row.publish_attempts,
    containerId: row.container_id,
    instagramMediaId: row.instagram_media_id,
    caption: row.caption,
    hashtags: row.hashtags,
    imageKey: row.image_key,
    imageUrl: row.image_url,
    createdAt: row.created_at,
  }));
}
