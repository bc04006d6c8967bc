import type { Sql, Transaction } from "../database/connect.ts";

/**
 * Records an update id inside the transaction that performs its effect. Returns false when the id was already
 * recorded: the update is a redelivery (Telegram re-sends anything not answered 2xx) and must not act again.
 * Because the insert commits or rolls back with the effect, a crash in between leaves neither behind, and the
 * redelivered update then does the work once.
 */
export async function claimUpdate(tx: Transaction, updateId: number): Promise<boolean> {
  const rows = await tx`
    insert into processed_updates (update_id) values (${updateId})
    on conflict (update_id) do nothing
    returning update_id`;
  return rows.length > 0;
}

/** Telegram stops redelivering after 24 h; ids older than two days can go. */
export async function pruneProcessedUpdates(sql: Sql): Promise<number> {
  const rows =
    await sql`delete from processed_updates where processed_at < now() - interval '2 days' returning 1`;
  return rows.length;
}
