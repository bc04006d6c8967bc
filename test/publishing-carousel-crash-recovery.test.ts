import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composePostText } from "../src/drafting/caption-limits.ts";
import { createInstagramClientFromConfig } from "../src/instagram-auth/instagram-client-factory.ts";
import { claimDuePost } from "../src/publishing/claim-due-posts.ts";
import { publishClaimedPost } from "../src/publishing/publish-post.ts";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { type FakeAccount, type FakeEndpoint, FakeInstagram } from "./fakes/fake-instagram.ts";
import { insertOwner } from "./helpers/draft-fixtures.ts";
import {
  connectedBrand,
  dueCarousel,
  postRow,
  runPublisher,
  setClock,
  slideContainers,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";

/**
 * A carousel exactly once, whatever breaks: the service is stopped while Instagram carries out each step (every
 * child, the parent, media_publish, the permalink), or Instagram's answer is lost, and the next attempt must
 * publish the carousel once, reusing the children that were saved, never making a second set, and never
 * publishing a child or parent whose creation went unanswered. A stop leaves what a crash leaves: every step is
 * recorded before the next. The fake keeps every container made, so the orphans can be counted.
 */

const SLIDES = 6;
const CAPTION = "Six charts on how the city rides.";

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
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
  t.app.services.clock = () => new Date();
  await t.app.sql`update drafts set status = 'cancelled' where status in ('approved', 'publishing')`;
});

/** A due six-slide carousel on a brand and Instagram account of its own. */
async function dueCarouselOnNewAccount(): Promise<{ account: FakeAccount; draftId: number }> {
  const { brandId, account } = await connectedBrand(t, ig, ownerId);
  const { draftId } = await dueCarousel(t, brandId, { caption: CAPTION, hashtags: [], slides: SLIDES });
  return { account, draftId };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets the next `n - 1` calls to `endpoint` through untouched, and does `fault` to the n-th. */
function faultTheNth(
  endpoint: FakeEndpoint,
  n: number,
  fault: Parameters<FakeInstagram["failNext"]>[1],
): void {
  if (n > 1) ig.failNext(endpoint, { kind: "delay", ms: 0 }, n - 1);
  ig.failNext(endpoint, fault);
}

/**
 * Instagram carries out the n-th next `endpoint` call (for a child, downloading its image from the service) and
 * holds its answer; the service is stopped meanwhile and started again on the same database. The old run writes
 * nothing more: what it leaves is what a crash between the call and its record leaves.
 */
async function stopServiceDuring(endpoint: FakeEndpoint, n = 1): Promise<void> {
  const before = ig.calls(endpoint).length;
  faultTheNth(endpoint, n, { kind: "delay_after_action", ms: 1500 });
  const run = t.app.scheduler.runNow("publish");
  await until(() => ig.calls(endpoint)[before + n - 1]?.actedAt != null);
  await t.restart();
  await run;
}

/** Runs the publisher as a worker would that starts once the dead worker's lease has run out. */
async function runPublisherAfterTheLease(): Promise<void> {
  setClock(t, new Date(Date.now() + PUBLISH_LEASE_MS + 1000));
  await runPublisher(t);
}

/** Runs the publisher once a retry's wait (at most a few minutes for a first failure) is over. */
async function runPublisherAfterRetryWait(): Promise<void> {
  setClock(t, new Date(Date.now() + 10 * 60_000));
  await runPublisher(t);
}

function containersOf(account: FakeAccount, kind: "carousel_item" | "carousel"): string[] {
  return ig
    .containersMade(account)
    .filter((container) => container.kind === kind)
    .map((container) => container.id);
}

/**
 * The account has exactly one post, the carousel, and the draft records it. Its children are the ones the slides
 * saved, in order. `orphanChildren` / `orphanParents`: how many creations went unanswered, so how many containers
 * beyond one set may exist; none of them is in the post. No media_publish hit a published container.
 */
async function expectPublishedOnce(
  account: FakeAccount,
  draftId: number,
  orphans: { children?: number; parents?: number } = {},
): Promise<void> {
  const posts = ig.published(account);
  expect(posts).toHaveLength(1);
  const [post] = posts;
  expect(post!.mediaType).toBe("CAROUSEL_ALBUM");
  expect(post!.caption).toBe(composePostText(CAPTION, []));
  expect(await postRow(t, draftId)).toMatchObject({
    status: "published",
    instagram_media_id: post!.mediaId,
    permalink: post!.permalink,
    container_id: post!.containerId,
  });
  const saved = await slideContainers(t, draftId);
  expect(post!.children.map((child) => child.containerId)).toEqual(saved);
  expect(containersOf(account, "carousel_item")).toHaveLength(SLIDES + (orphans.children ?? 0));
  expect(containersOf(account, "carousel")).toHaveLength(1 + (orphans.parents ?? 0));
  expect(ig.duplicatePublishAttempts - duplicatesBefore).toBe(0);
}

describe("the service stops while Instagram makes a slide's child", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    "slide %i: the children saved before it are reused, its own is made again, and the carousel goes out once",
    async (slide) => {
      const { account, draftId } = await dueCarouselOnNewAccount();

      await stopServiceDuring("create_carousel_item", slide);
      const left = await slideContainers(t, draftId);
      expect(left.slice(0, slide - 1).every((id) => id !== null)).toBe(true);
      expect(left.slice(slide - 1)).toEqual(Array(SLIDES - slide + 1).fill(null));
      expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", container_id: null });
      // Instagram made the child whose answer never came back: an orphan no parent will ever list.
      expect(containersOf(account, "carousel_item")).toHaveLength(slide);

      // Within the lease the post still belongs to the dead worker.
      await runPublisher(t);
      expect(await slideContainers(t, draftId)).toEqual(left);

      await runPublisherAfterTheLease();
      await expectPublishedOnce(account, draftId, { children: 1 });
      expect((await slideContainers(t, draftId)).slice(0, slide - 1)).toEqual(left.slice(0, slide - 1));
    },
  );
});

