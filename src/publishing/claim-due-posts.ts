/**
 * The publisher's claim: which post is due next, and the one statement that makes a worker its only owner and
 * its Instagram account's only publisher for now.
 */

import { randomUUID } from "node:crypto";
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
  /** Names this attempt's hold on the Instagram account (instagram_accounts.publishing_lease_token). */
  accountLeaseToken: string;
  containerId: string | null;
  /** When the saved container was made (null for containers saved before this was recorded). */
  containerCreatedAt: Date | null;
  instagramMediaId: string | null;
  caption: string;
  hashtags: string[];
  /** Sent as the container's alt_text; null for drafts made before alt text was written. */
  altText: string | null;
  /** The first comment this post gets, and how far it got (see migration 0015). */
  firstComment: FirstCommentStep | null;
  imageKey: string | null;
  imageUrl: string | null;
  createdAt: Date;
  /** One image, or a carousel of `slides`; for a carousel, `containerId` is the parent (CAROUSEL) container. */
  format: "single" | "carousel";
  /** A carousel's slides in order, the cover first, with the child container each has so far; empty otherwise. */
  slides: ClaimedSlide[];
}

/** One slide of a carousel post, as recorded in draft_slides. */
export interface ClaimedSlide {
  position: number;
  imageKey: string | null;
  imageUrl: string | null;
  /** Sent as the child's alt_text. */
  altText: string | null;
  /** The slide's child container (is_carousel_item=true), saved as soon as Instagram gave it. */
  containerId: string | null;
  containerCreatedAt: Date | null;
}

/** The first comment of a post, as recorded on the draft. */
export interface FirstCommentStep {
  text: string;
  /** The draft's hashtags went to the comment, so the caption goes without them. */
  hashtagsInComment: boolean;
  /** null: not yet posted; sending: asked for, outcome unknown; posted or failed: done. */
  state: "sending" | "posted" | "failed" | null;
}

interface ClaimedRow {
  id: number;
  brand_id: number;
  claimed_from: "approved" | "publishing";
  publish_attempts: number;
  container_id: string | null;
  container_created_at: Date | null;
  instagram_media_id: string | null;
  caption: string;
  hashtags: string[];
  alt_text: string | null;
  first_comment: string | null;
  hashtags_in_comment: boolean;
  first_comment_state: FirstCommentStep["state"];
  image_key: string | null;
  image_url: string | null;
  created_at: Date;
  format: "single" | "carousel";
}

interface SlideRow {
  position: number;
  image_key: string | null;
  image_url: string | null;
  alt_text: string | null;
  container_id: string | null;
  container_created_at: Date | null;
}

/**
 * Claims the next due post: approved or interrupted ('publishing' whose lease ran out), whose slot has come,
 * whose retry is due, of a brand that is not paused and has a connected Instagram account that Meta has not asked
 * us to leave alone for now (calls_paused_until) and that no other worker is publishing to. The post moves to
 * 'publishing' with a lease (`next_attempt_at = now + leaseMs`) and one more attempt; its account gets a lease
 * of the same length, named by a fresh token.
 *
 * Why two workers never own the same post (graphile-worker's getJobs pattern):
 * - `FOR UPDATE OF d SKIP LOCKED` locks the row it picks and skips rows another transaction has locked, so two
 *   concurrent claims pick different rows instead of waiting for each other.
 * - Under READ COMMITTED a row changed and committed after this statement's snapshot is re-read when it is
 *   locked and the WHERE clause is checked again on the new version (EvalPlanQual): a post just claimed by
 *   another worker now has a lease in the future, and a post just undone is 'pending_review'; both drop out, and
 *   the scan goes on to the next candidate (LIMIT sits above the row locking, so it waits for a row that locks).
 * - The lease is in the row, not in a transaction: the claim commits at once, and the post stays invisible to
 *   other claims until the lease expires. A worker that dies mid-post therefore blocks it for one short lease
 *   (renewed while it lives, publish-lease.ts); the next claim sees `claimed_from = 'publishing'` and checks
 *   Instagram before doing anything (publish-post.ts).
 * - `publish_attempts` goes up on every claim, so a worker whose lease expired and was taken over cannot write
 *   any more: each of its writes requires the attempt number it claimed (publish-queries.ts).
 *
 * Why two workers never publish to the same Instagram account at once: the account's lease lives on one row,
 * `lead`, the account's row of the lowest brand id (an account connected to several brands has a row per brand;
 * all of them share the first one's lease). The claim locks that row `FOR NO KEY UPDATE SKIP LOCKED` and writes
 * the lease into it in the same statement. A concurrent claim either finds the row locked and skips the account,
 * or locks it after this claim committed, and then EvalPlanQual checks the condition on the new version, whose
 * lease is live. A condition on the account's drafts (NOT EXISTS a post being published) would not do: such a
 * subquery reads the statement's snapshot and cannot see a claim committed meanwhile. No session state is held
 * (no advisory lock), so this is safe through a transaction-mode pooler. One post per claim, since a claim of
 * several rows could take two posts of one account in the same statement.
 *
 * - `FOR KEY SHARE OF b SKIP LOCKED` skips the posts of a brand being deleted (deleteBrand locks it first), and
 *   makes that deletion wait for this claim and then see the post as 'publishing' and refuse.
 *
 * The brand's first comment (brands.first_comment_mode) is copied onto the post by a claim from 'approved' that
 * finds it not yet published: until then the owner may change the setting, and from then on every attempt
 * posts the same comment, and composes the caption the same way (without the hashtags when they go in it).
 *
 * On the embedded database there is one connection, so claims simply run one after another; the statement is
 * the same and just as correct. `drafts_due_idx` (scheduled_for, partial on approved/publishing) serves it.
 *
 * A carousel's slides are read after the claim has committed: from then on only this attempt writes them (their
 * child containers, fenced like every other write of the attempt), and the owner's edits wait for the post to
 * leave 'publishing'.
 */
