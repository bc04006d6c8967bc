import {
  type ClaudePrice,
  type ClaudeRates,
  DEFAULT_PRICE_TABLE,
  findClaudePrice,
  findImagePrice,
  findTranscriptionPrice,
  type PriceTable,
} from "./prices.ts";

/**
 * Price arithmetic: what a call cost, from the usage the API returned, and the most it can cost, for the budget
 * reservation made before the call. Pure functions; the ledger (ai_usage) stores the USD results.
 *
 * Arithmetic is exact: a rate in USD per MTok is micro-USD per token, so rates are scaled to integer pico-USD
 * per token and summed as bigint. The result is rounded once, to whole micro-dollars — half-up for actual costs,
 * up for estimates, so an estimate built from the same counts is never below the actual cost.
 */

/** `message.usage` as the Messages API returns it (the SDK's `Usage`); absent or null counters count as 0. */
export interface ClaudeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** Split of the cache writes by TTL; a 1-hour write costs 2× input against 1.25× for 5 minutes. */
  cache_creation?: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
  service_tier?: string | null;
  inference_geo?: string | null;
}

/** `usage` of an OpenAI Images API response (gpt-image-2.x). */
export interface ImageUsage {
  input_tokens: number;
  output_tokens: number;
  input_tokens_details?: { text_tokens?: number | null; image_tokens?: number | null } | null;
}

export type ImageQuality = "low" | "medium" | "high" | "auto";

/**
 * What one Claude call cost, in USD rounded to 6 decimals.
 *
 * - Haiku 5.5 reprices every token of the request at its > 100K band when input + cache reads + cache writes
 *   exceed 100K tokens.
 * - Cache writes without the TTL split are priced as 5-minute writes (the only TTL Greenlight uses).
 * - `service_tier: "batch"` halves the cost; `inference_geo: "us"` adds 10 %, as ai-costs.md §1e's formula says.
 *   The second is [uncertain]: the surcharge applies to requests *pinned* to the US, and we take the usage
 *   field as the signal. If unpinned calls ever report "us", this over-counts by 10 %, the safe direction.
 */
export function costOfClaudeUsage(
  model: string,
  usage: ClaudeUsage,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findClaudePrice(prices, model);
  const input = tokenCount(usage.input_tokens, "input_tokens");
  const output = tokenCount(usage.output_tokens, "output_tokens");
  const cacheRead = tokenCount(usage.cache_read_input_tokens, "cache_read_input_tokens");
  const cacheWrite = tokenCount(usage.cache_creation_input_tokens, "cache_creation_input_tokens");
  const write1h = Math.min(
    cacheWrite,
    tokenCount(usage.cache_creation?.ephemeral_1h_input_tokens, "ephemeral_1h_input_tokens"),
  );
  const write5m = cacheWrite - write1h;

  const rates = ratesForPrompt(price, input + cacheRead + cacheWrite);
  const picoUsd =
    BigInt(input) * pico(rates.input) +
    BigInt(write5m) * pico(rates.cacheWrite5m) +
    BigInt(write1h) * pico(rates.cacheWrite1h) +
    BigInt(cacheRead) * pico(rates.cacheRead) +
    BigInt(output) * pico(rates.output);

  let numerator = picoUsd;
  let denominator = 1n;
  if (usage.service_tier === "batch") denominator *= 2n;
  if (usage.inference_geo === "us") {
    numerator *= 11n;
    denominator *= 10n;
  }
  return microsToUsd(divide(numerator, denominator * PICO_PER_MICRO, "half-up"));
}

export interface ClaudeCostEstimateInput {
  /** An upper bound on the whole prompt (system, messages, output schema), e.g. `estimateInputTokensUpperBound`. */
  inputTokens: number;
  /** The request's `max_tokens`: output, thinking included, never exceeds it. */
  maxOutputTokens: number;
  /** The TTL of the request's cache breakpoints; the whole prompt may be a cache write on the first call. */
  cacheTtl?: "5m" | "1h";
}

/**
 * The most a Claude request can cost, for the reservation made before sending it: every input token priced at
 * the dearest input-side rate (a cache write, 1.25× on a cold cache) and `max_tokens` of output. Rounded up to
 * the micro-dollar, so for the same token counts it is never below `costOfClaudeUsage`. Standard tier, no US
 * pinning (Greenlight uses neither).
 */
export function estimateClaudeCost(
  model: string,
  request: ClaudeCostEstimateInput,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findClaudePrice(prices, model);
  const inputTokens = tokenCount(request.inputTokens, "inputTokens");
  const maxOutputTokens = tokenCount(request.maxOutputTokens, "maxOutputTokens");
  const rates = ratesForPrompt(price, inputTokens);
  const cacheWrite = request.cacheTtl === "1h" ? rates.cacheWrite1h : rates.cacheWrite5m;
  const inputRate = Math.max(rates.input, cacheWrite, rates.cacheRead);
  const picoUsd = BigInt(inputTokens) * pico(inputRate) + BigInt(maxOutputTokens) * pico(rates.output);
  return microsToUsd(divide(picoUsd, PICO_PER_MICRO, "up"));
}

/**
 * What one image call cost, from the Images API `usage`, in USD rounded to 6 decimals.
 *
 * Input tokens are priced by their text/image split; tokens the split does not account for are priced as image
 * input, the dearer rate. Cached input is priced as uncached (the response's cached counts are not something we
 * rely on), and every output token at the image-output rate: both err towards over-counting.
 */
