import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/database/connect.ts";
import { createScheduler } from "../src/scheduler/scheduler.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { createTestDatabase } from "./helpers/test-database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database() {
  const testDb = await createTestDatabase();
  const db = await openDatabase({
    url: testDb.url,
    dataDir: undefined,
    poolSize: 4,
    logger: capturedLogger().logger,
  });
  cleanups.push(async () => {
    await db.close();
    await testDb.drop();
  });
  return db;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("scheduled jobs", () => {
  it("never overlap themselves: a tick that finds the last run still going is skipped", async () => {
    const db = await database();
    const scheduler = createScheduler({
      lockSql: db.lockSql,
      logger: capturedLogger().logger,
    });
    cleanups.push(() => scheduler.stop(1000));
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    scheduler.add("slow", "0 0 1 1 *", async () => {
      running++;
      runs++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(200);
      running--;
    });
    const results = await Promise.all([
      scheduler.runNow("slow"),
      scheduler.runNow("slow"),
      scheduler.runNow("slow"),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(maxRunning).toBe(1);
  });

  it("run once across instances sharing one database", async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    // On a real server each instance has its own pool and the advisory lock decides. The embedded database
    // serves one instance (its data folder is locked), so there the in-process guard is what holds.
    const instanceCount = testDb.url ? 3 : 1;
    let runs = 0;
    const schedulers = [];
    for (let i = 0; i < instanceCount; i++) {
      const db = await openDatabase({
        url: testDb.url,
        dataDir: undefined,
        poolSize: 2,
        logger: capturedLogger().logger,
      });
      const scheduler = createScheduler({
        lockSql: db.lockSql,
        logger: capturedLogger().logger,
      });
      scheduler.add("ingest", "0 0 1 1 *", async () => {
        runs++;
        await sleep(300);
      });
      cleanups.push(
        () => db.close(),
        () => scheduler.stop(1000),
      );
      schedulers.push(scheduler);
    }
    const results = await Promise.all(schedulers.flatMap((s) => [s.runNow("ingest"), s.runNow("ingest")]));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it("let a run in flight finish when the service stops", async () => {
    const db = await database();
    const scheduler = createScheduler({
      lockSql: db.lockSql,
      logger: capturedLogger().logger,
    });
    let finished = false;
    scheduler.add("publish", "0 0 1 1 *", async () => {
      await sleep(300);
      await db.sql`select 1`;
      finished = true;
    });
    const run = scheduler.runNow("publish");
    await sleep(20);
    await scheduler.stop(5000);
    expect(finished).toBe(true);
    expect(await run).toBe(true);
    expect(await scheduler.runNow("publish")).toBe(false);
  });

  it("hold their cross-instance locks outside the query pool, so jobs running together never starve it", async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    const db = await openDatabase({
      url: testDb.url,
      dataDir: undefined,
      poolSize: 1,
      logger: capturedLogger().logger,
    });
    const scheduler = createScheduler({ lockSql: db.lockSql, logger: capturedLogger().logger });
    cleanups.push(
      () => db.close(),
      () => scheduler.stop(1000),
    );
    const finished: string[] = [];
    for (const name of ["ingest", "publish", "outbox", "refresh", "deletions"]) {
      scheduler.add(name, "0 0 1 1 *", async () => {
        await db.sql`select pg_sleep(0.05)`;
        finished.push(name);
      });
    }
    const runs = ["ingest", "publish", "outbox", "refresh", "deletions"].map((name) =>
      scheduler.runNow(name),
    );
    expect(await Promise.all(runs)).toEqual([true, true, true, true, true]);
    expect(finished.sort()).toEqual(["deletions", "ingest", "outbox", "publish", "refresh"]);
  });
});
