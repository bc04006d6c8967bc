/**
 * Notices when prompt caching silently does nothing. Below a model's minimum prefix, or when something before
 * the breakpoint changes on every call, the API raises no error: `cache_read_input_tokens` just stays 0 and
 * every call pays full price (or, worse, 1.25× for a cache write that is never read). ai-costs.md §1c advises
 * alerting when reads stay at 0 over N calls that should have shared a prefix.
 */

export interface WarnLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface CacheObservation {
  /** The prompt family whose calls share a prefix, e.g. "relevance" or "draft". */
  kind: string;
  model: string;
  /** Whether the prefix is long enough for this model to cache it (`isPrefixCacheable`). */
  cacheable: boolean;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface CacheWatchOptions {
  logger: WarnLogger;
  /**
   * Consecutive cacheable calls without a cache read before warning. The first call of a series always misses
   * (it writes the cache), so 3 means at least two calls that should have read it did not.
   */
  threshold?: number;
}

/**
 * Counts consecutive cacheable calls without a cache read, per model and prompt family, and warns once per
 * streak. Keyed by family rather than by prefix on purpose: a prefix that changes on every call (a timestamp in
 * the system prompt) is exactly the failure to catch. One instance lives as long as the drafter.
 */
export class CacheWatch {
  readonly #logger: WarnLogger;
  readonly #threshold: number;
  readonly #misses = new Map<string, { count: number; writes: number }>();

  constructor(options: CacheWatchOptions) {
    this.#logger = options.logger;
    this.#threshold = options.threshold ?? 3;
  }

  record(observation: CacheObservation): void {
    if (!observation.cacheable) return;
    const key = `${observation.model}\u0000${observation.kind}`;
    if (observation.cacheReadTokens > 0) {
      this.#misses.delete(key);
      return;
    }
    const streak = this.#misses.get(key) ?? { count: 0, writes: 0 };
    streak.count += 1;
    if (observation.cacheWriteTokens > 0) streak.writes += 1;
    this.#misses.set(key, streak);
    if (streak.count !== this.#threshold) return;

    this.#logger.warn(
      {
        model: observation.model,
        kind: observation.kind,
        consecutiveCallsWithoutCacheRead: streak.count,
        callsThatWroteTheCache: streak.writes,
      },
      streak.writes === 0
        ? "Prompt cache never used: neither written nor read. The prefix may be below the model's minimum " +
            "cacheable size, or cache_control is missing."
        : "Prompt cache written but never read: the prefix changes between calls, or calls are more than " +
            "5 minutes apart, so each cache write (1.25× input) is wasted.",
    );
  }
}
