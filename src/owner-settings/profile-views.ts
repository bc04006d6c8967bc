import { InlineKeyboard } from "grammy";
import { describeFirstComment } from "../publishing/first-comment.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { settingsCallback } from "./settings-callbacks.ts";

/** /topic, /voice, /hashtags and /firstcomment: what the drafter is told about the brand, and its first comment. */

export function renderTopic(scope: BrandScope): string {
  const topic = scope.brand.topic ? escapeHtml(scope.brand.topic) : "<i>not set</i>";
  return withBrandHeading(
    scope,
    `<b>Topic</b>: ${topic}\n\nDrafts are written about this. Tap Change, or send /topic followed by the new topic.`,
  );
}

export function topicKeyboard(brandId: number): InlineKeyboard {
  return new InlineKeyboard().text("✏️ Change", settingsCallback.topicEdit(brandId));
}

export function renderVoice(scope: BrandScope): string {
  const voice = scope.brand.voice ? escapeHtml(scope.brand.voice) : "<i>not set</i>";
  return withBrandHeading(
    scope,
    [
      `<b>Voice</b>: ${voice}`,
      "",
      "Captions are written in this voice. Describe it in your own words, or send a few captions you like and I'll derive it.",
      "You can also send /voice followed by a description.",
    ].join("\n"),
  );
}

export function voiceKeyboard(brandId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("✏️ Describe it", settingsCallback.voiceDescribe(brandId))
    .text("📝 From example captions", settingsCallback.voiceExamples(brandId));
}

export function renderHashtags(scope: BrandScope): string {
  const tags = scope.brand.default_hashtags;
  const shown = tags.length > 0 ? escapeHtml(tags.join(" ")) : "<i>none</i>";
  return withBrandHeading(
    scope,
    `<b>Default hashtags</b>: ${shown}\n\nAdded to every draft. Tap Change, or send /hashtags followed by the tags, e.g. /hashtags #cycling #berlin.`,
  );
}

export function renderFirstComment(scope: BrandScope): string {
  const setting = { mode: scope.brand.first_comment_mode, text: scope.brand.first_comment_text };
  return withBrandHeading(
    scope,
    [
      `<b>First comment</b>: ${escapeHtml(describeFirstComment(setting))}`,
      "",
      "Posted under each post right after it goes out. Tap Change, or send /firstcomment hashtags, /firstcomment off, or /firstcomment followed by the line to post.",
      "Accounts connected before Greenlight asked for permission to comment need one reconnect (/connect).",
    ].join("\n"),
  );
}

export function firstCommentKeyboard(brandId: number): InlineKeyboard {
  return new InlineKeyboard().text("✏️ Change", settingsCallback.firstCommentEdit(brandId));
}

export function hashtagsKeyboard(brandId: number, hasTags: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text("✏️ Change", settingsCallback.hashtagsEdit(brandId));
  return hasTags ? keyboard.text("🗑 Clear", settingsCallback.hashtagsClear(brandId)) : keyboard;
}
