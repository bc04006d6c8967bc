/**
 * meta_webhook_inbox (see migrations/0012): notifications are stored here before Meta gets its 200, and any
 * instance claims them one by one under a short lease. Every write of the worker that claimed a row is fenced by
 * the row's `fence`, which each claim raises: a worker whose lease was taken over can no longer finish it.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { INBOX_RETENTION_MS, type InboxChange } from "./webhook-notification.ts";

/** A change as its worker holds it. */
export interface ClaimedChange {
  id: number;
  fence: number;
  attempts: number;
  accountId: string;
  field: string;
  value: Record<string, unknown>;
  eventTime: Date;
}

/**
 * Stores the changes of several notifications in one statement (all or none: the statement is its own
 * transaction), so concurrent requests share one commit (see createGroupCommit). A change already stored (a
 * redelivery, the same comment in two deliveries, or in two notifications of this batch) is skipped by its unique
 * key. Returns, per notification, how many of its changes were new.
 *
 * Due (and received) at `now`, the service's clock, not the database's `now()`: claims compare due_at with the
 * service's clock, and a row stamped by the database a fraction of a millisecond after the service's clock last
 * ticked (JavaScript dates have whole milliseconds, Postgres microseconds) was not yet due for a claim made in the
 * same millisecond, such as the one the intake starts at once; it then waited for the next tick.
 */
export async function storeWebhookNotifications(
  sql: Sql,
  notifications: InboxChange[][],
  now: Date,
): Promise<number[]> {
  const changes = notifications.flat();
  if (changes.length === 0) return notifications.map(() => 0);
  const rows = await sql<{ dedupe_key: string }[]>`
    insert into meta_webhook_inbox (dedupe_key, account_id, field, value, event_time, due_at, received_at)
    select key, account, field, value::jsonb, at::timestamptz, ${now}, ${now}
      from unnest(${changes.map((c) => c.dedupeKey)}::text[], ${changes.map((c) => c.accountId)}::text[],
                  ${changes.map((c) => c.field)}::text[], ${changes.map((c) => JSON.stringify(c.value))}::text[],
                  ${changes.map((c) => c.eventTime.toISOString())}::text[]) as t(key, account, field, value, at)
    on conflict (dedupe_key) do nothing
    returning dedupe_key`;
  // A key two notifications of the batch share was new for the first of them only.
  const inserted = new Set(rows.map((row) => row.dedupe_key));
  return notifications.map(
    (notification) => notification.filter((change) => inserted.delete(change.dedupeKey)).length,
  );
}

/**
 * Claims up to `limit` changes due first: queued ones, or running ones whose lease ran out (their worker died,
 * e.g. the instance was killed right after answering Meta). One statement for the lot: during a burst the claim
 * was one round trip in ten of a change's processing. SKIP LOCKED hands each row to one claimer; the attempt is
 * counted here, so a change that kills its worker every time is still given up in the end.
 */
export async function claimWebhookChanges(
  sql: Sql,
  input: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedChange[]> {
  const rows = await sql<
    {
      id: number;
      fence: number;
      attempts: number;
      account_id: string;
      field: string;
      value: Record<string, unknown>;
      event_time: Date;
    }[]
  >`
    update meta_webhook_inbox i
       set status = 'running', fence = i.fence + 1, attempts = i.attempts + 1, due_at = ${input.leaseUntil}
     where i.id in (select id from meta_webhook_inbox
                     where status in ('queued', 'running') and due_at <= ${input.now}
                     order by due_at, id
                     limit ${input.limit}
                       for update skip locked)
    returning i.id, i.fence, i.attempts, i.account_id, i.field, i.value, i.event_time`;
  // In the order they arrived (UPDATE ... RETURNING keeps no order), so a post's comments reach the chat in turn.
  return rows
    .sort((a, b) => a.id - b.id)
    .map((row) => ({
      id: row.id,
      fence: row.fence,
      attempts: row.attempts,
      accountId: row.account_id,
      field: row.field,
      value: row.value,
      eventTime: row.event_time,
    }));
}

function heldBy(sql: Sql | Transaction, claimed: ClaimedChange) {
  return sql`id = ${claimed.id} and fence = ${claimed.fence} and status = 'running'`;
}

/** Extends the leases of the changes still in hand; false when none of them is this worker's any more. */
export async function renewWebhookLeases(
  sql: Sql,
  claimed: ClaimedChange[],
  leaseUntil: Date,
): Promise<boolean> {
  if (claimed.length === 0) return false;
  const rows = await sql`
    update meta_webhook_inbox i set due_at = ${leaseUntil}
      from unnest(${claimed.map((c) => c.id)}::bigint[], ${claimed.map((c) => c.fence)}::bigint[]) as held(id, fence)
     where i.id = held.id and i.fence = held.fence and i.status = 'running'
    returning i.id`;
  return rows.length > 0;
}

/**
 * Marks the change done, in the transaction that carries out its effect, and drops its payload (a commenter's
 * name and words have no business staying here). False when it is no longer this worker's: roll back.
 */
export async function finishWebhookChange(tx: Transaction, claimed: ClaimedChange): Promise<boolean> {
  const rows = await tx`
    update meta_webhook_inbox set status = 'done', value = null, finished_at = now(), last_error = null
     where ${heldBy(tx, claimed)} returning id`;
  return rows.length > 0;
}

/** A failed attempt: tried again at `at`, or given up (kept, with its error, for an operator) when `giveUp`. */
export async function failWebhookChange(
  sql: Sql,
  claimed: ClaimedChange,
  failure: { at: Date; error: string; giveUp: boolean },
): Promise<void> {
  await sql`
    update meta_webhook_inbox
       set status = ${failure.giveUp ? "failed" : "queued"}, due_at = ${failure.at},
           last_error = ${failure.error.slice(0, 500)},
           finished_at = ${failure.giveUp ? failure.at : null}
     where ${heldBy(sql, claimed)}`;
}

/**
 * Processed rows are kept INBOX_RETENTION_MS (longer than the replay window, so a copy young enough to be
 * accepted always meets its first delivery's key), then deleted.
 */
export async function pruneWebhookInbox(sql: Sql, now: Date): Promise<number> {
  const rows = await sql`
    delete from meta_webhook_inbox
     where status in ('done', 'failed') and received_at < ${new Date(now.getTime() - INBOX_RETENTION_MS)}
    returning id`;
  return rows.length;
}
