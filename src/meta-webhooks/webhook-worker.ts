import { type CommentProcessingDeps, processCommentChange } from "../comments/process-comment.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { startLeaseHeartbeat } from "../scheduler/lease-heartbeat.ts";
import { createWorkerPool } from "../scheduler/worker-pool.ts";
import type { Logger } from "../shared/logger.ts";
import {
  type ClaimedChange,
  claimWebhookChanges,
  failWebhookChange,
  finishWebhookChange,
  renewWebhookLeases,
} from "./webhook-inbox.ts";

/** The job that claims and processes stored webhook notifications, on every instance. */
export const META_WEBHOOKS_JOB = "meta-webhooks";
/**
 * Every 5 seconds; an accepted notification also starts the job at once on the instance that took it. The
 * schedule is what finds a notification whose instance died right after answering Meta (once its lease ran out).
 */
export const META_WEBHOOKS_CRON = "*/5 * * * * *";
/**
 * A change whose worker died is taken over within about this long. The work is a few statements, and for a comment
 * that gets a card one Claude call (up to its 60 s timeout), during which the heartbeat renews the lease.
 */
export const WEBHOOK_LEASE_MS = 30_000;
const HEARTBEAT_MS = 10_000;
const MAX_ATTEMPTS = 5;
/** Backoff after a failed attempt: 10 s, 1 min, 5 min, 15 min. */
const RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 900_000];
/**
 * Two at a time: most changes are a few quick statements, and during a burst the intake needs the pool more. A
 * comment that gets a card waits for Claude's reply (seconds), which the lease heartbeat covers.
 */
const CONCURRENCY = 2;
/**
 * Changes one worker claims at once and then processes in turn. A few: enough to save the claim's round trip
 * under a burst, few enough that the changes behind one waiting for Claude are not held up for long.
 */
const CLAIM_BATCH = 10;

export interface WebhookWorker {
  /** Processes every change this instance can claim; resolves when there is none left. */
  fill(): Promise<void>;
  /** Stops claiming and waits up to `timeoutMs`; a change still in hand is taken over after its lease. */
  stop(timeoutMs: number): Promise<void>;
}

export function createWebhookWorker(deps: {
  sql: Sql;
  logger: Logger;
  /** Read on every claim, so tests can move time past a lease. */
  clock: () => Date;
  /** What processing a comment needs: Claude and the budget for its reply, the card limit. */
  comments: CommentProcessingDeps;
  /** Called when a change queued a Telegram message: sends it without waiting for the outbox's tick. */
  onMessageQueued: () => void;
}): WebhookWorker {
  const { sql, logger, clock } = deps;
  const leaseFromNow = () => new Date(clock().getTime() + WEBHOOK_LEASE_MS);

  /** Processes claimed changes in turn, under one heartbeat that keeps the leases of those not yet done. */
  async function runBatch(changes: ClaimedChange[]): Promise<void> {
    const pending = new Set(changes);
    const heartbeat = startLeaseHeartbeat({
      renew: () => renewWebhookLeases(sql, [...pending], leaseFromNow()),
      everyMs: HEARTBEAT_MS,
      logger,
      item: { webhookChangeIds: changes.map((change) => change.id) },
    });
    try {
      for (const change of changes) {
        await run(change);
        pending.delete(change);
      }
    } finally {
      heartbeat.stop();
    }
  }

  async function run(change: ClaimedChange): Promise<void> {
    const item = { webhookChangeId: change.id, field: change.field };
    try {
      const finish = (tx: Transaction) => finishWebhookChange(tx, change);
      const outcome =
        change.field === "comments"
          ? await processCommentChange(deps.comments, change, finish)
          : await sql.begin(async (tx) => ((await finish(tx)) ? "ignored" : "taken_over"));
      logger.debug({ ...item, outcome }, "webhook change processed");
      if (outcome === "stored" || outcome === "summarised") deps.onMessageQueued();
    } catch (error) {
      const giveUp = change.attempts >= MAX_ATTEMPTS;
      const delay = RETRY_DELAYS_MS[change.attempts - 1] ?? RETRY_DELAYS_MS.at(-1)!;
      const message = error instanceof Error ? error.message : String(error);
      (giveUp ? logger.error : logger.warn).call(
        logger,
        { ...item, err: error, attempt: change.attempts },
        giveUp ? "webhook change given up" : "webhook change failed; retrying",
      );
      await failWebhookChange(sql, change, {
        at: new Date(clock().getTime() + (giveUp ? 0 : delay)),
        error: message,
        giveUp,
      });
    }
  }

  const pool = createWorkerPool({
    name: "meta-webhooks",
    concurrency: CONCURRENCY,
    claim: async () => {
      const changes = await claimWebhookChanges(sql, {
        now: clock(),
        leaseUntil: leaseFromNow(),
        limit: CLAIM_BATCH,
      });
      return changes.length > 0 ? changes : undefined;
    },
    run: runBatch,
    logger,
  });

  return {
    fill: () => pool.fill(),
    async stop(timeoutMs) {
      await pool.stop(timeoutMs);
    },
  };
}
