import { InlineKeyboard } from "grammy";
import { countNoun } from "../shared/count-noun.ts";
import type { DeletedOwnerData, OwnerDataSummary } from "./owner-data-deletion.ts";
import { settingsCallback } from "./settings-callbacks.ts";

export function renderDeleteDataQuestion(summary: OwnerDataSummary): string {
  return [
    "<b>Delete everything Greenlight stores about you?</b>",
    "",
    `That is your registration, ${countNoun(summary.brands, "brand")} with their settings, ${countNoun(summary.feeds, "feed")} and their articles, ${countNoun(summary.drafts, "draft")} and scheduled posts, AI usage records, comments received on your posts, Instagram connections and tokens, open dialogs and queued messages.`,
    "",
    "Posts already published on Instagram stay there. This cannot be undone.",
  ].join("\n");
}

export function deleteDataKeyboard(askedAt: Date): InlineKeyboard {
  return new InlineKeyboard()
    .text("🗑 Yes, delete everything", settingsCallback.deleteDataConfirm(askedAt))
    .row()
    .text("Keep my data", settingsCallback.deleteDataKeep);
}

export function renderDataDeleted(deleted: DeletedOwnerData): string {
  return [
    "🗑 <b>Deleted.</b>",
    `Your registration, ${countNoun(deleted.brands, "brand")}, ${countNoun(deleted.feeds, "feed")}, ${countNoun(deleted.drafts, "draft")} with their images, comments received, AI usage records, Instagram tokens, open dialogs and queued messages are gone.`,
    "",
    "Send /start if you ever want to begin again.",
  ].join("\n");
}
