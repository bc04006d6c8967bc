import { InlineKeyboard } from "grammy";
import { plural } from "../shared/plural.ts";
import type { DeletedOwnerData, OwnerDataSummary } from "./owner-data-deletion.ts";
import { settingsCallback } from "./settings-callbacks.ts";

/** The phrases of /deletedata that depend on a count, with their singular and plural forms. */
const COUNTED = {
  brandsWithSettings: { one: "# brand with its settings", other: "# brands with their settings" },
  feedsWithArticles: { one: "# feed and its articles", other: "# feeds and their articles" },
  draftsAndPosts: { one: "# draft or scheduled post", other: "# drafts and scheduled posts" },
  brands: { one: "# brand", other: "# brands" },
  feeds: { one: "# feed", other: "# feeds" },
  draftsWithImages: { one: "# draft with its image", other: "# drafts with their images" },
} as const;

export function renderDeleteDataQuestion(summary: OwnerDataSummary): string {
  return [
    "<b>Delete everything Greenlight stores about you?</b>",
    "",
    `That is your registration, ${plural(summary.brands, COUNTED.brandsWithSettings)}, ${plural(summary.feeds, COUNTED.feedsWithArticles)}, ${plural(summary.drafts, COUNTED.draftsAndPosts)}, AI usage records, comments received on your posts, Instagram connections and tokens, open dialogs and queued messages.`,
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
    `Your registration, ${plural(deleted.brands, COUNTED.brands)}, ${plural(deleted.feeds, COUNTED.feeds)}, ${plural(deleted.drafts, COUNTED.draftsWithImages)}, comments received, AI usage records, Instagram tokens, open dialogs and queued messages are gone.`,
    "",
    "Send /start if you ever want to begin again.",
  ].join("\n");
}
