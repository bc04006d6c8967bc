import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { type RunningGreenlight, startGreenlight } from "../../src/app.ts";
import { loadConfig } from "../../src/config/config.ts";
import { openDatabase, type Sql } from "../../src/database/connect.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { createTokenVault } from "../../src/shared/token-vault.ts";
import { type FakeAccount, FakeImageHost, FakeInstagram } from "../../test/fakes/fake-instagram.ts";
import { freePort, spawnService, waitForHealthy } from "../../test/helpers/child-process.ts";
import { instagramEnv } from "../../test/helpers/instagram-connection.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const ACCOUNTS = Number(process.env.BENCH_PUBLISH_ACCOUNTS ?? 300);
const LATENCY_MS = 1000;
const HANG_MS = 60_000;
const KEY = Buffer.alloc(32, 9).toString("base64");
const NEVER = "0 0 1 1 *";

/**
 * Publishing throughput and recovery on real PostgreSQL against the fake Instagram, every Graph call answered
 * after 1 s: (1) 300 posts due in the same slot on 300 connected accounts, one instance, time until all are
 * live; (2) the same with one account's calls hanging for 60 s: when the 299 others are all live; (3) two
 * service processes, the one publishing killed (SIGKILL) while Instagram carries out its media_publish: time
 * from the kill until the survivor has recorded the post (published once).
 */
