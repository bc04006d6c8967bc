import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningGreenlight, startGreenlight } from "../src/app.ts";
import { loadConfig } from "../src/config/config.ts";
import { createInstagramClientFromConfig } from "../src/instagram-auth/instagram-client-factory.ts";
import { deleteBrand } from "../src/owner-settings/shared/brand-queries.ts";
import { claimDuePost } from "../src/publishing/claim-due-posts.ts";
import { createPublisher } from "../src/publishing/publish-job.ts";
import { publishClaimedPost } from "../src/publishing/publish-post.ts";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { type FakeAccount, type FakeEndpoint, FakeInstagram } from "./fakes/fake-instagram.ts";
import { insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import { instagramEnv } from "./helpers/instagram-connection.ts";
import {
  connectAccount,
  connectedBrand,
  duePost,
  postRow,
  runPublisher,
  setClock,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import { TEST_ENCRYPTION_KEY, type TestApp } from "./helpers/start-test-app.ts";
import { onRealPostgres } from "./helpers/test-database.ts";

/**
 * Exactly once, whatever breaks: the service is stopped in the middle of each publishing step (the same state a
 * crash leaves, since every step is recorded before the next), or Instagram's answer is lost, and the next
 * attempt must publish the post once and only once. The fake counts every post that went live and every
 * media_publish on an already-published container (`duplicatePublishAttempts`).
 */

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let storyNumber = 0;
let duplicatesBefore = 0;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig, {
    // A stop does not wait for the publish run in flight: what it leaves behind is what a crash leaves.
    SHUTDOWN_TIMEOUT_MS: "100",
  });
  ownerId = await insertOwner(t.app.sql);
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

beforeEach(() => {
  duplicatesBefore = ig.duplicatePublishAttempts;
});

afterEach(async () => {
  ig.setPollsBeforeFinished(0);
  t.app.services.clock = () => new Date();
  await t.app.sql`update drafts set status = 'cancelled' where status in ('approved', 'publishing')`;
});

/** The moment a worker that died now would have its post taken from it. */
function afterTheLease(): Date {
  return new Date(Date.now() + PUBLISH_LEASE_MS + 1000);
}

/** A due post with a numbered caption of its own, so no two posts in a run are alike. */
function dueStory(brandId: number): Promise<number> {
  return duePost(t, brandId, {
    caption: `Story number ${++storyNumber}: the city opens its hundredth kilometre of bike lanes.`,
  });
}

/** A due post on a brand and Instagram account of its own, so the calls and posts counted are this test's. */
async function dueStoryOnNewAccount(): Promise<{ account: FakeAccount; draftId: number }> {
  const { brandId, account } = await connectedBrand(t, ig, ownerId);
  return { account, draftId: await dueStory(brandId) };
}

/** Brands with accounts of their own, connected one after another. */
async function connectedBrands(count: number): Promise<{ brandId: number; account: FakeAccount }[]> {
  const brands = [];
  for (let i = 0; i < count; i++) brands.push(await connectedBrand(t, ig, ownerId));
  return brands;
}

/** Freezes the service's clock at the present, so a retry's due time can be checked against it. */
function freezeClockNow(): Date {
  const now = new Date();
  setClock(t, now);
  return now;
}

/** Runs the publisher once a retry's 30-second wait, counted from `start`, is over. */
async function runPublisherAfterRetryWait(start: Date): Promise<void> {
  setClock(t, new Date(start.getTime() + 31_000));
  await runPublisher(t);
}

/** Runs the publisher as a worker would that starts once the dead worker's lease has run out. */
async function runPublisherAfterTheLease(): Promise<void> {
  setClock(t, afterTheLease());
  await runPublisher(t);
}

/** Calls on the account's own edges (/<IG_ID>/media, /<IG_ID>/media_publish). */
function callsFor(endpoint: "create_container" | "publish", account: FakeAccount): number {
  return ig.calls(endpoint).filter((call) => call.path.includes(account.userId)).length;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Holds Instagram's answer to the next `endpoint` call, stops the service while the publisher waits for it,
 * and starts it again on the same database. The old run ends without writing anything more.
 */
async function stopServiceDuring(endpoint: FakeEndpoint): Promise<void> {
  ig.failNext(endpoint, { kind: "delay", ms: 1500 });
  const before = ig.calls(endpoint).length;
  const run = t.app.scheduler.runNow("publish");
  await until(() => ig.calls(endpoint).length > before);
  await t.restart();
  await run;
}

/**
 * Each of `calledOnce` was called once on the account's edges, exactly one post went live for the account, and
 * media_publish never hit an already-published container.
 */
function expectPublishedOnce(account: FakeAccount, calledOnce: ("create_container" | "publish")[]): void {
  for (const endpoint of calledOnce) expect(callsFor(endpoint, account), endpoint).toBe(1);
  expect(ig.published(account)).toHaveLength(1);
  expect(ig.duplicatePublishAttempts - duplicatesBefore).toBe(0);
}

/** The draft is recorded as published, with the media id and permalink of the account's one live post. */
async function expectRecordedAsLive(draftId: number, account: FakeAccount): Promise<void> {
  const [live] = ig.published(account);
  expect(await postRow(t, draftId)).toMatchObject({
    status: "published",
    instagram_media_id: live!.mediaId,
    permalink: live!.permalink,
  });
}

describe("a crash or a timeout at each step, then a retry", () => {
  it("after the container was created: the retry reuses the saved container, after the lease", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();

    await stopServiceDuring("container_status");
    const left = await postRow(t, draftId);
    expect(left).toMatchObject({ status: "publishing", instagram_media_id: null, publish_attempts: 1 });
    expect(left.container_id).toMatch(/^1788/);

    // Within the lease the post still belongs to the dead worker.
    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", publish_attempts: 1 });

    await runPublisherAfterTheLease();
    expect(await postRow(t, draftId)).toMatchObject({ status: "published", container_id: left.container_id });
    expectPublishedOnce(account, ["create_container"]);
  });

  it("while the container is still processing: it is polled a few times, left for the next tick, then published", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    ig.setPollsBeforeFinished(5);
    const now = freezeClockNow();
    const polls = ig.calls("container_status").length;

    await runPublisher(t);
    const waiting = await postRow(t, draftId);
    expect(waiting).toMatchObject({ status: "publishing", publish_attempts: 1 });
    expect(waiting.last_error).toBe(
      "Instagram is still processing the image. Greenlight will try again shortly.",
    );
    expect(waiting.next_attempt_at!.getTime() - now.getTime()).toBe(30_000);
    expect(ig.calls("container_status").length - polls).toBe(4);

    await runPublisherAfterRetryWait(now);
    expect((await postRow(t, draftId)).status).toBe("published");
    expectPublishedOnce(account, ["create_container"]);
  });

  it("when a status poll gets no answer: the next attempt asks again and publishes the same container", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    ig.failNext("container_status", { kind: "drop_before_action" });
    const now = freezeClockNow();

    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", instagram_media_id: null });

    await runPublisherAfterRetryWait(now);
    expect((await postRow(t, draftId)).status).toBe("published");
    expectPublishedOnce(account, ["create_container"]);
  });

  it("when media_publish went through but its answer was lost: the container says PUBLISHED, and that is recorded", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    ig.failNext("publish", { kind: "drop_after_action" });

    await runPublisher(t);
    await expectRecordedAsLive(draftId, account);
    expectPublishedOnce(account, ["publish"]);
  });

  it("when the answer was lost and the status check failed too: the next attempt checks first and does not publish", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    ig.failNext("container_status", { kind: "delay", ms: 0 }); // the poll before publishing answers normally
    ig.failNext("container_status", { kind: "drop_before_action" }); // the check after the lost answer does not
    ig.failNext("publish", { kind: "drop_after_action" });
    const now = freezeClockNow();

    await runPublisher(t);
    const unknown = await postRow(t, draftId);
    expect(unknown).toMatchObject({ status: "publishing", instagram_media_id: null });
    expect(unknown.last_error).toMatch(/checking whether the post went out/);
    expect(ig.published(account)).toHaveLength(1);

    await runPublisherAfterRetryWait(now);
    const [live] = ig.published(account);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "published",
      instagram_media_id: live!.mediaId,
    });
    expectPublishedOnce(account, ["publish"]);
  });

  it("when the service stopped while media_publish was in flight: after the lease it finds the post live", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();

    await stopServiceDuring("publish");
    await until(() => ig.published(account).length === 1);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", instagram_media_id: null });

    await runPublisherAfterTheLease();
    await expectRecordedAsLive(draftId, account);
    expectPublishedOnce(account, ["publish"]);
  });

  it("before the permalink was saved: the retry only reads the permalink", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();

    await stopServiceDuring("get_media");
    const [live] = ig.published(account);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "publishing",
      instagram_media_id: live!.mediaId,
      permalink: null,
    });

    await runPublisherAfterTheLease();
    expect(await postRow(t, draftId)).toMatchObject({ status: "published", permalink: live!.permalink });
    expectPublishedOnce(account, ["publish", "create_container"]);
  });

  it("when reading the permalink fails for a moment: the post is live, so only the link is asked for again", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    ig.failNext("get_media", { kind: "server_error" });
    const now = freezeClockNow();

    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "publishing",
      instagram_media_id: ig.published(account)[0]!.mediaId,
      last_error: "Published; Instagram has not given the link yet.",
    });

    await runPublisherAfterRetryWait(now);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "published",
      permalink: ig.published(account)[0]!.permalink,
    });
    expectPublishedOnce(account, ["publish"]);
  });

  it("a worker whose lease was taken over stops before it calls Instagram to create or publish anything", async () => {
    const { account, draftId } = await dueStoryOnNewAccount();
    const now = new Date();
    const stale = await claimDuePost(t.app.sql, { now, leaseMs: PUBLISH_LEASE_MS });
    expect(stale?.id).toBe(draftId);

    setClock(t, new Date(now.getTime() + PUBLISH_LEASE_MS + 1000));
    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "published", publish_attempts: 2 });

    // The first worker wakes up and carries on with the claim it holds.
    const instagram = createInstagramClientFromConfig(t.app.config)!;
    expect(await publishClaimedPost({ services: t.app.services, instagram }, stale!)).toBe("lease_lost");
    expectPublishedOnce(account, ["create_container", "publish"]);
  });
});

