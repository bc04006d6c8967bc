import type { AiSpendObserver } from "../budget/ledger.ts";
import { buildPriceTable, type PriceTable } from "../budget/prices.ts";
import type { Config } from "../config/config.ts";
import type { ClaudeDrafter } from "../drafting/claude-drafter.ts";
import type { GenerateImage } from "../images/openai-image-generator.ts";
import type { Logger } from "../shared/logger.ts";
import type { Transcribe } from "../transcription/openai-transcriber.ts";

/** The AI providers as configured: each is absent when its key is, and the pipeline falls back without it. */
export interface AiServices {
  claude: ClaudeDrafter | undefined;
  generateImage: GenerateImage | undefined;
  /** Speech to text for voice-note instructions; absent without an OpenAI key. */
  transcribe: Transcribe | undefined;
  prices: PriceTable;
  models: {
    relevance: string;
    draft: string;
    image: string;
    imageQuality: "low" | "medium" | "high";
    transcription: string;
  };
  /** Told of every call the ledger records (metrics); the composition root sets it. */
  observeSpend?: AiSpendObserver;
}

/**
 * Builds the configured providers. The SDKs are imported only when their key is set: together they take about
 * half a second to load, which a start without AI keys should not pay.
 */
export async function createAiServices(config: Config, logger: Logger): Promise<AiServices> {
  let claude: ClaudeDrafter | undefined;
  if (config.ANTHROPIC_API_KEY) {
    const [{ default: Anthropic }, { createClaudeDrafter }, { CacheWatch }] = await Promise.all([
      import("@anthropic-ai/sdk"),
      import("../drafting/claude-drafter.ts"),
      import("../drafting/cache-watch.ts"),
    ]);
    claude = createClaudeDrafter({
      client: new Anthropic({
        apiKey: config.ANTHROPIC_API_KEY,
        baseURL: config.ANTHROPIC_BASE_URL ?? undefined,
        // No hidden retries: a timed-out or dropped call may have been billed, and must reach the ledger. Only
        // 429/529 answers, which are not billed, are asked again (provider-rate-limits.ts, after retry-after).
        maxRetries: 0,
        timeout: 60_000,
      }),
      logger,
      cacheWatch: new CacheWatch({ logger }),
    });
  }
  let generateImage: GenerateImage | undefined;
  let transcribe: Transcribe | undefined;
  if (config.OPENAI_API_KEY) {
    const [{ default: OpenAI }, { createOpenAiImageGenerator }, { createOpenAiTranscriber }] =
      await Promise.all([
        import("openai"),
        import("../images/openai-image-generator.ts"),
        import("../transcription/openai-transcriber.ts"),
      ]);
    // One client for both: no hidden retries, since a call that timed out may have been billed and must reach
    // the ledger; each call sets its own timeout (an image takes up to two minutes, a voice note seconds).
    const client = new OpenAI({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL ?? undefined,
      maxRetries: 0,
      timeout: 120_000,
    });
    generateImage = createOpenAiImageGenerator({ client });
    transcribe = createOpenAiTranscriber({ client });
  }
  return {
    claude,
    generateImage,
    transcribe,
    prices: buildPriceTable(config.AI_PRICES),
    models: {
      relevance: config.ANTHROPIC_RELEVANCE_MODEL,
      draft: config.ANTHROPIC_DRAFT_MODEL,
      image: config.OPENAI_IMAGE_MODEL,
      imageQuality: config.OPENAI_IMAGE_QUALITY as "low" | "medium" | "high",
      transcription: config.OPENAI_TRANSCRIPTION_MODEL,
    },
  };
}
