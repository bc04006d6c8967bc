import { afterAll, expect, it } from "vitest";
import { type FakeFeedItem, renderRssFeed } from "../fakes/fake-feed-server.ts";
import { describeCrashes, eventually, type FaultCluster, sleep, startFaultCluster } from "./fault-cluster.ts";
import { type CardState, cardState } from "./card-messages.ts";
import { connectedBrands, everyArticleRelevant, type FaultBrand } from "./fault-fixtures.ts";
import { spendByBrand } from "./drafting-ledger.ts";
import { scenarioRandom } from "./seeded-random.ts";

/**
 * Three instances ingest feeds, score and draft articles with the fake Claude and the fake image model, and send
 * the cards to the owners in the fake Telegram, while the suite SIGKILLs one of them at random moments (some just
 * after an image was asked for, some just after a card photo went out) and restarts it. Some brands have a budget
 * too small for all their articles. Afterwards: no article drafted twice, no budget passed (by the ledger or by
 * what the fakes billed), every card out exactly once, save for cards whose sending a kill interrupted between
 * Telegram's answer and the database recording it: the one place at-least-once delivery shows.
 */

const BRANDS = 10;
const ARTICLES_PER_BRAND = 6;
const INSTANCES = 3;
const MAX_KILLS = 30;
const KILL_PHASE_MS = 90_000;
/** Work a killed instance held must be taken over within about a minute (issue: "recovering in seconds"). */
const RECOVERY_MS = 90_000;
/** Every other brand can afford only a part of its articles. */
const SMALL_BUDGET_USD = 0.02;

let cluster: FaultCluster | undefined;

afterAll(async () => {
  await cluster?.stop();
});

