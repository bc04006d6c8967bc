import Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { costOfClaudeUsage, estimateClaudeCost } from "../src/budget/cost.ts";
import type { ArticleForAi, BrandProfile, OwnerExamples } from "../src/drafting/brand-profile.ts";
import { CacheWatch } from "../src/drafting/cache-watch.ts";
import { checkInstagramLimits, composePostText } from "../src/drafting/caption-limits.ts";
import { type ClaudeDrafter, createClaudeDrafter } from "../src/drafting/claude-drafter.ts";
import { DraftingError } from "../src/drafting/drafting-errors.ts";
import { estimateInputTokensUpperBound } from "../src/drafting/prompts.ts";
import {
  type FakeAnthropic,
  type FakeRequestView,
  fakeScore,
  startFakeAnthropic,
  validReply,
} from "./fakes/fake-anthropic.ts";

const MODEL = "claude-haiku-5-5";

const profile: BrandProfile = {
  name: "Pedal Berlin",
  topic: "urban cycling in Berlin",
  voice: "friendly, practical",
  audience: "commuters and families",
  language: "en",
  defaultHashtags: ["#PedalBerlin", "#BikeLanes"],
  bannedTerms: ["lycra lout"],
  visualStyle: "",
};
const examples: OwnerExamples = {
  approvedCaptions: ["Kantstrasse gets its bike lane at last.\n\nWould you ride it?"],
  rejectionReasons: ["Too salesy"],
};

function article(n: number, extra: Partial<ArticleForAi> = {}): ArticleForAi {
  return {
    id: `article-${n}`,
    title: `Bike lane story ${n}`,
    summary: `The city approved lane number ${n}. Work starts in March.`,
    link: `https://news.example/${n}`,
    source: "Example News",
    ...extra,
  };
}

interface Warning {
  details: Record<string, unknown>;
  message: string;
}

function userTextOf(body: Record<string, unknown>): string {
  const request = body as unknown as MessageCreateParamsNonStreaming;
  const content = request.messages.at(-1)!.content;
  return typeof content === "string"
    ? content
    : content.map((block) => (block.type === "text" ? block.text : "")).join("\n");
}

