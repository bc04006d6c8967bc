import { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { addPageButtons, type ListPage, pageLabel } from "../shared/list-pages.ts";
import type { QueuedPost } from "./queue-queries.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";

const TITLE_PREVIEW_CHARS = 70;

/** How a queued post is named in a list: its source headline, else the start of its caption. */
export function describePost(
  post: Pick<QueuedPost, "source_title" | "caption">,
  texts: Texts = englishTexts(),
): string {
  const text = (post.source_title || post.caption || texts.t("queue-no-caption")).replace(/\s+/g, " ").trim();
  return [...text].length <= TITLE_PREVIEW_CHARS
    ? text
    : `${[...text].slice(0, TITLE_PREVIEW_CHARS - 1).join("")}…`;
}

/** A post's slot as the owner reads it, or "no slot". */
function slotOf(post: QueuedPost, timeZone: string, now: Date, texts: Texts): string {
  return post.scheduled_for ? texts.slot(post.scheduled_for, timeZone, now) : texts.t("queue-no-slot");
}

/** One page of the queue; `posts` are the page's posts. */
export function renderQueue(
  scope: BrandScope,
  posts: readonly QueuedPost[],
  page: ListPage,
  now: Date,
  texts: Texts = englishTexts(),
): string {
  if (posts.length === 0) return withBrandHeading(scope, texts.t("queue-empty"));
  const timeZone = scope.brand.time_zone;
  const lines = [texts.t("queue-title", { total: page.total, page: pageLabel(page, texts) })];
  posts.forEach((post, index) => {
    const when = slotOf(post, timeZone, now, texts);
    lines.push(`${page.offset + index + 1}. ${escapeHtml(when)} — ${escapeHtml(describePost(post, texts))}`);
  });
  if (scope.brand.paused) lines.push("", texts.t("queue-paused"));
  return withBrandHeading(scope, lines.join("\n"));
}

export function queueKeyboard(
  brandId: number,
  posts: readonly QueuedPost[],
  page: ListPage,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  posts.forEach((post, index) => {
    const number = page.offset + index + 1;
    keyboard
      .text(texts.t("queue-move-button", { number }), settingsCallback.queueMove(post.id))
      .text(texts.t("queue-cancel-button", { number }), settingsCallback.queueCancel(post.id))
      .row();
  });
  return addPageButtons(keyboard, page, (other) => settingsCallback.queueList(brandId, other), texts);
}

export function renderMoveChoices(
  scope: BrandScope,
  post: QueuedPost,
  freeSlots: readonly Date[],
  now: Date,
  texts: Texts = englishTexts(),
): string {
  const timeZone = scope.brand.time_zone;
  const args = {
    post: escapeHtml(describePost(post, texts)),
    when: escapeHtml(slotOf(post, timeZone, now, texts)),
    timeZone: escapeHtml(timeZone),
  };
  const body = texts.t(freeSlots.length === 0 ? "queue-cannot-move" : "queue-move-question", args);
  return withBrandHeading(scope, body);
}

export function moveChoicesKeyboard(
  brandId: number,
  draftId: number,
  freeSlots: readonly Date[],
  timeZone: string,
  now: Date,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  freeSlots.forEach((slot, index) => {
    const label = texts.slot(slot, timeZone, now).replace(`, ${timeZone}`, "");
    keyboard.text(label, settingsCallback.queueMoveTo(draftId, slot));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(texts.t("queue-back-button"), settingsCallback.queueList(brandId));
}

export function renderCancelQuestion(
  scope: BrandScope,
  post: QueuedPost,
  now: Date,
  texts: Texts = englishTexts(),
): string {
  return withBrandHeading(
    scope,
    texts.t("queue-cancel-question", {
      post: escapeHtml(describePost(post, texts)),
      when: escapeHtml(slotOf(post, scope.brand.time_zone, now, texts)),
    }),
  );
}

export function cancelQuestionKeyboard(
  brandId: number,
  draftId: number,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  return new InlineKeyboard()
    .text(texts.t("queue-cancel-confirm-button"), settingsCallback.queueCancelConfirm(draftId))
    .row()
    .text(texts.t("queue-keep-button"), settingsCallback.queueList(brandId));
}
