import { type Api, GrammyError, HttpError } from "grammy";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import {
  claimDueMessages,
  holdMessage,
  markMessageDead,
  markMessageSent,
  type OutboxRow,
  outboxRetryDelaySeconds,
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

export interface DeliveryResult {
  sent: number;
  retried: number;
  dead: number;
}

export async function deliverOutbox(deps: {
  sql: Sql;
  api: Api;
  senders: Record<string, OutboxSender>;
  logger: Logger;
  batchSize?: number;
}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, dead: 0 };
  const rows = await claimDueMessages(deps.sql, deps.batchSize ?? 25);
  // A chat whose earlier message failed keeps its later ones back, so messages arrive in the order decided.
  const heldChats = new Set<number>();
  for (const row of rows) {
    if (heldChats.has(row.chat_id)) {
      await holdMessage(deps.sql, row.id);
      result.retried++;
      continue;
    }
    const sender = deps.senders[row.kind];
    if (!sender) {
      await markMessageDead(deps.sql, row.id, `no sender for message kind ${row.kind}`);
      deps.logger.error({ outboxId: row.id, kind: row.kind }, "outbox message has no sender");
      result.dead++;
      continue;
    }
    try {
      await sender(row, deps.api);
      await markMessageSent(deps.sql, row.id);
      result.sent++;
    } catch (error) {
      const decision = classifySendFailure(error, row.attempts);
      if (decision.kind === "dead") {
        await markMessageDead(deps.sql, row.id, decision.reason);
        deps.logger.error(
          { outboxId: row.id, chatId: row.chat_id, reason: decision.reason },
          "telegram message given up",
        );
        result.dead++;
      } else {
        heldChats.add(row.chat_id);
        await rescheduleMessage(deps.sql, row.id, decision.delaySeconds, decision.reason);
        deps.logger.warn(
          { outboxId: row.id, delay: decision.delaySeconds, reason: decision.reason },
          "telegram send retried",
        );
        result.retried++;
      }
    }
  }
  return result;
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
