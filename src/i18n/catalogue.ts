/**
 * The message catalogue: every text the bot shows, in Fluent files under `locales/<locale>/<capability>.ftl`,
 * loaded by @grammyjs/i18n. Fluent picks plural forms with the locale's own rules (`{ $count -> [one] … *[other] … }`)
 * and formats numbers with the locale's separators.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { findAbove } from "../shared/find-above.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

/** The folder of locale files, above src/i18n/ under tsx and above dist/ in the image (as migrations/). */
export const localesDir = findAbove(import.meta.url, ["locales"]);

/** Arguments of a message: strings are shown as given (escape HTML first), numbers formatted for the locale. */
export type MessageArgs = Record<string, string | number>;

let catalogue: I18n | undefined;

/**
 * The catalogue, read once on first use: some twenty small files per locale, static for the life of the process.
 * Fluent's bidi isolation marks (U+2068/U+2069 around each argument) are off: the bot's texts are sent as
 * Telegram HTML and read as plain words, and the marks would count against Telegram's limits for nothing.
 */
export function loadCatalogue(): I18n {
  if (catalogue) return catalogue;
  catalogue = new I18n({
    defaultLocale: DEFAULT_LOCALE,
    fluentBundleOptions: { useIsolating: false },
    // The locale chooseLocale (bot-locale.ts) picked for the update: the user's choice or their Telegram's.
    localeNegotiator: (ctx) => (ctx as { locale?: string }).locale,
  });
  // The files are read here rather than by the plugin (its `directory` option), whose file access goes through a
  // Deno compatibility layer that the production bundle leaves out (scripts/deno-shim-for-bundle.mjs). As the
  // plugin does, a locale's files are joined into one resource: it looks messages up in one bundle per locale.
  for (const locale of readdirSync(localesDir, { withFileTypes: true })) {
    if (!locale.isDirectory()) continue;
    const folder = join(localesDir, locale.name);
    const files = readdirSync(folder).filter((file) => file.endsWith(".ftl"));
    catalogue.loadLocaleSync(locale.name, {
      source: files
        .sort()
        .map((file) => readFileSync(join(folder, file), "utf8"))
        .join("\n"),
    });
  }
  return catalogue;
}

/**
 * One message in one locale. A message missing from the locale falls back to English (and @grammyjs/i18n warns);
 * an argument the message needs but is not given throws, so a mistake shows in tests rather than as "{$name}".
 */
export function translate(locale: Locale, key: string, args?: MessageArgs): string {
  return loadCatalogue().translate(locale, key, args);
}