describe("several publishers at once", () => {
  it("never hands the same post, or two posts of one Instagram account, to concurrent claims", async () => {
    const brands = await connectedBrands(6);
    // duePost gives each post an earlier slot than the one before, so each brand's last post is due first.
    const dueFirst: number[] = [];
    for (const { brandId } of brands) {
      for (let i = 0; i < 2; i++) await dueStory(brandId);
      dueFirst.push(await dueStory(brandId));
    }
    // A seventh brand connected to the first brand's Instagram account shares its turn, and is due before it.
    const sharing = await insertBrand(t.app.sql, ownerId);
    await connectAccount(t, ig, sharing, brands[0]!.account);
    dueFirst[0] = await dueStory(sharing);

    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: 24 }, () => claimDuePost(t.app.sql, { now, leaseMs: PUBLISH_LEASE_MS })),
    );
    const claimed = claims.filter((claim) => claim !== undefined);
    // One post of each account, the one due first, and no other.
    expect(claimed.map((claim) => claim.id).sort((a, b) => a - b)).toEqual(dueFirst.sort((a, b) => a - b));
    // The accounts are held: nothing is left for another claim until their leases end.
    expect(await claimDuePost(t.app.sql, { now, leaseMs: PUBLISH_LEASE_MS })).toBeUndefined();
    const later = new Date(now.getTime() + PUBLISH_LEASE_MS + 1000);
    const next = await claimDuePost(t.app.sql, { now: later, leaseMs: PUBLISH_LEASE_MS });
    expect(next?.claimedFrom).toBe("publishing");
  });

  it(
    onRealPostgres
      ? "passes by the posts of a brand being deleted, but not those of a brand whose AI spend is being booked"
      : "never claims the posts of a deleted brand",
    async () => {
      const [deleting, drafting] = await connectedBrands(2);
      const doomed = await dueStory(deleting!.brandId);
      const due = await dueStory(drafting!.brandId);
      const now = new Date();
      const claim = async (sql: typeof t.app.sql) => {
        const claimed = [];
        for (;;) {
          const post = await claimDuePost(sql, { now, leaseMs: PUBLISH_LEASE_MS });
          if (!post) return claimed;
          claimed.push(post);
        }
      };
      if (onRealPostgres) {
        // Another instance claims while this one holds each brand the way deleteBrand (FOR UPDATE) and the AI
        // ledger (FOR NO KEY UPDATE) hold it, before either commits.
        const other = postgres(t.database.url!, { max: 1, onnotice: () => {} });
        try {
          await t.app.sql.begin(async (tx) => {
            await tx`select from brands where id = ${deleting!.brandId} for update`;
            await tx`select from brands where id = ${drafting!.brandId} for no key update`;
            expect((await claim(other)).map((post) => Number(post.id))).toEqual([due]);
          });
        } finally {
          await other.end();
        }
      }
      const [owner] = await t.app.sql<{ owner_id: number }[]>`
        select owner_id from brands where id = ${deleting!.brandId}`;
      await t.app.sql.begin((tx) => deleteBrand(tx, owner!.owner_id, deleting!.brandId));
      expect(await postRow(t, doomed)).toBeUndefined();
      expect((await claim(t.app.sql)).map((post) => post.id)).not.toContain(doomed);
    },
  );

  it(
    onRealPostgres
      ? "publishes each post exactly once when two service instances publish at the same time"
      : "publishes each post exactly once when publish runs overlap in the one embedded instance",
    async () => {
      const brands = await connectedBrands(3);
      for (const { brandId } of brands) for (let i = 0; i < 2; i++) await dueStory(brandId);
      // Each post takes a second of polling, so the runs overlap.
      ig.setPollsBeforeFinished(1);

      const instances: RunningGreenlight[] = [t.app];
      if (onRealPostgres) instances.push(await startSecondInstance());
      try {
        const runs: Promise<unknown>[] = [];
        const publishers = [];
        for (const app of instances) {
          const instagram = createInstagramClientFromConfig(app.config)!;
          // Extra publishers beside the scheduler's own: the claim must keep them apart by itself.
          for (let i = 0; i < 2; i++) {
            const publisher = createPublisher({ services: app.services, instagram, concurrency: 4 });
            publishers.push(publisher);
            runs.push(publisher.publishDuePosts());
          }
          runs.push(app.scheduler.runNow("publish"));
        }
        await Promise.all(runs);
        expect(publishers.reduce((sum, p) => sum + p.counts.crashed + p.counts.lease_lost, 0)).toBe(0);
      } finally {
        for (const app of instances.slice(1)) await app.stop();
      }

      for (const { account } of brands) {
        expect(ig.published(account)).toHaveLength(2);
        expect(ig.mostCallsAtOnce(account)).toBe(1);
        expect(callsFor("create_container", account)).toBe(2);
        expect(callsFor("publish", account)).toBe(2);
      }
      expect(ig.duplicatePublishAttempts - duplicatesBefore).toBe(0);
      const [counts] = await t.app.sql<{ published: number; other: number }[]>`
        select count(*) filter (where status = 'published') as published,
               count(*) filter (where status <> 'published') as other
          from drafts where brand_id in ${t.app.sql(brands.map((brand) => brand.brandId))}`;
      expect(counts).toEqual({ published: 6, other: 0 });
    },
  );
});

/** Another instance of the service on the same Postgres database, as a second machine behind the same URL. */
async function startSecondInstance(): Promise<RunningGreenlight> {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: t.dataDir,
    DATABASE_URL: t.database.url,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    PUBLIC_URL: t.app.config.PUBLIC_URL,
    ...instagramEnv(ig),
    INGEST_CRON: "0 0 1 1 *",
    PUBLISH_CRON: "0 0 1 1 *",
    OUTBOX_CRON: "0 0 1 1 *",
  });
  return startGreenlight(config, { logger: t.logs.logger, hostname: "127.0.0.1" });
}
