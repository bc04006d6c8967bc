import { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import type { FirstCommentSetting } from "../../publishing/first-comment.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { quoteInput } from "../../shared/telegram-text-limits.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";

/** /topic, /voice, /hashtags and /firstcomment: what the drafter is told about the brand, and its first comment. */

export function renderTopic(scope: BrandScope, texts: Texts = englishTexts()): string {
  const topic = scope.brand.topic ? escapeHtml(scope.brand.topic) : texts.t("settings-not-set");
  return withBrandHeading(scope, texts.t("topic-view", { topic }));
}

export function topicKeyboard(brandId: number, texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard().text(texts.t("settings-change-button"), settingsCallback.topicEdit(brandId));
}

export function renderVoice(scope: BrandScope, texts: Texts = englishTexts()): string {
  const voice = scope.brand.voice ? escapeHtml(scope.brand.voice) : texts.t("settings-not-set");
  return withBrandHeading(scope, texts.t("voice-view", { voice }));
}

export function voiceKeyboard(brandId: number, texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard()
    .text(texts.t("voice-describe-button"), settingsCallback.voiceDescribe(brandId))
    .text(texts.t("voice-examples-button"), settingsCallback.voiceExamples(brandId));
}

export function renderHashtags(scope: BrandScope, texts: Texts = englishTexts()): string {
  const tags = scope.brand.default_hashtags;
  const hashtags = tags.length > 0 ? escapeHtml(tags.join(" ")) : texts.t("settings-none");
  return withBrandHeading(scope, texts.t("hashtags-view", { hashtags }));
}

/** The brand's first comment in words (plain text): the hashtags, the owner's line quoted, or off. */
export function describeFirstCommentIn(setting: FirstCommentSetting, texts: Texts = englishTexts()): string {
  if (setting.mode === "hashtags") return texts.t("first-comment-hashtags");
  if (setting.mode === "text" && setting.text?.trim()) return quoteInput(setting.text, 80);
  return texts.t("first-comment-off");
}

export function renderFirstComment(scope: BrandScope, texts: Texts = englishTexts()): string {
  const setting = { mode: scope.brand.first_comment_mode, text: scope.brand.first_comment_text };
  return withBrandHeading(
    scope,
    texts.t("first-comment-view", { setting: escapeHtml(describeFirstCommentIn(setting, texts)) }),
  );
}

export function firstCommentKeyboard(brandId: number, texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard().text(
    texts.t("settings-change-button"),
    settingsCallback.firstCommentEdit(brandId),
  );
}

export function hashtagsKeyboard(
  brandId: number,
  hasTags: boolean,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(
    texts.t("settings-change-button"),
    settingsCallback.hashtagsEdit(brandId),
  );
  return hasTags
    ? keyboard.text(texts.t("settings-clear-button"), settingsCallback.hashtagsClear(brandId))
    : keyboard;
}
