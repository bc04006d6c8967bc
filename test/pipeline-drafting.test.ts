import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthToDateSpend } from "../src/budget/ledger.ts";
import { type FakeAnthropic, startFakeAnthropic, validReply } from "./fakes/fake-anthropic.ts";
import {
  type FakeFeedItem,
  type FakeFeedServer,
  renderRssFeed,
  startFakeFeedServer,
} from "./fakes/fake-feed-server.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import { draftUntil, ingestAndDraft } from "./helpers/drafting-runs.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let feeds: FakeFeedServer;
let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
let photo: Buffer;

const now = Date.now();
/** Ten stories; the six about trails are on topic. */
const stories: FakeFeedItem[] = Array.from({ length: 10 }, (_, i) => ({
  title: i < 6 ? `Trail race ${i}: a new course record in the Alps` : `Stock market report ${i}`,
  link: `https://news.example/${i}`,
  guid: `n-${i}`,
  description: i < 6 ? "The mountain trail running season ends with a record." : "Shares fell slightly.",
  publishedAt: new Date(now - i * 600_000),
}));

beforeAll(async () => {
  feeds = await startFakeFeedServer();
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAi();
  photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#3a6" } })
    .jpeg()
    .toBuffer();
  feeds.serve("/photo.jpg", { kind: "feed", body: photo, contentType: "image/jpeg" });
  feeds.serve("/news.xml", {
    kind: "feed",
    body: renderRssFeed({
      title: "Mountain News",
      link: "https://news.example/",
      items: stories.map((s, i) => (i === 0 ? { ...s, imageUrl: feeds.url("/photo.jpg") } : s)),
    }),
  });
  anthropic.setDefault(onTopicWhenAboutTrails);
});

afterAll(async () => {
  await feeds.close();
  await anthropic.close();
  await openai.close();
});

/** Claude's relevance in these tests: on topic when the title mentions a trail; drafts as the fake writes them. */
const onTopicWhenAboutTrails = (request: Parameters<typeof validReply>[0]) =>
  request.kind === "relevance"
    ? {
        json: {
          scores: request.articles.map((a) => ({
            ref: a.ref,
            score: /trail/i.test(a.title) ? 88 : 12,
            reason: /trail/i.test(a.title) ? "A trail running story." : "Finance, not running.",
          })),
        },
      }
    : validReply(request);

async function setUpBrand(t: TestApp, budgetUsd = 10) {
  const { brandId } = await insertOwnerAndBrand(t.app.sql, {
    telegramUserId: OWNER_ID,
    monthlyBudgetUsd: budgetUsd,
  });
  // One slot a day: two slots in the 48-hour horizon, plus a buffer of two, is room for four drafts.
  await t.app
    .sql`update brands set posting_slots = '[{"time":"09:00","days":[1,2,3,4,5,6,7]}]', default_hashtags = '{#TrailRunning}'
                  where id = ${brandId}`;
  await t.app.sql`insert into feeds (brand_id, url) values (${brandId}, ${feeds.url("/news.xml")})`;
  return brandId;
}

const drafts = (t: TestApp) =>
  t.app.sql<
    {
      id: number;
      status: string;
      caption: string;
      hashtags: string[];
      alt_text: string | null;
      image_key: string;
      image_source: string;
      source_title: string;
    }[]
  >`
    select id, status, caption, hashtags, alt_text, image_key, image_source, source_title from drafts order by id`;

