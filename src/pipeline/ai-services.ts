import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { buildPriceTable, type PriceTable } from "../budget/prices.ts";
import type { Config } from "../config/config.ts";
import { CacheWatch } from "../drafting/cache-watch.ts";
import { type ClaudeDrafter, createClaudeDrafter } from "../drafting/claude-drafter.ts";
import { createOpenAiImageGenerator, type GenerateImage } from "../images/openai-image-generator.ts";
import type { Logger } from "../shared/logger.ts";

/** The AI providers as configured: each is absent when its key is, and the pipeline falls back without it. */
export interface AiServices {
  claude: ClaudeDrafter | undefined;
  generateImage: GenerateImage | undefined;
  prices: PriceTable;
  models: { relevance: string; draft: string; image: string; imageQuality: "low" | "medium" | "high" };
}

export function createAiServices(config: Config, logger: Logger): AiServices {
  const claude = config.ANTHROPIC_API_KEY
    ? createClaudeDrafter({
        client: new Anthropic({
          apiKey: config.ANTHROPIC_API_KEY,
          baseURL: config.ANTHROPIC_BASE_URL ?? undefined,
          maxRetries: 2,
          timeout: 60_000,
        }),
        logger,
        cacheWatch: new CacheWatch({ logger }),
      })
    : undefined;
  const generateImage = config.OPENAI_API_KEY
    ? createOpenAiImageGenerator({
        client: new OpenAI({
          apiKey: config.OPENAI_API_KEY,
          baseURL: config.OPENAI_BASE_URL ?? undefined,
          maxRetries: 2,
          timeout: 120_000,
        }),
      })
    : undefined;
  return {
    claude,
    generateImage,
    prices: buildPriceTable(config.AI_PRICES),
    models: {
      relevance: config.ANTHROPIC_RELEVANCE_MODEL,
      draft: config.ANTHROPIC_DRAFT_MODEL,
      image: config.OPENAI_IMAGE_MODEL,
      imageQuality: config.OPENAI_IMAGE_QUALITY as "low" | "medium" | "high",
    },
  };
}
