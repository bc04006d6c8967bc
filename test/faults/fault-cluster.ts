import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/database/connect.ts";
import { migrate } from "../../src/database/migrate.ts";
import { createTokenVault, type TokenVault } from "../../src/shared/token-vault.ts";
import { type FakeAnthropic, startFakeAnthropic } from "../fakes/fake-anthropic.ts";
import { type FakeFeedServer, startFakeFeedServer } from "../fakes/fake-feed-server.ts";
import { FakeImageHost, FakeInstagram } from "../fakes/fake-instagram.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/fake-openai.ts";
import { FakeTelegram } from "../fakes/fake-telegram.ts";
import { startS3Server, type TestS3Server } from "../fakes/s3-server.ts";
import { freePort, type ServiceProcess, spawnService, waitForHealthy } from "../helpers/child-process.ts";
import { instagramEnv } from "../helpers/instagram-connection.ts";
import { type PgBouncer, startPgBouncer } from "../helpers/pgbouncer.ts";
import { capturedLogger } from "../helpers/log-capture.ts";
import { TEST_ENCRYPTION_KEY, TEST_WEBHOOK_SECRET } from "../helpers/start-test-app.ts";
import { TcpProxy } from "../helpers/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

/**
 * Several instances of the real service (`src/main.ts` as `npm start` runs it, each its own process) on one real
 * PostgreSQL database, reached through a TCP proxy the suite can cut, against the fakes of every outside service
 * on 127.0.0.1. The suite kills and restarts instances at will and reads the outcome from the fakes (what the
 * world saw) and from the database (what the service recorded). With FAULTS_POOLER=pgbouncer the proxy leads to a
 * real PgBouncer in transaction mode in front of the database, as Fly's, Supabase's and Neon's pooled URLs do.
 */
