import { InlineKeyboard } from "grammy";
import { describeLanguage } from "../drafting/brand-languages.ts";
import { describeFirstComment } from "../publishing/first-comment.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { profileEditCallback } from "./brand-profile-callbacks.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { settingsCallback } from "./settings-callbacks.ts";

/**
 * /brand: everything the drafter is told about the brand, on one screen, with one edit button per field.
 * Values are the owner's own text and can be long (a voice of 1,000 characters); each is clipped here so the
 * whole view stays far below Telegram's 4,096 characters.
 */
const SHOWN_CHARS = 300;

export function renderBrandProfile(scope: BrandScope): string {
  const { brand } = scope;
  const value = (text: string, empty = "not set") =>
    text.trim() ? escapeHtml(clip(text.trim())) : `<i>${empty}</i>`;
  return withBrandHeading(
    scope,
    [
      "<b>Brand profile</b>: what every draft is written from.",
      "",
      `<b>Language</b>: ${escapeHtml(describeLanguage(brand.language))}`,
      `<b>Topic</b>: ${value(brand.topic)}`,
      `<b>Audience</b>: ${value(brand.audience)}`,
      `<b>Voice</b>: ${value(brand.voice)}`,
      `<b>Default hashtags</b>: ${value(brand.default_hashtags.join(" "), "none")}`,
      `<b>Banned terms</b>: ${value(brand.banned_terms.join(", "), "none")}`,
      `<b>Visual style</b> (images): ${value(brand.visual_style, "default")}`,
      `<b>First comment</b> (after publishing): ${escapeHtml(describeFirstComment({ mode: brand.first_comment_mode, text: brand.first_comment_text }))}`,
      "",
      "Tap a field to change it, or send e.g. /brand language de, /brand audience …, /brand banned …, /brand style ….",
    ].join("\n"),
  );
}

export function brandProfileKeyboard(brandId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("✏️ Language", profileEditCallback("language", brandId))
    .text("✏️ Topic", settingsCallback.topicEdit(brandId))
    .row()
    .text("✏️ Audience", profileEditCallback("audience", brandId))
    .text("✏️ Voice", settingsCallback.voiceDescribe(brandId))
    .row()
    .text("✏️ Hashtags", settingsCallback.hashtagsEdit(brandId))
    .text("✏️ Banned terms", profileEditCallback("bannedTerms", brandId))
    .row()
    .text("✏️ Visual style", profileEditCallback("visualStyle", brandId))
    .text("✏️ First comment", settingsCallback.firstCommentEdit(brandId));
}

function clip(text: string): string {
  const points = Array.from(text);
  return points.length <= SHOWN_CHARS ? text : `${points.slice(0, SHOWN_CHARS - 1).join("")}…`;
}
