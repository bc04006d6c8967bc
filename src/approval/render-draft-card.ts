/**
 * The draft card an owner decides on, rendered from a draft's state. Pure: no I/O, the clock is passed in.
 *
 * A card is two Telegram messages: the photo with a short caption (Telegram allows 1,024 characters there, an
 * Instagram caption may have 2,200), and a text message (up to 4,096) carrying the caption exactly as it will be
 * posted, the facts the owner decides on, and the buttons. Everything is HTML with each dynamic value escaped,
 * so no caption, title or error text can break the message.
 */

import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { composePostText } from "../drafting/caption-limits.ts";
import { MIN_FACT_SLIDES } from "../drafting/slide-plan.ts";
import { type FirstCommentSetting, plannedFirstComment } from "../publishing/first-comment.ts";
import { describeStoredReason } from "../publishing/publish-messages.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import { truncateText } from "../shared/html-text.ts";
import { escapeHtml, htmlLink, safeHttpUrl, visibleLength } from "../shared/telegram-html.ts";
import { encodeDraftCallback } from "./callback-data.ts";
import type { RegenerationKind } from "./regeneration-requests.ts";
import { REJECTION_REASON_CODES, REJECTION_REASONS } from "./rejection-reasons.ts";
import { REWRITE_CHOICE_CODES, REWRITE_CHOICES } from "./rewrite-choices.ts";

export type DraftStatus =
  | "generating"
  | "pending_review"
  | "approved"
  | "publishing"
  | "published"
  | "failed"
  | "rejected"
  | "cancelled";

/** Everything a card shows about one draft. */
export interface DraftCard {
  id: number;
  status: DraftStatus;
  caption: string;
  hashtags: string[];
  edited: boolean;
  sourceTitle: string | null;
  sourceLink: string | null;
  relevanceReason: string | null;
  rejectionReason: string | null;
  scheduledFor: Date | null;
  permalink: string | null;
  /** Why publishing failed, as the publisher stored it (publish-messages.ts: a message, or an older row's English). */
  lastError: string | null;
  /** Sum of the settled AI costs booked to this draft, in USD. */
  aiCostUsd: number;
  brandName: string;
  timeZone: string;
  /** The owner runs more than one brand, so the card names this one. */
  ownerHasSeveralBrands: boolean;
  hasPhoto: boolean;
  /** A 🖼 New image or 🔁 Rewrite request is open for the draft: the card shows the work in progress. */
  regenerating?: RegenerationKind | null;
  /** The image's alt text, as Instagram will get it (null for drafts made before alt text was written). */
  altText: string | null;
  /** The brand's first comment setting: what a post not yet being published will get. */
  brandFirstComment: FirstCommentSetting;
  /** The first comment recorded on the post once publishing took it (drafts.first_comment ...). */
  firstComment: string | null;
  hashtagsInComment: boolean;
  firstCommentState: "sending" | "posted" | "failed" | null;
  firstCommentError: string | null;
  /** Who made the last decision, when it was made in a group (src/teams/): the card names them. */
  decidedBy?: string | null;
  /** A carousel shows its slides as a media group; a single image, one photo. */
  format?: "single" | "carousel";
  /** How many fact slides the drafter planned: two or more let a single image become a carousel. */
  plannedFacts?: number;
  /** A carousel's slides, in order (the texts the 🎞 Slides picker offers). */
  slides?: readonly { position: number; kind: "cover" | "facts" | "credit"; body: string }[];
}

/** A passing state of the card that the database does not hold: the owner is choosing a rejection reason. */
export type CardMoment = "choosing_reject_reason" | "choosing_rewrite" | "choosing_slide";

export interface RenderedDraftCard {
  parseMode: "HTML";
  /** For the photo; never longer than 1,024 visible characters, and the same whatever the draft's status. */
  photoCaption: string;
  /** The text message; never longer than 4,096 visible characters. */
  text: string;
  /** An empty keyboard removes the buttons (when editing). */
  keyboard: InlineKeyboardMarkup;
}

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Caps on the facts around the caption, so the caption itself always gets the room (visible characters). */
const MAX_TITLE_CHARS = 300;
const MAX_REASON_CHARS = 600;
const MAX_ERROR_CHARS = 600;
const MAX_ALT_TEXT_SHOWN = 120;
const MAX_COMMENT_SHOWN = 120;
/** A Telegram first and last name are 64 characters each. */
const MAX_DECIDER_CHARS = 130;

