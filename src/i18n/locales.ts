/** The languages the bot speaks, and how a Telegram user's language maps onto them. Pure. */

export const LOCALES = ["en", "es", "pt-BR", "de"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each locale named in itself, as /language lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  de: "Deutsch",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale for a Telegram `language_code` (an IETF tag such as "de", "pt-br", "es-419"; absent when the client
 * does not say): the tag's language decides, so every Portuguese speaker gets Brazilian Portuguese and every
 * Spanish speaker Spanish; a language we do not ship gets English.
 */
export function localeFromTelegram(languageCode: string | null | undefined): Locale {
  const language = languageCode?.trim().toLowerCase().split(/[-_]/)[0];
  switch (language) {
    case "es":
      return "es";
    case "pt":
      return "pt-BR";
    case "de":
      return "de";
    default:
      return "en";
  }
}

/**
 * The locale for a browser's `Accept-Language` header ("es-ES,es;q=0.9,en;q=0.8"): the most preferred language we
 * ship, by q-value and then by order; English when it names none of ours or is absent. Languages a visitor did not
 * list never win over English, so a "fr" browser reads English rather than the first locale we happen to ship.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...params] = entry.split(";").map((part) => part.trim());
      const q = params.find((param) => param.toLowerCase().startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter(({ tag, weight }) => tag !== "" && tag !== "*" && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    const locale = localeFromTelegram(tag);
    if (locale !== DEFAULT_LOCALE || /^en(?:[-_]|$)/i.test(tag)) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * What `/language <choice>` names: a locale ("de", "pt-BR", "pt", "es-MX"), its own name ("Deutsch", "español",
 * "português") or "auto" to follow Telegram again. Null when it names nothing we ship.
 */
export function parseLocaleChoice(input: string): Locale | "auto" | null {
  const text = input.trim().toLowerCase();
  if (text === "auto" || text === "telegram") return "auto";
  for (const locale of LOCALES) {
    const name = LOCALE_NAMES[locale].toLowerCase();
    if (text === locale.toLowerCase() || text === name || name.startsWith(`${text} (`)) return locale;
  }
  const byName: Record<string, Locale> = {
    english: "en",
    inglés: "en",
    espanol: "es",
    spanish: "es",
    portugues: "pt-BR",
    português: "pt-BR",
    portuguese: "pt-BR",
    german: "de",
    alemán: "de",
  };
  if (byName[text]) return byName[text];
  if (/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/.test(text)) {
    const locale = localeFromTelegram(text);
    // "fr" maps to English as a fallback for Telegram users, but asked for by name it is a language we lack.
    return locale === "en" && !text.startsWith("en") ? null : locale;
  }
  return null;
}

/** Telegram's setMyCommands takes a two-letter ISO 639-1 code: the menu for "pt" serves pt-BR. */
export function telegramLanguageOf(locale: Locale): string {
  return locale.slice(0, 2);
}
