/**
 * Why a feed could not be read. Stable strings: they are stored with the feed's last failure and
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
 * A feed that could not be fetched or read. `message` is written for the feed's owner, in plain
 * words, and never contains credentials or query strings; `cause` keeps the underlying error for
 * the logs.
 */
export class FeedError extends Error {
  override readonly name = "FeedError";
  readonly code: FeedErrorCode;
  /** The HTTP status, for `http_status`. */
  readonly status: number | undefined;

  constructor(code: FeedErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}
