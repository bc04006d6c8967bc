import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { requestDraftingWork } from "../../src/pipeline/drafting-queue.ts";
import { startFakeAnthropic, validReply } from "../../test/fakes/fake-anthropic.ts";
import { startFakeOpenAi } from "../../test/fakes/fake-openai.ts";
import { FakeTelegram } from "../../test/fakes/fake-telegram.ts";
import {
  freePort,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "../../test/helpers/child-process.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const BRANDS = Number(process.env.BENCH_BRANDS ?? 300);
const ARTICLES_PER_BRAND = 3;
const RELEVANCE_MS = 2_000;
const CAPTION_MS = 4_000;
const IMAGE_MS = 12_000;
const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");

/**
 * Drafting throughput: 300 brands (one owner each), each with 3 new articles Claude finds relevant, on real
 * PostgreSQL, with the fake APIs taking as long as the real ones (relevance 2 s, caption 4 s, image 12 s). The
 * time from the first drafting tick until every card has been delivered to the fake Telegram, on one instance and
 * then on three sharing the database; also the AI calls made (none should be repeated) and the ledger against the
 * usage the fakes reported. Each instance is its own process (`npm start`), as on separate machines; the fakes
 * run in this one, the image fake rendering one picture per size so that its work does not take the service's
 * CPU. Production settings otherwise: default concurrency and drafting schedule, outbox pacing on.
 */
export async function draftingScenario(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [instances, target] of [
    [1, "≤ 8 min"],
    [3, "≤ 3.5 min"],
  ] as const) {
    figures.push(...(await measure(instances, target)));
  }
  return figures;
}