describe("drafting with Claude and OpenAI", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      ANTHROPIC_API_KEY: anthropic.apiKey,
      ANTHROPIC_BASE_URL: anthropic.baseUrl,
      OPENAI_API_KEY: openai.apiKey,
      OPENAI_BASE_URL: openai.baseUrl,
    });
    await setUpBrand(t);
    openai.forceNextImage({ format: "png", width: 1024, height: 1536 });
    await ingestAndDraft(t);
  });
  afterAll(() => t.stop());

  it("scores all new articles in one batched request whose stable part is marked for caching", () => {
    const relevance = anthropic.requests.filter((r) => JSON.stringify(r.body).includes("relevance"));
    const scoring = anthropic.requests.filter((r) => (r.text ?? "").includes('"scores"'));
    expect(scoring).toHaveLength(1);
    expect(relevance.length).toBeGreaterThanOrEqual(1);
    const system = scoring[0]!.body.system as { text: string; cache_control?: unknown }[];
    expect(system.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
    const articlesInRequest = (
      JSON.stringify(scoring[0]!.body.messages).match(/Trail race|Stock market/g) ?? []
    ).length;
    expect(articlesInRequest).toBe(10);
  });

  it("drafts only the relevant stories, no more than the coming slots can use", async () => {
    const rows = await drafts(t);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.status).toBe("pending_review");
      expect(row.source_title).toMatch(/^Trail race/);
      expect(row.caption).toContain(row.source_title);
      expect(row.hashtags[0]).toBe("#TrailRunning");
      // Written by the same call as the caption.
      expect(row.alt_text).toBe(`A picture for the story: ${row.source_title}`);
    }
    const skipped = await t.app.sql`select skip_reason from articles where status = 'skipped'`;
    expect(skipped).toHaveLength(4);
    expect(skipped[0]!.skip_reason).toMatch(/^Not relevant enough \(12\/100\): Finance, not running\.$/);
  });

  it("gives every draft a JPEG Instagram accepts, even when the image API returns a tall PNG", async () => {
    expect(openai.requests.length).toBe(4);
    for (const row of await drafts(t)) {
      expect(row.image_source).toBe("generated");
      const stored = await t.app.services.media.get(row.image_key);
      const meta = await sharp(stored!.body).metadata();
      expect(meta.format).toBe("jpeg");
      const ratio = meta.width! / meta.height!;
      expect(ratio).toBeGreaterThanOrEqual(0.8);
      expect(ratio).toBeLessThanOrEqual(1.91);
      expect(meta.width).toBeGreaterThanOrEqual(320);
      expect(meta.width).toBeLessThanOrEqual(1440);
      expect(stored!.body.length).toBeLessThan(8_000_000);
    }
  });

  it("costs every AI call into the ledger from the usage the APIs returned", async () => {
    const rows = await t.app.sql<
      { operation: string; provider: string; n: number; cost: number; input: number }[]
    >`
      select operation, provider, count(*)::int as n, sum(cost_usd)::float8 as cost, sum(input_tokens)::int as input
        from ai_usage where status = 'settled' group by operation, provider order by operation`;
    expect(rows.map((r) => [r.operation, r.provider, r.n])).toEqual([
      ["draft", "anthropic", 4],
      ["image", "openai", 4],
      ["relevance", "anthropic", 1],
    ]);
    const fromFakes = anthropic.requests.reduce((sum, r) => sum + (r.usage?.input_tokens ?? 0), 0);
    expect(rows.filter((r) => r.provider === "anthropic").reduce((sum, r) => sum + r.input, 0)).toBe(
      fromFakes,
    );
    for (const row of rows) expect(row.cost).toBeGreaterThan(0);
    const [brand] = await t.app.sql<{ id: number }[]>`select id from brands`;
    const spend = await monthToDateSpend(t.app.sql, brand!.id);
    expect(spend.spentUsd).toBeCloseTo(
      rows.reduce((sum, r) => sum + r.cost, 0),
      6,
    );
    expect(spend.reservedUsd).toBe(0);
  });

  it("sends each draft to the owner as a card, once", async () => {
    await t.app.scheduler.runNow("telegram-outbox");
    const photos = t.telegram.messagesIn(OWNER_ID).filter((m) => m.photo);
    expect(photos).toHaveLength(4);
    await ingestAndDraft(t);
    await t.app.scheduler.runNow("telegram-outbox");
    expect(t.telegram.messagesIn(OWNER_ID).filter((m) => m.photo)).toHaveLength(4);
    expect(await drafts(t)).toHaveLength(4);
  });

  it("learns from the owner: approved captions and rejection reasons go into the next prompt", async () => {
    const [first, second] = await drafts(t);
    await t.app
      .sql`update drafts set status = 'approved', caption = 'OWNER EDITED VOICE SAMPLE', edited = true,
                    decided_at = now(), scheduled_for = now() + interval '3 days' where id = ${first!.id}`;
    await t.app
      .sql`update drafts set status = 'rejected', rejection_reason = 'too salesy for us', decided_at = now()
                    where id = ${second!.id}`;
    await t.app.sql`update articles set status = 'scored' where status = 'skipped' and title like 'Stock%'`;
    const before = anthropic.requests.length;
    await ingestAndDraft(t);
    const next = anthropic.requests
      .slice(before)
      .find((r) => JSON.stringify(r.body.system).includes("OWNER EDITED VOICE SAMPLE"));
    expect(next).toBeDefined();
    expect(JSON.stringify(next!.body.system)).toContain("too salesy for us");
  });
});

