import { InlineKeyboard } from "grammy";
import { describeLanguage } from "../../drafting/brand-languages.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { profileEditCallback } from "./brand-profile-callbacks.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { describeFirstCommentIn } from "./profile-views.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";

/**
 * /brand: everything the drafter is told about the brand, on one screen, with one edit button per field.
 * Values are the owner's own text and can be long (a voice of 1,000 characters); each is clipped here so the
 * whole view stays far below Telegram's 4,096 characters.
 */
const SHOWN_CHARS = 300;

/**
 * A brand's drafting language as the owner's locale names it, with its tag: "German (de)", "Deutsch (de)",
 * "alemán (de)". English keeps the drafter's own list of names.
 */
export function describeLanguageIn(tag: string, texts: Texts = englishTexts()): string {
  if (texts.locale === "en") return describeLanguage(tag);
  const code = tag || "en";
  const name = texts.languageName(code);
  return name === code ? name : `${name} (${code})`;
}

export function renderBrandProfile(scope: BrandScope, texts: Texts = englishTexts()): string {
  const { brand } = scope;
  const { t } = texts;
  const value = (text: string, empty = "brand-profile-not-set") =>
    text.trim() ? escapeHtml(clip(text.trim())) : t(empty);
  return withBrandHeading(
    scope,
    t("brand-profile", {
      language: escapeHtml(describeLanguageIn(brand.language, texts)),
      topic: value(brand.topic),
      audience: value(brand.audience),
      voice: value(brand.voice),
      hashtags: value(brand.default_hashtags.join(" "), "brand-profile-none"),
      bannedTerms: value(brand.banned_terms.join(", "), "brand-profile-none"),
      visualStyle: value(brand.visual_style, "brand-profile-default"),
      firstComment: escapeHtml(
        describeFirstCommentIn({ mode: brand.first_comment_mode, text: brand.first_comment_text }, texts),
      ),
    }),
  );
}

export function brandProfileKeyboard(brandId: number, texts: Texts = englishTexts()): InlineKeyboard {
  const { t } = texts;
  return new InlineKeyboard()
    .text(t("brand-language-button"), profileEditCallback("language", brandId))
    .text(t("brand-topic-button"), settingsCallback.topicEdit(brandId))
    .row()
    .text(t("brand-audience-button"), profileEditCallback("audience", brandId))
    .text(t("brand-voice-button"), settingsCallback.voiceDescribe(brandId))
    .row()
    .text(t("brand-hashtags-button"), settingsCallback.hashtagsEdit(brandId))
    .text(t("brand-banned-button"), profileEditCallback("bannedTerms", brandId))
    .row()
    .text(t("brand-style-button"), profileEditCallback("visualStyle", brandId))
    .text(t("brand-first-comment-button"), settingsCallback.firstCommentEdit(brandId));
}

function clip(text: string): string {
  const points = Array.from(text);
  return points.length <= SHOWN_CHARS ? text : `${points.slice(0, SHOWN_CHARS - 1).join("")}…`;
}
