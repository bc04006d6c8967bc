/**
 * The scheduled publish job: claims due posts one at a time and takes each through the publish state machine.
 * Registered in app.ts on PUBLISH_CRON; the draft card's 🚀 Post now runs it at once.
 */

import type { InstagramClient } from "../instagram/instagram-client.ts";
import type { JobRun } from "../scheduler/scheduler.ts";
import type { Services } from "../services.ts";
import { claimDuePosts } from "./claim-due-posts.ts";
import { rescheduleOverduePosts } from "./reschedule-overdue.ts";
import { type PublishOutcome, type PublishPostDeps, publishClaimedPost } from "./publish-post.ts";
import { PUBLISH_LEASE_MS } from "./publish-retry-policy.ts";

/** Posts one run takes on; the next tick (a minute later by default) continues with the rest. */
const MAX_POSTS_PER_RUN = 25;

export type PublishRunSummary = Record<PublishOutcome | "crashed", number>;

/**
 * The job as the scheduler runs it, with the app's one Instagram client (`createInstagramClientFromConfig`):
 * undefined while INSTAGRAM_APP_ID/SECRET are not set, and then there is nothing to publish with.
 */
export function publishJob(deps: { services: Services; instagram: InstagramClient | undefined }): JobRun {
  const { services, instagram } = deps;
  if (!instagram) {
    return async function publishDuePostsDisabled() {
      services.logger.debug("publishing is off: INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET are not set");
    };
  }
  return async function publishDuePostsJob() {
    await publishDuePosts({ services, instagram });
  };
}

export interface PublishDuePostsDeps extends PublishPostDeps {
  instagram: InstagramClient;
  maxPosts?: number;
}

/**
 * One run: claim a post, publish it, claim the next. Claiming one at a time (rather than a batch up front)
 * keeps every claimed post's lease fresh, and lets another instance take the posts this one has not reached.
 * Each post is its own error boundary: an unexpected error is logged and the post's lease brings it back.
 */
export async function publishDuePosts(deps: PublishDuePostsDeps): Promise<PublishRunSummary> {
  const { sql, logger, clock } = deps.services;
  const summary: PublishRunSummary = {
    published: 0,
    retry_scheduled: 0,
    failed: 0,
    waiting_for_quota: 0,
    waiting_for_account: 0,
    lease_lost: 0,
    crashed: 0,
  };
  const rescheduled = await rescheduleOverduePosts(sql, clock());
  if (rescheduled > 0) logger.info({ rescheduled }, "overdue posts moved to the next free slots");
  for (let taken = 0; taken < (deps.maxPosts ?? MAX_POSTS_PER_RUN); taken++) {
    const [post] = await claimDuePosts(sql, {
      now: clock(),
      leaseMs: deps.leaseMs ?? PUBLISH_LEASE_MS,
      limit: 1,
    });
    if (!post) break;
    try {
      summary[await publishClaimedPost(deps, post)]++;
    } catch (error) {
      summary.crashed++;
      logger.error(
        { err: error, draftId: post.id, attempt: post.attempt },
        "publishing a post failed unexpectedly; it is retried when its lease ends",
      );
    }
  }
  if (Object.values(summary).some((count) => count > 0)) logger.info({ ...summary }, "publish run");
  return summary;
}
