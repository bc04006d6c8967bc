import { describeLanguage, LANGUAGE_EXAMPLES, parseBrandLanguage } from "../drafting/brand-languages.ts";
import type { Parsed } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import {
  MAX_BANNED_TERMS,
  parseAudience,
  parseBannedTerms,
  parseVisualStyle,
} from "./brand-profile-input.ts";
import { setAudience, setBannedTerms, setLanguage, setVisualStyle } from "./brand-profile-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import type { SettingDefinition } from "./setting-fields.ts";

/** The fields of the brand profile that only /brand shows: what the drafter writes in, for whom, and avoids. */
export type BrandProfileField = "language" | "audience" | "bannedTerms" | "visualStyle";

const gone: Parsed<string> = { ok: false, error: "That brand no longer exists." };

export function brandProfileDefinitions(): { [F in BrandProfileField]: SettingDefinition<unknown> } {
  const language: SettingDefinition<string> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        `Captions are written in ${escapeHtml(describeLanguage(scope.brand.language))}. Which language should they be in? Send a language code or name, e.g. ${LANGUAGE_EXAMPLES}.`,
      ),
    check: async (text) => parseBrandLanguage(text),
    save: async (tx, scope, value) =>
      (await setLanguage(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              `✅ Language set: ${escapeHtml(describeLanguage(value))}. New captions, credit lines and hashtags will be in it.`,
            ),
          }
        : gone,
  };

  const audience: SettingDefinition<string> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        "Who reads the brand's posts? Send the audience in a sentence, e.g. “commuters and families in Berlin”, or “none”.",
      ),
    check: async (text) => parseAudience(text),
    save: async (tx, scope, value) =>
      (await setAudience(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, cleared("Audience", value)) }
        : gone,
  };

  const bannedTerms: SettingDefinition<string[]> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        `Send the words or phrases captions must never use, separated by commas, e.g. “cheap, best ever” (at most ${MAX_BANNED_TERMS}), or “none”.`,
      ),
    check: async (text) => parseBannedTerms(text),
    save: async (tx, scope, value) =>
      (await setBannedTerms(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, cleared("Banned terms", value.join(", "))) }
        : gone,
  };

  const visualStyle: SettingDefinition<string> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        "How should generated images look? e.g. “bright flat illustration, teal and orange, no text”, or “none” for the default style.",
      ),
    check: async (text) => parseVisualStyle(text),
    save: async (tx, scope, value) =>
      (await setVisualStyle(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, cleared("Visual style", value)) }
        : gone,
  };

  return { language, audience, bannedTerms, visualStyle } as {
    [F in BrandProfileField]: SettingDefinition<unknown>;
  };
}

function cleared(label: string, value: string): string {
  return value ? `✅ ${label}: ${escapeHtml(value)}` : `✅ ${label} cleared.`;
}
