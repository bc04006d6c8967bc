import postgres from "postgres";
import { isDatabaseUnavailable } from "../database/postgres-errors.ts";
import { FeedError } from "./feed-error.ts";

/** Where a feed's poll stopped: fetching and reading the document, or storing its articles. */
export type FeedFailureStage = "read" | "store";

/**
 * The reason an owner sees for a feed that could not be polled (kept in feeds.last_error, shown in /feeds,
 * /status and the failure notice). Always says which side failed: the feed itself (a `FeedError`, whose
 * message is already written for the owner), Greenlight's reader, or the database while storing, so the owner
 * knows whether to fix or remove the feed or to wait. Never quotes stored data: a Postgres message names a
 * type or a constraint, never a row's values, and it is cut short.
 */
export function feedFailureReason(stage: FeedFailureStage, error: unknown): string {
  if (error instanceof FeedError) return error.message;
  if (stage === "read") {
    return "Greenlight's feed reader stopped on something unexpected in this feed; the error is in the service's logs.";
  }
  if (isDatabaseUnavailable(error)) {
    return "The feed was read, but the database could not be reached to store its stories. It will be tried again.";
  }
  if (error instanceof postgres.PostgresError) {
    return `The feed was read, but the database refused to store its stories (${error.code}: ${error.message.slice(0, 200)}).`;
  }
  return "The feed was read, but storing its stories failed on an unexpected error; the error is in the service's logs.";
}
