import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/database/connect.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/database/embedded-postgres.ts";
import { freePort, spawnService, waitForHealthy } from "./helpers/child-process.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { TcpProxy } from "./helpers/tcp-proxy.ts";
import { createTestDatabase, onRealPostgres } from "./helpers/test-database.ts";

// postgres.js 3.4.9 crashed the process (an uncaught TypeError from a queued socket write) when a connection
// died under a transaction or a reservation, and left such connections unable to flush a query again; see
// patches/. The service reaches its database through a proxy the test can cut. Only on a real server: the
// embedded database lives inside the service's own process, with no network between them to lose (and its
// single-connection socket, cut mid-transaction, keeps that transaction).

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh database reached through a TcpProxy: `url` goes through the proxy. */
async function databaseBehindProxy(): Promise<{ url: string; proxy: TcpProxy; embedded: boolean }> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-outage-"));
  const embedded: EmbeddedPostgres | undefined = testDb.url
    ? undefined
    : await startEmbeddedPostgres(join(dataDir, "db"));
  const target = new URL(testDb.url ?? embedded!.url);
  const proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
  target.host = `127.0.0.1:${proxy.port}`;
  cleanups.push(async () => {
    await proxy.stop();
    await embedded?.stop();
    await testDb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { url: target.toString(), proxy, embedded: !testDb.url };
}

describe.runIf(onRealPostgres)("the database pool when a connection dies", () => {
  it("fails a transaction whose connection was cut with an error the caller can catch, and serves the next query", async () => {
    const { url, proxy } = await databaseBehindProxy();
    const db = await openDatabase({ url, dataDir: undefined, poolSize: 2, logger: capturedLogger().logger });
    cleanups.push(() => db.close());
    const failed = db.sql
      .begin(async (tx) => {
        await tx`select 1`;
        proxy.cut();
        await sleep(100);
        await tx`select 2`;
      })
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect(await failed).toBeInstanceOf(Error);
    proxy.restore();
    const [row] = await db.sql<{ answer: number }[]>`select 42 as answer`;
    expect(row!.answer).toBe(42);
  });

  it("fails the queries of a transaction or a reserved connection whose backend was terminated, and recovers", async () => {
    const { url } = await databaseBehindProxy();
    const db = await openDatabase({
      url,
      dataDir: undefined,
      poolSize: 3,
      logger: capturedLogger().logger,
    });
    const admin = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
    cleanups.push(
      () => db.close(),
      () => admin.end(),
    );
    const terminate = (pid: number) => admin`select pg_terminate_backend(${pid})`;

    const inTransaction = await db.sql
      .begin(async (tx) => {
        const [{ pid }] = (await tx`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
        await terminate(pid);
        await sleep(100);
        await tx`select 2`;
      })
      .then(
        () => "committed",
        (error: Error) => error.message,
      );
    expect(inTransaction).not.toBe("committed");

    const reserved = await db.sql.reserve();
    const [{ pid }] = (await reserved`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    await terminate(pid);
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push(
        await reserved`select 1`.then(
          () => "answered",
          () => "failed",
        ),
      );
    reserved.release();
    expect(outcomes).toEqual(["failed", "failed", "failed"]);

    // A pooled connection learns its backend is gone only when it next reads: such a query may fail once.
    let answer: number | undefined;
    for (let attempt = 0; attempt < 10 && answer === undefined; attempt++)
      answer = await db.sql<{ n: number }[]>`select 42 as n`.then(
        ([row]) => row!.n,
        () => undefined,
      );
    expect(answer).toBe(42);
  });
});

describe.runIf(onRealPostgres)("the service when its database goes away", () => {
  it("stays up with jobs running every second, answers /healthz 503 during a cut and 200 again by itself", async () => {
    const { url, proxy, embedded } = await databaseBehindProxy();
    const dataDir = mkdtempSync(join(tmpdir(), "greenlight-outage-service-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const service = spawnService({
      DATABASE_URL: url,
      // The embedded database's socket serves one connection at a time.
      DATABASE_POOL_SIZE: embedded ? "1" : "4",
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      INGEST_CRON: "* * * * * *",
      PUBLISH_CRON: "* * * * * *",
      MEDIA_DELETIONS_CRON: "* * * * * *",
    });
    cleanups.push(async () => {
      service.child.kill("SIGKILL");
      await service.exited;
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealthy(base, 60_000);
    const health = async () =>
      (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) })).status;

    if (!embedded) {
      // Its connections killed under it, again and again, while its jobs run.
      const admin = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
      cleanups.push(() => admin.end());
      for (let round = 0; round < 10; round++) {
        await admin`
          select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'greenlight' and datname = current_database()`;
        await sleep(300);
      }
      await waitForHealthy(base, 30_000);
    }

    proxy.cut();
    let status = await health();
    while (status !== 503) status = await health();
    // Several seconds down, with every job ticking against it.
    for (let i = 0; i < 6; i++) {
      expect(await health()).toBe(503);
      await sleep(500);
    }
    proxy.restore();
    await waitForHealthy(base, 30_000);

    expect(service.child.exitCode).toBeNull();
    const log = service.output();
    expect(log).not.toMatch(/unhandled promise rejection|uncaught|TypeError/i);
  }, 120_000);
});
