/**
 * How long the publisher holds a post, how often it tries, and how long it waits between tries. Pure: no I/O.
 */

import type { PublishFailureClass } from "./publish-errors.ts";

/**
 * How long a claimed post (and its Instagram account) stays reserved for the worker that claimed it without a
 * renewal. The worker renews it every quarter of this while it runs (publish-lease.ts), and before media_publish,
 * so an attempt may take as long as Instagram needs; a post whose worker died is taken over once this has passed
 * since its last renewal. It must outlast one Instagram call (each cut off after 20 s by the adapter), so that
 * a worker that renewed right before media_publish has had that call's answer, or given up on it, before anyone
 * else can take the post and ask Instagram what became of it.
 */
export const PUBLISH_LEASE_MS = 60_000;

/**
 * Claims of one post before a transient problem is given up on: with the backoff below, a little over an hour of
 * trying. A failed post keeps its Retry button, so the owner can start over.
 */
export const MAX_PUBLISH_ATTEMPTS = 8;

/**
 * Waits between container status polls within one attempt, after the first poll. Single JPEGs are usually
 * FINISHED within seconds, yet publishing at once can fail with 9007/2207027 (platform-apis.md §B.2), so the
 * publisher always polls; a container still IN_PROGRESS after these is left for a later attempt.
 */
export const CONTAINER_POLL_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** A container still processing is asked again soon; Meta's own advice is once a minute for up to 5 (§B.2). */
const CONTAINER_WAIT_MS = 30_000;
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 60 * 60_000;
/** Throttling (codes 4, 17, 32, 613...) asks for a longer pause than an outage. */
const BACK_OFF_BASE_MS = 5 * 60_000;

export type RetryDecision = { kind: "retry"; delayMs: number } | { kind: "give_up" };

/**
 * What to do after a transient failure in attempt number `attempt` (1 for the first claim). Meta's own limit for
 * the failure ("retry 1–2 times") is honoured when it is stricter than ours.
 */
export function decideRetry(failure: PublishFailureClass, attempt: number): RetryDecision {
  const limit = Math.min(failure.attemptLimit ?? MAX_PUBLISH_ATTEMPTS, MAX_PUBLISH_ATTEMPTS);
  if (failure.kind !== "transient" || attempt >= limit) return { kind: "give_up" };
  return { kind: "retry", delayMs: retryDelayMs(failure, attempt) };
}

/** Exponential backoff: 30 s, 1 min, 2 min … capped at an hour; longer steps when Instagram throttles. */
export function retryDelayMs(failure: PublishFailureClass, attempt: number): number {
  if (failure.recovery === "wait_for_container") return CONTAINER_WAIT_MS;
  const base = failure.recovery === "back_off" ? BACK_OFF_BASE_MS : RETRY_BASE_MS;
  return Math.min(base * 2 ** Math.max(0, attempt - 1), RETRY_CAP_MS);
}
