import type { ClaudeCall } from "./claude-drafter.ts";

export interface RemoteError {
  status?: number;
  type?: string | null;
  message?: string | null;
  requestId?: string | null;
}

/**
 * Why drafting gave up on an article, as a stable code for logs and branching; `message` says it in plain
 * words for the owner.
 */
export type DraftingErrorReason =
  /** The reply was not JSON (or not JSON we could read). */
  | "invalid_json"
  /** JSON, but not the shape we asked for. */
  | "schema_mismatch"
  /** The caption breaks Instagram's limits in a way dropping hashtags cannot repair. */
  | "limits_exceeded"
  /** The caption uses a term the brand banned. */
  | "banned_term"
  /** The reply hit max_tokens and was cut off. */
  | "truncated"
  /** Claude declined to answer (`stop_reason: "refusal"`). Not retried: the same article would be refused again. */
  | "refused"
  /** The API call itself failed after the SDK's own retries (overloaded, bad request, auth, network). */
  | "api_error";

/**
 * Drafting failed for one request. Carries the usage of every call made before giving up — a failed attempt
 * is still billed — so the caller can settle the ledger even on failure.
 */
export class DraftingError extends Error {
  override readonly name = "DraftingError";
  /** For api_error: the HTTP status, the API's error type and message, and its request id. */
  readonly remote: RemoteError | undefined;

  constructor(
    readonly reason: DraftingErrorReason,
    message: string,
    readonly usage: readonly ClaudeCall[],
    options?: { cause?: unknown; remote?: RemoteError },
  ) {
    super(message, { cause: options?.cause });
    this.remote = options?.remote;
  }
}
