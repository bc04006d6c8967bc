import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGreenlight } from "../src/app.ts";
import { DRAFTS_PER_STEP } from "../src/pipeline/run-drafting.ts";
import {
  type FakeAnthropic,
  type FakeRequestView,
  startFakeAnthropic,
  validReply,
} from "./fakes/fake-anthropic.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import { draftUntil, ingestAndDraft } from "./helpers/drafting-runs.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { onRealPostgres } from "./helpers/test-database.ts";

/**
 * Drafting as claimed work: brands drafted side by side, each by one worker at a time, shared between
 * instances, in turns small enough that a small brand is not held up by a big one, and taken over when a
 * worker stops answering.
 */

let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
/**
 * Anthropic calls in flight, per brand name. One worker's step is either one relevance call or up to
 * DRAFTS_PER_STEP captions side by side: two relevance calls at once, a relevance call beside a caption, or more
 * captions than one step writes can only be a brand on two workers at once.
 */
const inFlight = new Map<string, { relevance: number; captions: number }>();
let sameBrandAtOnce = 0;
const callsOf = (brand: string) => {
  if (!inFlight.has(brand)) inFlight.set(brand, { relevance: 0, captions: 0 });
  return inFlight.get(brand)!;
};

const brandOf = (request: FakeRequestView) =>
  /Brand [A-Z]\w*/.exec(JSON.stringify(request.body.system))?.[0] ?? "unknown";

beforeAll(async () => {
  anthropic = await startFakeAnthropic({
    latencyMs: (request) => {
      const calls = callsOf(brandOf(request));
      if (request.kind === "relevance") calls.relevance += 1;
      else calls.captions += 1;
      if (
        calls.relevance > 1 ||
        (calls.relevance > 0 && calls.captions > 0) ||
        calls.captions > DRAFTS_PER_STEP
      )
        sameBrandAtOnce += 1;
      return 150;
    },
  });
  openai = await startFakeOpenAi({ latencyMs: 150 });
});
afterAll(async () => {
  await anthropic.close();
  await openai.close();
});

function allRelevant(request: FakeRequestView) {
  const calls = callsOf(brandOf(request));
  if (request.kind === "relevance") calls.relevance -= 1;
  else calls.captions -= 1;
  return request.kind === "relevance"
    ? { json: { scores: request.articles.map((a) => ({ ref: a.ref, score: 90, reason: "On topic." })) } }
    : validReply(request);
}

const aiEnv = () => ({
  ANTHROPIC_API_KEY: anthropic.apiKey,
  ANTHROPIC_BASE_URL: anthropic.baseUrl,
  OPENAI_API_KEY: openai.apiKey,
  OPENAI_BASE_URL: openai.baseUrl,
});

/** A brand (named "Brand <name>", which its prompts carry) with `articles` new articles and room for 4 drafts. */
async function brandWithArticles(t: TestApp, name: string, articles: number, telegramUserId: number) {
  const { brandId } = await insertOwnerAndBrand(t.app.sql, { name: `Brand ${name}`, telegramUserId });
  await t.app
    .sql`update brands set posting_slots = '[{"time":"09:00","days":[1,2,3,4,5,6,7]}]' where id = ${brandId}`;
  await t.app.sql`
    insert into articles (brand_id, dedupe_key, title, link, summary, status, published_at)
    select ${brandId}, 'a-' || n, ${name} || ' trail race ' || n, 'https://news.example/' || ${name} || '/' || n,
           'A race on the mountain trail.', 'new', now() - n * interval '1 minute'
      from generate_series(1, ${articles}) n`;
  return brandId;
}

async function cardsPerChat(t: TestApp, chats: number[]) {
  await t.app.scheduler.runNow("telegram-outbox");
  return chats.map((chat) => t.telegram.messagesIn(chat).filter((m) => m.photo).length);
}

afterEach(() => {
  anthropic.reset();
  inFlight.clear();
  sameBrandAtOnce = 0;
});

