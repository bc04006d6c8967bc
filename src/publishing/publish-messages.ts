/**
 * What the owner reads about publishing: the short note when a post went out, the daily-limit notice, and the
 * reason a post failed or waits as stored in drafts.last_error (the card shows it next to the Retry button). All in
 * the owner's language (notices.ftl): the reasons are stored as messages (stored-message.ts) and written out in
 * the language of whoever reads them. Plain text, no HTML: Telegram links a bare URL by itself. Pure: no I/O.
 */

import {
  describeMessage,
  describeStoredMessage,
  type StoredMessage,
  storeMessage,
} from "../i18n/stored-message.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import { PROMISE_KEYS, publishReason, type PublishFailureClass } from "./publish-errors.ts";

/** Why a post waits when content_publishing_limit shows the 24-hour quota used up (kept in last_error). */
export const QUOTA_USED_UP_REASON = publishReason("quota-used-up");

/** The keys a stored publishing reason may use, at every level. */
const REASON_KEYS = /^(publish-(reason|then)|ig-reason)-[a-z-]+$/;

/** A reason as drafts.last_error and drafts.first_comment_error keep it. */
export function storeReason(reason: StoredMessage): string {
  return storeMessage(reason);
}

/** A stored reason (last_error, first_comment_error) in the reader's language; an older row's English as it is. */
export function describeStoredReason(stored: string, texts: Texts): string {
  return describeStoredMessage(stored, texts, REASON_KEYS);
}

/** How the post's first comment went, as the "Posted" note and the card tell it. */
export type FirstCommentOutcome =
  | { kind: "none" }
  | { kind: "posted" }
  /** `reconnect`: the owner can fix it by connecting Instagram again (a missing permission, a dead token). */
  | { kind: "failed"; reason: StoredMessage; reconnect: boolean };

/** The note sent once a post is live, with what became of its first comment. */
export function postedText(
  permalink: string | null,
  comment: FirstCommentOutcome = { kind: "none" },
  texts: Texts = englishTexts(),
): string {
  const posted = permalink ? texts.t("posted-link", { permalink }) : texts.t("posted-no-link");
  if (comment.kind === "posted") return `${posted}\n${texts.t("posted-first-comment")}`;
  if (comment.kind === "failed") {
    const reason = describeMessage(comment.reason, texts);
    return `${posted}\n${texts.t("posted-first-comment-failed", { reason })}`;
  }
  return posted;
}

/** Sent at most once a day per account when Instagram's 24-hour publishing limit holds posts back. */
export function quotaNoticeText(input: {
  brandName: string;
  nextSlot: Date | null;
  timeZone: string;
  now: Date;
  texts?: Texts;
}): string {
  const texts = input.texts ?? englishTexts();
  return input.nextSlot
    ? texts.t("quota-notice-slot", {
        brand: input.brandName,
        when: texts.slot(input.nextSlot, input.timeZone, input.now),
      })
    : texts.t("quota-notice-asap", { brand: input.brandName });
}

/** The facts of an Instagram error the owner may be shown; never a token (the adapter already scrubbed them). */
export interface InstagramWords {
  /** Meta's `error_user_msg`: written for end users. */
  userMessage: string | null;
  metaMessage: string | null;
}

/**
 * Why a post failed, in plain words. The classifier's words come first; Instagram's own words follow when it
 * wrote some for users, or when the classifier did not recognise the error (then they are all there is); they
 * stay as Instagram wrote them, an argument. After several transient failures, the promise to "try again" is
 * replaced by what the owner can do.
 */
export function failureText(
  failure: PublishFailureClass,
  words: InstagramWords | null,
  gaveUpAfterAttempts?: number,
): StoredMessage {
  let reason = failure.reason;
  if (gaveUpAfterAttempts !== undefined) {
    reason = {
      key: "publish-reason-gave-up",
      args: { reason: withoutPromises(reason), attempts: gaveUpAfterAttempts },
    };
  }
  const unrecognised = failure.recovery === "give_up" && failure.kind === "permanent";
  const quoted = words?.userMessage ?? (unrecognised ? words?.metaMessage : null);
  if (quoted?.trim()) {
    reason = { key: "publish-reason-instagram-said", args: { reason, words: quoted.trim() } };
  }
  return reason;
}

/** Drops what promises a retry ("Greenlight will try again shortly.", "… is checking …"), wherever it is. */
function withoutPromises(reason: StoredMessage): StoredMessage {
  const inner = reason.args?.reason;
  if (typeof inner !== "object") return reason;
  if (PROMISE_KEYS.has(reason.key)) return withoutPromises(inner);
  return { ...reason, args: { ...reason.args, reason: withoutPromises(inner) } };
}
