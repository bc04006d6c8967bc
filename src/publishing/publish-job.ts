/**
 * The scheduled publish job: a pool of workers on every instance, each claiming one due post at a time and taking
 * it through the publish state machine. Registered in app.ts on PUBLISH_CRON; the draft card's 🚀 Post now runs
 * it at once.
 */

import type { InstagramClient } from "../instagram/instagram-client.ts";
import { createWorkerPool } from "../scheduler/worker-pool.ts";
import type { Services } from "../services.ts";
import { type ClaimedPost, claimDuePost } from "./claim-due-posts.ts";
import { type PublishOutcome, type PublishPostDeps, publishClaimedPost } from "./publish-post.ts";
import { PUBLISH_LEASE_MS } from "./publish-retry-policy.ts";
import { rescheduleOverduePosts } from "./reschedule-overdue.ts";

export type PublishCounts = Record<PublishOutcome | "crashed", number>;

/** The publisher of one instance. */
export interface Publisher {
  /**
   * One tick: moves long-overdue posts to their next slots, then tops the pool up to its concurrency and
   * resolves when no worker finds anything more to claim. Runs beside a tick still going (a hung Instagram call
   * keeps only its own worker).
   */
  publishDuePosts(): Promise<void>;
  /** Stops claiming; waits up to `timeoutMs` for the posts in hand (their leases bring back what is cut short). */
  stop(timeoutMs: number): Promise<void>;
  /** How the attempts this publisher has run so far ended. */
  readonly counts: Readonly<PublishCounts>;
}

export interface PublisherDeps extends PublishPostDeps {
  instagram: InstagramClient;
  /** Posts this instance publishes at once (PUBLISH_CONCURRENCY); each is on a different Instagram account. */
  concurrency: number;
}

/**
 * The publisher as the app runs it, with the app's one Instagram client (`createInstagramClientFromConfig`):
 * undefined while INSTAGRAM_APP_ID/SECRET are not set, and then there is nothing to publish with.
 */
export function publishJob(deps: { services: Services; instagram: InstagramClient | undefined }): Publisher {
  const { services, instagram } = deps;
  if (!instagram) {
    return {
      async publishDuePosts() {
        services.logger.debug("publishing is off: INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET are not set");
      },
      async stop() {},
      counts: emptyCounts(),
    };
  }
  return createPublisher({ services, instagram, concurrency: services.config.PUBLISH_CONCURRENCY });
}

/**
 * Due posts are published concurrently, up to `concurrency` at once on this instance and as many more on each
 * other instance, one post at a time per Instagram account (the claim sees to that, claim-due-posts.ts). Each
 * post is its own error boundary: an unexpected error is logged and the post's lease brings it back.
 */
export function createPublisher(deps: PublisherDeps): Publisher {
  const { sql, logger } = deps.services;
  // Read at each use: tests move the service's clock.
  const clock = () => deps.services.clock();
  const counts = emptyCounts();
  const pool = createWorkerPool<ClaimedPost>({
    name: "publishing",
    concurrency: deps.concurrency,
    logger,
    claim: () => claimDuePost(sql, { now: clock(), leaseMs: deps.leaseMs ?? PUBLISH_LEASE_MS }),
    async run(post) {
      try {
        counts[await publishClaimedPost(deps, post)]++;
      } catch (error) {
        counts.crashed++;
        logger.error(
          { err: error, draftId: post.id, attempt: post.attempt },
          "publishing a post failed unexpectedly; it is retried when its lease ends",
        );
      }
    },
  });
  return {
    async publishDuePosts() {
      const rescheduled = await rescheduleOverduePosts(sql, clock());
      if (rescheduled > 0) logger.info({ rescheduled }, "overdue posts moved to the next free slots");
      await pool.fill();
    },
    async stop(timeoutMs) {
      const left = await pool.stop(timeoutMs);
      if (left > 0) logger.warn({ posts: left }, "shutdown: posts still publishing are left to their leases");
    },
    counts,
  };
}

function emptyCounts(): PublishCounts {
  return {
    published: 0,
    retry_scheduled: 0,
    failed: 0,
    waiting_for_quota: 0,
    waiting_for_account: 0,
    lease_lost: 0,
    crashed: 0,
  };
}