it(
  "drafts every article once, within budget, with one card each, while instances are killed at random moments",
  { timeout: 480_000 },
  async () => {
    const random = scenarioRandom("drafting-kill");
    cluster = await startFaultCluster({
      instances: INSTANCES,
      env: { INGEST_CRON: "* * * * * *", OUTBOX_CRON: "* * * * * *" },
    });
    const c = cluster;
    const brands = await connectedBrands(c, BRANDS, {
      monthlyBudgetUsd: (index) => (index % 2 === 1 ? SMALL_BUDGET_USD : 10),
    });
    // Every article is relevant; captions and images are the fakes' valid answers. Images take a while, as real
    // ones do (here 0.1–1.2 s), which gives kills something to interrupt.
    c.anthropic.setDefault(everyArticleRelevant);
    for (let i = 0; i < 400; i++) c.openai.delayNext(random.between(100, 1200));

    // Each brand's feed shows more stories as the scenario goes on.
    const visible = brands.map(() => 0);
    brands.forEach((brand, index) => {
      c.feeds.serve(`/feeds/${index}.xml`, {
        kind: "feed",
        body: () => renderRssFeed({ title: `Feed ${index}`, link: c.feeds.url("/"), items: items(index) }),
      });
      void brand;
    });
    const items = (index: number): FakeFeedItem[] =>
      Array.from({ length: visible[index]! }, (_, k) => ({
        title: `Story ds-${index}-${k}: a change worth a post`,
        link: c.feeds.url(`/articles/ds-${index}-${k}`),
        guid: `ds-${index}-${k}`,
        description: `What happened in story ds-${index}-${k}, in two sentences. It matters to the audience.`,
        publishedAt: new Date(Date.now() - k * 60_000),
      }));
    for (const [index, brand] of brands.entries()) {
      await c.sql`insert into feeds (brand_id, url, title) values (${brand.brandId}, ${c.feeds.url(`/feeds/${index}.xml`)}, ${`Feed ${index}`})`;
    }
    const showMore = async () => {
      for (const index of brands.keys())
        visible[index] = Math.min(ARTICLES_PER_BRAND, visible[index]! + random.between(1, 3));
      await c.sql`update feeds set next_fetch_at = now()`;
    };
    await showMore();
    for (let index = 0; index < INSTANCES; index++) await c.start(index);

    let kills = 0;
    const orphansAfterKills = new Set<number>();
    const phaseEnds = Date.now() + KILL_PHASE_MS;
    while (kills < MAX_KILLS && Date.now() < phaseEnds) {
      if (visible.some((count) => count < ARTICLES_PER_BRAND)) await showMore();
      else if (await settled(c, brands)) break;
      const moment = random.pick(["any", "image", "card"] as const);
      if (moment === "any") {
        await sleep(random.between(200, 3000));
      } else {
        const count = () =>
          moment === "image" ? c.openai.requests.length : c.telegram.callsTo("sendPhoto").length;
        const before = count();
        await eventually(() => count() > before, 4000, 5);
        await sleep(random.between(0, 150));
      }
      const victim = random.between(0, INSTANCES - 1);
      await c.kill(victim);
      kills++;
      // Cards the killed instance had sent but not recorded stay unrecorded for good; the live instances record
      // theirs within moments. What is still unrecorded a little later is the kill's window.
      await sleep(1500);
      for (const id of (await cardState(c, brands)).unrecordedMessageIds) orphansAfterKills.add(id);
      await c.start(victim);
    }
    while (visible.some((count) => count < ARTICLES_PER_BRAND)) await showMore();
    const done = await eventually(() => settled(c, brands), RECOVERY_MS, 500);
    await sleep(2000);

    const state: CardState = await cardState(c, brands);
    // A brand the budget stopped keeps its draft in progress until the cap is raised or the month turns: that
    // work waits by design, so only the other brands' count as stuck.
    const [stuck] = await c.sql<{ generating: number; drafting: number; undelivered: number }[]>`
      select (select count(*) from drafts d join brands b on b.id = d.brand_id
               where d.status = 'generating' and b.budget_notice_month is null)::int as generating,
             (select count(*) from articles a join brands b on b.id = a.brand_id
               where a.status = 'drafting' and b.budget_notice_month is null)::int as drafting,
             (select count(*) from telegram_outbox where status <> 'sent')::int as undelivered`;
    const draftedTwice = await c.sql<{ article_id: number }[]>`
      select article_id from drafts where article_id is not null group by article_id having count(*) > 1`;
    const waiting = await c.sql<{ n: number }[]>`
      select count(*)::int as n from articles a join brands b on b.id = a.brand_id
       where a.status in ('new', 'scored') and b.budget_notice_month is null`;
    const [counts] = await c.sql<{ drafted: number; articles: number; stopped: number }[]>`
      select (select count(*) from drafts where status = 'pending_review')::int as drafted,
             (select count(*) from articles)::int as articles,
             (select count(*) from brands where budget_notice_month is not null)::int as stopped`;
    const brandIdOfIndex = (index: number) => brands[index]!.brandId;
    const spend = [...(await spendByBrand(c, brandIdOfIndex)).values()];
    const overBudget = spend.filter(
      (brand) => brand.committedUsd > brand.budgetUsd + 1e-9 || brand.billedUsd > brand.budgetUsd + 1e-9,
    );
    const billed = spend.reduce((sum, brand) => sum + brand.billedUsd, 0);
    const settledUsd = spend.reduce((sum, brand) => sum + brand.settledUsd, 0);
    const committed = spend.reduce((sum, brand) => sum + brand.committedUsd, 0);
    const repeatedCaptionCalls = repeats(
      c.anthropic.requests.filter((r) => r.usage && JSON.stringify(r.body).includes('"hook"')),
      (r) => JSON.stringify(r.body.messages),
    );
    const repeatedImageCalls = repeats(
      c.openai.requests.filter((r) => r.usage),
      (r) => String(r.body.prompt),
    );
    const lost =
      stuck!.generating + stuck!.drafting + stuck!.undelivered + state.draftsWithoutCard + waiting[0]!.n;
    console.log(
      `faults drafting-kill: ${counts!.articles} articles over ${BRANDS} brands, ${INSTANCES} instances, ` +
        `${kills} kills, ${counts!.drafted} drafted, ${draftedTwice.length} drafted twice, ` +
        `${state.cardsSentTwice} cards sent twice (${orphansAfterKills.size} card messages in a kill's window), ` +
        `${lost} lost (${stuck!.generating} generating, ${stuck!.drafting} drafting, ${waiting[0]!.n} waiting, ` +
        `${state.draftsWithoutCard} without a card, ${stuck!.undelivered} outbox undelivered), ` +
        `${counts!.stopped} brands stopped by budget, ${overBudget.length} over budget, ledger $${settledUsd.toFixed(6)} ` +
        `settled / $${committed.toFixed(6)} committed against $${billed.toFixed(6)} billed by the fakes, ` +
        `${repeatedCaptionCalls} caption and ${repeatedImageCalls} image calls repeated, ${c.crashes.length} crashes` +
        (done ? "" : `; not settled within ${RECOVERY_MS / 1000} s of the last kill`),
    );

    expect(c.crashes, describeCrashes(c)).toEqual([]);
    expect(counts!.stopped, "brands with a small budget stopped by it").toBeGreaterThan(0);
    expect(draftedTwice, "articles with more than one draft").toEqual([]);
    expect(overBudget, "brands whose ledger or whose bill passed the budget").toEqual([]);
    // Nothing billed is missing from the budget: an answer the service never read still holds its reservation.
    expect(committed).toBeGreaterThanOrEqual(billed - 1e-6);
    // Nothing is charged that was not billed (no call here goes unanswered, so no estimate is charged).
    expect(settledUsd).toBeLessThanOrEqual(billed + 1e-6);
    expect(
      state.cardsSentTwice,
      "cards sent twice beyond the messages a kill left unrecorded",
    ).toBeLessThanOrEqual(orphansAfterKills.size);
    expect(lost, `articles or cards not through ${RECOVERY_MS / 1000} s after the last kill`).toBe(0);
  },
);

/** True once no work is in flight: nothing generating or drafting, the outbox empty, every card recorded. */
async function settled(c: FaultCluster, brands: FaultBrand[]): Promise<boolean> {
  const [row] = await c.sql<{ busy: number }[]>`
    select (select count(*) from drafts d join brands b on b.id = d.brand_id
             where d.status = 'generating' and b.budget_notice_month is null)
         + (select count(*) from articles a join brands b on b.id = a.brand_id
             where a.status in ('new', 'scored', 'drafting') and b.budget_notice_month is null)
         + (select count(*) from telegram_outbox where status = 'pending') as busy`;
  return row!.busy === 0 && (await cardState(c, brands)).draftsWithoutCard === 0;
}

/** How many calls repeat an earlier one with the same key. */
function repeats<T>(calls: T[], key: (call: T) => string): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (const call of calls) {
    const k = key(call);
    if (seen.has(k)) repeated++;
    seen.add(k);
  }
  return repeated;
}