describe("one instance", { timeout: 120_000 }, () => {
  let t: TestApp;
  afterEach(() => t?.stop());

  it("drafts several brands at once, but never one brand on two workers at once", async () => {
    anthropic.setDefault(allRelevant);
    t = await startTestApp(aiEnv());
    const chats = [701, 702, 703, 704];
    for (const [i, chat] of chats.entries()) await brandWithArticles(t, `N${i}`, 2, chat);
    const openAiBefore = openai.requests.length;
    await ingestAndDraft(t);

    expect(await cardsPerChat(t, chats)).toEqual([2, 2, 2, 2]);
    expect(anthropic.mostAtOnce).toBeGreaterThan(1);
    expect(openai.mostAtOnce).toBeGreaterThan(1);
    expect(sameBrandAtOnce).toBe(0);
    expect(openai.requests.length - openAiBefore).toBe(8);
    const [drafts] = await t.app.sql<{ n: number; articles: number }[]>`
      select count(*)::int as n, count(distinct article_id)::int as articles from drafts`;
    expect(drafts).toEqual({ n: 8, articles: 8 });
  });

  it("gives a brand with one new article its card while a brand with five hundred is still being scored", async () => {
    anthropic.setDefault(allRelevant);
    t = await startTestApp({ ...aiEnv(), DRAFTING_CONCURRENCY: "1" });
    await brandWithArticles(t, "Big", 500, 711);
    await brandWithArticles(t, "Small", 1, 712);
    await ingestAndDraft(t);

    const kinds = anthropic.requests.map((r) => ({
      brand: /Brand (Big|Small)/.exec(JSON.stringify(r.body.system))?.[1],
      relevance: JSON.stringify(r.body).includes('"scores"'),
    }));
    const smallCaption = kinds.findIndex((k) => k.brand === "Small" && !k.relevance);
    const bigLastScoring = kinds.findLastIndex((k) => k.brand === "Big" && k.relevance);
    expect(kinds.filter((k) => k.brand === "Big" && k.relevance)).toHaveLength(13);
    expect(smallCaption).toBeGreaterThan(-1);
    expect(smallCaption).toBeLessThan(bigLastScoring);
    expect(await cardsPerChat(t, [711, 712])).toEqual([4, 1]);
  });

  it("takes over a draft whose worker stopped answering once its lease runs out, with one card in the end", async () => {
    anthropic.setDefault(allRelevant);
    t = await startTestApp(aiEnv());
    const brandId = await brandWithArticles(t, "Stalled", 1, 721);
    const imagesBefore = openai.requests.length;
    // The first worker's image takes "forever": it holds the brand, mid-draft, caption written.
    openai.delayNext(4_000);
    await t.app.scheduler.runNow("ingest");
    const stalled = t.app.scheduler.runNow("drafting");
    await draftUntil(t.app, async () => openai.requests.length > imagesBefore, "the first image requested");
    // Its lease runs out (a dead worker renews nothing): what a minute without heartbeats does.
    await t.app.sql`update drafting_queue set lease_until = now() where brand_id = ${brandId}`;
    await t.app.scheduler.runNow("drafting");

    const draftsNow = await t.app.sql<{ status: string }[]>`select status from drafts`;
    expect(draftsNow.map((d) => d.status)).toEqual(["pending_review"]);
    await stalled; // the first worker's image arrives: its writes are refused
    expect(await cardsPerChat(t, [721])).toEqual([1]);
    expect(await t.app.sql`select 1 from drafts`).toHaveLength(1);
    // The caption the first worker wrote was kept: Claude wrote one caption, not two.
    expect(anthropic.requests.filter((r) => !JSON.stringify(r.body).includes('"scores"'))).toHaveLength(1);
    expect(t.logs.text()).toContain("draft ready for review");
  });

  it("asks again after a 429 and a 529 (retry-after honoured), drafts once, and bills what the fakes report", async () => {
    t = await startTestApp(aiEnv());
    await brandWithArticles(t, "Limited", 1, 731);
    const limited = { error: { status: 429, type: "rate_limit_error", retryAfterSeconds: 1 } };
    const overloaded = { error: { status: 529, type: "overloaded_error" } };
    anthropic.enqueue(limited, allRelevant, overloaded, allRelevant);
    openai.failNext("rate_limit", { retryAfterSeconds: 1 });
    const imagesBefore = openai.requests.length;
    await ingestAndDraft(t);

    expect(await cardsPerChat(t, [731])).toEqual([1]);
    expect(anthropic.requests.map((r) => r.status)).toEqual([429, 200, 529, 200]);
    expect(openai.requests.length - imagesBefore).toBe(2);
    const rows = await t.app.sql<{ operation: string; status: string; input: number; output: number }[]>`
      select operation, status, input_tokens as input, output_tokens as output from ai_usage order by id`;
    expect(rows.map((r) => `${r.operation}:${r.status}`)).toEqual([
      "relevance:settled",
      "draft:settled",
      "image:settled",
    ]);
    const claude = rows.filter((r) => r.operation !== "image");
    const fake = anthropic.requests.filter((r) => r.usage);
    expect(claude.reduce((s, r) => s + r.input, 0)).toBe(fake.reduce((s, r) => s + r.usage!.input_tokens, 0));
    expect(claude.reduce((s, r) => s + r.output, 0)).toBe(
      fake.reduce((s, r) => s + r.usage!.output_tokens, 0),
    );
  });

  it("keeps an image that stays rate-limited queued with its caption, and finishes it later without a second caption", async () => {
    anthropic.setDefault(allRelevant);
    t = await startTestApp(aiEnv());
    await brandWithArticles(t, "Throttled", 1, 741);
    for (let i = 0; i < 3; i++) openai.failNext("rate_limit", { retryAfterSeconds: 1 });
    await ingestAndDraft(t);

    const [waiting] = await t.app.sql<
      { status: string; caption: string }[]
    >`select status, caption from drafts`;
    expect(waiting!.status).toBe("generating");
    expect(waiting!.caption).not.toBe("");
    expect(t.logs.text()).toContain("drafting waits for the AI provider's rate limit");
    const [released] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from ai_usage where operation = 'image' and status = 'released'`;
    expect(released!.n).toBe(1);

    await draftUntil(
      t.app,
      async () => (await t.app.sql`select 1 from drafts where status = 'pending_review'`).length === 1,
      "the draft finished after the wait",
    );
    expect(await cardsPerChat(t, [741])).toEqual([1]);
    expect(anthropic.requests.filter((r) => !JSON.stringify(r.body).includes('"scores"'))).toHaveLength(1);
  });
});

describe.runIf(onRealPostgres)("two instances on one database", { timeout: 120_000 }, () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it("share the brands, with no article drafted twice and no card sent twice", async () => {
    anthropic.setDefault(allRelevant);
    // Three brands at a time each: neither instance can take all six brands, so both must draft.
    t = await startTestApp({ ...aiEnv(), DRAFTING_CONCURRENCY: "3" });
    const secondLogs = capturedLogger("info");
    const second = await startGreenlight(t.app.config, {
      logger: secondLogs.logger,
      botInfo: t.telegram.botInfo,
      hostname: "127.0.0.1",
    });
    try {
      const chats = [801, 802, 803, 804, 805, 806];
      for (const [i, chat] of chats.entries()) await brandWithArticles(t, `Shared${i}`, 3, chat);
      await t.app.scheduler.runNow("ingest");
      await Promise.all([t.app.scheduler.runNow("drafting"), second.scheduler.runNow("drafting")]);
      await second.scheduler.runNow("telegram-outbox");

      expect(await cardsPerChat(t, chats)).toEqual([3, 3, 3, 3, 3, 3]);
      const [drafts] = await t.app.sql<{ n: number; articles: number }[]>`
        select count(*)::int as n, count(distinct article_id)::int as articles from drafts`;
      expect(drafts).toEqual({ n: 18, articles: 18 });
      expect(sameBrandAtOnce).toBe(0);
      // Both instances drafted some of them.
      expect(t.logs.text()).toContain("draft ready for review");
      expect(secondLogs.text()).toContain("draft ready for review");
    } finally {
      await second.stop();
    }
  });
});
