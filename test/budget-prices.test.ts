import type { Usage } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import {
  costOfClaudeUsage,
  costOfImageUsage,
  estimateClaudeCost,
  costOfTranscriptionUsage,
  estimateImageCost,
  estimateTranscriptionCost,
  imageOutputTokens,
} from "../src/budget/cost.ts";
import {
  buildPriceTable,
  DEFAULT_PRICE_TABLE,
  PriceTableError,
  UnknownModelError,
} from "../src/budget/prices.ts";

/** A usage block exactly as the SDK types it, so the cost functions are proven to take what the API returns. */
function apiUsage(fields: Partial<Usage> & Pick<Usage, "input_tokens" | "output_tokens">): Usage {
  return {
    cache_creation: null,
    cache_creation_input_tokens: null,
    cache_read_input_tokens: null,
    inference_geo: "global",
    output_tokens_details: null,
    server_tool_use: null,
    service_tier: "standard",
    speed: "standard",
    ...fields,
  };
}

describe("the cost of a Claude call, from the usage the API returned", () => {
  it("prices a cached Haiku 5.5 relevance call: input, cache read and output", () => {
    const usage = apiUsage({
      input_tokens: 900,
      cache_read_input_tokens: 5400,
      cache_creation_input_tokens: 0,
      output_tokens: 300,
    });
    // 900 × $0.10 + 5,400 × $0.01 + 300 × $0.50 per MTok
    expect(costOfClaudeUsage("claude-haiku-5-5", usage)).toBe(0.000294);
  });

  it("prices the first call's cache write at 1.25× input", () => {
    const usage = apiUsage({
      input_tokens: 120,
      cache_creation_input_tokens: 5000,
      cache_creation: { ephemeral_5m_input_tokens: 5000, ephemeral_1h_input_tokens: 0 },
      cache_read_input_tokens: 0,
      output_tokens: 200,
    });
    // 120 × 0.10 + 5,000 × 0.125 + 200 × 0.50
    expect(costOfClaudeUsage("claude-haiku-5-5", usage)).toBe(0.000737);
  });

  it("matches ai-costs.md's caption example on Sonnet 5.5 (3,000 in, 2,500 cached, 400 out ≈ $0.005)", () => {
    const usage = apiUsage({ input_tokens: 500, cache_read_input_tokens: 2500, output_tokens: 400 });
    // Cache reads at the post-2026-10-07 rate of $0.10.
    expect(costOfClaudeUsage("claude-sonnet-5-5", usage)).toBe(0.00525);
  });

  it("prices 1-hour cache writes at 2× input, using the TTL split", () => {
    const usage = apiUsage({
      input_tokens: 0,
      cache_creation_input_tokens: 1500,
      cache_creation: { ephemeral_5m_input_tokens: 500, ephemeral_1h_input_tokens: 1000 },
      output_tokens: 0,
    });
    // Sonnet 4.5: 500 × $3.75 + 1,000 × $6
    expect(costOfClaudeUsage("claude-sonnet-4-5", usage)).toBe(0.007875);
  });

  it("reprices a whole Haiku 5.5 request above 100K prompt tokens, output included", () => {
    const atLimit = apiUsage({ input_tokens: 0, cache_read_input_tokens: 100_000, output_tokens: 1000 });
    const overLimit = apiUsage({ input_tokens: 1, cache_read_input_tokens: 100_000, output_tokens: 1000 });

    expect(costOfClaudeUsage("claude-haiku-5-5", atLimit)).toBe(0.0015); // 100,000 × 0.01 + 1,000 × 0.50
    // 1 × 0.50 + 100,000 × 0.05 + 1,000 × 2.50 = 7,500.5 µ$, rounded half-up to the micro-dollar
    expect(costOfClaudeUsage("claude-haiku-5-5", overLimit)).toBe(0.007501);
  });

  it("halves batch calls and adds 10 % for US-only inference", () => {
    const base = { input_tokens: 1000, output_tokens: 1000 };
    expect(costOfClaudeUsage("claude-opus-5-5", apiUsage(base))).toBe(0.024);
    expect(costOfClaudeUsage("claude-opus-5-5", apiUsage({ ...base, service_tier: "batch" }))).toBe(0.012);
    expect(costOfClaudeUsage("claude-opus-5-5", apiUsage({ ...base, inference_geo: "us" }))).toBe(0.0264);
  });

  it("costs a dated snapshot id, as the API echoes it, at its alias's rates", () => {
    const usage = apiUsage({ input_tokens: 1_000_000, output_tokens: 0 });
    expect(costOfClaudeUsage("claude-haiku-4-5-20251001", usage)).toBe(1);
    expect(costOfClaudeUsage("claude-opus-4-20250514", usage)).toBe(15);
  });

  it("rounds to whole micro-dollars without floating-point drift", () => {
    const usage = apiUsage({ input_tokens: 3, cache_read_input_tokens: 7, output_tokens: 1 });
    // 3 × 0.10 + 7 × 0.01 + 1 × 0.50 = 0.87 µ$ → 1 µ$
    expect(costOfClaudeUsage("claude-haiku-5-5", usage)).toBe(0.000001);
    const many = apiUsage({ input_tokens: 333_333, output_tokens: 333_333 });
    expect(costOfClaudeUsage("claude-sonnet-5-5", many)).toBe(3.999996);
  });

  it("names the model when it has no price", () => {
    const usage = apiUsage({ input_tokens: 1, output_tokens: 1 });
    expect(() => costOfClaudeUsage("claude-haiku-9-9", usage)).toThrow(UnknownModelError);
    expect(() => costOfClaudeUsage("claude-haiku-9-9", usage)).toThrow(
      'No price is known for the Claude model "claude-haiku-9-9"',
    );
  });

  it("refuses token counts that are not whole and positive", () => {
    expect(() =>
      costOfClaudeUsage("claude-haiku-5-5", apiUsage({ input_tokens: -1, output_tokens: 0 })),
    ).toThrow(RangeError);
  });
});

