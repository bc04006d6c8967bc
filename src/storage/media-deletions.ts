/**
 * Removing images no draft needs any more. The rows go in a transaction, the images cannot: a crash or a
 * storage outage after the commit would leave them in the bucket for good, with nothing left that names them.
 * So whatever deletes drafts (or replaces a draft's image) queues the images in media_deletions in the same
 * transaction, then removes them right away; the media-deletions job retries whatever that could not remove.
 * A new image is queued before it is stored, and kept by the transaction that puts it on its draft, so a crash
 * between the two cannot orphan it either.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import { MediaStoreError, type MediaStore, newDraftMediaKey, type StoredMedia } from "./media-store.ts";

export const MEDIA_DELETIONS_JOB = "media-deletions";

/** How long a claimed key is passed over by other workers: far longer than one delete takes. */
const CLAIM_SECONDS = 300;
/** How long a new image may take from being stored to being put on its draft before it counts as orphaned. */
const NEW_IMAGE_GRACE_SECONDS = 3600;
const BATCH = 50;
/** Deletes in flight at once: enough to clear a brand's thousands of images in seconds. */
const CONCURRENCY = 16;
const MAX_BACKOFF_SECONDS = 6 * 3600;

/**
 * Queues images for removal from the media store. Call it in the transaction that deletes their drafts; a
 * draft's image_key may be given as is, null (no stored image) included. A key already queued (and backing off
 * after a failure) becomes due at once: deleting an object twice is harmless.
 *
 * @returns the keys queued (the nulls left out), for removeQueuedMedia after the commit.
 */
export async function queueMediaDeletions(
  tx: Sql | Transaction,
  imageKeys: readonly (string | null)[],
): Promise<string[]> {
  const keys = imageKeys.filter((key): key is string => key !== null);
  if (keys.length === 0) return keys;
  await tx`
    insert into media_deletions (key) select unnest(${keys}::text[])
    on conflict (key) do update set next_attempt_at = least(media_deletions.next_attempt_at, now())`;
  return keys;
}

/**
 * Stores a new image for a draft (JPEG). It is queued for removal an hour from now before it is stored, unless
 * keepNewImage takes it off the queue first, in the transaction that puts it on its draft.
 */
export async function storeNewDraftImage(
  deps: { sql: Sql; media: MediaStore },
  draftId: number,
  jpeg: Buffer,
): Promise<StoredMedia> {
  const key = newDraftMediaKey(draftId);
  await queueNewImageRemoval(deps.sql, key);
  return deps.media.put(key, jpeg, "image/jpeg");
}

/**
 * Queues an image about to be stored for removal an hour from now, unless keepNewImage takes it off the queue
 * first. Call it before the image is put in the store (storeNewDraftImage does both).
 */
export async function queueNewImageRemoval(tx: Sql | Transaction, key: string): Promise<void> {
  await tx`
    insert into media_deletions (key, next_attempt_at)
    values (${key}, now() + make_interval(secs => ${NEW_IMAGE_GRACE_SECONDS}))
    on conflict (key) do nothing`;
}

/** The new image is on its draft: it is no longer to be removed. */
export async function keepNewImage(tx: Transaction, key: string): Promise<void> {
  await tx`delete from media_deletions where key = ${key}`;
}

/**
 * Removes queued images from the store: only `keys` when given (right after the deletion that queued them),
 * else every image that is due (the job). Each key is claimed before its delete, so two instances never
 * work on the same one. A failed delete is retried later with backoff (1 minute, doubling, at most 6 hours)
 * and logged for the operator; the key stays queued until the store confirms it is gone. Never throws: what it
 * could not do (the database unreachable, say) is logged and left for the job.
 *
 * @returns how many images were removed.
 */
export async function removeQueuedMedia(
  deps: { sql: Sql; media: MediaStore; logger: Logger },
  keys?: readonly string[],
): Promise<number> {
  if (keys?.length === 0) return 0;
  let removed = 0;
  try {
    for (;;) {
      const claimed = await deps.sql<{ key: string; attempts: number }[]>`
        update media_deletions m
           set attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
         where m.key in (
           select key from media_deletions
            where next_attempt_at <= now() ${keys ? deps.sql`and key = any(${keys as string[]}::text[])` : deps.sql``}
            order by next_attempt_at
            limit ${BATCH}
              for update skip locked)
        returning m.key, m.attempts`;
      if (claimed.length === 0) return removed;
      for (let start = 0; start < claimed.length; start += CONCURRENCY) {
        const results = await Promise.all(
          claimed.slice(start, start + CONCURRENCY).map(async ({ key, attempts }) => {
            try {
              await deps.media.delete(key);
              return key;
            } catch (error) {
              // A key the store refuses to take could never have been stored: there is nothing to remove.
              if (error instanceof MediaStoreError && error.code === "invalid_key") return key;
              await retryLater(deps, key, attempts, error);
              return null;
            }
          }),
        );
        const done = results.filter((key): key is string => key !== null);
        if (done.length > 0) await deps.sql`delete from media_deletions where key = any(${done}::text[])`;
        removed += done.length;
      }
    }
  } catch (error) {
    deps.logger.error({ err: error }, "could not remove queued images; the media-deletions job will retry");
    return removed;
  }
}

/** How many of `keys` are still queued for removal (the store has not confirmed them gone). */
export async function stillQueued(sql: Sql, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from media_deletions where key = any(${keys as string[]}::text[])`;
  return row!.n;
}

async function retryLater(
  deps: { sql: Sql; logger: Logger },
  key: string,
  attempts: number,
  error: unknown,
): Promise<void> {
  const delaySeconds = Math.min(60 * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS);
  const message = error instanceof Error ? error.message : String(error);
  await deps.sql`
    update media_deletions
       set next_attempt_at = now() + make_interval(secs => ${delaySeconds}), last_error = ${message.slice(0, 500)}
     where key = ${key}`;
  deps.logger.error(
    { err: error, key, attempts, retryInSeconds: delaySeconds },
    "could not remove a deleted draft's image; retrying later",
  );
}
