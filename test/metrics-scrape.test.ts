import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import { type FakeAnthropic, startFakeAnthropic, validReply } from "./fakes/fake-anthropic.ts";
import { type FakeFeedServer, renderRssFeed, startFakeFeedServer } from "./fakes/fake-feed-server.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  EVERY_DAY,
  insertDraft,
  pressButton,
} from "./helpers/draft-fixtures.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { parseSamples, type Sample, sampleSum } from "./helpers/prometheus-text.ts";
import {
  connectedBrand,
  postRow,
  runPublisher,
  setClock,
  startPublishingTestApp,
  storedImage,
} from "./helpers/publishing-fixtures.ts";
import {
  OWNER_ID,
  TEST_ENCRYPTION_KEY,
  TEST_WEBHOOK_SECRET,
  type TestApp,
} from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

/**
 * /metrics on a public deployment (PUBLIC_URL set) with METRICS_TOKEN: scraped through the real server as
 * Prometheus would, while real flows run (a feed drafted with Claude and OpenAI, a card approved in Telegram, a
 * post published to Instagram), all against the fakes on 127.0.0.1.
 */

const METRICS_TOKEN = "metrics-token_0123456789abcdef";

let t: TestApp;
let ig: FakeInstagram;
let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
let feeds: FakeFeedServer;
let ownerId: number;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAi();
  feeds = await startFakeFeedServer();
  // Every story is on topic, so each becomes a draft while slots allow.
  anthropic.setDefault((request) =>
    request.kind === "relevance"
      ? {
          json: {
            scores: request.articles.map((a) => ({ ref: a.ref, score: 90, reason: "On topic." })),
          },
        }
      : validReply(request),
  );
  t = await startPublishingTestApp(ig, {
    METRICS_TOKEN,
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
  });
  ({ ownerId } = await insertOwnerAndBrand(t.app.sql, { telegramUserId: OWNER_ID, name: "Metrics Owner" }));
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
  await anthropic?.close();
  await openai?.close();
  await feeds?.close();
});

