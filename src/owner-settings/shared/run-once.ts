import { claimUpdate } from "../../bot/processed-updates.ts";
import type { Sql, Transaction } from "../../database/connect.ts";

export type Once<T> = { applied: true; value: T } | { applied: false };

/**
 * Runs an owner's change in one transaction that also records the Telegram update id, so a redelivered update
 * (Telegram re-sends anything not answered 2xx, platform-apis.md §D.2) never applies the change twice:
 * `applied: false` means this update already did its work.
 */
export async function runOnce<T>(
  sql: Sql,
  updateId: number,
  work: (tx: Transaction) => Promise<T>,
): Promise<Once<T>> {
  return sql.begin(async (tx): Promise<Once<T>> => {
    if (!(await claimUpdate(tx, updateId))) return { applied: false };
    return { applied: true, value: await work(tx) };
  }) as Promise<Once<T>>;
}
