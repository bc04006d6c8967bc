/**
 * Why a feed failed, as data: a message of the catalogue (locales/<locale>/feeds.ftl) and its arguments, so the
 * owner reads it in their language wherever it is shown (the failure notice, /feeds, /status), whoever looks.
 * feeds.last_error keeps it as JSON; rows stored before that hold an English sentence, which is shown as it is.
 */

import type { MessageArgs } from "../i18n/catalogue.ts";
import { parseStoredJson, storeMessage } from "../i18n/stored-message.ts";
import type { Texts } from "../i18n/texts.ts";

/** Stored in rows that outlive a release: never rename a key or take away an argument one is stored with. */
export interface FeedProblem {
  /** A `feed-failure-*` or `feed-problem-*` message. */
  key: string;
  args?: MessageArgs;
  /** What was wrong with the document itself, given to the message as `$problem` (a feed that could not be read). */
  detail?: FeedProblem;
}

export function describeFeedProblem(problem: FeedProblem, texts: Texts): string {
  const args: MessageArgs = { ...problem.args };
  if (problem.detail) args.problem = describeFeedProblem(problem.detail, texts);
  return texts.t(problem.key, args);
}

/** The problem as feeds.last_error keeps it. */
export function storeFeedProblem(problem: FeedProblem): string {
  return storeMessage(problem);
}

/** A stored reason in the reader's language: a problem stored as JSON, or an older row's English sentence. */
export function describeStoredFeedProblem(stored: string, texts: Texts): string {
  const problem = readStoredFeedProblem(stored);
  return problem ? describeFeedProblem(problem, texts) : stored;
}

function readStoredFeedProblem(stored: string): FeedProblem | null {
  const value = parseStoredJson(stored);
  return isFeedProblem(value) ? value : null;
}

function isFeedProblem(value: unknown): value is FeedProblem {
  if (typeof value !== "object" || value === null) return false;
  const { key, args, detail } = value as Record<string, unknown>;
  return (
    typeof key === "string" &&
    /^feed-(failure|problem)-[a-z-]+$/.test(key) &&
    (args === undefined ||
      (typeof args === "object" &&
        args !== null &&
        Object.values(args).every((arg) => typeof arg === "string" || typeof arg === "number"))) &&
    (detail === undefined || isFeedProblem(detail))
  );
}