describe("the reservation estimate for a Claude call", () => {
  it("prices every input token as a cache write and the full max_tokens of output", () => {
    // 6,000 × 0.125 + 2,048 × 0.50 = 1,774 µ$
    expect(estimateClaudeCost("claude-haiku-5-5", { inputTokens: 6000, maxOutputTokens: 2048 })).toBe(
      0.001774,
    );
  });

  it.each([
    ["claude-haiku-5-5", 6_000],
    ["claude-haiku-5-5", 100_000],
    ["claude-haiku-5-5", 100_001],
    ["claude-sonnet-5-5", 12_345],
    ["claude-opus-5-5", 9_999],
    ["claude-sonnet-4-5", 4_321],
  ])("is never below the actual cost of any %s call with a %i-token prompt", (model, prompt) => {
    const maxOutputTokens = 2048;
    const estimate = estimateClaudeCost(model, { inputTokens: prompt, maxOutputTokens });
    const splits = [
      { input_tokens: prompt, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      { input_tokens: 0, cache_creation_input_tokens: prompt, cache_read_input_tokens: 0 },
      { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: prompt },
      { input_tokens: 17, cache_creation_input_tokens: prompt - 1017, cache_read_input_tokens: 1000 },
    ];
    for (const split of splits) {
      for (const output_tokens of [1, 777, maxOutputTokens]) {
        const actual = costOfClaudeUsage(model, apiUsage({ ...split, output_tokens }));
        expect(estimate).toBeGreaterThanOrEqual(actual);
      }
    }
  });

  it("covers 1-hour cache writes when asked to", () => {
    const usage = apiUsage({
      input_tokens: 0,
      cache_creation_input_tokens: 5000,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 5000 },
      output_tokens: 100,
    });
    const actual = costOfClaudeUsage("claude-sonnet-5-5", usage);
    expect(estimateClaudeCost("claude-sonnet-5-5", { inputTokens: 5000, maxOutputTokens: 100 })).toBeLessThan(
      actual,
    );
    expect(
      estimateClaudeCost("claude-sonnet-5-5", { inputTokens: 5000, maxOutputTokens: 100, cacheTtl: "1h" }),
    ).toBeGreaterThanOrEqual(actual);
  });
});