export interface FaultCluster {
  telegram: FakeTelegram;
  instagram: FakeInstagram;
  imageHost: FakeImageHost;
  anthropic: FakeAnthropic;
  openai: FakeOpenAi;
  feeds: FakeFeedServer;
  s3: TestS3Server;
  /** The suite's own connection, straight to the database (not through the proxy). */
  sql: Database["sql"];
  vault: TokenVault;
  /** The instances' only way to the database. */
  databaseLink: TcpProxy;
  instances: ServiceInstance[];
  /** Exits no kill of the suite's asked for: a crash. Each with the last lines the process wrote. */
  crashes: { instance: number; code: number | null; tail: string }[];
  /** SIGKILLs one instance and waits for it to be gone. */
  kill(index: number): Promise<void>;
  /** Starts (or restarts) one instance and waits for its /healthz to answer 200. */
  start(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceInstance {
  index: number;
  port: number;
  url: string;
  process: ServiceProcess | undefined;
  /** True between the suite's SIGKILL and the process's exit. */
  killing: boolean;
  kills: number;
}

export interface FaultClusterOptions {
  instances: number;
  /** Environment for every instance, over the defaults below (crons, for instance). */
  env?: Record<string, string>;
}

/** Every cron off unless a scenario turns it on: a scenario runs only the jobs it is about. */
const JOBS_OFF = {
  INGEST_CRON: "0 0 1 1 *",
  PUBLISH_CRON: "0 0 1 1 *",
  OUTBOX_CRON: "0 0 1 1 *",
  MEDIA_DELETIONS_CRON: "0 0 1 1 *",
  INSIGHTS_CRON: "0 0 1 1 *",
  WEEKLY_REPORT_CRON: "0 0 1 1 *",
};

export async function startFaultCluster(options: FaultClusterOptions): Promise<FaultCluster> {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error(
      "The fault suite runs several instances on one database: set TEST_DATABASE_URL to a real PostgreSQL server",
    );
  }
  const database: TestDatabase = await createTestDatabase();
  const { logger } = capturedLogger("warn");
  const direct = await openDatabase({ url: database.url, dataDir: undefined, poolSize: 4, logger });
  await migrate(direct.sql, logger);
  const pooler: PgBouncer | undefined =
    process.env.FAULTS_POOLER === "pgbouncer" ? await startPgBouncer() : undefined;
  const serverUrl = new URL(pooler ? pooler.pooled(database.url!) : database.url!);
  const databaseLink = await new TcpProxy({
    host: serverUrl.hostname,
    port: Number(serverUrl.port || 5432),
  }).start();
  const linkedUrl = new URL(database.url!);
  linkedUrl.hostname = "127.0.0.1";
  linkedUrl.port = String(databaseLink.port);

  const telegram = await new FakeTelegram().start();
  const instagram = await FakeInstagram.start({ quotaTotal: 100 });
  const imageHost = await FakeImageHost.start();
  const anthropic = await startFakeAnthropic();
  const openai = await startFakeOpenAi();
  const feeds = await startFakeFeedServer();
  const s3 = await startS3Server();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-faults-"));
  const vault = await createTokenVault(Buffer.from(TEST_ENCRYPTION_KEY, "base64"));

  const instances: ServiceInstance[] = [];
  for (let index = 0; index < options.instances; index++) {
    const port = await freePort();
    instances.push({
      index,
      port,
      url: `http://127.0.0.1:${port}`,
      process: undefined,
      killing: false,
      kills: 0,
    });
  }
  const crashes: FaultCluster["crashes"] = [];

  const envFor = (instance: ServiceInstance): Record<string, string> => ({
    PORT: String(instance.port),
    PUBLIC_URL: instance.url,
    DATA_DIR: dataDir,
    DATABASE_URL: linkedUrl.toString(),
    DATABASE_POOL_SIZE: "6",
    LOG_LEVEL: "warn",
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    TELEGRAM_OUTBOX_PACING: "false",
    ALLOW_PRIVATE_NETWORK: "true",
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_IMAGE_QUALITY: "low",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    // The AWS SDK's default credential chain, as in production.
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    SHUTDOWN_TIMEOUT_MS: "2000",
    ...instagramEnv(instagram),
    ...JOBS_OFF,
    ...options.env,
  });

  const cluster: FaultCluster = {
    telegram,
    instagram,
    imageHost,
    anthropic,
    openai,
    feeds,
    s3,
    sql: direct.sql,
    vault,
    databaseLink,
    instances,
    crashes,
    async kill(index) {
      const instance = instances[index]!;
      const running = instance.process;
      if (!running || running.child.exitCode !== null) return;
      instance.killing = true;
      running.child.kill("SIGKILL");
      await running.exited;
      instance.kills++;
    },
    async start(index) {
      const instance = instances[index]!;
      instance.killing = false;
      const service = spawnService(envFor(instance));
      instance.process = service;
      void service.exited.then((code) => {
        if (instance.killing || instance.process !== service || stopping) return;
        crashes.push({ instance: index, code, tail: service.output().split("\n").slice(-15).join("\n") });
      });
      // Generous: on a busy machine a tsx start of several instances at once takes a while.
      await waitForHealthy(instance.url, 120_000);
    },
    async stop() {
      stopping = true;
      await Promise.all(
        instances.map(async (instance) => {
          const running = instance.process;
          if (running && running.child.exitCode === null) {
            running.child.kill("SIGKILL");
            await running.exited;
          }
        }),
      );
      await databaseLink.stop();
      await pooler?.stop();
      await direct.close();
      await database.drop();
      await Promise.allSettled([
        telegram.stop(),
        instagram.close(),
        imageHost.close(),
        anthropic.close(),
        openai.close(),
        feeds.close(),
        s3.close(),
      ]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  let stopping = false;
  return cluster;
}

/** Waits for `condition`, polling; false when `timeoutMs` passed first (the caller decides what that means). */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  pollMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await sleep(pollMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The crashes in one line each, for an assertion message that says what happened. */
export function describeCrashes(cluster: FaultCluster): string {
  return cluster.crashes
    .map((crash) => `instance ${crash.instance} exited with code ${crash.code}:\n${crash.tail}`)
    .join("\n---\n");
}
