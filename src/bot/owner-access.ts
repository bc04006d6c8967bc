import type { Sql } from "../database/connect.ts";
import type { Owner } from "./bot-context.ts";

/**
 * Who may talk to the bot: users listed in OWNER_TELEGRAM_IDS, and owners already registered (so an operator
 * can shorten the list without locking existing owners out). Anyone else gets one polite line and nothing about
 * them is stored.
 */
export async function findOwner(sql: Sql, telegramUserId: number): Promise<Owner | null> {
  const [owner] = await sql<Owner[]>`
    select id, telegram_user_id, telegram_chat_id, display_name, selected_brand_id
      from owners where telegram_user_id = ${telegramUserId}`;
  return owner ?? null;
}