/** A scrape as Prometheus makes it: with `Authorization: Bearer <token>`, or with no such header for `null`. */
async function scrape(token: string | null = METRICS_TOKEN): Promise<Response> {
  return fetch(`${t.app.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

async function samples(): Promise<Sample[]> {
  const response = await scrape();
  expect(response.status).toBe(200);
  return parseSamples(await response.text());
}

describe("who may scrape /metrics on a public deployment", () => {
  it("refuses a scrape without the token, or with a wrong one, and says what to send", async () => {
    for (const token of [null, "wrong-token_0123456789abcdef"]) {
      const refused = await scrape(token);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await refused.json()).toEqual({
        error: "unauthorized",
        message: "Send Authorization: Bearer <METRICS_TOKEN> to read /metrics.",
      });
    }
  });

  it("answers the Prometheus text format to the holder of METRICS_TOKEN", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE greenlight_http_requests_total counter");
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
  });

  it("says at start-up that metrics are exposed to the token", () => {
    const started = t.logs.lines.map((line) => JSON.parse(line)).find((l) => l.msg === "greenlight started");
    expect(started.metrics).toBe("exposed at /metrics to Authorization: Bearer <METRICS_TOKEN>");
  });
});

describe("what the counters show after real work", () => {
  it("counts the drafts a feed pass made, its jobs, and the AI calls, tokens and spend the ledger billed", async () => {
    const before = await samples();
    await t.app.sql`update brands set posting_slots = ${t.app.sql.json([{ time: "09:00", days: EVERY_DAY }])}
                     where owner_id = ${ownerId}`;
    feeds.serve("/trail.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Trail News",
        link: "https://news.example/",
        items: [1, 2, 3].map((i) => ({
          title: `Trail race ${i} ends in a course record`,
          link: `https://news.example/trail-${i}`,
          guid: `trail-${i}`,
          description: "A new course record in the Alps.",
          publishedAt: new Date(Date.now() - i * 60_000),
        })),
      }),
    });
    await t.app.sql`insert into feeds (brand_id, url)
                    select id, ${feeds.url("/trail.xml")} from brands where owner_id = ${ownerId}`;
    expect(await t.app.scheduler.runNow("ingest")).toBe(true);
    await t.app.scheduler.runNow("drafting");

    const after = await samples();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    const [drafted] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from drafts d join brands b on b.id = d.brand_id
       where b.owner_id = ${ownerId} and d.status = 'pending_review'`;
    expect(drafted!.n).toBeGreaterThan(0);
    expect(delta("greenlight_drafts_total", { outcome: "drafted" })).toBe(drafted!.n);

    // Every call the ledger settled is counted under its provider and operation, with its cost.
    const ledger = await t.app.sql<{ provider: string; operation: string; calls: number; cost: number }[]>`
      select provider, operation, count(*)::int as calls, sum(cost_usd)::float8 as cost
        from ai_usage where status = 'settled' group by provider, operation`;
    expect(ledger.map((row) => row.operation).sort()).toEqual(["draft", "image", "relevance"]);
    for (const row of ledger) {
      const labels = { provider: row.provider, operation: row.operation };
      expect(delta("greenlight_ai_calls_total", { ...labels, billing: "settled" })).toBe(row.calls);
      expect(delta("greenlight_ai_spend_usd_total", labels)).toBeCloseTo(row.cost, 5);
    }
    const claudeTokens = await t.app.sql<{ input: number; output: number }[]>`
      select sum(input_tokens)::int as input, sum(output_tokens)::int as output
        from ai_usage where status = 'settled' and provider = 'anthropic'`;
    expect(delta("greenlight_ai_tokens_total", { provider: "anthropic", type: "input" })).toBe(
      claudeTokens[0]!.input,
    );
    expect(delta("greenlight_ai_tokens_total", { provider: "anthropic", type: "output" })).toBe(
      claudeTokens[0]!.output,
    );

    expect(delta("greenlight_job_duration_seconds_count", { job: "ingest", outcome: "ok" })).toBe(1);
    const lastSuccess = sampleSum(after, "greenlight_job_last_success_timestamp_seconds", { job: "ingest" });
    expect(Math.abs(lastSuccess - Date.now() / 1000)).toBeLessThan(60);
  });

  it("counts an approval from Telegram and the publish that follows, by outcome", async () => {
    const before = await samples();
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const image = await storedImage(t);
    const draftId = await insertDraft(t.app.sql, brandId, { imageKey: image.key, imageUrl: image.url });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    const approve = buttonsOf(card.text).find((b) => b.text === "✅ Approve")!;
    await pressButton(t, approve.callback_data!, { message_id: card.text.message_id, chat_id: card.chatId });
    const slot = (await postRow(t, draftId)).scheduled_for!;

    const approved = await samples();
    const sinceStart = (now: Sample[], name: string, labels: Record<string, string>) =>
      sampleSum(now, name, labels) - sampleSum(before, name, labels);
    expect(
      sinceStart(approved, "greenlight_draft_decisions_total", { action: "approve", outcome: "done" }),
    ).toBe(1);
    expect(
      sinceStart(approved, "greenlight_telegram_updates_total", {
        kind: "callback_query",
        outcome: "handled",
      }),
    ).toBe(1);
    expect(
      sinceStart(approved, "greenlight_http_requests_total", {
        method: "POST",
        route: "/telegram/webhook",
        status: "200",
      }),
    ).toBe(1);

    setClock(t, new Date(slot.getTime() + 1000));
    try {
      await runPublisher(t);
    } finally {
      t.app.services.clock = () => new Date();
    }
    expect(ig.published(account)).toHaveLength(1);
    const published = await samples();
    expect(sinceStart(published, "greenlight_publishes_total", { outcome: "published" })).toBe(1);
    expect(
      sinceStart(published, "greenlight_job_duration_seconds_count", { job: "publish", outcome: "ok" }),
    ).toBe(1);
  });

  it("counts a Telegram update whose handler failed as failed", async () => {
    await t.restart({ TELEGRAM_API_ROOT: "http://127.0.0.1:1", METRICS_TOKEN });
    try {
      // Counters start again with the process: the restarted one has counted nothing yet.
      expect(sampleSum(await samples(), "greenlight_telegram_updates_total", {})).toBe(0);
      expect((await postUpdate(t, textUpdate("/help"))).status).toBe(200);
      expect(
        sampleSum(await samples(), "greenlight_telegram_updates_total", {
          kind: "message",
          outcome: "failed",
        }),
      ).toBe(1);
    } finally {
      await t.restart({ METRICS_TOKEN });
    }
  });
});

describe("queue depths", () => {
  it("reads the work waiting from the database at scrape time", async () => {
    const depth = (s: Sample[], queue: string) => sampleSum(s, "greenlight_queue_depth", { queue });
    const outbox = (s: Sample[], status: string) =>
      sampleSum(s, "greenlight_telegram_outbox_messages", { status });
    const before = await samples();
    expect(sampleSum(before, "greenlight_queue_depths_read")).toBe(1);

    const [brand] = await t.app.sql<
      { id: number }[]
    >`select id from brands where owner_id = ${ownerId} limit 1`;
    for (let i = 0; i < 3; i++) await insertDraft(t.app.sql, brand!.id, { status: "pending_review" });
    for (let i = 0; i < 2; i++) {
      await insertDraft(t.app.sql, brand!.id, {
        status: "approved",
        scheduledFor: new Date(Date.now() - (i + 1) * 3_600_000 - 17_000),
      });
    }
    // Not due yet: not counted.
    await insertDraft(t.app.sql, brand!.id, {
      status: "approved",
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
    await t.app.sql`
      insert into articles (brand_id, dedupe_key, title, status)
      select ${brand!.id}, 'queue-depth-' || n, 'Waiting ' || n, case when n % 2 = 0 then 'new' else 'scored' end
        from generate_series(1, 4) n`;
    await t.app.sql`
      insert into telegram_outbox (chat_id, kind, payload, status, next_attempt_at)
      values (1, 'text', '{}', 'pending', now() + interval '1 day'),
             (1, 'text', '{}', 'dead', now()),
             (1, 'text', '{}', 'dead', now())`;

    const after = await samples();
    expect(depth(after, "drafts_waiting_review") - depth(before, "drafts_waiting_review")).toBe(3);
    expect(depth(after, "posts_due") - depth(before, "posts_due")).toBe(2);
    expect(depth(after, "articles_waiting") - depth(before, "articles_waiting")).toBe(4);
    expect(outbox(after, "pending") - outbox(before, "pending")).toBe(1);
    expect(outbox(after, "dead") - outbox(before, "dead")).toBe(2);
  });
});

describe("labels and secrets", () => {
  it("labels requests with the route pattern, never the path or the query", async () => {
    const requests = (s: Sample[], route: string) =>
      sampleSum(s, "greenlight_http_requests_total", { method: "GET", route, status: "404" });
    const before = await samples();
    expect((await fetch(`${t.app.url}/media/drafts/4242/secret-name-81723.jpg?token=q-81723`)).status).toBe(
      404,
    );
    expect((await fetch(`${t.app.url}/no/such/route/55519?code=x55519`)).status).toBe(404);
    const text = await (await scrape()).text();
    expect(text).not.toMatch(/81723|55519/);
    const after = parseSamples(text);
    expect(requests(after, "/media/*") - requests(before, "/media/*")).toBe(1);
    expect(requests(after, "unmatched") - requests(before, "unmatched")).toBe(1);
  });

  it("never shows a configured secret", async () => {
    const text = await (await scrape()).text();
    for (const secret of [
      t.telegram.token,
      METRICS_TOKEN,
      TEST_WEBHOOK_SECRET,
      TEST_ENCRYPTION_KEY,
      anthropic.apiKey,
      openai.apiKey,
      ig.appSecret,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