export async function publishingScenario(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const images = await FakeImageHost.start();
  const jpeg = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: "#2a7" } })
    .jpeg()
    .toBuffer();
  const imageUrl = images.serve("/post.jpg", jpeg);
  try {
    for (const hung of [false, true]) {
      const ig = await FakeInstagram.start();
      const database = await createBenchDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-publish-"));
      let app: RunningGreenlight | undefined;
      try {
        app = await startGreenlight(
          loadConfig({
            PORT: "0",
            DATA_DIR: dataDir,
            DATABASE_URL: database.url,
            ENCRYPTION_KEY: KEY,
            PUBLIC_URL: "http://127.0.0.1:1",
            ALLOW_PRIVATE_NETWORK: "true",
            LOG_LEVEL: "warn",
            ...instagramEnv(ig),
            INGEST_CRON: NEVER,
            PUBLISH_CRON: NEVER,
            OUTBOX_CRON: NEVER,
            MEDIA_DELETIONS_CRON: NEVER,
            SHUTDOWN_TIMEOUT_MS: "1000",
          }),
          { hostname: "127.0.0.1", logger: createLogger("error") },
        );
        const accounts = await duePosts(app, ig, ACCOUNTS, imageUrl);
        ig.setLatency(LATENCY_MS);
        if (hung) ig.hang(accounts[0]!, HANG_MS);
        const waitingFor = hung ? accounts.slice(1) : accounts;
        const started = performance.now();
        const run = app.scheduler.runNow("publish");
        while (waitingFor.some((account) => ig.published(account).length === 0)) {
          if (performance.now() - started > 600_000) throw new Error("posts not published within 10 minutes");
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const seconds = (performance.now() - started) / 1000;
        if (!hung) await run;
        figures.push({
          scenario: "publishing",
          metric: hung
            ? `${waitingFor.length} posts live while 1 account hangs ${HANG_MS / 1000} s`
            : `${ACCOUNTS} posts on ${ACCOUNTS} accounts live (1 s per call, 1 instance)`,
          value: `${seconds.toFixed(1)} s`,
          target: "≤ 60 s",
        });
        figures.push({
          scenario: "publishing",
          metric: hung ? "duplicate publishes (hung run)" : "most Instagram calls at once / per account",
          value: hung
            ? String(ig.duplicatePublishAttempts)
            : `${ig.mostCallsAtOnce()} / ${Math.max(...accounts.map((a) => ig.mostCallsAtOnce(a)))}`,
        });
        if (hung) ig.hang(accounts[0]!, null);
      } finally {
        await app?.stop();
        await ig.close();
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    figures.push(await recoveryAfterKill(imageUrl));
  } finally {
    await images.close();
  }
  return figures;
}

/** An owner with `count` brands, each connected to an account of its own, each with one post due now. */
async function duePosts(
  app: RunningGreenlight,
  ig: FakeInstagram,
  count: number,
  imageUrl: string,
): Promise<FakeAccount[]> {
  const { sql } = app;
  const [owner] = await sql<{ id: number }[]>`
    insert into owners (telegram_user_id, telegram_chat_id, display_name) values (1, 1, 'Agency') returning id`;
  const due = new Date(Date.now() - 1000);
  const accounts: FakeAccount[] = [];
  for (let i = 0; i < count; i++) {
    const account = ig.addAccount();
    accounts.push(account);
    await duePost(sql, owner!.id, i, account, Buffer.from(app.vault.seal(ig.issueLongLivedToken(account))), {
      imageUrl,
      due,
    });
  }
  return accounts;
}

async function duePost(
  sql: Sql,
  ownerId: number,
  n: number,
  account: FakeAccount,
  sealedToken: Buffer,
  post: { imageUrl: string; due: Date },
): Promise<void> {
  const [brand] = await sql<{ id: number }[]>`
    insert into brands (owner_id, name, time_zone, posting_slots)
    values (${ownerId}, ${`Brand ${n}`}, 'UTC', ${sql.json([{ time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] }])})
    returning id`;
  await sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
    values (${brand!.id}, ${account.userId}, ${account.username}, ${sealedToken},
            ${new Date(Date.now() + 50 * 86_400_000)})`;
  await sql`
    insert into drafts (brand_id, status, caption, image_url, scheduled_for)
    values (${brand!.id}, 'approved', ${`Post ${n}: the news of the day.`}, ${post.imageUrl}, ${post.due})`;
}

/** Two service processes on one database; the one that calls media_publish is killed while Meta carries it out. */
async function recoveryAfterKill(imageUrl: string): Promise<Figure> {
  const ig = await FakeInstagram.start();
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-recover-"));
  const services: ReturnType<typeof spawnService>[] = [];
  try {
    const ports = [await freePort(), await freePort()];
    const env = (port: number) => ({
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: KEY,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ALLOW_PRIVATE_NETWORK: "true",
      LOG_LEVEL: "error",
      ...instagramEnv(ig),
      INGEST_CRON: NEVER,
      OUTBOX_CRON: NEVER,
    });
    // The first instance alone claims the post; the second starts while Meta carries out its media_publish
    // (held 25 s), and the first is killed once the second is up.
    services.push(spawnService(env(ports[0]!)));
    await waitForHealthy(`http://127.0.0.1:${ports[0]}`, 60_000);
    const logger = createLogger("error");
    const db = await openDatabase({ url: database.url, dataDir: undefined, poolSize: 2, logger });
    const vault = await createTokenVault(new Uint8Array(Buffer.from(KEY, "base64")));
    const account = ig.addAccount();
    const [owner] = await db.sql<{ id: number }[]>`
      insert into owners (telegram_user_id, telegram_chat_id, display_name) values (1, 1, 'Agency') returning id`;
    ig.failNext("publish", { kind: "delay", ms: 25_000 });
    await duePost(db.sql, owner!.id, 0, account, Buffer.from(vault.seal(ig.issueLongLivedToken(account))), {
      imageUrl,
      due: new Date(Date.now() - 1000),
    });
    while (ig.calls("publish").length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    services.push(spawnService(env(ports[1]!)));
    await waitForHealthy(`http://127.0.0.1:${ports[1]}`, 60_000);
    services[0]!.child.kill("SIGKILL");
    await services[0]!.exited;
    const killedAt = performance.now();
    for (;;) {
      const [row] = await db.sql<{ status: string }[]>`select status from drafts limit 1`;
      if (row?.status === "published") break;
      if (performance.now() - killedAt > 300_000) throw new Error("not recovered within 5 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - killedAt) / 1000;
    await db.close();
    return {
      scenario: "publishing",
      metric: `SIGKILL mid-publish → published by the survivor (live ${ig.published(account).length}×, dup ${ig.duplicatePublishAttempts})`,
      value: `${seconds.toFixed(1)} s`,
      target: "≤ 90 s",
    };
  } finally {
    for (const service of services) {
      if (service.child.exitCode === null) service.child.kill("SIGKILL");
      await service.exited;
    }
    await ig.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
