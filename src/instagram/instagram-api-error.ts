/**
 * The one error the Instagram adapter throws. It names the call that failed and carries Meta's own code,
 * subcode, type, message and trace id (platform-apis.md §B.5), never the token, the app secret or a request URL.
 */

/** The adapter call that failed. */
export type InstagramStep =
  | "exchange_code"
  | "exchange_long_lived"
  | "refresh_token"
  | "get_profile"
  | "create_container"
  | "create_carousel_item"
  | "create_carousel"
  | "container_status"
  | "publish"
  | "get_media"
  | "publishing_limit"
  | "list_media"
  | "subscribe_webhooks"
  | "media_insights"
  | "reply_to_comment"
  | "list_comment_replies"
  | "hide_comment"
  | "post_comment"
  | "list_comments";

/** Where the failure came from. */
export type InstagramFailureOrigin =
  /** Meta answered with an error body (Graph `{error:{…}}` or the OAuth `{error_type, error_message}` shape). */
  | "meta"
  /** A non-2xx answer without an error body Meta would send (a proxy's HTML page, an empty 502, ...). */
  | "http"
  /** No answer: refused, reset or dropped connection, DNS failure. The request may or may not have arrived. */
  | "network"
  /** No answer within the adapter's timeout. The request may or may not have been carried out. */
  | "timeout"
  /** A 2xx answer that does not have the shape Meta documents. */
  | "unexpected_body";

export interface InstagramApiErrorFields {
  step: InstagramStep;
  origin: InstagramFailureOrigin;
  httpStatus: number | null;
  code: number | null;
  subcode: number | null;
  type: string | null;
  /** Meta's `message` (or `error_message`), already scrubbed of secrets. */
  metaMessage: string | null;
  /** Meta's `error_user_msg`, when it sent one, already scrubbed of secrets. */
  userMessage?: string | null;
  fbtraceId: string | null;
  /** Meta's own `is_transient` flag, when it sent one. */
  metaTransient?: boolean | null;
}

export class InstagramApiError extends Error {
  override readonly name = "InstagramApiError";
  readonly step: InstagramStep;
  readonly origin: InstagramFailureOrigin;
  readonly httpStatus: number | null;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly type: string | null;
  readonly metaMessage: string | null;
  readonly userMessage: string | null;
  readonly fbtraceId: string | null;
  readonly metaTransient: boolean | null;

  constructor(fields: InstagramApiErrorFields) {
    super(describe(fields));
    this.step = fields.step;
    this.origin = fields.origin;
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.type = fields.type;
    this.metaMessage = fields.metaMessage;
    this.userMessage = fields.userMessage ?? null;
    this.fbtraceId = fields.fbtraceId;
    this.metaTransient = fields.metaTransient ?? null;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      step: this.step,
      origin: this.origin,
      httpStatus: this.httpStatus,
      code: this.code,
      subcode: this.subcode,
      type: this.type,
      metaMessage: this.metaMessage,
      userMessage: this.userMessage,
      fbtraceId: this.fbtraceId,
      metaTransient: this.metaTransient,
    };
  }
}

function describe(fields: InstagramApiErrorFields): string {
  const facts: string[] = [];
  if (fields.httpStatus !== null) facts.push(`HTTP ${fields.httpStatus}`);
  if (fields.code !== null)
    facts.push(`code ${fields.code}${fields.subcode !== null ? `/${fields.subcode}` : ""}`);
  if (fields.fbtraceId) facts.push(`fbtrace_id ${fields.fbtraceId}`);
  const detail = fields.metaMessage ?? fields.origin;
  return `Instagram ${fields.step} failed${facts.length ? ` (${facts.join(", ")})` : ""}: ${detail}`;
}
