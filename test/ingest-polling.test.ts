import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { englishTexts } from "../src/i18n/texts.ts";
import { OWNER_NOTIFICATION_THRESHOLD } from "../src/ingest/feed-backoff.ts";
import { describeStoredFeedProblem } from "../src/ingest/feed-problem.ts";
import { MAX_ITEMS_PER_POLL } from "../src/ingest/feed-queries.ts";
import {
  type FakeFeedItem,
  type FakeFeedServer,
  renderRssFeed,
  startFakeFeedServer,
} from "./fakes/fake-feed-server.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let t: TestApp;
let feeds: FakeFeedServer;
let brandId: number;

const now = Date.now();
const item = (n: number, extra: Partial<FakeFeedItem> = {}): FakeFeedItem => ({
  title: `Story ${n}`,
  link: `https://news.example/stories/${n}`,
  guid: `story-${n}`,
  description: `<p>Body of <b>story</b> ${n}</p>`,
  publishedAt: new Date(now - n * 3_600_000),
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  feeds = await startFakeFeedServer();
  ({ brandId } = await insertOwnerAndBrand(t.app.sql, { telegramUserId: OWNER_ID }));
});
afterAll(async () => {
  await t.stop();
  await feeds.close();
});

const ingest = () => t.app.scheduler.runNow("ingest");
const addFeed = async (path: string) =>
  (
    await t.app.sql<
      { id: number }[]
    >`insert into feeds (brand_id, url) values (${brandId}, ${feeds.url(path)}) returning id`
  )[0]!.id;
const makeDue = () => t.app.sql`update feeds set next_fetch_at = now() - interval '1 second'`;
/** A feed's last failure as an English-speaking owner reads it in /feeds. */
const lastFailure = async (feedId: number) => {
  const [feed] = await t.app.sql<{ last_error: string }[]>`select last_error from feeds where id = ${feedId}`;
  return describeStoredFeedProblem(feed!.last_error, englishTexts());
};
const articleTitles = async (feedId: number) =>
  (
    await t.app.sql<{ title: string }[]>`select title from articles where feed_id = ${feedId} order by title`
  ).map((r) => r.title);

