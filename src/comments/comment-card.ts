import { InlineKeyboard } from "grammy";
import { formatLocalTime } from "../owner-settings/time-text.ts";
import { plural } from "../shared/plural.ts";
import { escapeHtml, htmlLink } from "../shared/telegram-html.ts";
import { encodeCommentCallback } from "./comment-callback-data.ts";
import type { StoredComment } from "./comment-queries.ts";

export interface RenderedCommentCard {
  text: string;
  keyboard: InlineKeyboard;
}

const CAPTION_EXCERPT = 60;

/** “Cargo bikes now outsell cars…”: which post, linked to it. */
export function postReference(caption: string, permalink: string | null): string {
  const firstLine = caption.split("\n")[0]!.trim();
  const excerpt =
    firstLine.length > CAPTION_EXCERPT ? `${firstLine.slice(0, CAPTION_EXCERPT - 1).trimEnd()}…` : firstLine;
  return htmlLink(permalink, `“${excerpt || "your post"}”`);
}

/**
 * The card a comment makes in the brand's chat: which post, who, what they wrote, whether it looks like spam or
 * abuse, the reply ready to send (or why there is none), and the buttons for what can still be done — or, once
 * decided, what was done, by whom and when. Text from Instagram and from Claude is escaped (Telegram refuses a
 * whole message over one stray `<`). Pure.
 */
export function renderCommentCard(comment: StoredComment, timeZone: string): RenderedCommentCard {
  const who = comment.commenterUsername ? `@${comment.commenterUsername}` : "Someone";
  const what = comment.parentCommentId ? "replied to a comment on" : "commented on";
  const text = comment.text.trim() === "" ? "<i>(no text)</i>" : escapeHtml(comment.text);
  const lines = [
    `💬 <b>${escapeHtml(comment.brandName)}</b>: ${escapeHtml(who)} ${what} ${postReference(comment.caption, comment.permalink)}`,
    "",
    text,
  ];
  if (comment.flagged) {
    const label = comment.flagged === "spam" ? "🚫 Looks like spam" : "⚠️ Looks abusive";
    lines.push("", `${label}${comment.flagReason ? ` (${escapeHtml(comment.flagReason)})` : ""}.`);
  }
  if (comment.replyText) {
    const heading = comment.status === "replied" ? "Reply sent:" : "Reply:";
    lines.push("", `<b>${heading}</b> ${escapeHtml(comment.replyText)}`);
  } else if (comment.status === "open" && comment.replyNote) {
    lines.push("", `<i>${escapeHtml(comment.replyNote)}</i>`);
  }
  const outcome = describeOutcome(comment, timeZone);
  if (outcome) lines.push("", outcome);
  return { text: lines.join("\n"), keyboard: cardKeyboard(comment) };
}

function describeOutcome(comment: StoredComment, timeZone: string): string | null {
  const by = comment.actedBy ? ` by ${escapeHtml(comment.actedBy)}` : "";
  const at = comment.actedAt ? ` at ${formatLocalTime(comment.actedAt, timeZone)}` : "";
  switch (comment.status) {
    case "open":
      return comment.lastError ? `⚠️ ${escapeHtml(comment.lastError)}` : null;
    case "sending":
      return `⏳ Sending the reply${by}…`;
    case "replied":
      return `✅ Replied${by}${at}.`;
    case "hidden":
      return `🙈 Hidden on Instagram${by}${at}.`;
    case "ignored":
      return `Ignored${by}${at}.`;
  }
}

function cardKeyboard(comment: StoredComment): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (comment.status !== "open") return keyboard;
  const id = comment.id;
  if (comment.replyText) {
    keyboard
      .text("💬 Send", encodeCommentCallback("send", id))
      .text("✏️ Edit", encodeCommentCallback("edit", id));
  } else {
    keyboard
      .text("✍️ Draft a reply", encodeCommentCallback("draft", id))
      .text("✏️ Write one", encodeCommentCallback("edit", id));
  }
  return keyboard
    .row()
    .text("🙈 Hide", encodeCommentCallback("hide", id))
    .text("Ignore", encodeCommentCallback("ignore", id));
}

/** What a press on a decided card answers: what happened, by whom. Plain text for a toast. */
export function describeDecided(comment: StoredComment, timeZone: string): string {
  const by = comment.actedBy ? ` by ${comment.actedBy}` : "";
  const at = comment.actedAt ? ` at ${formatLocalTime(comment.actedAt, timeZone)}` : "";
  switch (comment.status) {
    case "open":
      return "This comment is still open.";
    case "sending":
      return `The reply is being sent${by}; this card updates when Instagram confirms it.`;
    case "replied":
      return `Already replied${by}${at}.`;
    case "hidden":
      return `Already hidden${by}${at}.`;
    case "ignored":
      return `Already ignored${by}${at}.`;
  }
}

/**
 * The summary a busy post gets instead of one card per comment beyond the hourly limit. Holds counts only. Pure.
 */
export function renderCommentSummary(summary: {
  brandName: string;
  caption: string;
  permalink: string | null;
  waiting: number;
  opened: number;
  summaryId: number;
}): RenderedCommentCard {
  const more = plural(summary.waiting + summary.opened, {
    one: "# more comment",
    other: "# more comments",
  });
  const lines = [
    `💬 <b>${escapeHtml(summary.brandName)}</b>: ${more} on ${postReference(summary.caption, summary.permalink)} this hour, kept here so the chat is not flooded.`,
  ];
  if (summary.opened > 0) lines.push(`${summary.opened} opened as cards so far.`);
  const keyboard = new InlineKeyboard();
  if (summary.waiting > 0) {
    lines.push(plural(summary.waiting, { one: "# waiting.", other: "# waiting." }));
    keyboard.text(
      `👀 Show ${Math.min(summary.waiting, SUMMARY_PAGE)}`,
      encodeCommentCallback("more", summary.summaryId),
    );
  }
  return { text: lines.join("\n"), keyboard };
}

/** How many summarised comments one tap on 👀 Show opens as cards. */
export const SUMMARY_PAGE = 5;
