import { type Api, GrammyError, HttpError } from "grammy";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import { startLeaseHeartbeat } from "../scheduler/lease-heartbeat.ts";
import {
  claimDueMessages,
  holdMessage,
  markMessageDead,
  markMessageSent,
  type OutboxRow,
  OUTBOX_CLAIM_MS,
  outboxRetryDelaySeconds,
  renewOutboxClaims,
  rescheduleMessage,
  type TextPayload,
} from "./telegram-outbox.ts";

/** Renders and sends one kind of outbox message. Throwing a GrammyError or HttpError follows the retry rules. */
export type OutboxSender = (row: OutboxRow, api: Api) => Promise<void>;

export const sendTextMessage: OutboxSender = async (row, api) => {
  const { text, ...options } = row.payload as unknown as TextPayload;
  await api.sendMessage(row.chat_id, text, options as never);
};

/** After this many failed attempts (about two days of backoff) a message is given up, loudly. */
const MAX_ATTEMPTS = 300;

/** Messages claimed at a time: each claim holds them for two minutes, far longer than a batch takes. */
const OUTBOX_BATCH_SIZE = 50;

export interface DeliveryResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Sends one batch of due messages. Chats are served side by side, each chat's messages one after another in the
 * order they were decided: Telegram's per-chat pace (3 at once, then one a second) would otherwise hold every
 * other chat behind one chat's run of cards, while the overall pace stays the throttler's (create-bot.ts).
 */
export async function deliverOutbox(deps: {
  sql: Sql;
  api: Api;
  senders: Record<string, OutboxSender>;
  logger: Logger;
  batchSize?: number;
}): Promise<DeliveryResult> {
  const result: DeliveryResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };
  const rows = await claimDueMessages(deps.sql, deps.batchSize ?? OUTBOX_BATCH_SIZE);
  result.claimed = rows.length;
  if (rows.length === 0) return result;
  const byChat = new Map<number, OutboxRow[]>();
  for (const row of rows) byChat.set(row.chat_id, [...(byChat.get(row.chat_id) ?? []), row]);
  const claims = keepClaims(deps, rows);
  // Every chat finishes (or fails) before the run ends: a run never returns with sends still going on.
  const outcomes = await Promise.allSettled(
    [...byChat.values()].map((chatRows) => deliverToChat(deps, chatRows, result, claims)),
  ).finally(() => claims.stop());
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return result;
}

interface HeldClaims {
  /** The message's outcome is about to be written: renew its claim no more (and no renewal is in flight). */
  release(id: number): Promise<void>;
  stop(): void;
}

/**
 * The claim is short, so that a dead sender's messages go out soon; a live sender renews it on the messages of the
 * batch it has not finished. A message is released before its outcome is written, and after any renewal in
 * flight, so a renewal never pushes back a retry or a held message that the outcome made due.
 */
function keepClaims(deps: DeliveryDeps, rows: OutboxRow[]): HeldClaims {
  const unfinished = new Set(rows.map((row) => row.id));
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = startLeaseHeartbeat({
    renew: async () => {
      renewing = renewOutboxClaims(deps.sql, [...unfinished]);
      await renewing;
      return true;
    },
    everyMs: OUTBOX_CLAIM_MS / 3,
    logger: deps.logger,
    item: { outboxBatch: rows.length },
  });
  return {
    async release(id) {
      unfinished.delete(id);
      await renewing.catch(() => {});
    },
    stop: () => heartbeat.stop(),
  };
}

type DeliveryDeps = { sql: Sql; api: Api; senders: Record<string, OutboxSender>; logger: Logger };

/** One chat's messages in order; after a failure to retry, the chat's later ones wait for it. */
async function deliverToChat(
  deps: DeliveryDeps,
  rows: OutboxRow[],
  result: DeliveryResult,
  claims: HeldClaims,
): Promise<void> {
  let held = false;
  for (const row of rows) held = await deliverOne(deps, row, held, result, () => claims.release(row.id));
}

/** Sends, holds or gives up one message; true when the chat's later messages must wait (a retry is due). */
async function deliverOne(
  deps: DeliveryDeps,
  row: OutboxRow,
  held: boolean,
  result: DeliveryResult,
  release: () => Promise<void>,
): Promise<boolean> {
  if (held) {
    await release();
    await holdMessage(deps.sql, row.id);
    result.retried++;
    return true;
  }
  const sender = deps.senders[row.kind];
  if (!sender) {
    await release();
    await markMessageDead(deps.sql, row.id, `no sender for message kind ${row.kind}`);
    deps.logger.error({ outboxId: row.id, kind: row.kind }, "outbox message has no sender");
    result.dead++;
    return false;
  }
  try {
    await sender(row, deps.api);
  } catch (error) {
    await release();
    return recordSendFailure(deps, row, error, result);
  }
  await release();
  await markMessageSent(deps.sql, row.id);
  result.sent++;
  return false;
}

/** A send Telegram refused: given up, or put off (and then the chat's later messages wait). */
async function recordSendFailure(
  deps: DeliveryDeps,
  row: OutboxRow,
  error: unknown,
  result: DeliveryResult,
): Promise<boolean> {
  const decision = classifySendFailure(error, row.attempts);
  if (decision.kind === "dead") {
    await markMessageDead(deps.sql, row.id, decision.reason);
    deps.logger.error(
      { outboxId: row.id, chatId: row.chat_id, reason: decision.reason },
      "telegram message given up",
    );
    result.dead++;
    return false;
  }
  await rescheduleMessage(deps.sql, row.id, decision.delaySeconds, decision.reason);
  deps.logger.warn(
    { outboxId: row.id, delay: decision.delaySeconds, reason: decision.reason },
    "telegram send retried",
  );
  result.retried++;
  return true;
}

/**
 * Sends batches until the queue is empty or `forMs` has passed, so a backlog (a busy drafting pass) drains
 * within one run rather than one batch per tick. The rest waits for the next run.
 */
export async function drainOutbox(
  deps: Parameters<typeof deliverOutbox>[0],
  forMs: number,
): Promise<DeliveryResult> {
  const total: DeliveryResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };
  const deadline = Date.now() + forMs;
  for (;;) {
    const batch = await deliverOutbox(deps);
    for (const key of Object.keys(total) as (keyof DeliveryResult)[]) total[key] += batch[key];
    if (batch.claimed < (deps.batchSize ?? OUTBOX_BATCH_SIZE) || Date.now() >= deadline) return total;
  }
}

type SendFailure = { kind: "retry"; delaySeconds: number; reason: string } | { kind: "dead"; reason: string };

export function classifySendFailure(error: unknown, attempts: number): SendFailure {
  if (attempts >= MAX_ATTEMPTS)
    return { kind: "dead", reason: `gave up after ${attempts} attempts: ${describe(error)}` };
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return {
        kind: "retry",
        delaySeconds: Math.max(1, error.parameters.retry_after ?? 5),
        reason: error.description,
      };
    }
    if (error.error_code >= 500) {
      return { kind: "retry", delaySeconds: outboxRetryDelaySeconds(attempts), reason: error.description };
    }
    // 400 (bad request, chat not found), 403 (bot blocked by the user): sending again cannot succeed.
    return { kind: "dead", reason: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) {
    return { kind: "retry", delaySeconds: outboxRetryDelaySeconds(attempts), reason: "Telegram unreachable" };
  }
  return { kind: "retry", delaySeconds: outboxRetryDelaySeconds(attempts), reason: describe(error) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