describe("drafting without AI keys", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpBrand(t);
    await t.app.sql`update brands set topic = 'trail running' where true`;
    await ingestAndDraft(t);
  });
  afterAll(() => t.stop());

  it("still drafts the on-topic stories, with a template caption crediting the source", async () => {
    const rows = await drafts(t);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.source_title).toMatch(/^Trail race/);
      expect(row.caption).toContain(row.source_title);
      expect(row.caption).toMatch(/news\.example/);
      expect(row.alt_text).toBe(row.source_title);
    }
    expect(await t.app.sql`select 1 from ai_usage`).toHaveLength(0);
  });

  it("uses the article's own picture when it has one, and a headline card otherwise", async () => {
    const rows = await drafts(t);
    const withPhoto = rows.find((r) => r.source_title.startsWith("Trail race 0"));
    expect(withPhoto!.image_source).toBe("article");
    expect(rows.filter((r) => r.image_source === "card")).toHaveLength(3);
    for (const row of rows) {
      const response = await fetch(`${t.app.url}/media/${row.image_key}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta.format).toBe("jpeg");
    }
    // Each image its draft holds is kept: none is left queued for removal.
    expect(await t.app.sql`select key from media_deletions`).toEqual([]);
    for (const probe of ["/media/%E0%A4%A", "/media/../encryption.key", "/media/drafts/nope.jpg"]) {
      expect((await fetch(`${t.app.url}${probe}`)).status).toBe(404);
    }
  });
});

describe("drafting under a spent budget", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
    await setUpBrand(t, 0.0001);
  });
  afterAll(() => t.stop());

  it("stops before any call would pass the cap, tells the owner once with the figures, and loses no article", async () => {
    const before = anthropic.requests.length;
    await ingestAndDraft(t);
    await t.app.sql`update feeds set next_fetch_at = now()`;
    await ingestAndDraft(t);
    expect(anthropic.requests.length).toBe(before);
    await t.app.scheduler.runNow("telegram-outbox");
    const notices = t.telegram.messagesIn(OWNER_ID).filter((m) => m.text?.includes("budget is used up"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/of \$0\.00;.*raise the cap with \/budget/s);
    const [counts] = await t.app.sql<
      { fresh: number }[]
    >`select count(*)::int as fresh from articles where status = 'new'`;
    expect(counts!.fresh).toBe(10);

    // Raising the cap resumes drafting on the next pass.
    await t.app.sql`update brands set monthly_budget_usd = 5`;
    await ingestAndDraft(t);
    expect(await drafts(t)).toHaveLength(4);
  });
});

describe("drafting through a Claude outage", () => {
  let t: TestApp;
  beforeAll(async () => {
    anthropic.reset();
    anthropic.setDefault(onTopicWhenAboutTrails);
    t = await startTestApp({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
    await setUpBrand(t);
  });
  afterAll(() => t.stop());

  it("keeps every article queued, charges nothing for the overloaded calls, and drafts once Claude is back", async () => {
    const overloaded = { error: { status: 529, type: "overloaded_error", message: "Overloaded" } };
    // The relevance call stays overloaded through its retries: no article is scored or skipped.
    anthropic.enqueue(overloaded, overloaded, overloaded);
    await ingestAndDraft(t);
    const statuses = async () =>
      (
        await t.app.sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from articles group by status order by status`
      ).map((r) => `${r.status}:${r.n}`);
    expect(await statuses()).toEqual(["new:10"]);
    expect(anthropic.requests).toHaveLength(3);

    // Scoring works; the three captions drafted side by side stay overloaded through their retries: their
    // drafts wait, nothing is skipped for them.
    anthropic.enqueue(onTopicWhenAboutTrails, ...Array<typeof overloaded>(9).fill(overloaded));
    await draftUntil(
      t.app,
      async () => anthropic.requests.filter((r) => r.status === 529).length === 12,
      "the caption calls overloaded",
    );
    expect(await statuses()).toEqual(["drafting:3", "scored:3", "skipped:4"]);
    expect((await drafts(t)).map((d) => d.status)).toEqual(["generating", "generating", "generating"]);

    const [ledger] = await t.app.sql<{ released: number; settled: number }[]>`
      select count(*) filter (where status = 'released')::int as released,
             count(*) filter (where status = 'settled')::int as settled from ai_usage`;
    expect(ledger).toEqual({ released: 4, settled: 1 });

    await draftUntil(
      t.app,
      async () => (await drafts(t)).filter((d) => d.status === "pending_review").length === 4,
      "four drafts",
    );
    expect(await drafts(t)).toHaveLength(4);
  });
});
