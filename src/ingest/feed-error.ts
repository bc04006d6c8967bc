import { englishTexts } from "../i18n/texts.ts";
import { describeFeedProblem, type FeedProblem } from "./feed-problem.ts";

/**
 * Why a feed could not be read. Stable strings: they are logged with the feed's failure and
 * decide what the owner is told, so never rename one.
 *
 * - `not_a_feed`: the document is readable but is not RSS or Atom (an HTML page, JSON, other XML).
 * - `malformed`: the document claims to be a feed but is broken beyond recovery (truncated, empty).
 * - `http_status`: the server answered with an error status (see `status`).
 * - the rest mirror `SafeFetchError` codes from the download itself.
 */
export type FeedErrorCode =
  | "not_a_feed"
  | "malformed"
  | "http_status"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "blocked_address"
  | "bad_url"
  | "network";

/**
 * A feed that could not be fetched or read. `problem` says why for the feed's owner, as a catalogue message
 * rendered in their language (never with credentials or query strings); `message` is the same in English, for
 * the logs; `cause` keeps the underlying error.
 */
export class FeedError extends Error {
  override readonly name = "FeedError";
  readonly code: FeedErrorCode;
  readonly problem: FeedProblem;
  /** The HTTP status, for `http_status`. */
  readonly status: number | undefined;

  constructor(code: FeedErrorCode, problem: FeedProblem, options: { status?: number; cause?: unknown } = {}) {
    super(describeFeedProblem(problem, englishTexts()), { cause: options.cause });
    this.code = code;
    this.problem = problem;
    this.status = options.status;
  }
}