/** The card in the owner's language (`texts`, English by default), as of `now`. */
export function renderDraftCard(
  card: DraftCard,
  options: { now: Date; moment?: CardMoment; texts?: Texts },
): RenderedDraftCard {
  const { now, moment } = options;
  const texts = options.texts ?? englishTexts();
  const header = [
    ...(card.ownerHasSeveralBrands ? [`🏷 <b>${escapeHtml(card.brandName)}</b>`] : []),
    statusLine(card, now, moment, texts),
  ].join("\n");
  const comment = firstCommentOf(card);
  const postText = composePostText(card.caption, comment?.hashtagsInComment ? [] : card.hashtags);
  const facts = factLines(card, comment, texts);
  const keyboard = { inline_keyboard: buttons(card, now, moment, texts) };
  const shortCaption = photoHeadline(card);

  const full = [header, "", escapeHtml(postText || texts.t("card-no-caption")), "", ...facts].join("\n");
  if (visibleLength(full) <= TELEGRAM_TEXT_LIMIT) {
    return { parseMode: "HTML", photoCaption: shortCaption, text: full, keyboard };
  }

  // Only a caption far beyond Instagram's limit (or one made of astral characters, which Telegram counts twice)
  // gets here. The caption keeps the text message; the facts move to the photo, which has room for them.
  let photoCaption = shortCaption;
  let textTail: string[] = [];
  if (card.hasPhoto) photoCaption = [shortCaption, ...facts].filter(Boolean).join("\n");
  else textTail = ["", ...facts];
  const withoutFacts = (body: string) => [header, "", body, ...textTail].join("\n");
  const fitted = withoutFacts(escapeHtml(postText));
  if (visibleLength(fitted) <= TELEGRAM_TEXT_LIMIT)
    return { parseMode: "HTML", photoCaption, text: fitted, keyboard };

  // Never cut silently: the owner is told the caption is longer than what is shown.
  const total = postText.length;
  const notice = `\n\n${texts.t("card-caption-cut", { characters: total })}`;
  const room = TELEGRAM_TEXT_LIMIT - visibleLength(withoutFacts("")) - notice.length - 1;
  const shown = cutToUtf16(postText, room);
  return {
    parseMode: "HTML",
    photoCaption,
    text: withoutFacts(`${escapeHtml(shown)}…${escapeHtml(notice)}`),
    keyboard,
  };
}

/** What a press on a card's button answers when the draft has moved on (≤ 200 characters, Telegram's limit). */
export function describeDraftState(
  card: Pick<DraftCard, "status" | "scheduledFor" | "timeZone">,
  now: Date,
  texts: Texts = englishTexts(),
): string {
  switch (card.status) {
    case "generating":
      return texts.t("state-generating");
    case "pending_review":
      return texts.t("state-pending");
    case "approved":
      return card.scheduledFor && card.scheduledFor > now
        ? texts.t("state-approved-for", { when: texts.slot(card.scheduledFor, card.timeZone, now) })
        : texts.t("state-approved-now");
    case "publishing":
      return texts.t("state-publishing");
    case "published":
      return texts.t("state-published");
    case "failed":
      return texts.t("state-failed");
    case "rejected":
      return texts.t("state-rejected");
    case "cancelled":
      return texts.t("state-cancelled");
  }
}

/** What a press on a deleted draft's card answers. */
export function draftGoneText(texts: Texts = englishTexts()): string {
  return texts.t("draft-gone");
}

function statusLine(card: DraftCard, now: Date, moment: CardMoment | undefined, texts: Texts): string {
  const line = decisionLine(card, now, moment, texts);
  return card.decidedBy ? `${line}\n${decidedByLine(card, card.decidedBy, texts)}` : line;
}

/** "✅ Approved by Anna": under the status, for a decision made in a group where several people may decide. */
function decidedByLine(card: DraftCard, name: string, texts: Texts): string {
  const who = escapeHtml(truncateText(name, MAX_DECIDER_CHARS));
  switch (card.status) {
    case "approved":
    case "publishing":
    case "published":
    case "failed":
      return texts.t("card-approved-by", { name: who });
    case "rejected":
      return texts.t("card-rejected-by", { name: who });
    case "pending_review":
      return texts.t("card-undone-by", { name: who });
    default:
      return texts.t("card-decided-by", { name: who });
  }
}

