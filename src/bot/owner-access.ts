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

/** What a user who may not use the bot is told: with their Telegram id, which is what the operator needs. */
export function refusalText(telegramUserId: number): string {
  return `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${telegramUserId}`;
}
