/**
 * What drafting needs to know about Claude models beyond their price: how long a prompt prefix must be before
 * the API caches it, and whether the model takes the `effort` parameter.
 */

/**
 * Assumed when the sources are silent. No source we checked (ai-costs.md §1c, Nov 2026) gives the minimum for
 * Haiku 5.5, Sonnet 5.5 or Opus 5.5; 4,096 is the largest documented value for any recent model, so a prefix of
 * that size caches whichever of the published values turns out to apply. `CacheWatch` reports it if not.
 */
export const ASSUMED_MINIMUM_CACHEABLE_TOKENS = 4096;

/**
 * Documented minimum prefix sizes (ai-costs.md §1c). Where sources disagree we take the larger: a prefix below
 * the minimum is silently not cached (no error, both cache counters 0).
 */
const MINIMUM_CACHEABLE_TOKENS: readonly [RegExp, number][] = [
  [/^claude-(haiku-4-5|opus-4-5|opus-4-6|opus-4-7)(-|$)/, 4096],
  [/^claude-sonnet-4-6(-|$)/, 2048], // documented 1,024, observed 2,048
  [/^claude-(opus-5|fable-5|mythos-5)$/, 2048], // 512 in one source, 2,048 for Fable 5 in another
  [/^claude-(sonnet-4-5|opus-4-1|opus-4-8|sonnet-5|opus-4|sonnet-4)(-\d{8})?$/, 1024],
];

/** The prefix size (tokens) below which `cache_control` does nothing on this model. */
export function minimumCacheablePrefixTokens(model: string): number {
  for (const [pattern, tokens] of MINIMUM_CACHEABLE_TOKENS) {
    if (pattern.test(model)) return tokens;
  }
  return ASSUMED_MINIMUM_CACHEABLE_TOKENS;
}

/**
 * Whether to send `output_config.effort`. The 5.x models think adaptively by default (Haiku 5.5 at `medium`,
 * Sonnet 5.5 at `high`) and bill thinking as output, so classification and captions ask for `low`
 * (ai-costs.md §1a). The 4.x models do not think unless asked, so they get no effort parameter rather than one
 * they may reject.
 */
export function supportsEffort(model: string): boolean {
  return /^claude-[a-z]+-5(-|$)/.test(model);
}