describe("image costs", () => {
  it("reproduces ai-costs.md's token table for gpt-image-2 sizes", () => {
    expect(["low", "medium", "high"].map((q) => imageOutputTokens(1024, 1024, q as "low"))).toEqual([
      196, 1756, 7024,
    ]);
    expect(["low", "medium", "high"].map((q) => imageOutputTokens(1536, 1024, q as "low"))).toEqual([
      158, 1372, 5488,
    ]);
    expect(["low", "medium", "high"].map((q) => imageOutputTokens(1088, 1360, q as "low"))).toEqual([
      181, 1587, 6431,
    ]);
  });

  it("prices an Images API usage block: text in at $5, image out at $30 per MTok", () => {
    const usage = {
      input_tokens: 10,
      input_tokens_details: { text_tokens: 10, image_tokens: 0 },
      output_tokens: 1587,
      output_tokens_details: { image_tokens: 1587, text_tokens: 0 },
      total_tokens: 1597,
    };
    expect(costOfImageUsage("gpt-image-2", usage)).toBe(0.04766);
    expect(costOfImageUsage("gpt-image-2.6-sunburst", usage)).toBe(0.04766);
  });

  it("prices input without a text/image split at the dearer image-input rate", () => {
    expect(costOfImageUsage("gpt-image-2.5-flare", { input_tokens: 1000, output_tokens: 0 })).toBe(0.008);
  });

  it("estimates at least the actual cost of the same generation", () => {
    const prompt = "A flat illustration of a protected bike lane on a sunny Berlin street";
    const estimate = estimateImageCost("gpt-image-2", {
      width: 1088,
      height: 1360,
      quality: "medium",
      promptChars: prompt.length,
    });
    const textTokens = Math.ceil(prompt.length / 4);
    const actual = costOfImageUsage("gpt-image-2", {
      input_tokens: textTokens,
      input_tokens_details: { text_tokens: textTokens, image_tokens: 0 },
      output_tokens: 1587,
    });
    expect(estimate).toBeGreaterThanOrEqual(actual);
    expect(estimate).toBeCloseTo(0.048, 3); // ai-costs.md: 1088×1360 medium ≈ $0.048
  });

  it("prices 'auto' quality as high and several images as several", () => {
    const one = estimateImageCost("gpt-image-2", {
      width: 1024,
      height: 1024,
      quality: "auto",
      promptChars: 0,
    });
    expect(one).toBe(0.21072); // 7,024 × $30 per MTok
    expect(
      estimateImageCost("gpt-image-2", {
        width: 1024,
        height: 1024,
        quality: "high",
        promptChars: 0,
        count: 3,
      }),
    ).toBe(0.63216);
  });

  it("rejects a quality without a known formula, and an unknown model by name", () => {
    expect(() =>
      estimateImageCost("gpt-image-2.6-flare", {
        width: 1024,
        height: 1024,
        quality: "max" as "high",
        promptChars: 1,
      }),
    ).toThrow('No token formula is known for image quality "max"');
    expect(() => costOfImageUsage("dall-e-3", { input_tokens: 1, output_tokens: 1 })).toThrow(
      'No price is known for the image model "dall-e-3"',
    );
  });
});

