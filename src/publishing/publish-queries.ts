/**
 * Everything the publisher records about a post after claiming it. Each step is written before the next one
 * starts, so a worker that dies or times out leaves behind exactly what it had learnt (container id, media id),
 * and the next attempt starts from there.
 *
 * Every write is fenced by the claim: `status = 'publishing' and publish_attempts = <the attempt claimed>`. A
 * worker whose lease ran out and whose post was claimed again (publish_attempts went up) matches nothing, gets
 * a LeaseLostError and stops before it can call Instagram again.
 */

import { enqueueDraftCardUpdate } from "../approval/draft-card-queries.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import { nextFreeSlot, type PostingSlot } from "./posting-slots.ts";
import { reconnectKeyboard } from "../instagram-auth/owner-notices.ts";
import type { StoredMessage } from "../i18n/stored-message.ts";
import { type FirstCommentOutcome, postedText, quotaNoticeText, storeReason } from "./publish-messages.ts";
import { takenSlots } from "./taken-slots.ts";
import { isUniqueViolation, ONE_POST_PER_SLOT } from "../database/postgres-errors.ts";

/** The claim a worker holds: which post, and which attempt of it. */
export interface Lease {
  draftId: number;
  attempt: number;
  /** The lease runs until this long after each recorded step. */
  leaseMs: number;
  /** Stops the lease's renewal (publish-lease.ts) before a write that ends the attempt. */
  settle?: () => Promise<void>;
}

/** This worker no longer owns the post: its lease ran out and another attempt claimed it. */
export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";

  constructor(readonly lease: Lease) {
    super(
      `Draft ${lease.draftId}: attempt ${lease.attempt} no longer holds the post (its lease was taken over)`,
    );
  }
}

function leaseUntil(lease: Lease, now: Date): Date {
  return new Date(now.getTime() + lease.leaseMs);
}

function expectOwned(rows: readonly unknown[], lease: Lease): void {
  if (rows.length === 0) throw new LeaseLostError(lease);
}

/**
 * Saves the container id the moment Instagram returns it (or clears a dead one), with when it was made, and
 * renews the lease. The id is the only way to learn later whether this post went out (platform-apis.md §B.6);
 * the time bounds the search for the post when it did and its answer was lost.
 */
