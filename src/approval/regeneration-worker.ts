import type { Sql } from "../database/connect.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import { startLeaseHeartbeat } from "../scheduler/lease-heartbeat.ts";
import { createWorkerPool } from "../scheduler/worker-pool.ts";
import type { Logger } from "../shared/logger.ts";
import type { DraftRegenerator } from "./draft-regenerator.ts";
import {
  type ClaimedRegeneration,
  claimRegeneration,
  finishRegeneration,
  type RegenerationKind,
  releaseRegeneration,
  renewRegenerationLease,
  retryRegenerationLater,
} from "./regeneration-requests.ts";

/** The job that claims and runs regeneration requests, on every instance. */
export const REGENERATIONS_JOB = "regenerations";
/** Every 5 seconds: a request whose instance went away is picked up soon after its lease runs out. */
export const REGENERATIONS_CRON = "*/5 * * * * *";

/**
 * About a minute: a request whose worker died is taken over within it. Renewed every 20 s while the work runs,
 * so a slow image (OpenAI may take a minute or two) keeps its lease, and a couple of missed beats do not lose it.
 */
export const REGENERATION_LEASE_MS = 60_000;
const HEARTBEAT_MS = 20_000;
/** Attempts before the owner is told it could not be done; a deploy's interruption does not count. */
export const MAX_REGENERATION_ATTEMPTS = 3;
/** Backoff after a failed attempt (an API error, the database away): 15 s, then 1 minute. */
const RETRY_DELAYS_MS = [15_000, 60_000];

/** Up to this many requests run at once on each instance: an image mostly waits on OpenAI. */
const CONCURRENCY = 4;

export interface RegenerationWorker {
  /** Runs every due request this instance can claim; resolves when there is none left. */
  fill(): Promise<void>;
  /**
   * Stops claiming, waits up to `timeoutMs` for the requests in hand, then gives back the ones still running, due
   * at once for the next instance (a deploy loses nothing, and the owner is not asked to tap again).
   */
  stop(timeoutMs: number): Promise<void>;
}

export function createRegenerationWorker(deps: {
  sql: Sql;
  logger: Logger;
  /** Read on every claim, so tests can move time past a lease. */
  clock: () => Date;
  regenerator: DraftRegenerator;
  /** Called when a request closed and its card's update (and any note) is queued: sends them without waiting. */
  onClosed: () => void;
}): RegenerationWorker {
  const { sql, logger, clock } = deps;
  const inHand = new Set<ClaimedRegeneration>();
  const leaseFromNow = () => new Date(clock().getTime() + REGENERATION_LEASE_MS);

  async function run(request: ClaimedRegeneration): Promise<void> {
    const item = { regenerationId: request.id, draftId: request.draftId };
    inHand.add(request);
    const heartbeat = startLeaseHeartbeat({
      renew: () => renewRegenerationLease(sql, request, leaseFromNow()),
      everyMs: HEARTBEAT_MS,
      logger,
      item,
    });
    try {
      if (request.attempts > MAX_REGENERATION_ATTEMPTS) {
        // The previous holder died during the last attempt allowed.
        return await giveUp(request, (texts) => tooManyAttempts(request.kind, texts));
      }
      const outcome = await regenerate(deps.regenerator, request);
      switch (outcome.kind) {
        case "stored":
        case "decided":
          deps.onClosed();
          return;
        case "refused":
          return await giveUp(request, (texts) =>
            texts.t("regeneration-nothing-changed", { reason: outcome.reason }),
          );
        case "taken_over":
          logger.warn(item, "regeneration taken over by another worker; its result was not stored");
          return;
      }
    } catch (error) {
      logger.warn({ ...item, err: error, attempt: request.attempts }, "regeneration attempt failed");
      if (request.attempts >= MAX_REGENERATION_ATTEMPTS) {
        return await giveUp(request, (texts) => tooManyAttempts(request.kind, texts), error);
      }
      const delay = RETRY_DELAYS_MS[request.attempts - 1] ?? RETRY_DELAYS_MS.at(-1)!;
      await retryRegenerationLater(sql, request, new Date(clock().getTime() + delay), messageOf(error));
    } finally {
      heartbeat.stop();
      inHand.delete(request);
    }
  }

  /**
   * A real failure: the request ends, the card loses its progress line and the owner is told in plain words, in
   * their language.
   */
  async function giveUp(
    request: ClaimedRegeneration,
    say: (texts: Texts) => string,
    error?: unknown,
  ): Promise<void> {
    const [draft] = await sql<
      { brand_id: number }[]
    >`select brand_id from drafts where id = ${request.draftId}`;
    const note = say(draft ? await loadBrandOwnerTexts(sql, draft.brand_id) : englishTexts());
    const closed = await sql.begin((tx) =>
      finishRegeneration(tx, request, {
        status: "failed",
        note,
        error: error === undefined ? note : messageOf(error),
      }),
    );
    if (closed) deps.onClosed();
  }

  const pool = createWorkerPool({
    name: "regenerations",
    concurrency: CONCURRENCY,
    claim: () => claimRegeneration(sql, clock(), leaseFromNow()),
    run,
    logger,
  });

  return {
    fill: () => pool.fill(),
    async stop(timeoutMs) {
      await pool.stop(timeoutMs);
      for (const request of inHand) {
        await releaseRegeneration(sql, request, clock()).catch((error: unknown) =>
          // Its lease runs out within a minute, and the next instance takes it over then.
          logger.warn({ err: error, regenerationId: request.id }, "could not give back a regeneration"),
        );
      }
      if (inHand.size > 0)
        logger.info({ regenerations: inHand.size }, "shutdown: regenerations left for the next instance");
    },
  };
}

function regenerate(regenerator: DraftRegenerator, request: ClaimedRegeneration) {
  switch (request.kind) {
    case "image":
      return regenerator.regenerateImage(request);
    case "rewrite":
      return regenerator.rewriteCaption(request);
    case "format":
      return regenerator.switchFormat(request);
    case "slide":
      return regenerator.redrawSlide(request);
  }
}

function tooManyAttempts(kind: RegenerationKind, texts: Texts): string {
  return texts.t(`regeneration-gave-up-${kind}`, { tries: MAX_REGENERATION_ATTEMPTS });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
