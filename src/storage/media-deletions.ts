/**
 * Removing images whose drafts were deleted. The rows go in a transaction, the images cannot: a crash or a
 * storage outage after the commit would leave them in the bucket for good, with nothing left that names them.
 * So whatever deletes drafts queues their images in media_deletions in the same transaction, then removes
 * them right away; the media-deletions job retries whatever that could not remove.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import type { MediaStore } from "./media-store.ts";

export const MEDIA_DELETIONS_JOB = "media-deletions";

/** How long a claimed key is passed over by other workers: far longer than one delete takes. */
const CLAIM_SECONDS = 300;
const BATCH = 50;
/** Deletes in flight at once: enough to clear a brand's thousands of images in seconds. */
const CONCURRENCY = 16;
const MAX_BACKOFF_SECONDS = 6 * 3600;

/** Queues images for removal from the media store. Call it in the transaction that deletes their drafts. */
export async function queueMediaDeletions(tx: Sql | Transaction, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx`
    insert into media_deletions (key) select unnest(${keys as string[]}::text[])
    on conflict (key) do nothing`;
}

/**
 * Removes queued images from the store: only `keys` when given (right after the deletion that queued them),
 * else every image that is due (the job). Each key is claimed before its delete, so two instances never
 * work on the same one. A failed delete is retried later with backoff (1 minute, doubling, at most 6 hours)
 * and logged for the operator; the key stays queued until the store confirms it is gone.
 *
 * @returns how many images were removed.
 */
export async function removeQueuedMedia(
  deps: { sql: Sql; media: MediaStore; logger: Logger },
  keys?: readonly string[],
): Promise<number> {
  if (keys?.length === 0) return 0;
  let removed = 0;
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
