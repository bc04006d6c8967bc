import type { Sql, Transaction } from "../database/connect.ts";

/**
 * Messages that matter are not sent from inside the code that decides them: they are written to
 * telegram_outbox in the same transaction as the state change, and a worker sends them. A crash after the
 * commit loses nothing (the worker sends later); a rollback sends nothing. Delivery is at least once: a
 * message whose send succeeded but whose "sent" mark was lost is sent again after its lease expires.
 */
export interface OutboxMessage {
  chatId: number;
  /** Which sender renders it: 'text' is built in, capabilities register others (e.g. 'draft_card'). */
  kind: string;
  payload: Record<string, unknown>;
  /** When given, a second message with the same key is not enqueued (e.g. `feed-failed:42:3`). */
  dedupeKey?: string;
}

export interface TextPayload {
  text: string;
  parse_mode?: "HTML";
  reply_markup?: unknown;
  link_preview_options?: { is_disabled: boolean };
}

export async function enqueueTelegramMessage(
  sql: Sql | Transaction,
  message: OutboxMessage,
): Promise<boolean> {
  const rows = await sql`
    insert into telegram_outbox (chat_id, kind, payload, dedupe_key)
    values (${message.chatId}, ${message.kind}, ${sql.json(message.payload as never)}, ${message.dedupeKey ?? null})
    on conflict (dedupe_key) do nothing
    returning id`;
  return rows.length > 0;
}

export function enqueueText(
  sql: Sql | Transaction,
  chatId: number,
  payload: TextPayload,
  dedupeKey?: string,
) {
  return enqueueTelegramMessage(sql, { chatId, kind: "text", payload: { ...payload }, dedupeKey });
}

export interface OutboxRow {
  id: number;
  chat_id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * How long a claim holds a message. The sender renews it while its batch runs (renewOutboxClaims), so it only
 * runs out when the sender died: the message is then sent by another instance within about half a minute.
 */
export const OUTBOX_CLAIM_MS = 30_000;

/**
 * Claims due messages by pushing their next attempt OUTBOX_CLAIM_MS out (a lease), so another instance or the
 * next tick does not send them at the same time. SKIP LOCKED lets instances claim disjoint batches; on the embedded
 * database it is merely serial. Oldest first, and never a message whose chat has an earlier one still waiting
 * (for its retry, or leased elsewhere): one chat's messages arrive in the order they were decided.
 *
 * Unless the earlier one keeps failing: after HOLDS_BACK_FOR_ATTEMPTS attempts (about five minutes of backoff,
 * or a few long retry_after waits) it stops holding the rest back, so one undeliverable card cannot keep an
 * owner from every later message for the two days it may be retried.
 */
const HOLDS_BACK_FOR_ATTEMPTS = 6;

export async function claimDueMessages(sql: Sql, limit: number): Promise<OutboxRow[]> {
  return sql<OutboxRow[]>`
    update telegram_outbox
       set next_attempt_at = now() + ${OUTBOX_CLAIM_MS} * interval '1 millisecond', attempts = attempts + 1
     where id in (
       select id from telegram_outbox o
        where status = 'pending' and next_attempt_at <= now()
          and not exists (
            select from telegram_outbox earlier
             where earlier.chat_id = o.chat_id and earlier.status = 'pending' and earlier.id < o.id
               and earlier.next_attempt_at > now() and earlier.attempts < ${HOLDS_BACK_FOR_ATTEMPTS})
        order by id
        limit ${limit}
        for update skip locked)
    returning id, chat_id, kind, payload, attempts`.then((rows) => rows.sort((a, b) => a.id - b.id));
}

/** Keeps the claim on messages of a batch still being sent (a chat's run of cards can take a minute). */
export async function renewOutboxClaims(sql: Sql, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update telegram_outbox set next_attempt_at = now() + ${OUTBOX_CLAIM_MS} * interval '1 millisecond'
     where id = any(${ids}::bigint[]) and status = 'pending'`;
}

export async function markMessageSent(sql: Sql, id: number): Promise<void> {
  await sql`update telegram_outbox set status = 'sent', sent_at = now(), last_error = null where id = ${id}`;
}

export async function rescheduleMessage(
  sql: Sql,
  id: number,
  delaySeconds: number,
  error: string,
): Promise<void> {
  await sql`
    update telegram_outbox
       set next_attempt_at = now() + make_interval(secs => ${delaySeconds}), last_error = ${error}
     where id = ${id}`;
}

/**
 * Puts back a claimed message that was not tried because an earlier one to its chat failed: due again at once
 * and with its attempt given back, so waiting behind another message never counts towards giving up. The
 * claim passes it over until the earlier message is sent or given up.
 */
export async function holdMessage(sql: Sql, id: number): Promise<void> {
  await sql`
    update telegram_outbox
       set next_attempt_at = now(), attempts = attempts - 1,
           last_error = 'waiting for an earlier message to this chat'
     where id = ${id}`;
}

/** A message Telegram will never accept (chat gone, bot blocked): kept with its reason, and logged as an error. */
export async function markMessageDead(sql: Sql, id: number, error: string): Promise<void> {
  await sql`update telegram_outbox set status = 'dead', last_error = ${error} where id = ${id}`;
}

/** Backoff for a failed send without a retry_after hint: 5 s, 10 s, 20 s … capped at 10 minutes. */
export function outboxRetryDelaySeconds(attempts: number): number {
  return Math.min(600, 5 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sent messages are kept a week (enough to investigate a complaint), then deleted; "dead" ones stay until an
 * operator looks, since each is a message an owner never received.
 */
export async function pruneDeliveredMessages(sql: Sql): Promise<number> {
  const rows =
    await sql`delete from telegram_outbox where status = 'sent' and sent_at < now() - interval '7 days' returning id`;
  return rows.length;
}
