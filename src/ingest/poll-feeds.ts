import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import { nextFetchAfterFailure, shouldNotifyOwner } from "./feed-backoff.ts";
import { FeedError } from "./feed-error.ts";
import { type FeedFailureStage, feedFailureReason } from "./feed-failure-reason.ts";
import {
  articleRowsFrom,
  claimDueFeeds,
  type DueFeed,
  recordFeedFailure,
  recordFeedSuccess,
} from "./feed-queries.ts";
import { fetchFeed } from "./fetch-feed.ts";

export interface PollFeedsOptions {
  sql: Sql;
  logger: Logger;
  allowPrivateNetwork: boolean;
  retentionDays: number;
  /** Feeds fetched at once. A slow feed holds one slot for at most its 10 s timeout, never the others. */
  concurrency?: number;
  /** Feeds claimed per round; rounds repeat until no feed is due. */
  batchSize?: number;
  clock?: () => Date;
}

export interface PollSummary {
  feeds: number;
  fetched: number;
  notModified: number;
  failed: number;
  newArticles: number;
}

/** The ingest job: fetches every due feed with bounded concurrency and stores what is new. */
export async function pollDueFeeds(options: PollFeedsOptions): Promise<PollSummary> {
  const concurrency = options.concurrency ?? 16;
  const clock = options.clock ?? (() => new Date());
  const summary: PollSummary = { feeds: 0, fetched: 0, notModified: 0, failed: 0, newArticles: 0 };
  const startedAt = clock();
  for (;;) {
    const due = await claimDueFeeds(options.sql, startedAt, options.batchSize ?? 200);
    if (due.length === 0) break;
    summary.feeds += due.length;
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const feed = due[next++]!;
        await pollOneFeed(feed, options, clock, summary);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  }
  if (summary.feeds > 0) options.logger.info({ ...summary }, "feeds polled");
  return summary;
}

async function pollOneFeed(
  feed: DueFeed,
  options: PollFeedsOptions,
  clock: () => Date,
  summary: PollSummary,
) {
  let stage: FeedFailureStage = "read";
  try {
    const result = await fetchFeed({
      url: feed.url,
      etag: feed.etag ?? undefined,
      lastModified: feed.last_modified ?? undefined,
      allowPrivateNetwork: options.allowPrivateNetwork,
    });
    const rows =
      result.kind === "not_modified"
        ? []
        : articleRowsFrom(feed, result.feed.items, options.retentionDays, clock());
    stage = "store";
    if (result.kind === "not_modified") {
      await recordFeedSuccess(options.sql, feed, "not_modified");
      summary.notModified++;
      return;
    }
    // Awaited first: `summary.x += await …` would read the total before the await and lose other workers' counts.
    const inserted = await recordFeedSuccess(options.sql, feed, {
      rows,
      etag: result.etag,
      lastModified: result.lastModified,
      title: result.feed.title,
    });
    summary.newArticles += inserted;
    summary.fetched++;
  } catch (error) {
    summary.failed++;
    const failures = feed.consecutive_failures + 1;
    options.logger.warn(
      {
        feedId: feed.id,
        stage,
        code: error instanceof FeedError ? error.code : "internal",
        err: error instanceof FeedError ? undefined : error,
      },
      "feed fetch failed",
    );
    try {
      await recordFeedFailure(options.sql, feed, {
        problem: feedFailureReason(stage, error),
        nextFetchAt: nextFetchAfterFailure(failures, clock()),
        notifyOwner: shouldNotifyOwner(failures),
      });
    } catch (recordError) {
      options.logger.error({ err: recordError, feedId: feed.id }, "could not record a feed failure");
    }
  }
}