export async function claimDuePost(
  sql: Sql,
  input: { now: Date; leaseMs: number },
): Promise<ClaimedPost | undefined> {
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const token = randomUUID();
  const [row] = await sql<ClaimedRow[]>`
    with due as (
      select d.id, d.status, lead.brand_id as lead_brand_id, b.first_comment_mode, b.first_comment_text
        from drafts d
        join brands b on b.id = d.brand_id
        join instagram_accounts a on a.brand_id = d.brand_id
        join instagram_accounts lead
          on lead.brand_id = (select min(s.brand_id) from instagram_accounts s
                               where s.instagram_user_id = a.instagram_user_id)
       where d.status in ('approved', 'publishing')
         and d.scheduled_for <= ${input.now}
         and (d.next_attempt_at is null or d.next_attempt_at <= ${input.now})
         and not b.paused
         and a.status = 'connected' and a.token_ciphertext is not null
         and (a.calls_paused_until is null or a.calls_paused_until <= ${input.now})
         and (lead.publishing_lease_until is null or lead.publishing_lease_until <= ${input.now})
       order by d.scheduled_for, d.id
       limit 1
       for update of d skip locked
       for key share of b skip locked
       for no key update of lead skip locked
    ),
    account as (
      update instagram_accounts a
         set publishing_lease_until = ${leaseUntil}, publishing_lease_token = ${token}
        from due
       where a.brand_id = due.lead_brand_id
    )
    update drafts d
       set status = 'publishing',
           publish_attempts = d.publish_attempts + 1,
           next_attempt_at = ${leaseUntil},
           first_comment = case when due.status = 'approved' and d.instagram_media_id is null
             then case due.first_comment_mode
                    when 'hashtags' then nullif(array_to_string(d.hashtags, ' '), '')
                    when 'text' then nullif(btrim(due.first_comment_text), '')
                  end
             else d.first_comment end,
           hashtags_in_comment = case when due.status = 'approved' and d.instagram_media_id is null
             then due.first_comment_mode = 'hashtags' and cardinality(d.hashtags) > 0
             else d.hashtags_in_comment end,
           updated_at = now()
      from due
     where d.id = due.id
    returning d.id, d.brand_id, due.status as claimed_from, d.publish_attempts, d.container_id,
              d.container_created_at, d.instagram_media_id, d.caption, d.hashtags, d.alt_text, d.image_key,
              d.image_url, d.created_at, d.first_comment, d.hashtags_in_comment, d.first_comment_state,
              d.format`;
  if (!row) return undefined;
  const slides =
    row.format === "carousel"
      ? await sql<SlideRow[]>`
          select position, image_key, image_url, alt_text, container_id, container_created_at
            from draft_slides where draft_id = ${row.id} order by position`
      : [];
  return {
    id: row.id,
    brandId: row.brand_id,
    claimedFrom: row.claimed_from,
    attempt: row.publish_attempts,
    accountLeaseToken: token,
    containerId: row.container_id,
    containerCreatedAt: row.container_created_at,
    instagramMediaId: row.instagram_media_id,
    caption: row.caption,
    hashtags: row.hashtags,
    altText: row.alt_text,
    firstComment: row.first_comment
      ? {
          text: row.first_comment,
          hashtagsInComment: row.hashtags_in_comment,
          state: row.first_comment_state,
        }
      : null,
    imageKey: row.image_key,
    imageUrl: row.image_url,
    createdAt: row.created_at,
    format: row.format,
    slides: slides.map((slide) => ({
      position: slide.position,
      imageKey: slide.image_key,
      imageUrl: slide.image_url,
      altText: slide.alt_text,
      containerId: slide.container_id,
      containerCreatedAt: slide.container_created_at,
    })),
  };
}
