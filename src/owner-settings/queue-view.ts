import { InlineKeyboard } from "grammy";
import { formatSlotForOwner } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { addPageButtons, type ListPage, pageLabel } from "./list-pages.ts";
import type { QueuedPost } from "./queue-queries.ts";
import { settingsCallback } from "./settings-callbacks.ts";

const TITLE_PREVIEW_CHARS = 70;

/** How a queued post is named in a list: its source headline, else the start of its caption. */
export function describePost(post: Pick<QueuedPost, "source_title" | "caption">): string {
  const text = (post.source_title || post.caption || "(no caption)").replace(/\s+/g, " ").trim();
  return [...text].length <= TITLE_PREVIEW_CHARS
    ? text
    : `${[...text].slice(0, TITLE_PREVIEW_CHARS - 1).join("")}…`;
}

/** One page of the queue; `posts` are the page's posts. */
export function renderQueue(
  scope: BrandScope,
  posts: readonly QueuedPost[],
  page: ListPage,
  now: Date,
): string {
  if (posts.length === 0) {
    return withBrandHeading(
      scope,
      "<b>Queue</b>\nNothing is waiting. Approved drafts appear here with their slot.",
    );
  }
  const timeZone = scope.brand.time_zone;
  const total = page.total;
  const lines = [`<b>Queue</b> · ${total} post${total === 1 ? "" : "s"} waiting${pageLabel(page)}`];
  posts.forEach((post, index) => {
    const when = post.scheduled_for ? formatSlotForOwner(post.scheduled_for, timeZone, now) : "no slot";
    lines.push(`${page.offset + index + 1}. ${escapeHtml(when)} — ${escapeHtml(describePost(post))}`);
  });
  if (scope.brand.paused) lines.push("", "⏸ The brand is paused: nothing is published until /resume.");
  return withBrandHeading(scope, lines.join("\n"));
}

export function queueKeyboard(brandId: number, posts: readonly QueuedPost[], page: ListPage): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  posts.forEach((post, index) => {
    const number = page.offset + index + 1;
    keyboard
      .text(`↔️ Move ${number}`, settingsCallback.queueMove(post.id))
      .text(`✖ Cancel ${number}`, settingsCallback.queueCancel(post.id))
      .row();
  });
  return addPageButtons(keyboard, page, (other) => settingsCallback.queueList(brandId, other));
}

export function renderMoveChoices(
  scope: BrandScope,
  post: QueuedPost,
  freeSlots: readonly Date[],
  now: Date,
): string {
  const timeZone = scope.brand.time_zone;
  const current = post.scheduled_for ? formatSlotForOwner(post.scheduled_for, timeZone, now) : "no slot";
  const body =
    freeSlots.length === 0
      ? `“${escapeHtml(describePost(post))}” (now ${escapeHtml(current)}) cannot move: there is no free slot. Add times with /schedule.`
      : `Move “${escapeHtml(describePost(post))}” (now ${escapeHtml(current)}) to which free slot? Times are ${escapeHtml(timeZone)}.`;
  return withBrandHeading(scope, body);
}

export function moveChoicesKeyboard(
  brandId: number,
  draftId: number,
  freeSlots: readonly Date[],
  timeZone: string,
  now: Date,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  freeSlots.forEach((slot, index) => {
    const label = formatSlotForOwner(slot, timeZone, now).replace(`, ${timeZone}`, "");
    keyboard.text(label, settingsCallback.queueMoveTo(draftId, slot));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row().text("« Back to the queue", settingsCallback.queueList(brandId));
}

export function renderCancelQuestion(scope: BrandScope, post: QueuedPost, now: Date): string {
  const when = post.scheduled_for
    ? formatSlotForOwner(post.scheduled_for, scope.brand.time_zone, now)
    : "no slot";
  return withBrandHeading(
    scope,
    `Cancel “${escapeHtml(describePost(post))}”, scheduled for ${escapeHtml(when)}? It will not be posted.`,
  );
}

export function cancelQuestionKeyboard(brandId: number, draftId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("✖ Yes, cancel the post", settingsCallback.queueCancelConfirm(draftId))
    .row()
    .text("« Keep it", settingsCallback.queueList(brandId));
}
