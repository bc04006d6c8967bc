import { loadAccessToken } from "../instagram-auth/access-token.ts";
import type { InstagramClient } from "../instagram/instagram-client.ts";
import { createWorkerPool, type WorkerPool } from "../scheduler/worker-pool.ts";
import type { Services } from "../services.ts";
import { classifyInsightFailure, planAfterMiss } from "./insight-policy.ts";
import {
  type ClaimedCheckpoint,
  claimDueCheckpoint,
  markInsightsNotGranted,
  recordInsightMiss,
  recordInsights,
  scheduleInsightCheckpoints,
} from "./insight-queries.ts";

export const INSIGHTS_JOB = "insights";

/** Checkpoints one instance reads at once: each is one short Instagram call. */
const INSIGHTS_CONCURRENCY = 4;

/**
 * Reads each published post's insights at its day and week checkpoints. Every instance runs it on every tick;
 * the claim (insight-queries.ts) hands each checkpoint to one worker, so a post's checkpoint is read once
 * across the cluster. Without INSTAGRAM_APP_ID/SECRET there is no client and nothing to read.
 */
export function createInsightsCollector(deps: {
  services: Pick<Services, "sql" | "vault" | "logger" | "clock">;
  instagram: InstagramClient | undefined;
}): { collect(): Promise<void>; stop(timeoutMs: number): Promise<number> } {
  const { sql, logger } = deps.services;
  let pool: WorkerPool | undefined;
  if (deps.instagram) {
    const instagram = deps.instagram;
    pool = createWorkerPool<ClaimedCheckpoint>({
      name: "insights",
      concurrency: INSIGHTS_CONCURRENCY,
      logger,
      claim: () => claimDueCheckpoint(sql, deps.services.clock()),
      run: (claim) => collectCheckpoint(deps.services, instagram, claim),
    });
  }
  return {
    async collect() {
      if (!pool) return;
      await scheduleInsightCheckpoints(sql, deps.services.clock());
      await pool.fill();
    },
    stop: (timeoutMs) => pool?.stop(timeoutMs) ?? Promise.resolve(0),
  };
}

async function collectCheckpoint(
  services: Pick<Services, "sql" | "vault" | "logger" | "clock">,
  instagram: InstagramClient,
  claim: ClaimedCheckpoint,
): Promise<void> {
  const { sql, logger } = services;
  const access = await loadAccessToken(services, claim.brandId);
  if (!access) {
    // Disconnected between the claim and now: the checkpoint waits, its try given back.
    await recordInsightMiss(sql, claim, {
      reason: "account not connected",
      retryAt: new Date(services.clock().getTime() + 3_600_000),
      giveBackAttempt: true,
    });
    return;
  }
  try {
    const insights = await instagram.getMediaInsights(claim.mediaId, access.token);
    if (Object.keys(insights).length > 0) {
      await recordInsights(sql, claim, insights, services.clock());
      logger.debug({ draftId: claim.draftId, checkpoint: claim.checkpoint }, "post insights collected");
      return;
    }
    await recordMiss(services, claim, { reason: "no_data_yet", detail: "Instagram returned no data yet" });
  } catch (error) {
    const miss = classifyInsightFailure(error);
    if (miss.reason === "error") logger.warn({ err: error, draftId: claim.draftId }, "post insights failed");
    if (miss.reason === "missing_permission") await markInsightsNotGranted(sql, claim.brandId);
    await recordMiss(services, claim, miss);
  }
}

async function recordMiss(
  services: Pick<Services, "sql" | "clock">,
  claim: ClaimedCheckpoint,
  miss: ReturnType<typeof classifyInsightFailure>,
): Promise<void> {
  const plan = planAfterMiss(miss, claim.attempts, services.clock());
  await recordInsightMiss(services.sql, claim, {
    reason: miss.reason === "error" ? `error: ${miss.detail}` : miss.reason,
    retryAt: plan.kind === "retry" ? plan.retryAt : null,
    giveBackAttempt: miss.reason === "missing_permission",
  });
}
