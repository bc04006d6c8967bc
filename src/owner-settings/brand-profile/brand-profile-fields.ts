import { parseBrandLanguage } from "../../drafting/brand-languages.ts";
import type { Texts } from "../../i18n/texts.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import {
  MAX_BANNED_TERMS,
  parseAudience,
  parseBannedTerms,
  parseVisualStyle,
} from "./brand-profile-input.ts";
import { setAudience, setBannedTerms, setLanguage, setVisualStyle } from "./brand-profile-queries.ts";
import { describeLanguageIn } from "./brand-profile-view.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { brandGone, type SettingDefinition } from "../shared/setting-fields.ts";

/** The fields of the brand profile that only /brand shows: what the drafter writes in, for whom, and avoids. */
export type BrandProfileField = "language" | "audience" | "bannedTerms" | "visualStyle";

export function brandProfileDefinitions(): { [F in BrandProfileField]: SettingDefinition<unknown> } {
  const language: SettingDefinition<string> = {
    prompt: (scope, texts) =>
      withBrandHeading(
        scope,
        texts.t("brand-language-prompt", {
          language: escapeHtml(describeLanguageIn(scope.brand.language, texts)),
        }),
      ),
    check: async (text, _scope, texts) => parseBrandLanguage(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setLanguage(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              texts.t("brand-language-saved", { language: escapeHtml(describeLanguageIn(value, texts)) }),
            ),
          }
        : brandGone(texts),
  };

  const audience: SettingDefinition<string> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("brand-audience-prompt")),
    check: async (text, _scope, texts) => parseAudience(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setAudience(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, saved(texts, "brand-audience", value)) }
        : brandGone(texts),
  };

  const bannedTerms: SettingDefinition<string[]> = {
    prompt: (scope, texts) =>
      withBrandHeading(scope, texts.t("brand-banned-prompt", { limit: MAX_BANNED_TERMS })),
    check: async (text, _scope, texts) => parseBannedTerms(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setBannedTerms(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, saved(texts, "brand-banned", value.join(", "))) }
        : brandGone(texts),
  };

  const visualStyle: SettingDefinition<string> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("brand-style-prompt")),
    check: async (text, _scope, texts) => parseVisualStyle(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setVisualStyle(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, saved(texts, "brand-style", value)) }
        : brandGone(texts),
  };

  return { language, audience, bannedTerms, visualStyle } as {
    [F in BrandProfileField]: SettingDefinition<unknown>;
  };
}

/** "✅ Audience: …", or "✅ Audience cleared." when the owner sent "none". */
function saved(texts: Texts, field: string, value: string): string {
  return value ? texts.t(`${field}-saved`, { value: escapeHtml(value) }) : texts.t(`${field}-cleared`);
}