describe("Instagram's answer is lost while it makes a slide's child", () => {
  it.each([1, 3, 6])(
    "slide %i: the next attempt reuses the saved children and makes only the missing ones",
    async (slide) => {
      const { account, draftId } = await dueCarouselOnNewAccount();
      faultTheNth("create_carousel_item", slide, { kind: "drop_after_action" });

      await runPublisher(t);
      const waiting = await postRow(t, draftId);
      expect(waiting).toMatchObject({ status: "publishing", container_id: null });
      expect(waiting.last_error).toBe(
        `Slide ${slide} of 6${slide === 1 ? " (the cover)" : ""}: Instagram could not be reached. Greenlight will try again shortly.`,
      );
      const left = await slideContainers(t, draftId);

      await runPublisherAfterRetryWait();
      await expectPublishedOnce(account, draftId, { children: 1 });
      expect((await slideContainers(t, draftId)).slice(0, slide - 1)).toEqual(left.slice(0, slide - 1));
    },
  );
});

describe("around the parent", () => {
  it("stopped while Instagram makes the parent: the six children are reused, a new parent is made and published", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();

    await stopServiceDuring("create_carousel");
    const children = await slideContainers(t, draftId);
    expect(children.every((id) => id !== null)).toBe(true);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", container_id: null });
    expect(containersOf(account, "carousel")).toHaveLength(1);
    const [orphan] = containersOf(account, "carousel");

    await runPublisherAfterTheLease();
    await expectPublishedOnce(account, draftId, { parents: 1 });
    expect(await slideContainers(t, draftId)).toEqual(children);
    expect(ig.published(account)[0]!.containerId).not.toBe(orphan);
  });

  it("the parent's answer lost: the next attempt makes a new parent from the same children", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();
    ig.failNext("create_carousel", { kind: "drop_after_action" });

    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", container_id: null });
    const children = await slideContainers(t, draftId);

    await runPublisherAfterRetryWait();
    await expectPublishedOnce(account, draftId, { parents: 1 });
    expect(await slideContainers(t, draftId)).toEqual(children);
  });

  it("stopped after the parent was saved, before media_publish: the saved parent is published, nothing is made again", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();

    // Six status reads of the children, then the seventh: the parent's, before publishing.
    await stopServiceDuring("container_status", SLIDES + 1);
    const left = await postRow(t, draftId);
    expect(left).toMatchObject({ status: "publishing", instagram_media_id: null });
    expect(left.container_id).toBe(containersOf(account, "carousel")[0]);

    await runPublisherAfterTheLease();
    await expectPublishedOnce(account, draftId);
    expect(ig.calls("publish").filter((call) => call.userId === account.userId)).toHaveLength(1);
  });
});

describe("around media_publish", () => {
  it("stopped while Instagram publishes: after the lease the carousel is found live by its caption and recorded", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();

    await stopServiceDuring("publish");
    expect(ig.published(account)).toHaveLength(1);
    expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", instagram_media_id: null });

    await runPublisherAfterTheLease();
    await expectPublishedOnce(account, draftId);
    expect(ig.calls("publish").filter((call) => call.userId === account.userId)).toHaveLength(1);
  });

  it("media_publish's answer lost: the parent says PUBLISHED, the post is looked up and recorded, not published again", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();
    ig.failNext("publish", { kind: "drop_after_action" });

    await runPublisher(t);
    await expectPublishedOnce(account, draftId);
    expect(ig.calls("publish").filter((call) => call.userId === account.userId)).toHaveLength(1);
  });

  it("stopped while the permalink is read: the retry only reads it", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();

    await stopServiceDuring("get_media");
    expect(await postRow(t, draftId)).toMatchObject({
      status: "publishing",
      instagram_media_id: ig.published(account)[0]!.mediaId,
      permalink: null,
    });

    await runPublisherAfterTheLease();
    await expectPublishedOnce(account, draftId);
  });
});

describe("children found on a later attempt", () => {
  it("an expired child is made again, the finished ones are reused", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();
    await stopServiceDuring("create_carousel_item", 4);
    const left = await slideContainers(t, draftId);
    ig.expireContainer(left[1]!);

    await runPublisherAfterTheLease();
    // One orphan from the stop, one for the expired child.
    await expectPublishedOnce(account, draftId, { children: 2 });
    const published = await slideContainers(t, draftId);
    expect(published[0]).toBe(left[0]);
    expect(published[1]).not.toBe(left[1]);
    expect(published[2]).toBe(left[2]);
  });

  it("a worker whose lease was taken over stops before it makes another child", async () => {
    const { account, draftId } = await dueCarouselOnNewAccount();
    const now = new Date();
    const stale = await claimDuePost(t.app.sql, { now, leaseMs: PUBLISH_LEASE_MS });
    expect(stale?.id).toBe(draftId);

    setClock(t, new Date(now.getTime() + PUBLISH_LEASE_MS + 1000));
    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "published", publish_attempts: 2 });

    // The first worker wakes up and carries on with the claim it holds.
    const instagram = createInstagramClientFromConfig(t.app.config)!;
    expect(await publishClaimedPost({ services: t.app.services, instagram }, stale!)).toBe("lease_lost");
    await expectPublishedOnce(account, draftId);
  });
});
