import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { Parsed } from "../publishing/posting-slots.ts";
import { shortenText } from "../shared/telegram-text-limits.ts";

/**
 * The languages a brand can draft in: the ones most used on Instagram, as BCP-47 tags with their English and
 * native names. An owner may name one by tag ("de", "pt-BR"), by tag with a region ("de-AT"), or by name
 * ("German", "Deutsch"); anything else is refused, so a typo never makes every caption come out in a language
 * nobody asked for. The drafter names the language in its prompt by name and tag, which models follow more
 * reliably than a bare code.
 */
export interface BrandLanguage {
  tag: string;
  name: string;
  nativeName: string;
}

export const BRAND_LANGUAGES: readonly BrandLanguage[] = [
  { tag: "en", name: "English", nativeName: "English" },
  { tag: "es", name: "Spanish", nativeName: "Español" },
  { tag: "pt", name: "Portuguese", nativeName: "Português" },
  { tag: "pt-BR", name: "Portuguese (Brazil)", nativeName: "Português (Brasil)" },
  { tag: "pt-PT", name: "Portuguese (Portugal)", nativeName: "Português (Portugal)" },
  { tag: "de", name: "German", nativeName: "Deutsch" },
  { tag: "fr", name: "French", nativeName: "Français" },
  { tag: "it", name: "Italian", nativeName: "Italiano" },
  { tag: "nl", name: "Dutch", nativeName: "Nederlands" },
  { tag: "pl", name: "Polish", nativeName: "Polski" },
  { tag: "ru", name: "Russian", nativeName: "Русский" },
  { tag: "uk", name: "Ukrainian", nativeName: "Українська" },
  { tag: "tr", name: "Turkish", nativeName: "Türkçe" },
  { tag: "ar", name: "Arabic", nativeName: "العربية" },
  { tag: "fa", name: "Persian", nativeName: "فارسی" },
  { tag: "he", name: "Hebrew", nativeName: "עברית" },
  { tag: "hi", name: "Hindi", nativeName: "हिन्दी" },
  { tag: "bn", name: "Bengali", nativeName: "বাংলা" },
  { tag: "ur", name: "Urdu", nativeName: "اردو" },
  { tag: "ta", name: "Tamil", nativeName: "தமிழ்" },
  { tag: "te", name: "Telugu", nativeName: "తెలుగు" },
  { tag: "mr", name: "Marathi", nativeName: "मराठी" },
  { tag: "id", name: "Indonesian", nativeName: "Bahasa Indonesia" },
  { tag: "ms", name: "Malay", nativeName: "Bahasa Melayu" },
  { tag: "fil", name: "Filipino", nativeName: "Filipino" },
  { tag: "th", name: "Thai", nativeName: "ไทย" },
  { tag: "vi", name: "Vietnamese", nativeName: "Tiếng Việt" },
  { tag: "ja", name: "Japanese", nativeName: "日本語" },
  { tag: "ko", name: "Korean", nativeName: "한국어" },
  { tag: "zh-CN", name: "Chinese (Simplified)", nativeName: "简体中文" },
  { tag: "zh-TW", name: "Chinese (Traditional)", nativeName: "繁體中文" },
  { tag: "sv", name: "Swedish", nativeName: "Svenska" },
  { tag: "no", name: "Norwegian", nativeName: "Norsk" },
  { tag: "da", name: "Danish", nativeName: "Dansk" },
  { tag: "fi", name: "Finnish", nativeName: "Suomi" },
  { tag: "el", name: "Greek", nativeName: "Ελληνικά" },
  { tag: "cs", name: "Czech", nativeName: "Čeština" },
  { tag: "ro", name: "Romanian", nativeName: "Română" },
  { tag: "hu", name: "Hungarian", nativeName: "Magyar" },
  { tag: "ca", name: "Catalan", nativeName: "Català" },
  { tag: "hr", name: "Croatian", nativeName: "Hrvatski" },
  { tag: "sw", name: "Swahili", nativeName: "Kiswahili" },
];

