import { afterAll, expect, it } from "vitest";
import { renderRssFeed } from "../fakes/fake-feed-server.ts";
import type { FakeFault } from "../fakes/fake-instagram.ts";
import { telegramServerError, telegramTooManyRequests } from "../fakes/fake-telegram.ts";
import { cardState } from "./card-messages.ts";
import { spendByBrand } from "./drafting-ledger.ts";
import { describeCrashes, eventually, type FaultCluster, sleep, startFaultCluster } from "./fault-cluster.ts";
import {
  approvedDuePost,
  connectedBrands,
  everyArticleRelevant,
  hostedPostImage,
  liveMarkers,
} from "./fault-fixtures.ts";
import { scenarioRandom } from "./seeded-random.ts";

/**
 * Two instances draft, send cards and publish through a storm of faults at the outside services, chosen at
 * random for each call: Telegram 429 with retry_after and 5xx, Instagram transient errors (codes 1 and 2, 5xx)
 * and lost answers (the container is created or the post published, then the connection drops), Anthropic 529
 * and 429 with retry-after, OpenAI 429 with retry-after. The storm lasts a while, then the services behave; by a
 * bounded time later everything must be through, each post once, each card once, within the ledger.
 */

const BRANDS = 4;
const ARTICLES_PER_BRAND = 4;
const DUE_POSTS = 24;
/** The storm lasts until every service has refused a few calls, or this long at most. */
const STORM_MAX_MS = 60_000;
const FAULTS_PER_SERVICE = 3;
/** Retries back off (Instagram's first retry waits 30 s, the second 60 s); this leaves room for two. */
const SETTLE_MS = 150_000;
const MARKER = /fp-\d+/;

let cluster: FaultCluster | undefined;

afterAll(async () => {
  await cluster?.stop();
});