describe("feed polling", () => {
  it("stores each new item once across polls, with HTML stripped, and asks again politely", async () => {
    let items = [item(1), item(2)];
    feeds.serve("/news.xml", {
      kind: "feed",
      body: () => renderRssFeed({ title: "Trail News", link: "https://news.example/", items }),
      etag: true,
    });
    const feedId = await addFeed("/news.xml");
    await ingest();
    expect(await articleTitles(feedId)).toEqual(["Story 1", "Story 2"]);
    const [article] = await t.app
      .sql`select summary, link, published_at from articles where dedupe_key = 'story-1'`;
    expect(article).toMatchObject({ summary: "Body of story 1", link: "https://news.example/stories/1" });

    // Unchanged: a conditional GET answered 304, nothing new stored.
    await makeDue();
    await ingest();
    expect(feeds.lastRequestHeaders("/news.xml")?.["if-none-match"]).toBeTruthy();
    expect(await articleTitles(feedId)).toEqual(["Story 1", "Story 2"]);

    // One new item, and the old ones republished under new guids: only the new one is stored.
    items = [
      item(3),
      item(1, { guid: "story-1-v2" }),
      item(2, { guid: "story-2-v2", link: "https://NEWS.example/stories/2/?utm_source=rss" }),
    ];
    await makeDue();
    await ingest();
    expect(await articleTitles(feedId)).toEqual(["Story 1", "Story 2", "Story 3"]);
    const [feed] = await t.app
      .sql`select title, consecutive_failures, last_error from feeds where id = ${feedId}`;
    expect(feed).toEqual({ title: "Trail News", consecutive_failures: 0, last_error: null });
  });

  it("leaves out items older than the retention period, so purged stories never come back", async () => {
    feeds.serve("/archive.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Archive",
        link: "https://archive.example/",
        items: [item(10), item(11, { publishedAt: new Date(now - 45 * 86_400_000) })],
      }),
    });
    const feedId = await addFeed("/archive.xml");
    await ingest();
    expect(await articleTitles(feedId)).toEqual(["Story 10"]);
  });

  it("keeps a broken feed's reason, backs off, and tells the owner once, naming the feed", async () => {
    feeds.serve("/gone.xml", { kind: "status", status: 404 });
    const feedId = await addFeed("/gone.xml");
    for (let i = 0; i < OWNER_NOTIFICATION_THRESHOLD + 2; i++) {
      await makeDue();
      await ingest();
    }
    const [feed] = await t.app.sql<
      { consecutive_failures: number; last_error: string; next_fetch_at: Date }[]
    >`
      select consecutive_failures, last_error, next_fetch_at from feeds where id = ${feedId}`;
    expect(feed!.consecutive_failures).toBe(OWNER_NOTIFICATION_THRESHOLD + 2);
    expect(feed!.last_error).toMatch(/404/);
    expect(feed!.next_fetch_at.getTime()).toBeGreaterThan(Date.now() + 60_000);

    await t.app.scheduler.runNow("telegram-outbox");
    const warnings = t.telegram.messagesIn(OWNER_ID).filter((m) => m.text?.includes("has failed"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain(feeds.url("/gone.xml"));
    expect(warnings[0]!.text).toContain("404");
  });

  it("does not let a slow feed hold up the others", async () => {
    feeds.serve("/slow.xml", { kind: "slow", chunk: "<rss>", intervalMs: 1000 });
    feeds.serve("/fast.xml", {
      kind: "feed",
      body: renderRssFeed({ title: "Fast", link: "https://fast.example/", items: [item(20)] }),
    });
    await t.app.sql`update feeds set next_fetch_at = now() + interval '1 day'`;
    const slowId = await addFeed("/slow.xml");
    const fastId = await addFeed("/fast.xml");
    const run = ingest();
    await expect.poll(() => articleTitles(fastId), { timeout: 5000 }).toEqual(["Story 20"]);
    await run;
    expect(await lastFailure(slowId)).toMatch(/did not answer within 10 seconds/);
  }, 30_000);

  it("reads a 10,000-item feed on its first poll, keeping its newest items", async () => {
    const minutesAgo = (n: number) => new Date(now - n * 60_000);
    const huge = Array.from({ length: 10_000 }, (_, n) => item(100_000 + n, { publishedAt: minutesAgo(n) }));
    // Listed oldest first, as some archive feeds are: "newest" must come from the dates, not the order.
    feeds.serve("/everything.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Everything",
        link: "https://everything.example/",
        items: huge.reverse(),
      }),
    });
    await t.app.sql`update feeds set next_fetch_at = now() + interval '1 day'`;
    const feedId = await addFeed("/everything.xml");
    await ingest();

    const [feed] = await t.app.sql`select last_error, last_success_at from feeds where id = ${feedId}`;
    expect(feed).toMatchObject({ last_error: null, last_success_at: expect.any(Date) });
    const stored = await articleTitles(feedId);
    expect(stored).toHaveLength(MAX_ITEMS_PER_POLL);
    expect(stored).toContain("Story 100000");
    expect(stored).toContain(`Story ${100_000 + MAX_ITEMS_PER_POLL - 1}`);
    expect(stored).not.toContain(`Story ${100_000 + MAX_ITEMS_PER_POLL}`);
  }, 60_000);

  it("stores an item whose title carries a NUL character, which Postgres text cannot hold", async () => {
    feeds.serve("/nul.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Raw bytes",
        link: "https://raw.example/",
        items: [item(30, { title: "Break\u0000ing news" })],
      }),
    });
    const feedId = await addFeed("/nul.xml");
    await ingest();
    expect(await articleTitles(feedId)).toEqual(["Breaking news"]);
    const [feed] = await t.app.sql`select last_error from feeds where id = ${feedId}`;
    expect(feed!.last_error).toBeNull();
  });

  it("tells the owner the database refused the stories, not that the feed is broken", async () => {
    feeds.serve("/refused.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Refused",
        link: "https://refused.example/",
        items: [item(40, { title: "Refused story" })],
      }),
    });
    // A refusal the database makes while storing, whatever its cause (here a constraint added for the test).
    await t.app.sql`
      alter table articles add constraint test_refuses_a_title check (title <> 'Refused story') not valid`;
    try {
      const feedId = await addFeed("/refused.xml");
      await ingest();
      const reason = await lastFailure(feedId);
      expect(reason).toMatch(/^The feed was read, but the database refused to store its stories \(23514: /);
      expect(reason).toContain("test_refuses_a_title");
    } finally {
      await t.app.sql`alter table articles drop constraint test_refuses_a_title`;
    }
  });

  it("skips the feeds of a paused brand", async () => {
    await t.app.sql`update brands set paused = true where id = ${brandId}`;
    const before = feeds.requestCount("/news.xml");
    await makeDue();
    await ingest();
    expect(feeds.requestCount("/news.xml")).toBe(before);
    await t.app.sql`update brands set paused = false where id = ${brandId}`;
  });
});