export function costOfImageUsage(
  model: string,
  usage: ImageUsage,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findImagePrice(prices, model);
  const input = tokenCount(usage.input_tokens, "input_tokens");
  const output = tokenCount(usage.output_tokens, "output_tokens");
  const text = Math.min(input, tokenCount(usage.input_tokens_details?.text_tokens, "text_tokens"));
  const image = input - text;
  const picoUsd =
    BigInt(text) * pico(price.textInput) +
    BigInt(image) * pico(price.imageInput) +
    BigInt(output) * pico(price.imageOutput);
  return microsToUsd(divide(picoUsd, PICO_PER_MICRO, "half-up"));
}

export interface ImageCostEstimateInput {
  width: number;
  height: number;
  quality: ImageQuality;
  /** Length of the prompt text. Priced as one token per two characters, an upper bound for most languages. */
  promptChars: number;
  /** Images requested (`n`); each is billed. Default 1. */
  count?: number;
}

/**
 * The most an image generation should cost, for the reservation: output image tokens from the community formula
 * in ai-costs.md §2b (unofficial — it reproduces OpenAI's calculator, e.g. 7,024 tokens for 1024×1024 high)
 * plus the prompt text. `auto` quality is priced as `high`. Rounded up to the micro-dollar.
 */
export function estimateImageCost(
  model: string,
  request: ImageCostEstimateInput,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findImagePrice(prices, model);
  const count = tokenCount(request.count ?? 1, "count");
  const outputTokens = imageOutputTokens(request.width, request.height, request.quality) * count;
  const promptTokens = Math.ceil(tokenCount(request.promptChars, "promptChars") / 2);
  const picoUsd =
    BigInt(promptTokens) * pico(price.textInput) + BigInt(outputTokens) * pico(price.imageOutput);
  return microsToUsd(divide(picoUsd, PICO_PER_MICRO, "up"));
}

/** `usage` of a transcription billed by tokens, as `POST /v1/audio/transcriptions` returns it (`type: "tokens"`). */
export interface TranscriptionUsage {
  input_tokens: number;
  output_tokens: number;
  input_token_details?: { audio_tokens?: number | null; text_tokens?: number | null } | null;
}

/**
 * What one transcription cost, from the response's token usage. Input tokens the split does not account for are
 * priced as audio, the dearer (or equal) rate.
 */
export function costOfTranscriptionUsage(
  model: string,
  usage: TranscriptionUsage,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findTranscriptionPrice(prices, model);
  const input = tokenCount(usage.input_tokens, "input_tokens");
  const text = Math.min(input, tokenCount(usage.input_token_details?.text_tokens, "text_tokens"));
  const picoUsd =
    BigInt(input - text) * pico(Math.max(price.audioInput, price.textInput)) +
    BigInt(text) * pico(price.textInput) +
    BigInt(tokenCount(usage.output_tokens, "output_tokens")) * pico(price.output);
  return microsToUsd(divide(picoUsd, PICO_PER_MICRO, "half-up"));
}

/**
 * Audio tokens a second of speech may bill, for the reservation. OpenAI publishes no per-second figure for its
 * transcription models; its realtime audio runs at one token per 100 ms, and its ~$0.003 a minute estimate for
 * gpt-4o-mini-transcribe allows for more. 40 a second covers both with room.
 */
export const AUDIO_TOKENS_PER_SECOND_UPPER_BOUND = 40;
/** Transcript tokens a second may produce: fast speech is about 4 words, some 6 tokens, a second. */
export const TRANSCRIPT_TOKENS_PER_SECOND_UPPER_BOUND = 12;

/**
 * The most a transcription of `seconds` of audio should cost, for the reservation made before sending it; also
 * what is charged when the answer carries no token usage (a model billed by duration, or no usage at all).
 */
export function estimateTranscriptionCost(
  model: string,
  seconds: number,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): number {
  const price = findTranscriptionPrice(prices, model);
  const whole = Math.max(1, Math.ceil(seconds));
  const picoUsd =
    BigInt(whole * AUDIO_TOKENS_PER_SECOND_UPPER_BOUND + 64) *
      pico(Math.max(price.audioInput, price.textInput)) +
    BigInt(whole * TRANSCRIPT_TOKENS_PER_SECOND_UPPER_BOUND + 64) * pico(price.output);
  return microsToUsd(divide(picoUsd, PICO_PER_MICRO, "up"));
}

const QUALITY_FACTOR: Record<ImageQuality, number> = { low: 16, medium: 48, high: 96, auto: 96 };

/**
 * Output image tokens of one gpt-image-2.x image (ai-costs.md §2b):
 * `f = floor((2q·short + long) / (2·long))`, `tokens = ceil(q·f·(2,000,000 + w·h) / 4,000,000)`.
 */
export function imageOutputTokens(width: number, height: number, quality: ImageQuality): number {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`An image size must be whole positive pixels, got ${width}×${height}`);
  }
  const q = QUALITY_FACTOR[quality];
  if (q === undefined) {
    throw new RangeError(
      `No token formula is known for image quality "${quality}"; use low, medium, high or auto`,
    );
  }
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  const f = Math.floor((2 * q * short + long) / (2 * long));
  return Math.ceil((q * f * (2_000_000 + width * height)) / 4_000_000);
}

const PICO_PER_MICRO = 1_000_000n;

function ratesForPrompt(price: ClaudePrice, promptTokens: number): ClaudeRates {
  return price.longContext && promptTokens > price.longContext.aboveTokens ? price.longContext : price;
}

/** USD per MTok → integer pico-USD per token (rates carry at most 6 decimals). */
function pico(usdPerMTok: number): bigint {
  return BigInt(Math.round(usdPerMTok * 1_000_000));
}

function divide(numerator: bigint, denominator: bigint, rounding: "half-up" | "up"): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  if (rounding === "up") return quotient + 1n;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

function microsToUsd(micros: bigint): number {
  return Number(micros) / 1_000_000;
}

function tokenCount(value: number | null | undefined, field: string): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a whole number of tokens ≥ 0, got ${value}`);
  }
  return value;
}
