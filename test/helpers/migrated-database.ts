import { type Database, openDatabase } from "../../src/database/connect.ts";
import { migrate } from "../../src/database/migrate.ts";
import { capturedLogger } from "./log-capture.ts";
import { createTestDatabase } from "./test-database.ts";

/** A fresh database with the schema applied, for tests of one capability's SQL without the whole service. */
export async function openMigratedDatabase(poolSize = 10): Promise<Database & { dispose(): Promise<void> }> {
  const testDb = await createTestDatabase();
  const { logger } = capturedLogger("warn");
  const database = await openDatabase({ url: testDb.url, dataDir: undefined, poolSize, logger });
  await migrate(database.sql, logger);
  return {
    ...database,
    async dispose() {
      await database.close();
      await testDb.drop();
    },
  };
}

/** Inserts an owner and a brand; returns their ids. */
export async function insertOwnerAndBrand(
  sql: Database["sql"],
  brand: { name?: string; monthlyBudgetUsd?: number; timeZone?: string; telegramUserId?: number } = {},
): Promise<{ ownerId: number; brandId: number; chatId: number }> {
  const telegramUserId = brand.telegramUserId ?? 5550001;
  const [owner] = await sql<{ id: number }[]>`
    insert into owners (telegram_user_id, telegram_chat_id, display_name)
    values (${telegramUserId}, ${telegramUserId}, 'Ada')
    on conflict (telegram_user_id) do update set display_name = excluded.display_name
    returning id`;
  const [row] = await sql<{ id: number }[]>`
    insert into brands (owner_id, name, topic, voice, monthly_budget_usd, time_zone)
    values (${owner!.id}, ${await freeBrandName(sql, owner!.id, brand.name ?? "Trail Notes")}, 'trail running and mountain races',
            'warm, practical, a little playful', ${brand.monthlyBudgetUsd ?? 10}, ${brand.timeZone ?? "Europe/Berlin"})
    returning id`;
  await sql`update owners set selected_brand_id = ${row!.id} where id = ${owner!.id} and selected_brand_id is null`;
  return { ownerId: owner!.id, brandId: row!.id, chatId: telegramUserId };
}

/**
 * `name`, or when the owner already has a brand called that, `name 2`, `name 3`…: an owner's brand names are
 * unique, and tests that give an owner several brands rarely care what they are called.
 */
export async function freeBrandName(sql: Database["sql"], ownerId: number, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} ${n}`;
    const [taken] = await sql`
      select 1 from brands where owner_id = ${ownerId} and lower(name) = lower(${candidate})`;
    if (!taken) return candidate;
  }
}