describe("Claude drafter against a fake Messages API", () => {
  let fake: FakeAnthropic;
  let client: Anthropic;
  let drafter: ClaudeDrafter;
  let warnings: Warning[];

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    // No SDK retries here: each request in fake.requests is one billed call. Retries get their own test below.
    client = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
  });

  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(() => {
    fake.reset();
    warnings = [];
    drafter = createClaudeDrafter({
      client,
      logger: { warn: (details, message) => warnings.push({ details, message }) },
    });
  });

  describe("scoring relevance", () => {
    it("scores a batch of articles in one request and maps each score back to its article", async () => {
      const articles = [article(1), article(2), article(3), article(4), article(5)];
      const result = await drafter.scoreArticles({ profile, examples, articles, model: MODEL });

      expect(fake.requests).toHaveLength(1);
      expect(result.scores).toEqual(
        articles.map((a) => ({
          articleId: a.id,
          score: fakeScore(a.title),
          reason: `Fake relevance for "${a.title}".`,
        })),
      );
      expect(result.skipped).toEqual([]);
      expect(result.usage).toHaveLength(1);
      expect(result.usage[0]).toMatchObject({
        kind: "relevance",
        model: MODEL,
        attempt: 1,
        requestId: "req_fake_1",
      });
      expect(result.usage[0]!.usage).toEqual(fake.requests[0]!.usage);
    });

    it("authenticates with a Bearer token and the pinned API version", async () => {
      await drafter.scoreArticles({ profile, examples, articles: [article(1)], model: MODEL });
      const { headers } = fake.requests[0]!;
      expect(headers.authorization).toBe(`Bearer ${fake.apiKey}`);
      expect(headers["anthropic-version"]).toBe("2026-10-21");
    });

    it("reads the cached prefix on the second batch instead of paying for it again", async () => {
      const first = await drafter.scoreArticles({ profile, examples, articles: [article(1)], model: MODEL });
      const second = await drafter.scoreArticles({
        profile,
        examples,
        articles: [article(2), article(3)],
        model: MODEL,
      });
      const written = first.usage[0]!.usage;
      const read = second.usage[0]!.usage;

      expect(written.cache_creation_input_tokens).toBeGreaterThanOrEqual(4096);
      expect(written.cache_read_input_tokens).toBe(0);
      expect(read.cache_read_input_tokens).toBe(written.cache_creation_input_tokens);
      expect(read.cache_creation_input_tokens).toBe(0);
      // Only the articles are paid at the full input rate.
      expect(read.input_tokens).toBeLessThan(250);
      expect(costOfClaudeUsage(MODEL, read)).toBeLessThan(costOfClaudeUsage(MODEL, written) / 3);
      expect(warnings).toEqual([]);
    });

    it("clips long summaries, so an article adds a bounded number of input tokens", async () => {
      await drafter.scoreArticles({ profile, examples, articles: [article(1)], model: MODEL });
      const long = Array.from({ length: 10 }, (_, index) =>
        article(index + 10, { summary: "Lots of detail. ".repeat(400) }),
      );
      const result = await drafter.scoreArticles({ profile, examples, articles: long, model: MODEL });
      const perArticle = result.usage[0]!.usage.input_tokens / long.length;

      expect(result.usage[0]!.usage.cache_read_input_tokens).toBeGreaterThan(0);
      expect(perArticle).toBeLessThan(200);
    });

    it("asks again only for the articles the first answer left out", async () => {
      fake.enqueue((request) => {
        const reply = validReply(request) as { json: { scores: unknown[] } };
        return { json: { scores: reply.json.scores.slice(0, 1) } };
      });
      const articles = [article(1), article(2), article(3)];
      const result = await drafter.scoreArticles({ profile, examples, articles, model: MODEL });

      expect(fake.requests).toHaveLength(2);
      const retryText = userTextOf(fake.requests[1]!.body);
      expect(retryText).toContain("Score these 2 articles");
      expect(retryText).not.toContain("Bike lane story 1");
      expect(retryText).toContain("could not be used: it had no valid score for 2 of the 3 articles.");
      expect(result.scores.map((score) => score.articleId)).toEqual(["article-1", "article-2", "article-3"]);
      expect(result.usage.map((call) => call.attempt)).toEqual([1, 2]);
      expect(warnings.map((warning) => warning.message)).toEqual(["Unusable Claude reply; retrying once"]);
    });

    it("skips, with a reason, an article that gets no valid score twice, keeping the others", async () => {
      const dropSecond = (request: FakeRequestView) => {
        const reply = validReply(request) as { json: { scores: { ref: string; score: number }[] } };
        const wanted = request.articles.find((a) => a.title === "Bike lane story 2")?.ref;
        return {
          json: {
            scores: reply.json.scores.map((entry) =>
              entry.ref === wanted ? { ...entry, score: 250 } : entry,
            ),
          },
        };
      };
      fake.enqueue(dropSecond, dropSecond);
      const result = await drafter.scoreArticles({
        profile,
        examples,
        articles: [article(1), article(2), article(3)],
        model: MODEL,
      });

      expect(result.scores.map((score) => score.articleId)).toEqual(["article-1", "article-3"]);
      expect(result.skipped).toEqual([
        {
          articleId: "article-2",
          reason: "schema_mismatch",
          message: "Claude gave no usable relevance score for this article, twice.",
        },
      ]);
      expect(result.usage).toHaveLength(2);
    });

    it("fails with a typed error, and both calls' usage, when neither answer is usable", async () => {
      fake.enqueue({ text: "Sure! Here are the scores: 1) 80" }, { json: { rankings: [] } });
      const error = await drafter
        .scoreArticles({ profile, examples, articles: [article(1), article(2)], model: MODEL })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(DraftingError);
      const drafting = error as DraftingError;
      expect(drafting.reason).toBe("schema_mismatch");
      expect(drafting.message).toBe(
        "Claude could not score the articles after two tries: the answer did not match the response schema (scores).",
      );
      expect(drafting.usage).toHaveLength(2);
      expect(drafting.usage.map((call) => call.usage)).toEqual(fake.requests.map((request) => request.usage));
      expect(userTextOf(fake.requests[1]!.body)).toContain("could not be used: it was not valid JSON.");
    });
  });

  describe("writing drafts", () => {
    it("returns a caption with the hook first and the source credited, default hashtags first", async () => {
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(7),
        model: MODEL,
        mode: "draft",
      });

      expect(result.caption).toBe(
        "Bike lane story 7\n\n" +
          "The city approved lane number 7. Work starts in March.\n\n" +
          "Would this change your week? Tell us in the comments.\n\n" +
          "Source: Example News — https://news.example/7",
      );
      expect(result.hashtags).toEqual(["#PedalBerlin", "#BikeLanes", "#Bike", "#FakeNews"]);
      expect(checkInstagramLimits(composePostText(result.caption, result.hashtags))).toEqual([]);
      expect(result.usage).toHaveLength(1);
      expect(result.usage[0]).toMatchObject({ kind: "draft", attempt: 1 });
    });

    it("sends a rewrite through the draft's cached prefix, with the previous caption", async () => {
      const first = await drafter.writeDraft({
        profile,
        examples,
        article: article(7),
        model: MODEL,
        mode: "draft",
      });
      const rewrite = await drafter.writeDraft({
        profile,
        examples,
        article: article(7),
        model: MODEL,
        mode: "rewrite",
        previousCaption: first.caption,
      });

      expect(rewrite.usage[0]!.kind).toBe("rewrite");
      expect(rewrite.usage[0]!.usage.cache_read_input_tokens).toBe(
        first.usage[0]!.usage.cache_creation_input_tokens,
      );
      expect(userTextOf(fake.requests[1]!.body)).toContain(
        `<previous_caption>\n${first.caption}\n</previous_caption>`,
      );
    });

    it("retries an invalid first answer once, and returns the usage of both calls", async () => {
      fake.enqueue({ text: '{"hook": "Half an answ' });
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(8),
        model: MODEL,
        mode: "draft",
      });

      expect(result.caption.startsWith("Bike lane story 8\n\n")).toBe(true);
      expect(result.usage.map((call) => [call.attempt, call.usage])).toEqual([
        [1, fake.requests[0]!.usage],
        [2, fake.requests[1]!.usage],
      ]);
      expect(userTextOf(fake.requests[1]!.body)).toContain("could not be used: it was not valid JSON.");
      // The retry note sits after the cached prefix: the retry reads what the first call wrote.
      expect(result.usage[1]!.usage.cache_read_input_tokens).toBe(
        result.usage[0]!.usage.cache_creation_input_tokens,
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.details).toMatchObject({ kind: "draft", reason: "invalid_json" });
    });

    it("gives up after the second invalid answer with the reason and both usages", async () => {
      fake.enqueue(
        { json: { caption: "x" } },
        { json: { hook: "", body: "b", call_to_action: "", credit: "c" } },
      );
      const error = await drafter
        .writeDraft({ profile, examples, article: article(9), model: MODEL, mode: "draft" })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(DraftingError);
      expect((error as DraftingError).reason).toBe("schema_mismatch");
      expect((error as DraftingError).message).toBe(
        "Claude could not write a caption after two tries: the answer did not match the response schema (hook, hashtags).",
      );
      expect((error as DraftingError).usage).toHaveLength(2);
    });

    it("writes alt text for the image in the same call, asked for in the response schema", async () => {
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(4),
        model: MODEL,
        mode: "draft",
      });

      expect(result.altText).toBe("A picture for the story: Bike lane story 4");
      expect(fake.requests).toHaveLength(1);
      const schema = (fake.requests[0]!.body.output_config as { format: { schema: { required: string[] } } })
        .format.schema;
      expect(schema.required).toContain("alt_text");
    });

    it("plans the carousel's slides in the same call, sending back a slide too long to read on a phone", async () => {
      const withSlides =
        (format: string, slides: { text: string; alt_text: string }[]) => (request: FakeRequestView) => {
          const reply = validReply(request) as { json: Record<string, unknown> };
          return { json: { ...reply.json, format, slides } };
        };
      const fact = (text: string) => ({ text, alt_text: `Slide: ${text}` });
      fake.enqueue(
        withSlides("carousel", [fact("x".repeat(121)), fact("Two")]),
        withSlides("carousel", [fact("One fact."), fact("Two facts."), fact("Three facts.")]),
      );
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(7),
        model: MODEL,
        mode: "draft",
        postFormat: "auto",
      });
      expect(fake.requests).toHaveLength(2);
      expect(userTextOf(fake.requests[1]!.body)).toContain(
        "slide 1 is 121 characters; each slide takes at most 120.",
      );
      expect(result.format).toBe("carousel");
      expect(result.slidePlan.facts.map((f) => f.text)).toEqual(["One fact.", "Two facts.", "Three facts."]);
      expect(result.slidePlan.facts[0]!.altText).toBe("Slide: One fact.");
      expect(result.slidePlan.credit).toMatch(/^Source: /);
      expect(result.usage).toHaveLength(2);

      // The brand's setting wins over the model's choice; a banned term on a slide is sent back like one in the caption.
      fake.enqueue(
        withSlides("carousel", [fact("A lycra lout rides by."), fact("Two")]),
        withSlides("carousel", [fact("One"), fact("Two")]),
      );
      const single = await drafter.writeDraft({
        profile,
        examples,
        article: article(8),
        model: MODEL,
        mode: "draft",
        postFormat: "single",
      });
      expect(userTextOf(fake.requests[3]!.body)).toContain('the banned term "lycra lout"');
      expect(single.format).toBe("single");
      expect(single.slidePlan.facts).toHaveLength(2);
    });

    it("keeps alt text within Instagram's 1,000 characters, and falls back to the hook when there is none", async () => {
      const withAlt = (altText: string | undefined) => (request: FakeRequestView) => {
        const reply = validReply(request) as { json: Record<string, unknown> };
        return { json: { ...reply.json, alt_text: altText } };
      };
      fake.enqueue(withAlt("A long look at the lane. ".repeat(60)), withAlt("   "));
      const long = await drafter.writeDraft({
        profile,
        examples,
        article: article(5),
        model: MODEL,
        mode: "draft",
      });
      const empty = await drafter.writeDraft({
        profile,
        examples,
        article: article(6),
        model: MODEL,
        mode: "draft",
      });

      expect(Array.from(long.altText).length).toBeLessThanOrEqual(1000);
      expect(long.altText.endsWith("…")).toBe(true);
      expect(long.altText).not.toContain("\n");
      expect(empty.altText).toBe("Bike lane story 6");
      expect(fake.requests).toHaveLength(2);
    });

    it("drops hashtags beyond Instagram's 30 without a retry", async () => {
      fake.enqueue((request) => {
        const reply = validReply(request) as { json: Record<string, unknown> };
        return {
          json: { ...reply.json, hashtags: Array.from({ length: 40 }, (_, index) => `#Tag${index}`) },
        };
      });
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(1),
        model: MODEL,
        mode: "draft",
      });

      expect(fake.requests).toHaveLength(1);
      expect(result.hashtags).toHaveLength(30);
      expect(result.hashtags.slice(0, 3)).toEqual(["#PedalBerlin", "#BikeLanes", "#Tag0"]);
    });

    it("retries a caption too long for Instagram, telling the model by how much, then fails if it stays too long", async () => {
      const tooLong = (request: FakeRequestView) => {
        const reply = validReply(request) as { json: Record<string, unknown> };
        return { json: { ...reply.json, body: "A very long paragraph. ".repeat(110) } };
      };
      fake.enqueue(tooLong, tooLong);
      const error = await drafter
        .writeDraft({ profile, examples, article: article(1), model: MODEL, mode: "draft" })
        .catch((caught: unknown) => caught);

      expect((error as DraftingError).reason).toBe("limits_exceeded");
      expect(userTextOf(fake.requests[1]!.body)).toMatch(
        /could not be used: The caption is 2,\d{3} characters; Instagram allows 2,200\. Write a shorter caption\./,
      );
      expect((error as DraftingError).usage).toHaveLength(2);
    });

    it("retries a caption that uses a banned term", async () => {
      fake.enqueue((request) => {
        const reply = validReply(request) as { json: Record<string, unknown> };
        return { json: { ...reply.json, body: "No Lycra Lout was harmed." } };
      });
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(2),
        model: MODEL,
        mode: "draft",
      });

      expect(result.caption).not.toMatch(/lycra lout/i);
      expect(userTextOf(fake.requests[1]!.body)).toContain(
        'could not be used: the caption used the banned term "lycra lout".',
      );
    });

    it("does not retry a refusal: the same article would be refused again", async () => {
      fake.enqueue({ text: "", stopReason: "refusal" });
      const error = await drafter
        .writeDraft({ profile, examples, article: article(3), model: MODEL, mode: "draft" })
        .catch((caught: unknown) => caught);

      expect((error as DraftingError).reason).toBe("refused");
      expect((error as DraftingError).message).toBe(
        "Claude could not write a caption: Claude declined to answer.",
      );
      expect(fake.requests).toHaveLength(1);
      expect((error as DraftingError).usage).toHaveLength(1);
    });

    it("treats an answer cut off at max_tokens as unusable and retries it", async () => {
      fake.enqueue({
        json: { hook: "x", body: "word ".repeat(5000), call_to_action: "", credit: "c", hashtags: [] },
      });
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(4),
        model: MODEL,
        mode: "draft",
      });

      expect(fake.requests[0]!.usage!.output_tokens).toBe(2560);
      expect(userTextOf(fake.requests[1]!.body)).toContain("cut off at the token limit");
      expect(result.usage).toHaveLength(2);
    });

    it("reserves at least what the call then costs", async () => {
      const result = await drafter.writeDraft({
        profile,
        examples,
        article: article(5),
        model: MODEL,
        mode: "draft",
      });
      const sent = fake.requests[0]!.body as unknown as MessageCreateParamsNonStreaming;
      const estimate = estimateClaudeCost(MODEL, {
        inputTokens: estimateInputTokensUpperBound(sent),
        maxOutputTokens: sent.max_tokens,
      });
      expect(estimate).toBeGreaterThanOrEqual(costOfClaudeUsage(MODEL, result.usage[0]!.usage));
    });
  });

  describe("deriving a voice", () => {
    it("returns a short description from example captions", async () => {
      const result = await drafter.describeVoice({ captions: examples.approvedCaptions, model: MODEL });
      expect(result.voice).toBe("Warm and direct; short sentences; one emoji at most; ends with a question.");
      expect(result.usage[0]!.kind).toBe("voice");
      expect(fake.requests[0]!.usage!.cache_creation_input_tokens).toBe(0); // one-off: nothing worth caching
    });
  });

  describe("API failures", () => {
    it("turns an API error into a DraftingError carrying the status and the API's own message", async () => {
      fake.enqueue({ error: { status: 529, type: "overloaded_error" } });
      const error = await drafter
        .writeDraft({ profile, examples, article: article(1), model: MODEL, mode: "draft" })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(DraftingError);
      const drafting = error as DraftingError;
      expect(drafting.reason).toBe("api_error");
      expect(drafting.remote).toEqual({
        status: 529,
        type: "overloaded_error",
        message: "Overloaded",
        requestId: "req_fake_1",
      });
      expect(drafting.message).toBe("The Claude API call (draft, claude-haiku-5-5) failed: 529 Overloaded");
      expect(drafting.message).not.toContain(fake.apiKey);
      expect(drafting.usage).toEqual([]);
    });

    it("keeps the first answer's scores when the retry hits an API error", async () => {
      fake.enqueue(
        (request) => {
          const reply = validReply(request) as { json: { scores: unknown[] } };
          return { json: { scores: reply.json.scores.slice(0, 1) } };
        },
        { error: { status: 400, type: "invalid_request_error", message: "Something was off" } },
      );
      const result = await drafter.scoreArticles({
        profile,
        examples,
        articles: [article(1), article(2)],
        model: MODEL,
      });

      expect(result.scores.map((score) => score.articleId)).toEqual(["article-1"]);
      expect(result.skipped).toEqual([
        {
          articleId: "article-2",
          reason: "api_error",
          message: "The Claude API failed while scoring this article again; it was not scored.",
        },
      ]);
      expect(result.usage).toHaveLength(1);
    });

    it("lets the SDK retry an overloaded API by itself; only the answered call is billed", async () => {
      const retrying = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 2 });
      const patient = createClaudeDrafter({ client: retrying, logger: { warn: () => {} } });
      fake.enqueue({ error: { status: 529, type: "overloaded_error" } });
      const result = await patient.writeDraft({
        profile,
        examples,
        article: article(1),
        model: MODEL,
        mode: "draft",
      });

      expect(fake.requests.map((request) => request.status)).toEqual([529, 200]);
      expect(fake.requests[1]!.headers["x-stainless-retry-count"]).toBe("1");
      expect(result.usage).toHaveLength(1);
    });
  });
});