describe("transcription costs", () => {
  it("prices a transcription's token usage: audio in at $1.25, text out at $5 per MTok (gpt-4o-mini-transcribe)", () => {
    const usage = {
      input_tokens: 1_000_000,
      output_tokens: 100_000,
      input_token_details: { audio_tokens: 1_000_000, text_tokens: 0 },
    };
    expect(costOfTranscriptionUsage("gpt-4o-mini-transcribe", usage)).toBe(1.75);
    expect(costOfTranscriptionUsage("gpt-4o-transcribe", usage)).toBe(3.5);
  });

  it("reserves at least what a note of that length costs, and names an unknown model", () => {
    // Two minutes at a generous 10 audio tokens a second, with a long transcript.
    const actual = costOfTranscriptionUsage("gpt-4o-mini-transcribe", {
      input_tokens: 1200,
      output_tokens: 600,
    });
    expect(estimateTranscriptionCost("gpt-4o-mini-transcribe", 120)).toBeGreaterThanOrEqual(actual);
    expect(() => estimateTranscriptionCost("whisper-1", 10)).toThrow(
      'No price is known for the transcription model "whisper-1"',
    );
  });

  it("can be overridden from configuration, field by field", () => {
    const table = buildPriceTable({ transcription: { "gpt-4o-mini-transcribe": { audioInput: 3 } } });
    expect(
      costOfTranscriptionUsage(
        "gpt-4o-mini-transcribe",
        { input_tokens: 1_000_000, output_tokens: 0 },
        table,
      ),
    ).toBe(3);
    expect(() => buildPriceTable({ transcription: { "new-transcribe": { audioInput: 1 } } })).toThrow(
      /AI_PRICES\.transcription\["new-transcribe"\]\.textInput/,
    );
  });
});

describe("overriding the price table from configuration", () => {
  const usage = apiUsage({ input_tokens: 0, cache_read_input_tokens: 1_000_000, output_tokens: 0 });

  it("replaces only the fields given for a known model", () => {
    const table = buildPriceTable({
      effectiveFrom: "2026-12-01",
      claude: { "claude-sonnet-5-5": { cacheRead: 0.2 } },
    });
    expect(table.effectiveFrom).toBe("2026-12-01");
    expect(costOfClaudeUsage("claude-sonnet-5-5", usage, table)).toBe(0.2);
    expect(costOfClaudeUsage("claude-sonnet-5-5", usage)).toBe(0.1); // the built-in table is untouched
    expect(table.claude["claude-sonnet-5-5"]?.input).toBe(2);
  });

  it("adds a new model when every rate is given", () => {
    const table = buildPriceTable({
      claude: {
        "claude-sonnet-6": { input: 3, output: 15, cacheWrite5m: 3.75, cacheWrite1h: 6, cacheRead: 0.3 },
      },
      image: {
        "gpt-image-3": {
          textInput: 4,
          textInputCached: 1,
          imageInput: 6,
          imageInputCached: 1.5,
          imageOutput: 20,
        },
      },
    });
    expect(costOfClaudeUsage("claude-sonnet-6", usage, table)).toBe(0.3);
    expect(costOfImageUsage("gpt-image-3", { input_tokens: 0, output_tokens: 1_000_000 }, table)).toBe(20);
    expect(table.claude["claude-haiku-5-5"]).toEqual(DEFAULT_PRICE_TABLE.claude["claude-haiku-5-5"]);
  });

  it("returns the built-in table when there is no override", () => {
    expect(buildPriceTable(undefined)).toBe(DEFAULT_PRICE_TABLE);
  });

  it("lists every problem with its path, so a typo fails at start-up", () => {
    const attempt = () =>
      buildPriceTable({
        claude: {
          "claude-sonnet-5-5": { cacheRead: -1 },
          "claude-new": { input: 1, output: 5 },
        },
        image: { "gpt-image-2": { imageOutptu: 30 } },
      });
    expect(attempt).toThrow(PriceTableError);
    const message = (() => {
      try {
        attempt();
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('AI_PRICES.claude["claude-sonnet-5-5"].cacheRead');
    expect(message).toContain('AI_PRICES.claude["claude-new"].cacheWrite5m');
    expect(message).toContain('AI_PRICES.image["gpt-image-2"]');
    expect(message).toContain("imageOutptu");
  });

  it("rejects an override that is not an object of the documented shape", () => {
    expect(() => buildPriceTable({ anthropic: {} })).toThrow(PriceTableError);
    expect(() => buildPriceTable("cheap")).toThrow(PriceTableError);
  });
});
