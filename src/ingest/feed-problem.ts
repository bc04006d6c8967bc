/**
 * Why a feed failed, as data: a message of the catalogue (locales/<locale>/feeds.ftl) and its arguments, so the
 * owner reads it in their language wherever it is shown (the failure notice, /feeds, /status), whoever looks.
 * feeds.last_error keeps it as JSON (src/i18n/stored-message.ts); rows stored before that hold an English
 * sentence, which is shown as it is. What was wrong with the document itself is a message of its own, given to
 * `feed-failure-unreadable` as its `problem` argument.
 */

import {
  describeMessage,
  describeStoredMessage,
  type StoredMessage,
  storeMessage,
} from "../i18n/stored-message.ts";
import type { Texts } from "../i18n/texts.ts";

/** A `feed-failure-*` or `feed-problem-*` message. */
export type FeedProblem = StoredMessage;

const FEED_PROBLEM_KEY = /^feed-(failure|problem)-[a-z-]+$/;

export function describeFeedProblem(problem: FeedProblem, texts: Texts): string {
  return describeMessage(problem, texts);
}

/** The problem as feeds.last_error keeps it. */
export function storeFeedProblem(problem: FeedProblem): string {
  return storeMessage(problem);
}

/** A stored reason in the reader's language: a problem stored as JSON, or an older row's English sentence. */
export function describeStoredFeedProblem(stored: string, texts: Texts): string {
  return describeStoredMessage(stored, texts, FEED_PROBLEM_KEY);
}
