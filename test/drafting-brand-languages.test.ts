import { describe, expect, it } from "vitest";
import {
  BRAND_LANGUAGES,
  brandLanguageOf,
  describeLanguage,
  parseBrandLanguage,
} from "../src/drafting/brand-languages.ts";

describe("the languages a brand can draft in", () => {
  it.each([
    ["de", "de"],
    ["DE", "de"],
    ["de-DE", "de-DE"],
    ["de_at", "de-AT"],
    ["pt-br", "pt-BR"],
    ["es-419", "es-419"],
    ["zh-Hant-TW", "zh-Hant-TW"],
    ["German", "de"],
    ["deutsch", "de"],
    ["Français", "fr"],
    ["francais", "fr"],
    ["Português (Brasil)", "pt-BR"],
    ["Brazilian Portuguese", "pt-BR"],
    ["日本語", "ja"],
  ])("takes %j as %j", (answer, tag) => {
    expect(parseBrandLanguage(answer)).toEqual({ ok: true, value: tag });
  });

  it.each(["Klingon", "xx", "de-DE-x-private-use-words", "english please", "12", "en--US"])(
    "refuses %j, naming it and giving examples",
    (answer) => {
      expect(parseBrandLanguage(answer)).toEqual({
        ok: false,
        error: `I don't know the language “${answer}”. Send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.`,
      });
    },
  );

  it("keeps about forty languages, each tag valid and each name unique", () => {
    expect(BRAND_LANGUAGES.length).toBeGreaterThanOrEqual(40);
    for (const { tag } of BRAND_LANGUAGES) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    const names = BRAND_LANGUAGES.flatMap((l) => [l.name.toLowerCase(), l.nativeName.toLowerCase()]);
    const english = BRAND_LANGUAGES.map((l) => l.name.toLowerCase());
    expect(new Set(english).size).toBe(english.length);
    expect(names.length).toBeGreaterThan(english.length);
  });

  it("names a language by name and tag, and reads a Telegram language code", () => {
    expect(describeLanguage("de")).toBe("German (de)");
    expect(describeLanguage("pt-BR")).toBe("Portuguese (Brazil) (pt-BR)");
    expect(describeLanguage("")).toBe("English (en)");
    expect(brandLanguageOf("de")?.name).toBe("German");
    expect(brandLanguageOf("pt-br")?.tag).toBe("pt-BR");
    expect(brandLanguageOf("tlh")).toBeUndefined();
    expect(brandLanguageOf(undefined)).toBeUndefined();
  });
});