function decisionLine(card: DraftCard, now: Date, moment: CardMoment | undefined, texts: Texts): string {
  if (card.status === "pending_review") {
    if (moment === "choosing_reject_reason") return texts.t("card-choosing-reject-reason");
    if (moment === "choosing_rewrite") return texts.t("card-choosing-rewrite");
    if (card.regenerating === "rewrite") return texts.t("card-rewriting");
    if (moment === "choosing_slide") return texts.t("card-choosing-slide");
    if (card.regenerating === "image") return texts.t("card-making-image");
    if (card.regenerating === "format")
      return texts.t(card.format === "carousel" ? "card-making-single" : "card-making-carousel");
    if (card.regenerating === "slide") return texts.t("card-redrawing-slide");
  }
  switch (card.status) {
    case "generating":
      return texts.t("card-generating");
    case "pending_review":
      return texts.t(card.edited ? "card-review-edited" : "card-review-new");
    case "approved":
      return card.scheduledFor && card.scheduledFor > now
        ? texts.t("card-scheduled", {
            when: escapeHtml(texts.slot(card.scheduledFor, card.timeZone, now)),
          })
        : texts.t("card-going-out");
    case "publishing":
      return texts.t("card-publishing");
    case "published":
      return safeHttpUrl(card.permalink)
        ? texts.t("card-published-link", { link: htmlLink(card.permalink, card.permalink!) })
        : texts.t("card-published");
    case "failed": {
      const stored = card.lastError?.trim();
      const error = stored ? describeStoredReason(stored, texts) : texts.t("card-failed-unknown");
      return texts.t("card-failed", { error: escapeHtml(truncateText(error, MAX_ERROR_CHARS)) });
    }
    case "rejected":
      return card.rejectionReason
        ? texts.t("card-rejected-because", { reason: escapeHtml(card.rejectionReason) })
        : texts.t("card-rejected");
    case "cancelled":
      return texts.t("card-cancelled");
  }
}

/** The post's first comment: as recorded once publishing took it, else as the brand's setting would make it. */
function firstCommentOf(card: DraftCard): { text: string; hashtagsInComment: boolean } | null {
  if (card.status === "publishing" || card.status === "published") {
    return card.firstComment ? { text: card.firstComment, hashtagsInComment: card.hashtagsInComment } : null;
  }
  return plannedFirstComment(card.brandFirstComment, card.hashtags);
}

function factLines(card: DraftCard, comment: { text: string } | null, texts: Texts): string[] {
  const lines: string[] = [];
  if (comment) {
    const shown = escapeHtml(truncateText(comment.text, MAX_COMMENT_SHOWN));
    if (card.firstCommentState === "failed") {
      const stored = card.firstCommentError?.trim();
      const why = stored ? describeStoredReason(stored, texts) : texts.t("card-first-comment-refused");
      lines.push(
        texts.t("card-first-comment-failed", { error: escapeHtml(truncateText(why, MAX_ERROR_CHARS)) }),
      );
    } else {
      const key = card.firstCommentState === "posted" ? "card-first-comment-posted" : "card-first-comment";
      lines.push(texts.t(key, { comment: shown }));
    }
  }
  if (card.format === "carousel" && card.slides?.length) {
    const facts = card.slides.filter((slide) => slide.kind === "facts").length;
    lines.push(
      `🎞 Carousel: ${card.slides.length} slides (the cover, ${facts} ${facts === 1 ? "fact" : "facts"}, the source)`,
    );
  }
  if (card.altText?.trim()) {
    const altText = escapeHtml(truncateText(card.altText.trim(), MAX_ALT_TEXT_SHOWN));
    lines.push(texts.t("card-alt-text", { altText }));
  }
  const title = card.sourceTitle?.trim() ? truncateText(card.sourceTitle.trim(), MAX_TITLE_CHARS) : null;
  if (title || safeHttpUrl(card.sourceLink)) {
    const link = htmlLink(card.sourceLink, title ?? safeHttpUrl(card.sourceLink)!);
    lines.push(texts.t("card-source", { link }));
  }
  if (card.relevanceReason?.trim()) {
    const reason = escapeHtml(truncateText(card.relevanceReason.trim(), MAX_REASON_CHARS));
    lines.push(texts.t("card-why", { reason }));
  }
  lines.push(texts.t("card-cost", { cost: texts.usdFine(card.aiCostUsd) }));
  return lines;
}