async function measure(instances: number, target: string): Promise<Figure[]> {
  const label = `${instances} instance${instances > 1 ? "s" : ""}`;
  const anthropic = await startFakeAnthropic({
    latencyMs: (request) => (request.kind === "relevance" ? RELEVANCE_MS : CAPTION_MS),
  });
  anthropic.setDefault((request) =>
    request.kind === "relevance"
      ? {
          json: {
            scores: request.articles.map((a) => ({ ref: a.ref, score: 90, reason: "On topic." })),
          },
        }
      : validReply(request),
  );
  const openai = await startFakeOpenAi({ latencyMs: IMAGE_MS, reuseImages: true });
  const telegram = await new FakeTelegram().start();
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-drafting-"));
  const services: ServiceProcess[] = [];
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  try {
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: "bench-webhook-secret_0123456789",
      PUBLIC_URL: "http://127.0.0.1:1",
      ENCRYPTION_KEY,
      OWNER_TELEGRAM_IDS: "1",
      ANTHROPIC_API_KEY: anthropic.apiKey,
      ANTHROPIC_BASE_URL: anthropic.baseUrl,
      OPENAI_API_KEY: openai.apiKey,
      OPENAI_BASE_URL: openai.baseUrl,
      LOG_LEVEL: "warn",
      // Ingest is not measured here: the articles are stored below, and asked to be drafted as ingest asks.
      INGEST_CRON: "0 0 1 1 *",
      PUBLISH_CRON: "0 0 1 1 *",
    };
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      services.push(spawnService({ ...env, PORT: String(port) }));
      await waitForHealthy(`http://127.0.0.1:${port}`, 60_000);
    }
    await sql`
      insert into owners (telegram_user_id, telegram_chat_id)
      select 100000 + g, 100000 + g from generate_series(1, ${BRANDS}) g`;
    await sql`
      insert into brands (owner_id, name, topic, voice, monthly_budget_usd, posting_slots)
      select o.id, 'Brand ' || o.telegram_user_id, 'trail running', 'warm', 50,
             '[{"time":"09:00","days":[1,2,3,4,5,6,7]}]'
        from owners o`;
    await sql`
      insert into articles (brand_id, dedupe_key, title, link, summary, status, published_at)
      select b.id, 'story-' || n, b.name || ': trail race ' || n || ' ends with a course record',
             'https://news.example/' || b.id || '/' || n, 'The season ends with a record on the mountain trail.',
             'new', now() - n * interval '1 minute'
        from brands b, generate_series(1, ${ARTICLES_PER_BRAND}) n`;

    const cards = BRANDS * ARTICLES_PER_BRAND;
    const started = performance.now();
    await requestDraftingWork(sql);
    const delivered = () =>
      [...telegram.messages.values()].filter((message) => message.photo !== undefined).length;
    const deadline = started + 30 * 60_000;
    while (delivered() < cards) {
      if (performance.now() > deadline)
        throw new Error(`${label}: ${delivered()} of ${cards} cards in 30 min`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;

    // Every call, keyed by what it was for: a key seen twice is a call repeated.
    const claudeKeys = anthropic.requests
      .filter((r) => r.status === 200)
      .map((r) => JSON.stringify(r.body.messages));
    const imageKeys = openai.requests.map((r) => String(r.body.prompt));
    const repeated =
      claudeKeys.length - new Set(claudeKeys).size + (imageKeys.length - new Set(imageKeys).size);
    const fromFakes = anthropic.requests.reduce(
      (sum, r) => ({
        input: sum.input + (r.usage?.input_tokens ?? 0),
        output: sum.output + (r.usage?.output_tokens ?? 0),
        cache:
          sum.cache + (r.usage?.cache_creation_input_tokens ?? 0) + (r.usage?.cache_read_input_tokens ?? 0),
      }),
      { input: 0, output: 0, cache: 0 },
    );
    const [ledger] = await sql<
      { input: number; output: number; cache: number; images: number; cost: number; open: number }[]
    >`
      select coalesce(sum(input_tokens) filter (where provider = 'anthropic'), 0)::int as input,
             coalesce(sum(output_tokens) filter (where provider = 'anthropic'), 0)::int as output,
             coalesce(sum(cache_write_tokens + cache_read_tokens), 0)::int as cache,
             coalesce(sum(images), 0)::int as images,
             coalesce(sum(cost_usd) filter (where status = 'settled'), 0)::float8 as cost,
             count(*) filter (where status = 'reserved')::int as open
        from ai_usage`;
    const [drafts] = await sql<{ n: number; cards: number }[]>`
      select count(*)::int as n, count(distinct article_id)::int as cards from drafts`;
    const ledgerMatches =
      ledger!.input === fromFakes.input &&
      ledger!.output === fromFakes.output &&
      ledger!.cache === fromFakes.cache &&
      ledger!.images === openai.requests.length;
    return [
      {
        scenario: "drafting",
        metric: `${BRANDS} brands × ${ARTICLES_PER_BRAND} articles, every card out, ${label}`,
        value: `${(seconds / 60).toFixed(2)} min`,
        target,
      },
      {
        scenario: "drafting",
        metric: `${label}: AI calls (Claude ${anthropic.requests.length}, OpenAI ${openai.requests.length}); repeated`,
        value: String(repeated),
        target: `${BRANDS + cards} + ${cards}; 0`,
      },
      {
        scenario: "drafting",
        metric: `${label}: drafts / articles drafted / cards delivered`,
        value: `${drafts!.n} / ${drafts!.cards} / ${delivered()}`,
        target: `${cards} each`,
      },
      {
        scenario: "drafting",
        metric: `${label}: most calls at once (Claude, OpenAI)`,
        value: `${anthropic.mostAtOnce}, ${openai.mostAtOnce}`,
      },
      {
        scenario: "drafting",
        metric: `${label}: ledger tokens in/out/cache vs fakes, images, open reservations`,
        value:
          `${ledger!.input}/${ledger!.output}/${ledger!.cache} vs ${fromFakes.input}/${fromFakes.output}/${fromFakes.cache}, ` +
          `${ledger!.images} of ${openai.requests.length}, ${ledger!.open}`,
        target: ledgerMatches ? "equal" : "NOT EQUAL",
      },
      {
        scenario: "drafting",
        metric: `${label}: spend in the ledger`,
        value: `$${ledger!.cost.toFixed(2)}`,
      },
    ];
  } finally {
    for (const service of services) {
      service.child.kill("SIGTERM");
      await service.exited;
    }
    await sql.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    await telegram.stop();
    await anthropic.close();
    await openai.close();
  }
}
