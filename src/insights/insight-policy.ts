import { InstagramApiError } from "../instagram/instagram-api-error.ts";

/**
 * When a post's insights are read, and what to do when Instagram has no numbers for it yet. Pure.
 *
 * Instagram's media insights lag by up to 48 hours and come back as an empty data set, not zeros, until they
 * exist; a post seen by few people gets error 10 "Not enough viewers" (production-and-v2-apis.md, Insights).
 * Neither is a failure: the checkpoint is tried again later, a bounded number of times, and the reason kept.
 */

export type InsightCheckpoint = "day" | "week";

/** How long after publishing each checkpoint is read. */
export const CHECKPOINT_AFTER_HOURS: Record<InsightCheckpoint, number> = { day: 24, week: 7 * 24 };

/** Posts published longer ago than this get no checkpoints (a brand connected long after posting). */
export const CHECKPOINT_LOOKBACK_DAYS = 30;

/** Tries per checkpoint before it is given up as unavailable: eight tries six hours apart span the 48-hour lag. */
export const MAX_INSIGHT_ATTEMPTS = 8;

export type InsightMissReason =
  "no_data_yet" | "not_enough_viewers" | "missing_permission" | "token_invalid" | "error";

export interface InsightMiss {
  reason: InsightMissReason;
  /** What to record: the reason and, for errors, what Instagram said. */
  detail: string;
}

const RETRY_HOURS: Record<InsightMissReason, number> = {
  no_data_yet: 6,
  not_enough_viewers: 24,
  // Waits for the owner to reconnect: the claim passes over accounts without the permission meanwhile.
  missing_permission: 24,
  token_invalid: 24,
  error: 1,
};

/** What an Instagram refusal means for a checkpoint. */
export function classifyInsightFailure(error: unknown): InsightMiss {
  if (!(error instanceof InstagramApiError)) {
    return { reason: "error", detail: error instanceof Error ? error.message : String(error) };
  }
  const said = error.metaMessage ?? error.message;
  if (error.code === 10 && /viewers/i.test(said)) return { reason: "not_enough_viewers", detail: said };
  // (#10) "Application does not have permission for this action", (#200) permissions errors.
  if (error.code === 10 || error.code === 200) return { reason: "missing_permission", detail: said };
  if (error.code === 190) return { reason: "token_invalid", detail: said };
  return { reason: "error", detail: `${error.step}: ${said}` };
}

/** Tried again after `retryAt`, or given up when the tries are spent. A missing permission never uses up tries. */
export function planAfterMiss(
  miss: InsightMiss,
  attempts: number,
  now: Date,
): { kind: "retry"; retryAt: Date } | { kind: "give_up" } {
  if (miss.reason !== "missing_permission" && attempts >= MAX_INSIGHT_ATTEMPTS) return { kind: "give_up" };
  return { kind: "retry", retryAt: new Date(now.getTime() + RETRY_HOURS[miss.reason] * 3_600_000) };
}
