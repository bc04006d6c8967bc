/**
 * Errors raised by the images capability, each with a stable `code` for logs and branching
 * and a `message` in plain words that can be shown to the owner as-is.
 */

export type ImageErrorCode =
  /** The bytes are not an image sharp can decode (HTML error page, truncated download, ...). */
  | "unreadable"
  /** Decodable, but a format we do not accept as a source (SVG, PDF, ...). */
  | "unsupported_format"
  /** Too small to be worth publishing (icons, tracking pixels). */
  | "too_small"
  /** Still over Instagram's size cap at the lowest quality we are willing to use. */
  | "too_large";

/** A source image cannot be turned into a JPEG Instagram accepts. */
export class ImageError extends Error {
  override readonly name = "ImageError";

  constructor(
    readonly code: ImageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ImageGenerationErrorKind =
  /** The provider's safety system refused the prompt or the result. Retrying the same prompt is pointless. */
  | "content_policy"
  /** 5xx, timeouts and dropped connections: worth retrying later. */
  | "transient"
  /** 429 without a billing cause: worth retrying after a pause. */
  | "rate_limited"
  /** Out of credit or over the hard billing limit: needs the owner, not a retry. */
  | "quota_exceeded"
  /** The API key is wrong, revoked or lacks access to the model. */
  | "auth"
  /** We sent something the API rejects (bad size, unknown model, ...): a bug or a misconfiguration. */
  | "invalid_request"
  /** The API answered 200 but without an image we can use. */
  | "bad_response";

/**
 * An image-generation call failed. Carries the call, the model and size we asked for and the
 * provider's own status, code and message — never the API key.
 */
export class ImageGenerationError extends Error {
  override readonly name = "ImageGenerationError";
  readonly kind: ImageGenerationErrorKind;
  /** Whether the same request may succeed if sent again later. */
  readonly retryable: boolean;
  readonly call: string;
  readonly model: string;
  readonly size: string;
  readonly status: number | undefined;
  readonly remoteCode: string | undefined;
  readonly remoteMessage: string | undefined;
  readonly requestId: string | undefined;

  constructor(fields: {
    kind: ImageGenerationErrorKind;
    message: string;
    call: string;
    model: string;
    size: string;
    status?: number | undefined;
    remoteCode?: string | undefined;
    remoteMessage?: string | undefined;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    super(fields.message, { cause: fields.cause });
    this.kind = fields.kind;
    this.retryable = fields.kind === "transient" || fields.kind === "rate_limited";
    this.call = fields.call;
    this.model = fields.model;
    this.size = fields.size;
    this.status = fields.status;
    this.remoteCode = fields.remoteCode;
    this.remoteMessage = fields.remoteMessage;
    this.requestId = fields.requestId;
  }
}
