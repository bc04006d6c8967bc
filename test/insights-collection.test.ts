import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGreenlight } from "../src/app.ts";
import { type FakeAccount, FakeInstagram, type FakeInsights } from "./fakes/fake-instagram.ts";
import { insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { DAY_MS, replaceToken, setClock, startPublishingTestApp } from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";
import { onRealPostgres } from "./helpers/test-database.ts";

/**
 * Post insights read from Instagram a day and a week after publishing, once per post per checkpoint however
 * many workers and instances run the job, and calmly through Instagram's empty data and "not enough viewers".
 */

const HOUR_MS = 3_600_000;
const ALL_SCOPES = [
  "instagram_business_basic",
  "instagram_business_content_publish",
  "instagram_business_manage_comments",
  "instagram_business_manage_insights",
];

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let postNumber = 0;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
  ownerId = await insertOwner(t.app.sql);
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

afterEach(() => {
  ig.setLatency(0);
  ig.setInsightsDelay(6 * HOUR_MS);
  t.app.services.clock = () => new Date();
});

/** A brand connected as the OAuth callback now leaves it: with the permissions the owner allowed. */
async function brandWithAccount(scopes: string[] | null = ALL_SCOPES) {
  const brandId = await insertBrand(t.app.sql, ownerId);
  const account = ig.addAccount();
  const token = ig.issueLongLivedToken(account, 0, scopes ?? ALL_SCOPES.slice(0, 3));
  await t.app.sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at,
                                    granted_scopes)
    values (${brandId}, ${account.userId}, ${account.username}, ${Buffer.from(t.app.vault.seal(token))},
            ${new Date(Date.now() + 50 * DAY_MS)}, ${scopes})`;
  return { brandId, account };
}

/** A post that went out `ageMs` ago: live on the fake Instagram and recorded as published. */
async function publishedPost(brandId: number, account: FakeAccount, ageMs: number, insights?: FakeInsights) {
  const caption = `Post number ${++postNumber}`;
  const media = ig.postDirectly(account, caption, ageMs);
  if (insights) ig.setInsights(media.mediaId, insights);
  const [row] = await t.app.sql<{ id: number }[]>`
    insert into drafts (brand_id, status, caption, instagram_media_id, permalink, published_at, scheduled_for)
    values (${brandId}, 'published', ${caption}, ${media.mediaId}, ${media.permalink}, ${media.publishedAt},
            -- One post per slot: posts made within the same millisecond would share one (a counter below 1,000).
            date_trunc('second', ${media.publishedAt}::timestamptz) + ${postNumber} * interval '1 millisecond')
    returning id`;
  return { draftId: row!.id, mediaId: media.mediaId };
}

interface CheckpointRow {
  checkpoint: string;
  status: string;
  attempts: number;
  last_reason: string | null;
  views: number | null;
  reach: number | null;
  saved: number | null;
  total_interactions: number | null;
  due_at: Date;
}

async function checkpoints(draftId: number): Promise<Record<string, CheckpointRow>> {
  const rows = await t.app.sql<CheckpointRow[]>`
    select checkpoint, status, attempts, last_reason, views, reach, saved, total_interactions, due_at
      from post_insights where draft_id = ${draftId}`;
  return Object.fromEntries(rows.map((row) => [row.checkpoint, row]));
}

function insightCalls(mediaId: string): number {
  return ig.calls("media_insights").filter((call) => call.path.includes(`/${mediaId}/insights`)).length;
}

async function collect(app = t.app): Promise<void> {
  expect(await app.scheduler.runNow("insights")).toBe(true);
}

it("reads a post's insights a day after publishing and again a week after, once each", async () => {
  const { brandId, account } = await brandWithAccount();
  const numbers = {
    views: 1200,
    reach: 900,
    likes: 80,
    comments: 12,
    saved: 30,
    shares: 7,
    total_interactions: 129,
  };
  const post = await publishedPost(brandId, account, 25 * HOUR_MS, numbers);
  const fresh = await publishedPost(brandId, account, 2 * HOUR_MS);

  await collect();
  await collect();

  const day = (await checkpoints(post.draftId)).day!;
  expect(day).toMatchObject({
    status: "collected",
    views: 1200,
    reach: 900,
    saved: 30,
    total_interactions: 129,
  });
  expect((await checkpoints(post.draftId)).week!.status).toBe("due");
  expect(insightCalls(post.mediaId)).toBe(1);
  // A post two hours old is not due yet: Instagram is not asked.
  expect(insightCalls(fresh.mediaId)).toBe(0);

  ig.setInsights(post.mediaId, { ...numbers, views: 5000, reach: 3100 });
  setClock(t, new Date(Date.now() + 7 * DAY_MS));
  await collect();
  await collect();

  const week = (await checkpoints(post.draftId)).week!;
  expect(week).toMatchObject({ status: "collected", views: 5000, reach: 3100 });
  expect(insightCalls(post.mediaId)).toBe(2);
});

it("asks Instagram once per post per checkpoint when several workers claim at the same time", async () => {
  const { brandId, account } = await brandWithAccount();
  const posts = [];
  for (let i = 0; i < 10; i++) posts.push(await publishedPost(brandId, account, 8 * DAY_MS, { views: i }));
  ig.setLatency(40);

  // Three runs of the job side by side on one instance, each with its pool of workers.
  await Promise.all([collect(), collect(), collect()]);

  for (const post of posts) {
    const rows = await checkpoints(post.draftId);
    expect(rows.day!.status).toBe("collected");
    expect(rows.week!.status).toBe("collected");
    expect(insightCalls(post.mediaId)).toBe(2);
  }
});

describe.runIf(onRealPostgres)("two instances on one database", { timeout: 60_000 }, () => {
  it("share the checkpoints, each post's read once per checkpoint", async () => {
    const second = await startGreenlight(
      { ...t.app.config, PORT: 0 },
      {
        logger: capturedLogger().logger,
        botInfo: t.telegram.botInfo,
        hostname: "127.0.0.1",
      },
    );
    try {
      const { brandId, account } = await brandWithAccount();
      const posts = [];
      for (let i = 0; i < 12; i++)
        posts.push(await publishedPost(brandId, account, 8 * DAY_MS, { views: i }));
      ig.setLatency(40);

      await Promise.all([collect(), collect(second), collect(), collect(second)]);

      for (const post of posts) {
        expect(insightCalls(post.mediaId)).toBe(2);
        const rows = await checkpoints(post.draftId);
        expect([rows.day!.status, rows.week!.status]).toEqual(["collected", "collected"]);
      }
    } finally {
      await second.stop();
    }
  });
});

it("waits through the empty data of Instagram's delay and reads the numbers once they exist", async () => {
  const { brandId, account } = await brandWithAccount();
  ig.setInsightsDelay(40 * HOUR_MS);
  const post = await publishedPost(brandId, account, 25 * HOUR_MS);
  const now = Date.now();
  setClock(t, new Date(now));

  await collect();
  const waiting = (await checkpoints(post.draftId)).day!;
  expect(waiting).toMatchObject({ status: "due", last_reason: "no_data_yet", views: null });
  expect(waiting.due_at.getTime()).toBe(now + 6 * HOUR_MS);

  // Retried six hours later, still inside the delay; then after it.
  setClock(t, new Date(now + 6 * HOUR_MS));
  await collect();
  expect((await checkpoints(post.draftId)).day!.status).toBe("due");
  ig.setInsights(post.mediaId, { views: 40, reach: 35 });
  setClock(t, new Date(now + 12 * HOUR_MS));
  await collect();
  expect((await checkpoints(post.draftId)).day!).toMatchObject({
    status: "collected",
    views: 40,
    attempts: 3,
  });
});

it("records 'not enough viewers', retries a day later, and gives up after eight tries", async () => {
  const { brandId, account } = await brandWithAccount();
  const post = await publishedPost(brandId, account, 25 * HOUR_MS);
  ig.setInsights(post.mediaId, "not_enough_viewers");
  const now = Date.now();

  for (let attempt = 1; attempt <= 8; attempt++) {
    setClock(t, new Date(now + (attempt - 1) * DAY_MS));
    await collect();
    const day = (await checkpoints(post.draftId)).day!;
    expect(day.last_reason).toBe("not_enough_viewers");
    expect(day.status).toBe(attempt < 8 ? "due" : "unavailable");
  }
  setClock(t, new Date(now + 20 * DAY_MS));
  await collect();
  // Given up: not asked again. (The week checkpoint was tried meanwhile too.)
  const calls = insightCalls(post.mediaId);
  await collect();
  expect(insightCalls(post.mediaId)).toBe(calls);
  expect((await checkpoints(post.draftId)).day!.attempts).toBe(8);
});

it("leaves the posts of an account connected before insights were asked for alone, until it reconnects", async () => {
  const { brandId, account } = await brandWithAccount(null);
  const post = await publishedPost(brandId, account, 25 * HOUR_MS, { views: 10 });

  await collect();
  expect(insightCalls(post.mediaId)).toBe(0);
  expect((await checkpoints(post.draftId)).day!).toMatchObject({ status: "due", attempts: 0 });

  // Reconnected with the permission: the waiting checkpoint is read.
  const token = ig.issueLongLivedToken(account, 0, ALL_SCOPES);
  await t.app.sql`
    update instagram_accounts set token_ciphertext = ${Buffer.from(t.app.vault.seal(token))},
                                  granted_scopes = ${ALL_SCOPES}
     where brand_id = ${brandId}`;
  await collect();
  expect((await checkpoints(post.draftId)).day!).toMatchObject({ status: "collected", views: 10 });
});

it("makes no insights call for an account Meta asked to leave alone, until the pause is over", async () => {
  const { brandId, account } = await brandWithAccount();
  const post = await publishedPost(brandId, account, 25 * HOUR_MS, { views: 7 });
  const now = Date.now();
  setClock(t, new Date(now));
  await t.app.sql`
    update instagram_accounts set calls_paused_until = ${new Date(now + HOUR_MS)} where brand_id = ${brandId}`;

  await collect();
  expect(insightCalls(post.mediaId)).toBe(0);

  setClock(t, new Date(now + 2 * HOUR_MS));
  await collect();
  expect((await checkpoints(post.draftId)).day!).toMatchObject({ status: "collected", views: 7 });
});

it("notes a permission switched off on Instagram's side and waits without using up tries", async () => {
  const { brandId, account } = await brandWithAccount();
  // The token lacks the permission although the connection recorded it (the owner revoked it since).
  await replaceToken(t, ig, brandId, account, ALL_SCOPES.slice(0, 3));
  const post = await publishedPost(brandId, account, 25 * HOUR_MS, { views: 10 });

  await collect();
  expect((await checkpoints(post.draftId)).day!).toMatchObject({
    status: "due",
    attempts: 0,
    last_reason: "missing_permission",
  });
  const [row] = await t.app.sql<{ granted_scopes: string[] }[]>`
    select granted_scopes from instagram_accounts where brand_id = ${brandId}`;
  expect(row!.granted_scopes).not.toContain("instagram_business_manage_insights");
  setClock(t, new Date(Date.now() + 2 * DAY_MS));
  await collect();
  expect(insightCalls(post.mediaId)).toBe(1);
});
