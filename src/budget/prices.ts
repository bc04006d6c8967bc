import * as z from "zod/mini";
import "../shared/schemas.ts";

/**
 * The AI price table: what one token costs on each model we may call. Prices move often, so the table carries
 * the date it was checked and can be overridden from configuration (`AI_PRICES`) without a release.
 *
 * Every rate is USD per million tokens ("per MTok"), the unit both vendors publish. Sources and dates are in
 * the team reference ai-costs.md §1a, §1b (Claude) and §2a (OpenAI images), checked 2026-11-22.
 */

/** Rates for one band of a Claude model, USD per MTok. */
export interface ClaudeRates {
  input: number;
  output: number;
  /** Writing to the 5-minute cache (`cache_control: {type: "ephemeral"}`): 1.25× input on every model we know. */
  cacheWrite5m: number;
  /** Writing to the 1-hour cache (`ttl: "1h"`): 2× input. */
  cacheWrite1h: number;
  /** Reading from either cache: 0.1× input on most models, less on some (Sonnet 5.5, Opus 5.5). */
  cacheRead: number;
}

export interface ClaudePrice extends ClaudeRates {
  /**
   * A higher band that reprices the *whole* request (output included) once its prompt — input plus cache reads
   * plus cache writes — exceeds `aboveTokens`. Only Haiku 5.5 has one today (100K tokens).
   */
  longContext?: ClaudeRates & { aboveTokens: number };
}

/** Token rates of a gpt-image-2.x model, USD per MTok. */
export interface ImagePrice {
  textInput: number;
  textInputCached: number;
  imageInput: number;
  imageInputCached: number;
  /** Image output tokens. Output text tokens have no separate published rate, so they are billed here too. */
  imageOutput: number;
}

/** Token rates of an OpenAI transcription model (gpt-4o-mini-transcribe, gpt-4o-transcribe), USD per MTok. */
export interface TranscriptionPrice {
  audioInput: number;
  /** Text input: the prompt, when one is sent (Greenlight sends none). */
  textInput: number;
  /** The transcript. */
  output: number;
}

export interface PriceTable {
  /** The day the rates were last checked against the vendors' pages (YYYY-MM-DD). */
  effectiveFrom: string;
  claude: Readonly<Record<string, ClaudePrice>>;
  image: Readonly<Record<string, ImagePrice>>;
  transcription: Readonly<Record<string, TranscriptionPrice>>;
}

/** A model that is in neither the built-in table nor the override: costing it would be a guess. */
export class UnknownModelError extends Error {
  override readonly name = "UnknownModelError";

  constructor(
    readonly provider: "anthropic" | "openai",
    readonly model: string,
    kind: "Claude" | "image" | "transcription" = provider === "anthropic" ? "Claude" : "image",
  ) {
    super(
      `No price is known for the ${kind} model "${model}". ` +
        `Add it to AI_PRICES (see src/budget/prices.ts) or choose a model from the price table.`,
    );
  }
}

/** The override JSON is malformed; the message lists every problem with its path. */
export class PriceTableError extends Error {
  override readonly name = "PriceTableError";
}

const claude = (input: number, output: number, cacheRead: number): ClaudePrice => ({
  input,
  output,
  cacheWrite5m: input * 1.25,
  cacheWrite1h: input * 2,
  cacheRead,
});

const GPT_IMAGE_2_RATES: ImagePrice = {
  textInput: 5,
  textInputCached: 1.25,
  imageInput: 8,
  imageInputCached: 2,
  imageOutput: 30,
};

