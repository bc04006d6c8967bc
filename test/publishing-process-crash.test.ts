import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { newDraftMediaKey } from "../src/storage/media-store.ts";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import { freePort, type ServiceProcess, spawnService, waitForHealthy } from "./helpers/child-process.ts";
import { insertBrand, insertDraft, insertOwner } from "./helpers/draft-fixtures.ts";
import { startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from "./helpers/start-test-app.ts";

/**
 * The hard case for real: the service process is killed (SIGKILL, no shutdown) while Instagram is carrying out
 * its media_publish, so the post goes live and nobody records it. The next process must find that out and
 * never publish it a second time.
 */

let ig: FakeInstagram;
let t: TestApp;
let service: ServiceProcess | undefined;
let port: number;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  port = await freePort();
  t = await startTestApp(instagramEnv());
});

afterAll(async () => {
  if (service && service.child.exitCode === null) {
    service.child.kill("SIGKILL");
    await service.exited;
  }
  await t?.stop();
  await ig?.close();
});

function instagramEnv(): Record<string, string> {
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    INSTAGRAM_APP_ID: ig.appId,
    INSTAGRAM_APP_SECRET: ig.appSecret,
    INSTAGRAM_AUTH_URL: ig.urls.authUrl,
    INSTAGRAM_API_URL: ig.urls.apiUrl,
    INSTAGRAM_GRAPH_URL: ig.urls.graphUrl,
  };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function duePostFor(account: FakeAccount): Promise<number> {
  const sql = t.app.sql;
  const ownerId = await insertOwner(sql);
  const brandId = await insertBrand(sql, ownerId);
  const sealed = Buffer.from(t.app.vault.seal(ig.issueLongLivedToken(account)));
  await sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
    values (${brandId}, ${account.userId}, ${account.username}, ${sealed}, ${new Date(Date.now() + 50 * 86_400_000)})`;
  const body = await sharp({
    create: { width: 1080, height: 1350, channels: 3, background: { r: 9, g: 9, b: 9 } },
  })
    .jpeg()
    .toBuffer();
  const image = await t.app.services.media.put(newDraftMediaKey("crash"), body, "image/jpeg");
  return insertDraft(sql, brandId, {
    status: "approved",
    imageKey: image.key,
    imageUrl: image.url,
    scheduledFor: new Date(Date.now() - 60_000),
  });
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

    // The real service as `npm start` runs it, publishing every second, on the same database and media folder.
    ig.failNext("publish", { kind: "delay", ms: 1500 });
    service = spawnService({
      ...instagramEnv(),
      DATA_DIR: t.dataDir,
      ...(t.database.url ? { DATABASE_URL: t.database.url } : {}),
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LOG_LEVEL: "warn",
      PUBLISH_CRON: "* * * * * *",
      INGEST_CRON: "0 0 1 1 *",
    });
    await waitForHealthy(`http://127.0.0.1:${port}`, 30_000);
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