describe("noticing that the prompt cache does nothing", () => {
  let fake: FakeAnthropic | undefined;

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function drafterAgainst(options: Parameters<typeof startFakeAnthropic>[0]) {
    fake = await startFakeAnthropic(options);
    const warnings: Warning[] = [];
    const client = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
    const logger = {
      warn: (details: Record<string, unknown>, message: string) => warnings.push({ details, message }),
    };
    const drafter = createClaudeDrafter({
      client,
      logger,
      cacheWatch: new CacheWatch({ logger, threshold: 3 }),
    });
    return { drafter, warnings };
  }

  it("warns once when three cacheable calls in a row neither write nor read the cache", async () => {
    // A model whose real minimum is far above our prefix: the API caches nothing and says nothing.
    const { drafter, warnings } = await drafterAgainst({ minimumCacheableTokens: () => 50_000 });
    for (const n of [1, 2])
      await drafter.writeDraft({ profile, examples, article: article(n), model: MODEL, mode: "draft" });
    expect(warnings).toEqual([]);
    for (const n of [3, 4])
      await drafter.writeDraft({ profile, examples, article: article(n), model: MODEL, mode: "draft" });

    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details).toEqual({
      model: MODEL,
      kind: "draft",
      consecutiveCallsWithoutCacheRead: 3,
      callsThatWroteTheCache: 0,
    });
    expect(warnings[0]!.message).toContain("below the model's minimum cacheable size");
  });

  it("warns when every call writes the cache but none reads it, as when calls are more than 5 minutes apart", async () => {
    let clock = 0;
    const { drafter, warnings } = await drafterAgainst({ now: () => clock });
    for (const n of [1, 2, 3]) {
      await drafter.scoreArticles({ profile, examples, articles: [article(n)], model: MODEL });
      clock += 6 * 60_000;
    }

    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details).toMatchObject({ kind: "relevance", callsThatWroteTheCache: 3 });
    expect(warnings[0]!.message).toContain("written but never read");
  });

  it("stays quiet while the cache is read, and finds the text after thinking blocks", async () => {
    const { drafter, warnings } = await drafterAgainst({ thinkingTokens: 40 });
    for (const n of [1, 2, 3, 4]) {
      const result = await drafter.scoreArticles({ profile, examples, articles: [article(n)], model: MODEL });
      expect(result.scores).toHaveLength(1);
      expect(result.usage[0]!.usage.output_tokens_details?.thinking_tokens).toBe(40);
    }
    expect(warnings).toEqual([]);
  });
});