export async function recordContainer(
  sql: Sql,
  lease: Lease,
  container: { id: string; createdAt: Date } | null,
  now: Date,
): Promise<void> {
  const rows = await sql`
    update drafts
       set container_id = ${container?.id ?? null}, container_created_at = ${container?.createdAt ?? null},
           next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

/**
 * Saves a carousel slide's child container the moment Instagram returns it (or clears a dead one), and renews
 * the lease, in one statement: the next attempt reuses every child it finds here instead of making a second set.
 */
export async function recordSlideContainer(
  sql: Sql,
  lease: Lease,
  position: number,
  container: { id: string; createdAt: Date } | null,
  now: Date,
): Promise<void> {
  const rows = await sql`
    with owned as (
      update drafts set next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
       where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
      returning id
    )
    update draft_slides s
       set container_id = ${container?.id ?? null}, container_created_at = ${container?.createdAt ?? null}
      from owned
     where s.draft_id = owned.id and s.position = ${position}
    returning s.position`;
  expectOwned(rows, lease);
}

/**
 * Forgets every child container of a carousel (its slides may have changed since they were made), and renews the
 * lease. A child that is never listed in a published parent's `children` never appears on Instagram.
 */
export async function clearSlideContainers(sql: Sql, lease: Lease, now: Date): Promise<void> {
  const rows = await sql`
    with owned as (
      update drafts set next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
       where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
      returning id
    ),
    cleared as (
      update draft_slides s set container_id = null, container_created_at = null
        from owned where s.draft_id = owned.id
    )
    select id from owned`;
  expectOwned(rows, lease);
}

/**
 * Renews the lease and proves the post is still this worker's. Called right before media_publish, the one call
 * that must never be made by two workers: after this, no other claim can take the post for a full lease.
 */
export async function renewLease(sql: Sql, lease: Lease, now: Date): Promise<void> {
  const rows = await sql`
    update drafts set next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

/** Saves the media id media_publish returned, before anything else is asked of Instagram. */
export async function recordMediaId(sql: Sql, lease: Lease, mediaId: string, now: Date): Promise<void> {
  const rows = await sql`
    update drafts set instagram_media_id = ${mediaId}, next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

/**
 * The first comment's step: 'sending' right before POST /<media-id>/comments (an attempt that finds it asks
 * Instagram before posting again), 'posted' with the comment's id as soon as it is known.
 */
export async function recordFirstComment(
  sql: Sql,
  lease: Lease,
  step: { state: "sending" } | { state: "posted"; commentId: string | null },
  now: Date,
): Promise<void> {
  const commentId = step.state === "posted" ? step.commentId : null;
  const rows = await sql`
    update drafts
       set first_comment_state = ${step.state}, first_comment_id = coalesce(${commentId}, first_comment_id),
           next_attempt_at = ${leaseUntil(lease, now)}, updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

/**
 * publishing → published, with the card update and the "Posted ✅" note queued in the same transaction: the
 * owner hears of it exactly when it is recorded, and only once (the note has a dedupe key).
 */
export async function markPublished(
  sql: Sql,
  lease: Lease,
  input: { mediaId: string | null; permalink: string | null; now: Date; firstComment: FirstCommentOutcome },
): Promise<void> {
  await lease.settle?.();
  const comment = input.firstComment;
  // A comment that failed is recorded with the post, so the card and the note say so together.
  const commentError = comment.kind === "failed" ? storeReason(comment.reason) : null;
  await sql.begin(async (tx) => {
    const rows = await tx<{ chat_id: number; brand_id: number }[]>`
      update drafts d
         set status = 'published', instagram_media_id = coalesce(${input.mediaId}, d.instagram_media_id),
             permalink = ${input.permalink}, published_at = ${input.now}, next_attempt_at = null,
             first_comment_state = case when ${commentError}::text is null then d.first_comment_state else 'failed' end,
             first_comment_error = ${commentError},
             last_error = null, updated_at = now()
        from brands b join owners o on o.id = b.owner_id
       where b.id = d.brand_id
         and d.id = ${lease.draftId} and d.status = 'publishing' and d.publish_attempts = ${lease.attempt}
      returning coalesce(d.telegram_chat_id, o.telegram_chat_id) as chat_id, b.id as brand_id`;
    expectOwned(rows, lease);
    await enqueueDraftCardUpdate(tx, lease.draftId);
    const { chat_id: chatId, brand_id: brandId } = rows[0]!;
    const texts = await loadBrandOwnerTexts(tx, brandId);
    const text = postedText(input.permalink, comment, texts);
    // Offered only when connecting again can fix it: the permission to comment was never granted.
    const replyMarkup =
      comment.kind === "failed" && comment.reconnect ? reconnectKeyboard(brandId, texts) : undefined;
    await enqueueText(tx, chatId, { text, reply_markup: replyMarkup }, `posted:${lease.draftId}`);
  });
}

/** Keeps the post and tries again at `retryAt`; `error` says why, for the operator and the card. */
export async function scheduleRetry(
  sql: Sql,
  lease: Lease,
  input: { retryAt: Date; error: StoredMessage },
): Promise<void> {
  await lease.settle?.();
  const rows = await sql`
    update drafts set next_attempt_at = ${input.retryAt}, last_error = ${storeReason(input.error)}, updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

/**
 * Leaves the brand's Instagram account alone until `until` (claimDuePosts skips it), keeping a later pause already
 * set; other brands connected to the same account pause with it. Not fenced by the lease: what Meta said about
 * the account holds whoever asked.
 */
export async function pauseInstagramCalls(sql: Sql, brandId: number, until: Date): Promise<void> {
  await sql`
    update instagram_accounts set calls_paused_until = greatest(calls_paused_until, ${until})
     where instagram_user_id = (select instagram_user_id from instagram_accounts where brand_id = ${brandId})`;
}

/**
 * publishing → failed with the reason in plain words; the card (re-rendered from the row) shows it with the
 * Retry button. container_id is kept: if it ever turns out to have been published, the retry notices.
 */
export async function markFailed(sql: Sql, lease: Lease, input: { error: StoredMessage }): Promise<void> {
  await lease.settle?.();
  await sql.begin(async (tx) => {
    const rows = await tx`
      update drafts set status = 'failed', last_error = ${storeReason(input.error)}, next_attempt_at = null, updated_at = now()
       where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
      returning id`;
    expectOwned(rows, lease);
    await enqueueDraftCardUpdate(tx, lease.draftId);
  });
}

/**
 * publishing → approved: nothing went wrong with the post, the account cannot publish right now (token dead,
 * account gone). The claim is not counted as an attempt. With `retryAt` the post waits until then; without it,
 * the claim's other conditions (a connected account) decide when it is taken again.
 */
export async function returnToApproved(
  sql: Sql | Transaction,
  lease: Lease,
  input: { error: StoredMessage; retryAt?: Date },
): Promise<void> {
  await lease.settle?.();
  const rows = await sql`
    update drafts
       set status = 'approved', next_attempt_at = ${input.retryAt ?? null}, last_error = ${storeReason(input.error)},
           publish_attempts = greatest(publish_attempts - 1, 0), updated_at = now()
     where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
    returning id`;
  expectOwned(rows, lease);
}

interface BrandSchedule {
  brand_id: number;
  brand_name: string;
  time_zone: string;
  posting_slots: PostingSlot[];
  chat_id: number;
}

/** How often a lost race for the next free slot is retried (each loss is one slot further). */
const MAX_SLOT_ATTEMPTS = 10;
/** When the brand has no posting times left to move the post to. */
const QUOTA_RETRY_WITHOUT_SLOT_MS = 60 * 60_000;

/**
 * Instagram's 24-hour publishing limit is used up: publishing → approved, moved to the brand's next free posting
 * slot (computed in its time zone, posting-slots.ts), without counting the attempt. The owner is told at most
 * once a day per account (instagram_accounts.quota_notice_sent_at), in the same transaction.
 *
 * @returns the slot the post now waits for (null when the brand has none; then it retries in an hour).
 */
export async function postponeForQuota(
  sql: Sql,
  lease: Lease,
  input: { now: Date; reason: StoredMessage },
): Promise<Date | null> {
  await lease.settle?.();
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.begin(async (tx) => {
        const [brand] = await tx<BrandSchedule[]>`
          select b.id as brand_id, b.name as brand_name, b.time_zone, b.posting_slots,
                 coalesce(d.telegram_chat_id, o.telegram_chat_id) as chat_id
            from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
           where d.id = ${lease.draftId}`;
        if (!brand) throw new LeaseLostError(lease);
        const slot = nextFreeSlot({
          slots: brand.posting_slots,
          timeZone: brand.time_zone,
          after: input.now,
          taken: await takenSlots(tx, brand.brand_id, input.now, lease.draftId),
        });
        const rows = await tx`
          update drafts
             set status = 'approved', scheduled_for = coalesce(${slot}, scheduled_for),
                 next_attempt_at = ${slot ? null : new Date(input.now.getTime() + QUOTA_RETRY_WITHOUT_SLOT_MS)},
                 last_error = ${storeReason(input.reason)}, publish_attempts = greatest(publish_attempts - 1, 0),
                 updated_at = now()
           where id = ${lease.draftId} and status = 'publishing' and publish_attempts = ${lease.attempt}
          returning id`;
        expectOwned(rows, lease);
        await enqueueDraftCardUpdate(tx, lease.draftId);
        const noticed = await tx`
          update instagram_accounts set quota_notice_sent_at = ${input.now}
           where brand_id = ${brand.brand_id}
             and (quota_notice_sent_at is null or quota_notice_sent_at <= ${new Date(input.now.getTime() - 86_400_000)})
          returning brand_id`;
        if (noticed.length > 0) {
          const text = quotaNoticeText({
            brandName: brand.brand_name,
            nextSlot: slot,
            timeZone: brand.time_zone,
            now: input.now,
            texts: await loadBrandOwnerTexts(tx, brand.brand_id),
          });
          await enqueueText(tx, brand.chat_id, { text });
        }
        return slot;
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_POST_PER_SLOT) && attempt < MAX_SLOT_ATTEMPTS) continue;
      throw error;
    }
  }
}
