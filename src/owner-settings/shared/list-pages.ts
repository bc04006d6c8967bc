import type { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";

/**
 * Lists the bot shows one page at a time (/feeds, /queue): a message must stay within Telegram's 4,096
 * characters and a keyboard within about 100 buttons (platform-apis.md §D.3), so a long list gets ◀ / ▶
 * buttons instead of growing. Page numbers are 0-based here and 1-based for the owner.
 */
export interface ListPage {
  /** The page shown, clamped to the pages there are (a list may have shrunk since its buttons were sent). */
  page: number;
  pageCount: number;
  /** How many items the whole list has. */
  total: number;
  /** Index in the whole list of the page's first item. */
  offset: number;
  size: number;
}

export function listPage(total: number, requestedPage: number, size: number): ListPage {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pageCount - 1);
  return { page, pageCount, total, offset: page * size, size };
}

/** The items of `page` out of the whole list. */
export function itemsOnPage<T>(items: readonly T[], page: ListPage): T[] {
  return items.slice(page.offset, page.offset + page.size);
}

/** " · page 2 of 5" for a heading; nothing when everything fits on one page. */
export function pageLabel(page: ListPage, texts: Texts = englishTexts()): string {
  return page.pageCount > 1 ? texts.t("list-page", { page: page.page + 1, pages: page.pageCount }) : "";
}

/** Adds a row with ◀ Previous / Next ▶ (whichever apply); `callbackFor` names the button of a page. */
export function addPageButtons(
  keyboard: InlineKeyboard,
  page: ListPage,
  callbackFor: (page: number) => string,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  if (page.pageCount <= 1) return keyboard;
  keyboard.row();
  if (page.page > 0) keyboard.text(texts.t("list-previous-button"), callbackFor(page.page - 1));
  if (page.page < page.pageCount - 1) keyboard.text(texts.t("list-next-button"), callbackFor(page.page + 1));
  return keyboard.row();
}
