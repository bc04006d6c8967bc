import { InlineKeyboard } from "grammy";
import type { DeletedOwnerData, OwnerDataSummary } from "./owner-data-deletion.ts";
import { settingsCallback } from "./settings-callbacks.ts";

export function renderDeleteDataQuestion(summary: OwnerDataSummary): string {
  return [
    "<b>Delete everything Greenlight stores about you?</b>",
    "",
    `That is your registration, ${count(summary.brands, "brand")} with their settings, ${count(summary.feeds, "feed")} and their articles, ${count(summary.drafts, "draft")} and scheduled posts, AI usage records, Instagram connections and tokens, open dialogs and queued messages.`,
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
    `Your registration, ${count(deleted.brands, "brand")}, ${count(deleted.feeds, "feed")}, ${count(deleted.drafts, "draft")} with their images, AI usage records, Instagram tokens, open dialogs and queued messages are gone.`,
    "",
    "Send /start if you ever want to begin again.",
  ].join("\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