it(
  "drafts, sends every card once and publishes every post once through faults at every outside service",
  { timeout: 300_000 },
  async () => {
    const random = scenarioRandom("outside-faults");
    cluster = await startFaultCluster({
      instances: 2,
      env: { INGEST_CRON: "* * * * * *", OUTBOX_CRON: "* * * * * *", PUBLISH_CRON: "* * * * * *" },
    });
    const c = cluster;
    const brands = await connectedBrands(c, BRANDS);
    const imageUrl = await hostedPostImage(c);
    c.anthropic.setDefault(everyArticleRelevant);
    for (const [index, brand] of brands.entries()) {
      const items = Array.from({ length: ARTICLES_PER_BRAND }, (_, k) => ({
        title: `Story ds-${index}-${k}: a change worth a post`,
        link: c.feeds.url(`/articles/ds-${index}-${k}`),
        guid: `ds-${index}-${k}`,
        description: `What happened in story ds-${index}-${k}. It matters to the audience.`,
      }));
      c.feeds.serve(`/feeds/${index}.xml`, {
        kind: "feed",
        body: renderRssFeed({ title: `Feed ${index}`, link: c.feeds.url("/"), items }),
      });
      await c.sql`insert into feeds (brand_id, url) values (${brand.brandId}, ${c.feeds.url(`/feeds/${index}.xml`)})`;
    }
    for (let i = 0; i < DUE_POSTS; i++) {
      await approvedDuePost(c, brands[i % BRANDS]!, { marker: `fp-${i + 1}`, minutesAgo: i + 1, imageUrl });
    }

    c.telegram.injectFaults((method) => {
      if (method !== "sendPhoto" && method !== "sendMessage") return undefined;
      const roll = random.next();
      if (roll < 0.15) return telegramTooManyRequests(1);
      if (roll < 0.25) return telegramServerError(random.chance(0.5) ? 500 : 502);
      return undefined;
    });
    c.instagram.injectFaults((endpoint): FakeFault | undefined => {
      const roll = random.next();
      if (roll < 0.05) return { kind: "server_error" };
      if (roll < 0.08)
        return {
          kind: "meta_error",
          httpStatus: 500,
          code: 1,
          message: "An unknown error occurred",
          isTransient: true,
        };
      if (roll < 0.12 && (endpoint === "publish" || endpoint === "create_container"))
        return { kind: "drop_after_action" };
      return undefined;
    });
    c.anthropic.injectFaults(() => {
      const roll = random.next();
      if (roll < 0.15) return { status: 429, retryAfterSeconds: 1 };
      if (roll < 0.25) return { status: 529 };
      return undefined;
    });
    c.openai.injectFaults(() => (random.chance(0.2) ? { status: 429, retryAfterSeconds: 2 } : undefined));

    await Promise.all([c.start(0), c.start(1)]);
    const injectedAt = () =>
      [
        c.telegram.injectedFaults,
        c.instagram.injectedFaults,
        c.anthropic.injectedFaults,
        c.openai.injectedFaults,
      ].map((counts) => Object.values(counts as Record<string, number>).reduce((sum, n) => sum + n, 0));
    const stormStarted = Date.now();
    await eventually(() => injectedAt().every((n) => n >= FAULTS_PER_SERVICE), STORM_MAX_MS, 250);
    const stormMs = Date.now() - stormStarted;
    const injected = {
      telegram: { ...c.telegram.injectedFaults },
      instagram: { ...c.instagram.injectedFaults },
      anthropic: { ...c.anthropic.injectedFaults },
      openai: { ...c.openai.injectedFaults },
    };
    c.telegram.injectFaults(null);
    c.instagram.injectFaults(null);
    c.anthropic.injectFaults(null);
    c.openai.injectFaults(null);

    const articles = BRANDS * ARTICLES_PER_BRAND;
    const done = await eventually(
      async () => {
        const [row] = await c.sql<{ drafted: number; pending: number }[]>`
          select (select count(*) from drafts where status = 'pending_review' and telegram_text_message_id is not null)::int
                   as drafted,
                 (select count(*) from telegram_outbox where status = 'pending')::int as pending`;
        return row!.drafted === articles && row!.pending === 0 && liveMarkers(c, MARKER).size >= DUE_POSTS;
      },
      SETTLE_MS,
      500,
    );
    await sleep(2000);

    const live = liveMarkers(c, MARKER);
    const duplicates =
      [...live.values()].reduce((sum, times) => sum + times - 1, 0) + c.instagram.duplicatePublishAttempts;
    const [row] = await c.sql<{ published: number; drafted: number; twice: number; stuck: number }[]>`
      select (select count(*) from drafts where status = 'published')::int as published,
             (select count(*) from drafts where status = 'pending_review')::int as drafted,
             (select count(*) from (select article_id from drafts where article_id is not null
                                     group by article_id having count(*) > 1) t)::int as twice,
             (select count(*) from drafts where status = 'generating')::int
               + (select count(*) from articles where status in ('new', 'scored', 'drafting'))::int as stuck`;
    const cards = await cardState(c, brands);
    const spend = [...(await spendByBrand(c, (index) => brands[index]!.brandId)).values()];
    const billed = spend.reduce((sum, brand) => sum + brand.billedUsd, 0);
    const settledUsd = spend.reduce((sum, brand) => sum + brand.settledUsd, 0);
    const committed = spend.reduce((sum, brand) => sum + brand.committedUsd, 0);
    console.log(
      `faults outside-faults: injected ${JSON.stringify(injected)} in ${Math.round(stormMs / 1000)} s; ` +
        `${live.size}/${DUE_POSTS} posts live, ${row!.published} recorded as published, ${duplicates} duplicates, ` +
        `${row!.drafted}/${articles} drafted, ${row!.twice} drafted twice, ${row!.stuck} articles not through, ` +
        `${cards.cardsSentTwice} cards sent twice, ${cards.draftsWithoutCard} without a card, ledger ` +
        `$${settledUsd.toFixed(6)} settled / $${committed.toFixed(6)} committed against $${billed.toFixed(6)} billed, ` +
        `${c.crashes.length} crashes` +
        (done ? "" : `; not through within ${SETTLE_MS / 1000} s of the storm`),
    );

    expect(c.crashes, describeCrashes(c)).toEqual([]);
    expect(injectedAt(), "faults injected at Telegram, Instagram, Anthropic, OpenAI").toEqual(
      injectedAt().map((n) => Math.max(n, 1)),
    );
    expect(duplicates, "posts that went live twice").toBe(0);
    expect(live.size, "posts live on Instagram").toBe(DUE_POSTS);
    expect(row!.published, "posts recorded as published").toBe(DUE_POSTS);
    expect(row!.twice, "articles drafted twice").toBe(0);
    expect(row!.stuck, "articles not drafted").toBe(0);
    expect(row!.drafted).toBe(articles);
    expect(cards.cardsSentTwice, "with no process killed, no card goes out twice").toBe(0);
    expect(cards.draftsWithoutCard).toBe(0);
    expect(committed).toBeGreaterThanOrEqual(billed - 1e-6);
    expect(settledUsd).toBeLessThanOrEqual(billed + 1e-6);
  },
);
