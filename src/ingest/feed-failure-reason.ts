import postgres from "postgres";
import { isDatabaseUnavailable } from "../database/postgres-errors.ts";
import { FeedError } from "./feed-error.ts";
import type { FeedProblem } from "./feed-problem.ts";

/** Where a feed's poll stopped: fetching and reading the document, or storing its articles. */
export type FeedFailureStage = "read" | "store";

/**
 * The reason an owner sees for a feed that could not be polled (kept in feeds.last_error, shown in /feeds,
 * /status and the failure notice, each in the reader's language). Always says which side failed: the feed
 * itself (a `FeedError`, whose problem is already written for the owner), Greenlight's reader, or the database
 * while storing, so the owner knows whether to fix or remove the feed or to wait. Never quotes stored data: a
 * Postgres message names a type or a constraint, never a row's values, and it is cut short.
 */
export function feedFailureReason(stage: FeedFailureStage, error: unknown): FeedProblem {
  if (error instanceof FeedError) return error.problem;
  if (stage === "read") return { key: "feed-failure-reader" };
  if (isDatabaseUnavailable(error)) return { key: "feed-failure-database-unavailable" };
  if (error instanceof postgres.PostgresError) {
    return {
      key: "feed-failure-database-refused",
      args: { code: error.code, detail: error.message.slice(0, 200) },
    };
  }
  return { key: "feed-failure-store-unexpected" };
}
