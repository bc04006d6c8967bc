import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import type { FeedHealth } from "./feed-queries.ts";
import { settingsCallback } from "./settings-callbacks.ts";
import { formatAgo } from "./time-text.ts";

/** Telegram shows error text from feeds as plain words; a long one is cut so the list stays readable. */
const ERROR_PREVIEW_CHARS = 160;

export function renderFeeds(scope: BrandScope, feeds: readonly FeedHealth[], now: Date): string {
  if (feeds.length === 0) {
    return withBrandHeading(
      scope,
      "<b>Feeds</b>\nNo feeds yet. Tap “➕ Add a feed” or send /feeds followed by the feed's address.",
    );
  }
  const lines = [`<b>Feeds</b> (${feeds.length})`];
  feeds.forEach((feed, index) => {
    lines.push(
      `${index + 1}. <b>${escapeHtml(feed.title || "(untitled feed)")}</b>`,
      `   ${escapeHtml(feed.url)}`,
    );
    lines.push(`   ${describeFeedHealth(feed, now)}`);
  });
  lines.push("", "Add one with the button or /feeds followed by its address.");
  return withBrandHeading(scope, lines.join("\n"));
}

export function describeFeedHealth(feed: FeedHealth, now: Date): string {
  const lastRead = feed.last_success_at ? `last read ${formatAgo(feed.last_success_at, now)}` : "never read";
  if (feed.consecutive_failures > 0) {
    const error = feed.last_error ? `: ${escapeHtml(preview(feed.last_error))}` : "";
    const when = feed.last_error_at ? ` ${formatAgo(feed.last_error_at, now)}` : "";
    const times = feed.consecutive_failures === 1 ? "once" : `${feed.consecutive_failures} times in a row`;
    return `⚠️ failed ${times}, last${when}${error} (${lastRead})`;
  }
  return feed.last_success_at ? `✅ ${lastRead}` : "⏳ not read yet (first read within a few minutes)";
}

export function feedsKeyboard(brandId: number, feeds: readonly FeedHealth[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  feeds.forEach((feed, index) => {
    keyboard.text(`🗑 Remove ${index + 1}`, settingsCallback.feedRemove(feed.id));
    if (index % 3 === 2) keyboard.row();
  });
  return keyboard.row().text("➕ Add a feed", settingsCallback.feedAdd(brandId));
}

function preview(text: string): string {
  return text.length <= ERROR_PREVIEW_CHARS ? text : `${text.slice(0, ERROR_PREVIEW_CHARS - 1)}…`;
}
