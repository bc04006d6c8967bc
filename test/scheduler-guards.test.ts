import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/database/connect.ts";
import { migrate } from "../src/database/migrate.ts";
import { claimJobLease } from "../src/scheduler/job-leases.ts";
import { createScheduler, type Scheduler } from "../src/scheduler/scheduler.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { pgbouncerAvailable, startPgBouncer } from "./helpers/pgbouncer.ts";
import { createTestDatabase } from "./helpers/test-database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` instances on one fresh, migrated database, each with its own pool and scheduler; through a
 * transaction-mode PgBouncer when `pooled`. The embedded database serves one instance (its data folder is
 * locked), so there `count` is 1.
 */
async function instances(
  count: number,
  options: { pooled?: boolean; poolSize?: number; leaseMs?: number; renewEveryMs?: number } = {},
): Promise<{ db: Database; scheduler: Scheduler }[]> {
  const testDb = await createTestDatabase();
  cleanups.push(() => testDb.drop());
  let url = testDb.url;
  if (options.pooled) {
    const pgbouncer = await startPgBouncer();
    cleanups.push(() => pgbouncer.stop());
    url = pgbouncer.pooled(testDb.url!);
  }
  const opened = [];
  for (let i = 0; i < (testDb.url ? count : 1); i++) {
    const { logger } = capturedLogger();
    const db = await openDatabase({ url, dataDir: undefined, poolSize: options.poolSize ?? 2, logger });
    if (i === 0) await migrate(db.sql, logger);
    const scheduler = createScheduler({ sql: db.sql, logger, ...options });
    cleanups.push(
      () => db.close(),
      () => scheduler.stop(1000),
    );
    opened.push({ db, scheduler });
  }
  return opened;
}

async function oneInstance(options: { poolSize?: number } = {}) {
  const [instance] = await instances(1, options);
  return instance!;
}

describe("scheduled jobs", () => {
  it("never overlap themselves: a tick that finds the last run still going is skipped", async () => {
    const { scheduler } = await oneInstance();
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

  it("let a run in flight finish when the service stops", async () => {
    const { db, scheduler } = await oneInstance();
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

  it("take their cross-instance claim without holding a connection, so jobs running together never starve the pool", async () => {
    const { db, scheduler } = await oneInstance({ poolSize: 1 });
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

  it("wait for the lease of an instance that died mid-run to run out, then run again", async () => {
    const { db, scheduler } = await oneInstance();
    let runs = 0;
    scheduler.add("ingest", "0 0 1 1 *", async () => {
      runs++;
    });
    // The dead instance's run: claimed, never renewed nor released.
    expect(await claimJobLease(db.sql, "ingest", new Date(), 400)).toBeDefined();
    expect(await scheduler.runNow("ingest")).toBe(false);
    while (!(await scheduler.runNow("ingest"))) await sleep(50);
    expect(runs).toBe(1);
  });
});

const connections = [{ name: "sharing one database directly", pooled: false }];
if (pgbouncerAvailable())
  connections.push({ name: "through a transaction-mode pooler (PgBouncer)", pooled: true });

describe.each(connections)("scheduled jobs on several instances $name", ({ pooled }) => {
  it("run once per tick across the instances, and the next tick runs again on any of them", async () => {
    const cluster = await instances(3, { pooled });
    let runs = 0;
    for (const { scheduler } of cluster) {
      scheduler.add("ingest", "0 0 1 1 *", async () => {
        runs++;
        await sleep(100);
      });
    }
    for (let tick = 1; tick <= 4; tick++) {
      // Each instance's timer fires for the same scheduled time; some late (after the run has finished).
      const scheduled = new Date(Date.UTC(2030, 0, 1, 12, tick));
      const results = await Promise.all(
        cluster.flatMap(({ scheduler }) => [
          scheduler.runNow("ingest", scheduled),
          sleep(150).then(() => scheduler.runNow("ingest", scheduled)),
        ]),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(runs).toBe(tick);
    }
  });

  it("keep a long run's job while it renews its lease: no other instance starts it meanwhile", async () => {
    const cluster = await instances(2, { pooled, leaseMs: 300, renewEveryMs: 100 });
    let runs = 0;
    let done = false;
    for (const { scheduler } of cluster) {
      scheduler.add("ingest", "0 0 1 1 *", async () => {
        runs++;
        await sleep(1200);
        done = true;
      });
    }
    const first = cluster[0]!.scheduler.runNow("ingest");
    const others = [];
    while (!done) {
      others.push(await cluster.at(-1)!.scheduler.runNow("ingest"));
      await sleep(100);
    }
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    expect(others.length).toBeGreaterThan(3);
  });

  it("keep a job with a lease of its own while it runs, renewing it at that lease's pace", async () => {
    // The instances' default lease is a minute; this job's (the outbox's kind) is short, so that a dead
    // instance's turn passes soon. A live run renews it often enough that no other instance starts it.
    const cluster = await instances(2, { pooled });
    let runs = 0;
    let done = false;
    for (const { scheduler } of cluster) {
      scheduler.add(
        "outbox",
        "0 0 1 1 *",
        async () => {
          runs++;
          await sleep(1500);
          done = true;
        },
        { leaseMs: 400 },
      );
    }
    const first = cluster[0]!.scheduler.runNow("outbox");
    const others = [];
    while (!done) {
      others.push(await cluster.at(-1)!.scheduler.runNow("outbox"));
      await sleep(100);
    }
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    expect(others.filter(Boolean)).toEqual([]);
  });
});
