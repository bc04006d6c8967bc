import { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { describeStoredFeedProblem } from "../../ingest/feed-problem.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { shortenText } from "../../shared/telegram-text-limits.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import type { FeedHealth } from "./feed-queries.ts";
import { addPageButtons, itemsOnPage, type ListPage, listPage, pageLabel } from "../shared/list-pages.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";
import { formatAgo } from "../shared/time-text.ts";

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

export interface FeedsViewOptions {
  texts?: Texts;
  /** When feeds are next read (the ingest schedule), for a feed not read yet; unknown says "within minutes". */
  nextRead?: Date | null;
}

export function renderFeeds(
  scope: BrandScope,
  feeds: readonly FeedHealth[],
  page: ListPage,
  now: Date,
  options: FeedsViewOptions = {},
): string {
  const texts = options.texts ?? englishTexts();
  const { t } = texts;
  if (feeds.length === 0) return withBrandHeading(scope, t("feeds-empty"));
  const lines = [t("feeds-heading", { count: feeds.length, page: pageLabel(page, texts) })];
  itemsOnPage(feeds, page).forEach((feed, index) => {
    lines.push(
      `${page.offset + index + 1}. <b>${escapeHtml(shortenText(feed.title || t("feeds-untitled"), TITLE_PREVIEW_CHARS))}</b>`,
      `   ${escapeHtml(shortenText(feed.url, URL_PREVIEW_CHARS))}`,
      `   ${describeFeedHealth(feed, now, { ...options, timeZone: scope.brand.time_zone })}`,
    );
  });
  lines.push("", t("feeds-footer"));
  return withBrandHeading(scope, lines.join("\n"));
}

/** When a feed not read yet will be: "at Tue 09:10, Europe/Berlin" by the ingest schedule, else "within minutes". */
export function describeFirstRead(
  nextRead: Date | null | undefined,
  timeZone: string,
  now: Date,
  texts: Texts = englishTexts(),
): string {
  return nextRead
    ? texts.t("feeds-first-read-at", { when: escapeHtml(texts.slot(nextRead, timeZone, now)) })
    : texts.t("feeds-first-read-soon");
}

export function describeFeedHealth(
  feed: FeedHealth,
  now: Date,
  options: FeedsViewOptions & { timeZone?: string } = {},
): string {
  const texts = options.texts ?? englishTexts();
  const { t } = texts;
  const lastRead = feed.last_success_at
    ? t("feeds-last-read", { ago: formatAgo(feed.last_success_at, now, texts) })
    : t("feeds-never-read");
  if (feed.consecutive_failures > 0) {
    const reason = feed.last_error ? describeStoredFeedProblem(feed.last_error, texts) : "";
    const error = reason ? `: ${escapeHtml(shortenText(reason, ERROR_PREVIEW_CHARS))}` : "";
    const when = feed.last_error_at ? ` ${formatAgo(feed.last_error_at, now, texts)}` : "";
    return t("feeds-failed", { failures: feed.consecutive_failures, when, error, lastRead });
  }
  if (feed.last_success_at) return t("feeds-healthy", { lastRead });
  return t("feeds-not-read-yet", {
    when: describeFirstRead(options.nextRead, options.timeZone ?? "UTC", now, texts),
  });
}

/** A remove button for each feed on the page (numbered as in the list), ◀ / ▶, then "Add a feed". */
export function feedsKeyboard(
  brandId: number,
  feeds: readonly FeedHealth[],
  page: ListPage,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  itemsOnPage(feeds, page).forEach((feed, index) => {
    keyboard.text(
      texts.t("feeds-remove-button", { number: page.offset + index + 1 }),
      settingsCallback.feedRemove(feed.id, page.page),
    );
    if (index % REMOVE_BUTTONS_PER_ROW === REMOVE_BUTTONS_PER_ROW - 1) keyboard.row();
  });
  addPageButtons(keyboard, page, (other) => settingsCallback.feedList(brandId, other), texts);
  return keyboard.row().text(texts.t("feeds-add-button"), settingsCallback.feedAdd(brandId));
}
