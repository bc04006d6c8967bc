import Anthropic from "@anthropic-ai/sdk";
import type { ArticleForAi, BrandProfile, OwnerExamples } from "../../src/drafting/brand-profile.ts";
import { createClaudeDrafter } from "../../src/drafting/claude-drafter.ts";
import { MAX_ARTICLES_PER_RELEVANCE_REQUEST } from "../../src/drafting/prompts.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { startFakeAnthropic } from "../../test/fakes/fake-anthropic.ts";
import type { Figure } from "../run.ts";

const profile: BrandProfile = {
  name: "Trail Notes",
  topic: "trail running, mountain races and the gear that gets you there",
  voice: "warm, practical, a little playful; short sentences; speaks to runners as a friend",
  audience: "amateur trail runners in Europe",
  language: "en",
  defaultHashtags: ["#TrailRunning", "#MountainRunning"],
  bannedTerms: ["guaranteed", "miracle"],
  visualStyle: "natural light, muted earth tones, wide landscapes",
};
const examples: OwnerExamples = {
  approvedCaptions: [
    "New course record at Zegama! 🏔️ Here's what changed on the climb…",
    "Three things we learned from this year's UTMB entry list.",
    "Rain, mud and a smile: the best photos from the weekend's races.",
  ],
  rejectionReasons: ["too salesy", "already covered last week"],
};
const article = (i: number): ArticleForAi => ({
  id: String(i),
  title: `Trail race ${i}: a new course record as the mountain season ends`,
  summary:
    "The race saw a record field and a new course record on the final climb. Organisers said the new route, " +
    "which adds a ridge section, will stay for next year. Runners praised the aid stations and the marking. ".repeat(
      3,
    ),
  link: `https://news.example/story/${i}`,
  source: "Mountain News",
});

/**
 * Prompt size per article through the real drafter and SDK, counted by the fake Messages API (which counts
 * roughly four characters a token): relevance in one batch of 40, then drafts — each run twice, so the second
 * run reads the cache as production would within five minutes.
 */
export async function promptTokensScenario(): Promise<Figure[]> {
  const fake = await startFakeAnthropic();
  try {
    const drafter = createClaudeDrafter({
      client: new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 }),
      logger: createLogger("error"),
    });
    const model = "claude-haiku-5-5";
    const articles = Array.from({ length: MAX_ARTICLES_PER_RELEVANCE_REQUEST }, (_, i) => article(i + 1));
    const totals = (from: number) => {
      const usage = fake.requests.slice(from).map((r) => r.usage!);
      const input = usage.reduce((s, u) => s + u.input_tokens, 0);
      const write = usage.reduce((s, u) => s + u.cache_creation_input_tokens, 0);
      const read = usage.reduce((s, u) => s + u.cache_read_input_tokens, 0);
      return { prompt: input + write + read, cacheable: write + read, uncached: input, calls: usage.length };
    };
    await drafter.scoreArticles({ profile, examples, articles, model });
    let mark = fake.requests.length;
    await drafter.scoreArticles({ profile, examples, articles, model });
    const relevance = totals(mark);
    await drafter.writeDraft({ profile, examples, article: article(1), model, mode: "draft" });
    mark = fake.requests.length;
    for (let i = 2; i <= 6; i++)
      await drafter.writeDraft({ profile, examples, article: article(i), model, mode: "draft" });
    const drafts = totals(mark);
    const share = (t: { prompt: number; cacheable: number }) =>
      `${Math.round((100 * t.cacheable) / t.prompt)} %`;
    return [
      {
        scenario: "prompts",
        metric: `relevance: input tokens per article (batch of ${articles.length})`,
        value: `${Math.round(relevance.prompt / articles.length)} (${Math.round(relevance.uncached / articles.length)} uncached)`,
      },
      {
        scenario: "prompts",
        metric: "relevance: share of prompt tokens marked cacheable",
        value: share(relevance),
      },
      {
        scenario: "prompts",
        metric: "draft: input tokens per draft",
        value: `${Math.round(drafts.prompt / drafts.calls)} (${Math.round(drafts.uncached / drafts.calls)} uncached)`,
      },
      { scenario: "prompts", metric: "draft: share of prompt tokens marked cacheable", value: share(drafts) },
    ];
  } finally {
    await fake.close();
  }
}
