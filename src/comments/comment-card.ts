import { InlineKeyboard } from "grammy";
import { formatLocalTime } from "../owner-settings/shared/time-text.ts";
import { describeStoredMessage } from "../i18n/stored-message.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import { escapeHtml, htmlLink } from "../shared/telegram-html.ts";
import { encodeCommentCallback } from "./comment-callback-data.ts";
import type { StoredComment } from "./comment-queries.ts";
import { renderReplyNote } from "./reply-notes.ts";

export interface RenderedCommentCard {
  text: string;
  keyboard: InlineKeyboard;
}

const CAPTION_EXCERPT = 60;
/** Why a reply was not sent, as send-reply.ts stores it in last_error. */
const SEND_REASON_KEYS = /^comment-send-[a-z-]+$/;

/** “Cargo bikes now outsell cars…”: which post, linked to it. */
export function postReference(
  caption: string,
  permalink: string | null,
  texts: Texts = englishTexts(),
): string {
  const firstLine = caption.split("\n")[0]!.trim();
  const excerpt =
    firstLine.length > CAPTION_EXCERPT ? `${firstLine.slice(0, CAPTION_EXCERPT - 1).trimEnd()}…` : firstLine;
  return htmlLink(permalink, `“${excerpt || texts.t("comment-your-post")}”`);
}

/**
 * The card a comment makes in the brand's chat: which post, who, what they wrote, whether it looks like spam or
 * abuse, the reply ready to send (or why there is none), and the buttons for what can still be done — or, once
 * decided, what was done, by whom and when. In the owner's language (comments.ftl). Text from Instagram and from
 * Claude is escaped (Telegram refuses a whole message over one stray `<`). Pure.
 */
export function renderCommentCard(
  comment: StoredComment,
  timeZone: string,
  texts: Texts = englishTexts(),
): RenderedCommentCard {
  const { t } = texts;
  const who = comment.commenterUsername ? `@${comment.commenterUsername}` : t("comment-someone");
  const text = comment.text.trim() === "" ? t("comment-no-text") : escapeHtml(comment.text);
  const lines = [
    t(comment.parentCommentId ? "comment-card-replied" : "comment-card-commented", {
      brand: escapeHtml(comment.brandName),
      who: escapeHtml(who),
      post: postReference(comment.caption, comment.permalink, texts),
    }),
    "",
    text,
  ];
  if (comment.flagged) {
    const label = t(comment.flagged === "spam" ? "comment-spam" : "comment-abusive");
    lines.push("", `${label}${comment.flagReason ? ` (${escapeHtml(comment.flagReason)})` : ""}.`);
  }
  if (comment.replyText) {
    const reply = escapeHtml(comment.replyText);
    lines.push("", t(comment.status === "replied" ? "comment-reply-sent" : "comment-reply", { reply }));
  } else if (comment.status === "open" && comment.replyNote) {
    lines.push("", `<i>${escapeHtml(renderReplyNote(comment.replyNote, texts))}</i>`);
  }
  const outcome = describeOutcome(comment, timeZone, texts);
  if (outcome) lines.push("", outcome);
  return { text: lines.join("\n"), keyboard: cardKeyboard(comment, texts) };
}

/** " by Anna" and " at 14:05" as the locale says them, empty when unknown; `escape` for HTML. */
function whoAndWhen(comment: StoredComment, timeZone: string, texts: Texts, escape: boolean) {
  const name = comment.actedBy && (escape ? escapeHtml(comment.actedBy) : comment.actedBy);
  return {
    by: name ? texts.t("comment-by", { name }) : "",
    at: comment.actedAt ? texts.t("comment-at", { time: formatLocalTime(comment.actedAt, timeZone) }) : "",
  };
}

function describeOutcome(comment: StoredComment, timeZone: string, texts: Texts): string | null {
  const acted = whoAndWhen(comment, timeZone, texts, true);
  switch (comment.status) {
    case "open":
      return comment.lastError
        ? `⚠️ ${escapeHtml(describeStoredMessage(comment.lastError, texts, SEND_REASON_KEYS))}`
        : null;
    case "sending":
      return texts.t("comment-sending", { by: acted.by });
    case "replied":
      return texts.t("comment-replied", acted);
    case "hidden":
      return texts.t("comment-hidden", acted);
    case "ignored":
      return texts.t("comment-ignored", acted);
  }
}

function cardKeyboard(comment: StoredComment, texts: Texts): InlineKeyboard {
  const { t } = texts;
  const keyboard = new InlineKeyboard();
  if (comment.status !== "open") return keyboard;
  const id = comment.id;
  if (comment.replyText) {
    keyboard
      .text(t("button-comment-send"), encodeCommentCallback("send", id))
      .text(t("button-comment-edit"), encodeCommentCallback("edit", id));
  } else {
    keyboard
      .text(t("button-comment-draft"), encodeCommentCallback("draft", id))
      .text(t("button-comment-write"), encodeCommentCallback("edit", id));
  }
  return keyboard
    .row()
    .text(t("button-comment-hide"), encodeCommentCallback("hide", id))
    .text(t("button-comment-ignore"), encodeCommentCallback("ignore", id));
}

/** What a press on a decided card answers: what happened, by whom. Plain text for a toast. */
export function describeDecided(
  comment: StoredComment,
  timeZone: string,
  texts: Texts = englishTexts(),
): string {
  const acted = whoAndWhen(comment, timeZone, texts, false);
  switch (comment.status) {
    case "open":
      return texts.t("comment-still-open");
    case "sending":
      return texts.t("comment-already-sending", { by: acted.by });
    case "replied":
      return texts.t("comment-already-replied", acted);
    case "hidden":
      return texts.t("comment-already-hidden", acted);
    case "ignored":
      return texts.t("comment-already-ignored", acted);
  }
}

/**
 * The summary a busy post gets instead of one card per comment beyond the hourly limit. Holds counts only. Pure.
 */
export function renderCommentSummary(
  summary: {
    brandName: string;
    caption: string;
    permalink: string | null;
    waiting: number;
    opened: number;
    summaryId: number;
  },
  texts: Texts = englishTexts(),
): RenderedCommentCard {
  const { t } = texts;
  const lines = [
    t("comment-summary", {
      brand: escapeHtml(summary.brandName),
      count: summary.waiting + summary.opened,
      post: postReference(summary.caption, summary.permalink, texts),
    }),
  ];
  if (summary.opened > 0) lines.push(t("comment-summary-opened", { count: summary.opened }));
  const keyboard = new InlineKeyboard();
  if (summary.waiting > 0) {
    lines.push(t("comment-summary-waiting", { count: summary.waiting }));
    keyboard.text(
      t("button-comment-show", { count: Math.min(summary.waiting, SUMMARY_PAGE) }),
      encodeCommentCallback("more", summary.summaryId),
    );
  }
  return { text: lines.join("\n"), keyboard };
}

/** How many summarised comments one tap on 👀 Show opens as cards. */
export const SUMMARY_PAGE = 5;
