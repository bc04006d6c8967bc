import { afterAll, beforeAll, expect, it } from "vitest";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import { killService, type ServiceProcess } from "./helpers/child-process.ts";
import { insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import {
  connectAccount,
  duePost,
  spawnPublishingService,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";

/**
 * The hard case for real: the service process is killed (SIGKILL, no shutdown) while Instagram is carrying out
 * its media_publish, so the post goes live and nobody records it. The next process must find that out and
 * never publish it a second time.
 */

let ig: FakeInstagram;
let t: TestApp;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
});

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await ig?.close();
});

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function duePostFor(account: FakeAccount): Promise<number> {
  const ownerId = await insertOwner(t.app.sql);
  const brandId = await insertBrand(t.app.sql, ownerId);
  await connectAccount(t, ig, brandId, account);
  return duePost(t, brandId, { scheduledFor: new Date(Date.now() - 60_000) });
}

it(
  "publishes once when the service is killed while Instagram is publishing the post",
  {
    timeout: 60_000,
  },
  async () => {
    const account = ig.addAccount();
    const draftId = await duePostFor(account);
    await t.app.stop();

    ig.failNext("publish", { kind: "delay", ms: 1500 });
    service = await spawnPublishingService(t, ig);
    await until(() => ig.calls("publish").length === 1, 20_000, "the service calling media_publish");
    service.child.kill("SIGKILL");
    await service.exited;
    await until(() => ig.published(account).length === 1, 5000, "Instagram finishing the publish");

    const app = await t.restart();
    const [left] = await app.sql<
      { status: string; container_id: string | null; instagram_media_id: string | null }[]
    >`
    select status, container_id, instagram_media_id from drafts where id = ${draftId}`;
    expect(left).toMatchObject({ status: "publishing", instagram_media_id: null });
    expect(left!.container_id).not.toBeNull();

    app.services.clock = () => new Date(Date.now() + PUBLISH_LEASE_MS + 1000);
    // On Postgres the killed process's advisory lock goes when the server notices the dropped connection.
    const deadline = Date.now() + 10_000;
    while (!(await app.scheduler.runNow("publish"))) {
      if (Date.now() > deadline) throw new Error("the publish job never got its lock");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const [live] = ig.published(account);
    const [row] = await app.sql<
      { status: string; instagram_media_id: string | null; permalink: string | null }[]
    >`
    select status, instagram_media_id, permalink from drafts where id = ${draftId}`;
    expect(row).toEqual({
      status: "published",
      instagram_media_id: live!.mediaId,
      permalink: live!.permalink,
    });
    expect(ig.published(account)).toHaveLength(1);
    expect(ig.calls("publish")).toHaveLength(1);
    expect(ig.duplicatePublishAttempts).toBe(0);
  },
);