/**
 * The built-in table. Ids are the ones the API accepts and echoes back; dated snapshot ids
 * (`claude-haiku-4-5-20251001`, `gpt-image-2-2026-04-21`) resolve to their alias, see `findClaudePrice`.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  effectiveFrom: "2026-11-22",
  claude: {
    // Current line-up (ai-costs.md §1a).
    "claude-haiku-5-5": {
      input: 0.1,
      output: 0.5,
      cacheWrite5m: 0.125,
      cacheWrite1h: 0.2,
      cacheRead: 0.01,
      longContext: {
        aboveTokens: 100_000,
        input: 0.5,
        output: 2.5,
        cacheWrite5m: 0.625,
        cacheWrite1h: 1,
        cacheRead: 0.05,
      },
    },
    // Cache reads were cut from $0.20 to $0.10 on 2026-10-07 (two trackers re-audited the live page on
    // 2026-10-24; the official model page we found predates the cut).
    "claude-sonnet-5-5": claude(2, 10, 0.1),
    "claude-opus-5-5": claude(4, 20, 0.2),
    "claude-fable-5-1": { input: 10, output: 50, cacheWrite5m: 12.5, cacheWrite1h: 20, cacheRead: 0.25 },
    // Earlier models, still callable (§1b).
    "claude-sonnet-5": claude(2, 10, 0.2),
    "claude-opus-5": claude(5, 25, 0.5),
    "claude-opus-4-8": claude(5, 25, 0.5),
    "claude-opus-4-7": claude(5, 25, 0.5),
    "claude-opus-4-6": claude(5, 25, 0.5),
    "claude-opus-4-5": claude(5, 25, 0.5),
    "claude-sonnet-4-6": claude(3, 15, 0.3),
    "claude-sonnet-4-5": claude(3, 15, 0.3),
    "claude-haiku-4-5": claude(1, 5, 0.1),
    "claude-opus-4-1": claude(15, 75, 1.5),
    "claude-opus-4": claude(15, 75, 1.5),
  },
  image: {
    "gpt-image-2": GPT_IMAGE_2_RATES,
    "gpt-image-2.5-flare": GPT_IMAGE_2_RATES,
    "gpt-image-2.5-sunburst": GPT_IMAGE_2_RATES,
    "gpt-image-2.6-flare": GPT_IMAGE_2_RATES,
    "gpt-image-2.6-sunburst": GPT_IMAGE_2_RATES,
  },
  // Voice-note instructions (the reference's speech-to-text section, from OpenAI's model pages). Only audio input
  // is quoted there; text input is priced the same, and Greenlight sends no prompt anyway.
  transcription: {
    "gpt-4o-mini-transcribe": { audioInput: 1.25, textInput: 1.25, output: 5 },
    "gpt-4o-transcribe": { audioInput: 2.5, textInput: 2.5, output: 10 },
  },
};

const rate = z.number().check(z.nonnegative());
const claudeRatesShape = {
  input: rate,
  output: rate,
  cacheWrite5m: rate,
  cacheWrite1h: rate,
  cacheRead: rate,
};
const claudePriceSchema = z.strictObject({
  ...claudeRatesShape,
  longContext: z.optional(z.strictObject({ ...claudeRatesShape, aboveTokens: z.int().check(z.positive()) })),
});
const imagePriceSchema = z.strictObject({
  textInput: rate,
  textInputCached: rate,
  imageInput: rate,
  imageInputCached: rate,
  imageOutput: rate,
});

const transcriptionPriceSchema = z.strictObject({ audioInput: rate, textInput: rate, output: rate });

const modelRates = z.record(z.string().check(z.minLength(1)), z.record(z.string(), z.unknown()));
const overrideSchema = z.strictObject({
  effectiveFrom: z.optional(
    z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date such as 2026-12-01")),
  ),
  claude: z.optional(modelRates),
  image: z.optional(modelRates),
  transcription: z.optional(modelRates),
});

/**
 * Builds the price table from the built-in rates and an optional override, as `AI_PRICES` carries it:
 *
 * ```json
 * {
 *   "effectiveFrom": "2026-12-01",
 *   "claude": {
 *     "claude-sonnet-5-5": { "cacheRead": 0.2 },
 *     "claude-sonnet-6": { "input": 3, "output": 15, "cacheWrite5m": 3.75, "cacheWrite1h": 6, "cacheRead": 0.3 }
 *   },
 *   "image": {
 *     "gpt-image-3": { "textInput": 5, "textInputCached": 1.25, "imageInput": 8, "imageInputCached": 2, "imageOutput": 30 }
 *   },
 *   "transcription": { "gpt-4o-mini-transcribe": { "audioInput": 3 } }
 * }
 * ```
 *
 * All rates are USD per million tokens. For a model already in the table, the fields given replace the built-in
 * ones and the rest stay; a new model must give every field (`longContext` is optional, with `aboveTokens`).
 * Throws `PriceTableError` listing every problem, so a typo fails at start-up instead of mis-costing calls.
 */
export function buildPriceTable(override?: unknown, base: PriceTable = DEFAULT_PRICE_TABLE): PriceTable {
  if (override === undefined || override === null) return base;
  const parsed = overrideSchema.safeParse(override);
  if (!parsed.success) throw new PriceTableError(describeProblems("AI_PRICES", parsed.error));

  const problems: string[] = [];
  const claudeTable = mergeRates("claude", base.claude, parsed.data.claude, claudePriceSchema, problems);
  const imageTable = mergeRates("image", base.image, parsed.data.image, imagePriceSchema, problems);
  const transcriptionTable = mergeRates(
    "transcription",
    base.transcription,
    parsed.data.transcription,
    transcriptionPriceSchema,
    problems,
  );
  if (problems.length > 0) throw new PriceTableError(problems.join("\n"));

  return {
    effectiveFrom: parsed.data.effectiveFrom ?? base.effectiveFrom,
    claude: claudeTable,
    image: imageTable,
    transcription: transcriptionTable,
  };
}

/**
 * The rates for a Claude model. A dated snapshot id (`claude-haiku-4-5-20251001`) falls back to its alias
 * (`claude-haiku-4-5`) when only the alias is listed, because the API echoes snapshot ids in responses.
 */
export function findClaudePrice(table: PriceTable, model: string): ClaudePrice {
  const price = table.claude[model] ?? table.claude[model.replace(/-\d{8}$/, "")];
  if (!price) throw new UnknownModelError("anthropic", model);
  return price;
}

/** The rates for an image model; a snapshot id (`gpt-image-2-2026-04-21`) falls back to its alias. */
export function findImagePrice(table: PriceTable, model: string): ImagePrice {
  const price = table.image[model] ?? table.image[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (!price) throw new UnknownModelError("openai", model);
  return price;
}

/**
 * One section of the table with the override's models merged in: the fields given replace the built-in ones, and
 * a model whose merged rates do not pass `schema` adds its problems instead.
 */
function mergeRates<T>(
  section: string,
  base: Readonly<Record<string, T>>,
  overrides: Record<string, Record<string, unknown>> | undefined,
  schema: z.ZodMiniType<T>,
  problems: string[],
): Record<string, T> {
  const merged: Record<string, T> = { ...base };
  for (const [model, fields] of Object.entries(overrides ?? {})) {
    const result = schema.safeParse({ ...base[model], ...fields });
    if (result.success) merged[model] = result.data;
    else problems.push(describeProblems(`AI_PRICES.${section}["${model}"]`, result.error));
  }
  return merged;
}

/** The rates for a transcription model; a dated snapshot id falls back to its alias. */
export function findTranscriptionPrice(table: PriceTable, model: string): TranscriptionPrice {
  const price = table.transcription[model] ?? table.transcription[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (!price) throw new UnknownModelError("openai", model, "transcription");
  return price;
}

function describeProblems(where: string, error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
        .join("");
      return `${where}${path}: ${issue.message}`;
    })
    .join("\n");
}
