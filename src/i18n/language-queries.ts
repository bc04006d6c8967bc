/** The bot's language per Telegram user (telegram_user_languages, migration 0018). */

import type { Sql, Transaction } from "../database/connect.ts";
import { isLocale, type Locale, localeFromTelegram } from "./locales.ts";
import { type Texts, textsFor } from "./texts.ts";

export interface StoredLanguage {
  /** What /language chose; null to follow Telegram. */
  chosenLocale: Locale | null;
  /** The language the user's Telegram app last reported. */
  telegramLanguageCode: string | null;
}

/** The locale a stored row gives: the user's choice, else their Telegram language, else English. */
export function localeOf(stored: StoredLanguage | null, currentLanguageCode?: string): Locale {
  if (stored?.chosenLocale) return stored.chosenLocale;
  return localeFromTelegram(currentLanguageCode ?? stored?.telegramLanguageCode);
}

export async function loadStoredLanguage(sql: Sql, telegramUserId: number): Promise<StoredLanguage | null> {
  const [row] = await sql<{ chosen_locale: string | null; telegram_language_code: string | null }[]>`
    select chosen_locale, telegram_language_code from telegram_user_languages
     where telegram_user_id = ${telegramUserId}`;
  return row ? storedLanguageOf(row) : null;
}

function storedLanguageOf(row: { chosen_locale: string | null; telegram_language_code: string | null }) {
  return {
    chosenLocale: isLocale(row.chosen_locale) ? row.chosen_locale : null,
    telegramLanguageCode: row.telegram_language_code,
  };
}

/** /language: the user's choice, or null to follow Telegram again. */
export async function saveChosenLocale(
  sql: Sql,
  telegramUserId: number,
  chosen: Locale | null,
  telegramLanguageCode: string | null,
): Promise<void> {
  await sql`
    insert into telegram_user_languages (telegram_user_id, chosen_locale, telegram_language_code)
    values (${telegramUserId}, ${chosen}, ${telegramLanguageCode})
    on conflict (telegram_user_id) do update
       set chosen_locale = excluded.chosen_locale,
           telegram_language_code = coalesce(excluded.telegram_language_code, telegram_user_languages.telegram_language_code),
           updated_at = now()`;
}

/** Keeps the language Telegram reports for a user the bot serves, for what is sent outside an update. */
export async function rememberTelegramLanguage(
  sql: Sql,
  telegramUserId: number,
  telegramLanguageCode: string,
): Promise<void> {
  await sql`
    insert into telegram_user_languages (telegram_user_id, telegram_language_code)
    values (${telegramUserId}, ${telegramLanguageCode.slice(0, 35)})
    on conflict (telegram_user_id) do update
       set telegram_language_code = excluded.telegram_language_code, updated_at = now()`;
}

/**
 * The locale of a brand's owner, for what a job sends outside any update (a notice, a report): their /language
 * choice, else the language their Telegram app last reported, else English (also for a brand that is gone).
 */
export async function loadBrandOwnerLocale(sql: Sql | Transaction, brandId: number): Promise<Locale> {
  const [row] = await sql<{ chosen_locale: string | null; telegram_language_code: string | null }[]>`
    select lang.chosen_locale, lang.telegram_language_code
      from brands b
      join owners o on o.id = b.owner_id
      join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id
     where b.id = ${brandId}`;
  return localeOfRow(row);
}

/** The locale of a row read with `telegram_user_languages` joined in (absent: English). */
export function localeOfRow(
  row: { chosen_locale: string | null; telegram_language_code: string | null } | undefined,
): Locale {
  return localeOf(row ? storedLanguageOf(row) : null);
}

/** The texts in the brand owner's locale (loadBrandOwnerLocale), for a notice a job composes. */
export async function loadBrandOwnerTexts(sql: Sql | Transaction, brandId: number): Promise<Texts> {
  return textsFor(await loadBrandOwnerLocale(sql, brandId));
}
