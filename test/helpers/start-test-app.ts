import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGreenlight, startGreenlight } from "../../src/app.ts";
import { loadConfig } from "../../src/config/config.ts";
import { FakeTelegram } from "../fakes/fake-telegram.ts";
import { capturedLogger } from "./log-capture.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
export const TEST_WEBHOOK_SECRET = "test-webhook-secret_0123456789";
export const OWNER_ID = 5550001;

export interface TestApp {
  app: RunningGreenlight;
  telegram: FakeTelegram;
  database: TestDatabase;
  dataDir: string;
  logs: ReturnType<typeof capturedLogger>;
  /** Restarts the service on the same database and data folder (a deploy or a crash-free restart). */
  restart(extraEnv?: Record<string, string>): Promise<RunningGreenlight>;
  stop(): Promise<void>;
}

/**
 * Starts the real service on a free port against a fresh database, with a fake Telegram Bot API on 127.0.0.1.
 * Webhook mode by default (PUBLIC_URL points at the service itself), so tests drive the bot with real updates.
 */
export async function startTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const telegram = await new FakeTelegram().start();
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-test-"));
  const logs = capturedLogger();
  const env = (extra: Record<string, string>) => ({
    PORT: "0",
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    PUBLIC_URL: "http://127.0.0.1:1",
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    OWNER_TELEGRAM_IDS: String(OWNER_ID),
    ALLOW_PRIVATE_NETWORK: "true",
    // Cards go out at once; telegram-outbox-pacing.test.ts proves the pacing itself.
    TELEGRAM_OUTBOX_PACING: "false",
    // Jobs are driven by the tests (scheduler.runNow), not by the clock, unless a test says otherwise.
    INGEST_CRON: "0 0 1 1 *",
    DRAFTING_CRON: "0 0 1 1 *",
    PUBLISH_CRON: "0 0 1 1 *",
    OUTBOX_CRON: "0 0 1 1 *",
    MEDIA_DELETIONS_CRON: "0 0 1 1 *",
    INSIGHTS_CRON: "0 0 1 1 *",
    WEEKLY_REPORT_CRON: "0 0 1 1 *",
    ...extraEnv,
    ...extra,
  });
  const boot = (extra: Record<string, string> = {}) =>
    startGreenlight(loadConfig(env(extra)), {
      logger: logs.logger,
      botInfo: telegram.botInfo,
      hostname: "127.0.0.1",
    });
  const testApp: TestApp = {
    app: await boot(),
    telegram,
    database,
    dataDir,
    logs,
    async restart(extra = {}) {
      await testApp.app.stop();
      testApp.app = await boot(extra);
      return testApp.app;
    },
    async stop() {
      await testApp.app.stop();
      await telegram.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/** A value a file's beforeAll hook sets, read by its tests: fails plainly if read before the hook has run. */
export function setByBeforeAll<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("read before the beforeAll hook that sets it has run");
  return value;
}

/**
 * The environment for running the service as its own process (`spawnService`) on this test app's database,
 * data folder and fake Telegram, in webhook mode on `port`, with every scheduled job that is not the test's
 * business off. `extra` adds the outside services the test is about and its own crons.
 */
export function childServiceEnv(
  t: TestApp,
  port: number,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: t.dataDir,
    ...(t.database.url ? { DATABASE_URL: t.database.url } : {}),
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    TELEGRAM_BOT_TOKEN: t.telegram.token,
    TELEGRAM_API_ROOT: t.telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    OWNER_TELEGRAM_IDS: String(OWNER_ID),
    ALLOW_PRIVATE_NETWORK: "true",
    TELEGRAM_OUTBOX_PACING: "false",
    LOG_LEVEL: "warn",
    INGEST_CRON: "0 0 1 1 *",
    PUBLISH_CRON: "0 0 1 1 *",
    OUTBOX_CRON: "0 0 1 1 *",
    MEDIA_DELETIONS_CRON: "0 0 1 1 *",
    INSIGHTS_CRON: "0 0 1 1 *",
    WEEKLY_REPORT_CRON: "0 0 1 1 *",
    ...extra,
  };
}
