/**
 * "Not now" answers from the AI providers: HTTP 429 (rate limited, from Anthropic or OpenAI) and Anthropic's
 * 529 (overloaded). Neither is billed, so the same call may be made again under the same budget reservation.
 * The SDK clients run with `maxRetries: 0` (every other failure may have been billed and is the ledger's
 * business); these answers alone are retried here, honouring the provider's `retry-after`.
 */

/** Attempts of one call before the brand backs off (its article stays queued). */
export const RATE_LIMIT_ATTEMPTS = 3;
/** A longer `retry-after` is not waited out in a worker: the brand backs off for that long instead. */
export const LONGEST_IN_PLACE_WAIT_MS = 30_000;
/** Wait before a retry when the provider named none: 1 s, then 2 s, … */
const FIRST_BACKOFF_MS = 1_000;

/** The provider kept answering 429/529: the caller's work stays queued for `retryAfterMs`. */
export class ProviderRateLimitedError extends Error {
  override readonly name = "ProviderRateLimitedError";
  constructor(
    readonly provider: "anthropic" | "openai",
    readonly status: number,
    /** How long the provider asked us to wait, or a backoff of our own when it did not say. */
    readonly retryAfterMs: number,
    options: { cause: unknown },
  ) {
    super(
      `${provider === "anthropic" ? "Claude" : "OpenAI"} answered ${status} (${status === 529 ? "overloaded" : "rate limited"}) ` +
        `${RATE_LIMIT_ATTEMPTS} times; trying again in ${Math.ceil(retryAfterMs / 1000)} s`,
      options,
    );
  }
}

interface StatusAndHeaders {
  status: number;
  headers: unknown;
}

/**
 * The provider's "not now" in an error, if it is one: our own wrappers (DraftingError, ImageGenerationError)
 * keep the SDK's APIError as their cause, which carries the status and the response headers.
 */
export function rateLimitOf(
  error: unknown,
): { status: number; retryAfterMs: number | undefined } | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as Partial<StatusAndHeaders> & { cause?: unknown; code?: unknown };
    if (typeof candidate.status === "number" && candidate.headers !== undefined) {
      // OpenAI answers 429 for an empty balance too; waiting does not help there.
      if (candidate.code === "insufficient_quota" || candidate.code === "billing_hard_limit_reached")
        return undefined;
      if (candidate.status !== 429 && candidate.status !== 529) return undefined;
      return { status: candidate.status, retryAfterMs: retryAfterMs(candidate.headers) };
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * `retry-after-ms` (Anthropic and OpenAI send it to their SDKs) or `retry-after` in seconds or as an HTTP
 * date; undefined when neither is there or readable.
 */
export function retryAfterMs(headers: unknown, now = Date.now()): number | undefined {
  const get = (name: string): string | undefined => {
    if (headers && typeof (headers as Headers).get === "function")
      return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown> | undefined)?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const ms = Number(get("retry-after-ms"));
  if (get("retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const after = get("retry-after");
  if (after === undefined) return undefined;
  const seconds = Number(after);
  if (after.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `call`, and again after the provider's `retry-after` while it answers 429/529, up to
 * RATE_LIMIT_ATTEMPTS in all. `retryable` says whether an error may be retried at all: a failure that came
 * after a billed call must reach the ledger instead. Gives up with ProviderRateLimitedError.
 */
export async function withRateLimitRetries<T>(
  provider: "anthropic" | "openai",
  call: () => Promise<T>,
  options: { retryable?: (error: unknown) => boolean; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const limited = (options.retryable?.(error) ?? true) ? rateLimitOf(error) : undefined;
      if (!limited) throw error;
      const waitMs = limited.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
      if (attempt >= RATE_LIMIT_ATTEMPTS || waitMs > LONGEST_IN_PLACE_WAIT_MS)
        throw new ProviderRateLimitedError(provider, limited.status, Math.max(waitMs, FIRST_BACKOFF_MS), {
          cause: error,
        });
      await sleep(waitMs);
    }
  }
}
