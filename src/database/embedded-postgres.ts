import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { totalmem } from "node:os";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { findAbove } from "../shared/find-above.ts";

/**
 * PGlite served over the Postgres wire protocol on 127.0.0.1, so the embedded mode uses the same postgres.js
 * code path, SQL and migrations as a real server. PGlite has a single backend: the pool that talks to it must
 * have one connection (an extra connection is answered "Too many connections" and postgres.js silently retries
 * forever), and nothing may rely on LISTEN/NOTIFY or on concurrent SKIP LOCKED claims.
 *
 * PGlite runs on a worker thread of its own (embedded-postgres-worker.mjs). Opening an existing folder takes
 * most of a second of WebAssembly work; on its own thread that overlaps the loading of the service's modules
 * (main.ts starts it first), and afterwards every query runs beside the bot's event loop rather than on it.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Postgres's default 128 MB of shared buffers is sized for a server with many clients; PGlite allocates it inside
 * its WebAssembly memory at every start. One owner's desk reads far less, and its files stay in the operating
 * system's cache anyway: 16 MB opens an existing folder about a third faster and holds about 250 MB less.
 */
const EMBEDDED_SETTINGS = ["shared_buffers=16MB"];

/** Beside this module under src/; in dist/database/ for the bundle (scripts/bundle.mjs copies it there). */
const WORKER_SCRIPT = findAbove(import.meta.url, [
  "embedded-postgres-worker.mjs",
  "database/embedded-postgres-worker.mjs",
]);

/** `dataDir` undefined keeps the database in memory (tests). */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  try {
    const pgdata = dataDir ? resolve(dataDir, "pgdata") : undefined;
    if (pgdata && !existsSync(join(pgdata, "PG_VERSION"))) {
      const refusal = firstBootMemoryRefusal(machineMemoryBytes());
      if (refusal) throw new Error(refusal);
      await initialiseOnWorkerThread(pgdata);
    }
    const worker = startWorker(pgdata, false);
    const { port } = await firstMessage<{ port: number }>(worker, pgdata, "open");
    // A database that dies under a running service cannot be worked around: say so loudly, as PGlite did when
    // it ran on this thread.
    worker.on("error", (error) => {
      throw new Error(`The embedded database stopped: ${error.message}`, { cause: error });
    });
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        worker.removeAllListeners("error");
        const stopped = firstMessage(worker, pgdata, "close").catch(() => undefined);
        worker.postMessage("stop");
        await stopped;
        await worker.terminate();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function startWorker(pgdata: string | undefined, initialiseOnly: boolean): Worker {
  keepWebAssemblyOnBaselineCompiler();
  return new Worker(WORKER_SCRIPT, {
    workerData: { pgdata, settings: EMBEDDED_SETTINGS, initialiseOnly },
    // The service's own command-line flags (tsx's loader, say) are not the worker's business.
    execArgv: [],
  });
}

/**
 * V8 first compiles WebAssembly with its baseline compiler (Liftoff), then recompiles hot functions with its
 * optimising one (TurboFan). For PGlite's 9 MB module that second pass costs seconds of CPU and stalls the
 * database's thread for 0.5–1 s right after it opens, so the service's first query waits on it; measured here,
 * Liftoff alone answered 3,000 joins sooner than with the optimising pass (3.3 s against 6.7 s), because an
 * embedded desk's queries are small. The flag is the process's, but PGlite is the only WebAssembly of any size it
 * runs (undici's HTTP parser is the other). Only the embedded mode sets it.
 */
function keepWebAssemblyOnBaselineCompiler(): void {
  setFlagsFromString("--liftoff-only");
}

/** The worker's first message, or its failure with what the operator needs to know. */
function firstMessage<T>(worker: Worker, pgdata: string | undefined, doing: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (reason: string) =>
      reject(
        new Error(`Could not ${doing} the embedded database${pgdata ? ` in ${pgdata}` : ""}: ${reason}`),
      );
    worker.once("message", resolve);
    worker.once("error", (error) => fail(error.message));
    worker.once("exit", (code) => fail(`its thread ended (exit code ${code})`));
  });
}

/** What creating a new embedded database takes at its peak (PGlite's initdb), with room for the service. */
export const EMBEDDED_FIRST_BOOT_BYTES = 1024 * 1024 * 1024;

/**
 * The memory this process may use: the machine's, or less where a container limit (cgroup) says so, as on a
 * 512 MB Fly machine.
 */
function machineMemoryBytes(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}

/**
 * Refuses a first embedded start where initdb would run out of memory and be killed half-way, with the one
 * line an operator needs; undefined where there is room.
 */
export function firstBootMemoryRefusal(availableBytes: number): string | undefined {
  if (availableBytes >= EMBEDDED_FIRST_BOOT_BYTES) return undefined;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return (
    `Creating the embedded database needs about ${mb(EMBEDDED_FIRST_BOOT_BYTES)} MB of memory and this machine ` +
    `has ${mb(availableBytes)} MB: set DATABASE_URL to a PostgreSQL server (as in production), or start once ` +
    "on a larger machine and bring its data folder along."
  );
}

/**
 * Creating a new database (initdb) takes PGlite's WebAssembly heap to about 900 MB, and a WebAssembly memory
 * never shrinks: done on the thread that then serves the database, a first `npm start` would hold that for its
 * whole life. A short-lived worker creates the folder and ends, and its memory goes with it; the database is
 * then opened as on any later start.
 */
async function initialiseOnWorkerThread(pgdata: string): Promise<void> {
  const worker = startWorker(pgdata, true);
  try {
    await firstMessage(worker, pgdata, "create");
  } catch (error) {
    rmSync(pgdata, { recursive: true, force: true });
    throw error;
  } finally {
    await worker.terminate();
  }
}

/**
 * PGlite gives no protection against two processes opening the same folder, which corrupts it. A pid file
 * turns that into a clear start-up error.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, "greenlight.pid");
  try {
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. ` +
          "Embedded mode is for one instance: stop the other one, or set DATABASE_URL to share a Postgres server.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
