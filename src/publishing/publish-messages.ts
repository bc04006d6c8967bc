/**
 * What the owner reads about publishing: the short note when a post went out, the daily-limit notice, and the
 * reason a post failed as stored in drafts.last_error (the card shows it next to the Retry button). The notes are in
 * the owner's language (notices.ftl); the stored reasons stay English, as the operator reads them too. Plain text,
 * no HTML: Telegram links a bare URL by itself. Pure: no I/O.
 */

import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { PublishFailureClass } from "./publish-errors.ts";

/** Why a post waits when content_publishing_limit shows the 24-hour quota used up (kept in last_error). */
export const QUOTA_USED_UP_REASON =
  "The account used up Instagram's daily limit of posts made by apps; the post waits for the next posting time.";

/** How the post's first comment went, as the "Posted" note and the card tell it. */
export type FirstCommentOutcome =
  | { kind: "none" }
  | { kind: "posted" }
  /** `reconnect`: the owner can fix it by connecting Instagram again (a missing permission, a dead token). */
  | { kind: "failed"; reason: string; reconnect: boolean };

/** The note sent once a post is live, with what became of its first comment. */
export function postedText(
  permalink: string | null,
  comment: FirstCommentOutcome = { kind: "none" },
  texts: Texts = englishTexts(),
): string {
  const posted = permalink ? texts.t("posted-link", { permalink }) : texts.t("posted-no-link");
  if (comment.kind === "posted") return `${posted}\n${texts.t("posted-first-comment")}`;
  if (comment.kind === "failed") {
    return `${posted}\n${texts.t("posted-first-comment-failed", { reason: comment.reason })}`;
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
 * Why a post failed, in plain words. The classifier's sentence comes first; Instagram's own words follow when
 * it wrote some for users, or when the classifier did not recognise the error (then they are all there is).
 * After several transient failures, the promise to "try again" is replaced by what the owner can do.
 */
export function failureText(
  failure: PublishFailureClass,
  words: InstagramWords | null,
  gaveUpAfterAttempts?: number,
): string {
  let text = failure.ownerMessage;
  if (gaveUpAfterAttempts !== undefined) {
    text = `${withoutPromises(text)} Greenlight tried ${gaveUpAfterAttempts} ${gaveUpAfterAttempts === 1 ? "time" : "times"} and stopped; tap 🔁 Retry to try again.`;
  }
  const unrecognised = failure.recovery === "give_up" && failure.kind === "permanent";
  const quoted = words?.userMessage ?? (unrecognised ? words?.metaMessage : null);
  if (quoted?.trim()) text += ` Instagram said: “${quoted.trim()}”`;
  return text;
}

/** Drops the sentences that promise a retry ("Greenlight will try again shortly.", "… is checking …"). */
function withoutPromises(text: string): string {
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  const kept = sentences.filter(
    (sentence) => !/Greenlight (will|is checking)|will go out as soon/i.test(sentence),
  );
  return (kept.length > 0 ? kept : sentences).join("").trim();
}
