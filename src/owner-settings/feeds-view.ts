import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../shared/telegram-html.ts";
import { shortenText } from "../shared/telegram-text-limits.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import type { FeedHealth } from "./feed-queries.ts";
import { addPageButtons, itemsOnPage, type ListPage, listPage, pageLabel } from "./list-pages.ts";
import { settingsCallback } from "./settings-callbacks.ts";
import { formatAgo } from "./time-text.ts";

/**
 * Feeds per /feeds page. A feed's entry is at most about 430 characters (title, address and error cut below),
 * so eight of them, the heading and the footer stay well within Telegram's 4,096; 50 feeds make 7 pages.
 */
export const FEEDS_PAGE_SIZE = 8;
const TITLE_PREVIEW_CHARS = 80;
const URL_PREVIEW_CHARS = 100;
/** Telegram shows error text from feeds as plain words; a long one is cut so the list stays readable. */
const ERROR_PREVIEW_CHARS = 160;
const REMOVE_BUTTONS_PER_ROW = 4;

/** Which page of a brand's feeds to show; `requested` is clamped to the pages there are. */
export function feedsPage(feeds: readonly FeedHealth[], requested: number): ListPage {
  return listPage(feeds.length, requested, FEEDS_PAGE_SIZE);
}

export function renderFeeds(
  scope: BrandScope,
  feeds: readonly FeedHealth[],
  page: ListPage,
  now: Date,
): string {
  if (feeds.length === 0) {
    return withBrandHeading(
      scope,
      "<b>Feeds</b>\nNo feeds yet. Tap “➕ Add a feed” or send /feeds followed by the feed's address.",
    );
  }
  const lines = [`<b>Feeds</b> (${feeds.length})${pageLabel(page)}`];
  itemsOnPage(feeds, page).forEach((feed, index) => {
    lines.push(
      `${page.offset + index + 1}. <b>${escapeHtml(shortenText(feed.title || "(untitled feed)", TITLE_PREVIEW_CHARS))}</b>`,
      `   ${escapeHtml(shortenText(feed.url, URL_PREVIEW_CHARS))}`,
      `   ${describeFeedHealth(feed, now)}`,
    );
  });
  lines.push("", "Add one with the button or /feeds followed by its address.");
  return withBrandHeading(scope, lines.join("\n"));
}

export function describeFeedHealth(feed: FeedHealth, now: Date): string {
  const lastRead = feed.last_success_at ? `last read ${formatAgo(feed.last_success_at, now)}` : "never read";
  if (feed.consecutive_failures > 0) {
    const error = feed.last_error ? `: ${escapeHtml(shortenText(feed.last_error, ERROR_PREVIEW_CHARS))}` : "";
    const when = feed.last_error_at ? ` ${formatAgo(feed.last_error_at, now)}` : "";
    const times = feed.consecutive_failures === 1 ? "once" : `${feed.consecutive_failures} times in a row`;
    return `⚠️ failed ${times}, last${when}${error} (${lastRead})`;
  }
  return feed.last_success_at ? `✅ ${lastRead}` : "⏳ not read yet (first read within a few minutes)";
}

/** A remove button for each feed on the page (numbered as in the list), ◀ / ▶, then "Add a feed". */
export function feedsKeyboard(brandId: number, feeds: readonly FeedHealth[], page: ListPage): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  itemsOnPage(feeds, page).forEach((feed, index) => {
    keyboard.text(`🗑 Remove ${page.offset + index + 1}`, settingsCallback.feedRemove(feed.id, page.page));
    if (index % REMOVE_BUTTONS_PER_ROW === REMOVE_BUTTONS_PER_ROW - 1) keyboard.row();
  });
  addPageButtons(keyboard, page, (other) => settingsCallback.feedList(brandId, other));
  return keyboard.row().text("➕ Add a feed", settingsCallback.feedAdd(brandId));
}
