/**
 * The language of a brand's owner, for what a job sends them outside any update (a budget notice, a feed that
 * keeps failing): their /language choice, else the language their Telegram app last reported, else English.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { localeOf } from "./language-queries.ts";
import { isLocale, type Locale } from "./locales.ts";

export async function loadBrandOwnerLocale(sql: Sql | Transaction, brandId: number): Promise<Locale> {
  const [row] = await sql<{ chosen_locale: string | null; telegram_language_code: string | null }[]>`
    select lang.chosen_locale, lang.telegram_language_code
      from brands b
      join owners o on o.id = b.owner_id
      left join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id
     where b.id = ${brandId}`;
  return localeOf(
    row
      ? {
          chosenLocale: isLocale(row.chosen_locale) ? row.chosen_locale : null,
          telegramLanguageCode: row.telegram_language_code,
        }
      : null,
  );
}