/** The photo's caption: which brand and which story, so a scrolled-past photo still says what it is. */
function photoHeadline(card: DraftCard): string {
  const parts: string[] = [];
  if (card.ownerHasSeveralBrands) parts.push(`🏷 <b>${escapeHtml(card.brandName)}</b>`);
  const title = card.sourceTitle?.trim();
  if (title) parts.push(`📰 ${escapeHtml(truncateText(title, MAX_TITLE_CHARS))}`);
  return parts.join("\n");
}

function buttons(
  card: DraftCard,
  now: Date,
  moment: CardMoment | undefined,
  texts: Texts,
): InlineKeyboardButton[][] {
  const id = card.id;
  const press = (key: string, callback: Parameters<typeof encodeDraftCallback>[0]): InlineKeyboardButton => ({
    text: texts.t(key),
    callback_data: encodeDraftCallback(callback),
  });
  switch (card.status) {
    case "pending_review":
      if (moment === "choosing_reject_reason") {
        const reasons = REJECTION_REASON_CODES.map((reason) =>
          press(REJECTION_REASONS[reason].button, { action: "rejectBecause", draftId: id, reason }),
        );
        return [
          reasons.slice(0, 2),
          reasons.slice(2, 4),
          reasons.slice(4),
          [press("button-back", { action: "keep", draftId: id })],
        ];
      }
      if (moment === "choosing_rewrite") {
        const choices = REWRITE_CHOICE_CODES.map((choice) =>
          press(REWRITE_CHOICES[choice].button, { action: "rewriteAs", draftId: id, choice }),
        );
        return [
          choices.slice(0, 2),
          choices.slice(2, 4),
          [...choices.slice(4), press("button-back", { action: "keep", draftId: id })],
        ];
      }
      if (moment === "choosing_slide") {
        const slides = (card.slides ?? [])
          .filter((slide) => slide.kind === "facts")
          .map((slide) => ({
            text: `${slide.position + 1}`,
            callback_data: encodeDraftCallback({ action: "slide", draftId: id, position: slide.position }),
          }));
        return [slides, [press("button-back", { action: "keep", draftId: id })]];
      }
      return [
        [
          press("button-approve", { action: "approve", draftId: id }),
          press("button-edit", { action: "edit", draftId: id }),
          press("button-reject", { action: "reject", draftId: id }),
        ],
        [
          // Left out while one runs: a second would only be answered "already working on it".
          ...(card.regenerating
            ? []
            : [
                press("button-new-image", { action: "newImage", draftId: id }),
                press("button-rewrite", { action: "rewrite", draftId: id }),
              ]),
          press("button-alt-text", { action: "altText", draftId: id }),
        ],
        ...formatButtons(card, press),
      ];
    case "approved":
      return card.scheduledFor && card.scheduledFor > now
        ? [
            [
              press("button-undo", { action: "undo", draftId: id }),
              press("button-post-now", { action: "postNow", draftId: id }),
            ],
          ]
        : [[press("button-undo", { action: "undo", draftId: id })]];
    case "failed":
      return [[press("button-retry", { action: "retry", draftId: id })]];
    case "published": {
      const url = safeHttpUrl(card.permalink);
      return url ? [[{ text: texts.t("button-open-on-instagram"), url }]] : [];
    }
    default:
      return [];
  }
}

/**
 * 🎞 Slides and the switch between a single image and a carousel, on a row of their own; none while a request
 * runs. A single image offers the switch only when the drafter planned enough slides for a carousel.
 */
function formatButtons(
  card: DraftCard,
  press: (key: string, callback: Parameters<typeof encodeDraftCallback>[0]) => InlineKeyboardButton,
): InlineKeyboardButton[][] {
  if (card.regenerating) return [];
  const id = card.id;
  if (card.format === "carousel" && (card.slides?.length ?? 0) > 0) {
    return [
      [
        press("button-slides", { action: "slides", draftId: id }),
        press("button-single-image", { action: "format", draftId: id }),
      ],
    ];
  }
  return (card.plannedFacts ?? 0) >= MIN_FACT_SLIDES
    ? [[press("button-make-carousel", { action: "format", draftId: id })]]
    : [];
}

/**
 * "$0.00", "$0.0042", "$0.0123", "$0.25", "$1.25": a draft typically costs cents or less, so amounts under a
 * dollar keep up to four decimals and a cheap draft does not read as free.
 */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 1) return `$${amount.toFixed(4).replace(/(\.\d\d\d*?)0+$/, "$1")}`;
  return `$${amount.toFixed(2)}`;
}

/** At most `max` UTF-16 code units, never splitting a surrogate pair. */
function cutToUtf16(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
