import type { StorageAdapter } from "grammy";
import type { Sql } from "../database/connect.ts";

/**
 * Keeps @grammyjs/conversations state in Postgres (table bot_conversations), so a dialog survives a restart and
 * continues on whichever instance receives the owner's next message.
 */
export function postgresConversationStorage<T>(sql: Sql): StorageAdapter<T> {
  return {
    async read(key) {
      const [row] = await sql<{ value: T }[]>`select value from bot_conversations where key = ${key}`;
      return row?.value;
    },
    async write(key, value) {
      await sql`
        insert into bot_conversations (key, value, updated_at)
        values (${key}, ${sql.json(value as never)}, now())
        on conflict (key) do update set value = excluded.value, updated_at = now()`;
    },
    async delete(key) {
      await sql`delete from bot_conversations where key = ${key}`;
    },
  };
}