/** Shown when an answer is not a language we know. */
export const LANGUAGE_EXAMPLES = "de, es, pt-BR, fr, ja, German or Deutsch";

const byTag = new Map(BRAND_LANGUAGES.map((language) => [language.tag.toLowerCase(), language]));
const byName = new Map(
  BRAND_LANGUAGES.flatMap((language) => [
    [fold(language.name), language],
    [fold(language.nativeName), language],
  ]),
);
// Common names that are not in the table as written.
for (const [alias, tag] of [
  ["chinese", "zh-CN"],
  ["brazilian portuguese", "pt-BR"],
  ["portugues do brasil", "pt-BR"],
  ["tagalog", "fil"],
  ["farsi", "fa"],
  ["bokmal", "no"],
  ["norsk bokmal", "no"],
] as const) {
  byName.set(alias, byTag.get(tag.toLowerCase())!);
}

/** A BCP-47 language tag with an optional script or region: "de", "pt-BR", "zh-Hant-TW", "es-419". */
const TAG = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$/i;

/**
 * The owner's answer as a tag we store: a tag in the table as written there ("pt-br" → "pt-BR"), a regional
 * variant of a language in the table in canonical case ("de-at" → "de-AT"), or the tag of a name ("Deutsch" →
 * "de"). Refuses anything else with examples, in the owner's language.
 */
export function parseBrandLanguage(text: string, texts: Texts = englishTexts()): Parsed<string> {
  const answer = text.trim().replace(/\s+/g, " ");
  const refusal = {
    ok: false as const,
    error: texts.t("brand-language-unknown", { input: shortenText(answer, 40) }),
  };
  if (answer === "") {
    return { ok: false, error: texts.t("brand-language-empty") };
  }
  const named = byName.get(fold(answer));
  if (named) return { ok: true, value: named.tag };
  const match = TAG.exec(answer);
  if (!match) return refusal;
  const exact = byTag.get(answer.toLowerCase().replace("_", "-"));
  if (exact) return { ok: true, value: exact.tag };
  const primary = byTag.get(match[1]!.toLowerCase());
  const chinese = match[1]!.toLowerCase() === "zh";
  if (!primary && !chinese) return refusal;
  try {
    const [canonical] = Intl.getCanonicalLocales(answer.replace(/_/g, "-"));
    return canonical ? { ok: true, value: canonical } : refusal;
  } catch {
    return refusal;
  }
}

/** "German", "Portuguese (Brazil)", "German (Austria)"; a stored value we cannot read is shown as it is. */
export function languageName(tag: string): string {
  const known = byTag.get(tag.trim().toLowerCase());
  if (known) return known.name;
  try {
    const name = new Intl.DisplayNames(["en"], {
      type: "language",
      languageDisplay: "standard",
      fallback: "none",
    }).of(tag.trim());
    if (name) return name;
  } catch {
    // Not a valid tag: an older free-text value such as "German". Shown as the owner wrote it.
  }
  return tag.trim();
}

/** "German (de)": how prompts and the profile view name a brand's language. */
export function describeLanguage(tag: string): string {
  const name = languageName(tag || "en");
  return name === (tag || "en") ? name : `${name} (${tag || "en"})`;
}

/** The language of a Telegram `language_code` ("de", "pt-br"), when it is one a brand can draft in. */
export function brandLanguageOf(languageCode: string | undefined): BrandLanguage | undefined {
  if (!languageCode) return undefined;
  const parsed = parseBrandLanguage(languageCode);
  if (!parsed.ok) return undefined;
  return byTag.get(parsed.value.toLowerCase()) ?? { tag: parsed.value, ...namesOf(parsed.value) };
}

function namesOf(tag: string): { name: string; nativeName: string } {
  const name = languageName(tag);
  return { name, nativeName: name };
}

/** Lower case without accents, so "Français", "francais" and "FRANÇAIS" are one name. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
