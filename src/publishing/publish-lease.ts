/**
 * A claimed post's leases while its attempt runs: the post's own (drafts.next_attempt_at, fenced by the attempt
 * number) and its Instagram account's (instagram_accounts.publishing_lease_until, fenced by the claim's token).
 * Both are short, so a post whose worker died is taken over within about a minute, and renewed together every
 * quarter lease while the worker lives, however long Instagram takes.
 */

import type { Sql } from "../database/connect.ts";
import { startLeaseHeartbeat } from "../scheduler/lease-heartbeat.ts";
import type { Logger } from "../shared/logger.ts";
import type { ClaimedPost } from "./claim-due-posts.ts";

export interface PostLeaseKeeper {
  /** Aborted when a renewal found the post taken over by another worker. */
  lost: AbortSignal;
  /**
   * Stops renewing and waits for a renewal in flight. Called before the write that ends the attempt: a renewal
   * landing after a scheduled retry would move the retry to the end of a lease.
   */
  settle(): Promise<void>;
  /** Settles, then frees the account for its next post (a lease another claim took over is left alone). */
  release(): Promise<void>;
}

export function keepPostLease(input: {
  sql: Sql;
  logger: Logger;
  clock: () => Date;
  post: ClaimedPost;
  leaseMs: number;
}): PostLeaseKeeper {
  const { sql, post, leaseMs } = input;
  let renewing: Promise<boolean> | undefined;

  async function renew(): Promise<boolean> {
    const until = new Date(input.clock().getTime() + leaseMs);
    const held = await sql`
      update drafts set next_attempt_at = ${until}, updated_at = now()
       where id = ${post.id} and status = 'publishing' and publish_attempts = ${post.attempt}
      returning id`;
    if (held.length === 0) return false;
    await sql`
      update instagram_accounts set publishing_lease_until = ${until}
       where publishing_lease_token = ${post.accountLeaseToken}`;
    return true;
  }

  const heartbeat = startLeaseHeartbeat({
    renew: () => (renewing = renew()),
    everyMs: Math.max(1, Math.floor(leaseMs / 4)),
    logger: input.logger,
    item: { draftId: post.id, attempt: post.attempt },
  });

  async function settle(): Promise<void> {
    heartbeat.stop();
    await renewing?.catch(() => false);
  }

  return {
    lost: heartbeat.lost,
    settle,
    async release() {
      await settle();
      try {
        await sql`
          update instagram_accounts set publishing_lease_until = null, publishing_lease_token = null
           where publishing_lease_token = ${post.accountLeaseToken}`;
      } catch (error) {
        // The account's lease then simply runs out.
        input.logger.warn({ err: error, draftId: post.id }, "could not free the Instagram account's lease");
      }
    },
  };
}
