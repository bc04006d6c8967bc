import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { type FakeAccount, type FakeEndpoint, FakeInstagram } from "./fakes/fake-instagram.ts";
import { killService, type ServiceProcess } from "./helpers/child-process.ts";
import { eventually, insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import {
  connectAccount,
  dueCarousel,
  slideContainers,
  spawnPublishingService,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";

/**
 * Carousels across a real crash: the service process is killed (SIGKILL, no shutdown) while Instagram carries out
 * one of its calls, so Instagram acts and nobody records it. The next process must publish the carousel once, with
 * the children the dead one saved, and never publish what it made without hearing back.
 */

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
  ownerId = await insertOwner(t.app.sql);
});

beforeEach(async () => {
  await killService(service);
});

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await ig?.close();
});

async function dueCarouselFor(account: FakeAccount): Promise<number> {
  const brandId = await insertBrand(t.app.sql, ownerId);
  await connectAccount(t, ig, brandId, account);
  const { draftId } = await dueCarousel(t, brandId, { scheduledFor: new Date(Date.now() - 60_000) });
  return draftId;
}

/**
 * Runs the service as a process; Instagram carries out the n-th `endpoint` call and holds its answer for 1.5 s,
 * and the process is killed while it waits; then restarts the test app on the same database, publishes after the dead process's
 * lease, and returns the draft's slides' children as the dead process left them.
 */
async function killDuring(draftId: number, endpoint: FakeEndpoint, n: number): Promise<(string | null)[]> {
  await t.app.stop();
  const before = ig.calls(endpoint).length;
  if (n > 1) ig.failNext(endpoint, { kind: "delay", ms: 0 }, n - 1);
  ig.failNext(endpoint, { kind: "delay_after_action", ms: 1500 });
  service = await spawnPublishingService(t, ig);
  // Instagram has done it (a child: downloaded its image from the service) and holds the answer back.
  await eventually(() => expect(ig.calls(endpoint)[before + n - 1]?.actedAt).toBeTruthy(), 20_000);
  service.child.kill("SIGKILL");
  await service.exited;

  const app = await t.restart();
  const left = await slideContainers(t, draftId);
  app.services.clock = () => new Date(Date.now() + PUBLISH_LEASE_MS + 1000);
  // On Postgres the killed process's advisory lock goes when the server notices the dropped connection.
  const deadline = Date.now() + 10_000;
  while (!(await app.scheduler.runNow("publish"))) {
    if (Date.now() > deadline) throw new Error("the publish job never got its lock");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return left;
}

function made(account: FakeAccount, kind: "carousel_item" | "carousel"): number {
  return ig.containersMade(account).filter((container) => container.kind === kind).length;
}

it(
  "publishes the carousel once, with the children saved before, when the service is killed while Instagram makes slide 3",
  { timeout: 60_000 },
  async () => {
    const account = ig.addAccount();
    const draftId = await dueCarouselFor(account);

    const left = await killDuring(draftId, "create_carousel_item", 3);
    expect(left.slice(0, 2).every((id) => id !== null)).toBe(true);
    expect(left.slice(2)).toEqual([null, null, null, null]);

    const posts = ig.published(account);
    expect(posts).toHaveLength(1);
    const children = posts[0]!.children.map((child) => child.containerId);
    expect(children.slice(0, 2)).toEqual(left.slice(0, 2));
    expect(await slideContainers(t, draftId)).toEqual(children);
    // One set, plus the one child made while the process died: it is in no carousel.
    expect(made(account, "carousel_item")).toBe(7);
    expect(made(account, "carousel")).toBe(1);
    const [row] = await t.app.sql<{ status: string; instagram_media_id: string }[]>`
      select status, instagram_media_id from drafts where id = ${draftId}`;
    expect(row).toEqual({ status: "published", instagram_media_id: posts[0]!.mediaId });
  },
);

it(
  "publishes the carousel once when the service is killed while Instagram publishes it",
  { timeout: 60_000 },
  async () => {
    const account = ig.addAccount();
    const draftId = await dueCarouselFor(account);

    await killDuring(draftId, "publish", 1);

    const posts = ig.published(account);
    expect(posts).toHaveLength(1);
    const [row] = await t.app.sql<{ status: string; instagram_media_id: string; permalink: string }[]>`
      select status, instagram_media_id, permalink from drafts where id = ${draftId}`;
    expect(row).toEqual({
      status: "published",
      instagram_media_id: posts[0]!.mediaId,
      permalink: posts[0]!.permalink,
    });
    expect(made(account, "carousel_item")).toBe(6);
    expect(made(account, "carousel")).toBe(1);
    expect(ig.calls("publish").filter((call) => call.userId === account.userId)).toHaveLength(1);
    expect(ig.duplicatePublishAttempts).toBe(0);
  },
);
