import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * PGlite served over the Postgres wire protocol on 127.0.0.1, so the embedded mode uses the same postgres.js
 * code path, SQL and migrations as a real server. PGlite has a single backend: the pool that talks to it must
 * have one connection (an extra connection is answered "Too many connections" and postgres.js silently retries
 * forever), and nothing may rely on LISTEN/NOTIFY or on concurrent SKIP LOCKED claims.
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

/** `dataDir` undefined keeps the database in memory (tests). */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  try {
    // Absolute, because the child that creates the folder runs in this module's folder, not the working one.
    const pgdata = dataDir ? resolve(dataDir, "pgdata") : undefined;
    if (pgdata && !existsSync(join(pgdata, "PG_VERSION"))) {
      const refusal = firstBootMemoryRefusal(machineMemoryBytes());
      if (refusal) throw new Error(refusal);
      await initialiseInChildProcess(pgdata);
    }
    const db = await PGlite.create(pgdata, { postgresqlconf: EMBEDDED_SETTINGS });
    // Two slots: the pool's one connection plus room for a reconnect while the old socket is closing.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
    await server.start();
    const port = listeningPort(server);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
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
 * never shrinks: done in this process, a first `npm start` would hold that for its whole life. A short-lived
 * child process creates the folder and exits, handing the memory back; this process then opens the folder as
 * on any later start (about 400 MB at its peak). The child resolves PGlite from this module's folder, so it
 * works the same from src/ (tsx), dist/ and tests.
 */
async function initialiseInChildProcess(pgdata: string): Promise<void> {
  const script =
    'const { PGlite } = await import("@electric-sql/pglite");' +
    `const db = await PGlite.create(process.argv[1], { postgresqlconf: ${JSON.stringify(EMBEDDED_SETTINGS)} });` +
    "await db.close();";
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--input-type=module", "--eval", script, pgdata],
      { cwd: dirname(fileURLToPath(import.meta.url)), maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        rmSync(pgdata, { recursive: true, force: true });
        reject(
          new Error(`Could not create the embedded database in ${pgdata}: ${stderr.trim() || error.message}`),
        );
      },
    );
  });
}

function listeningPort(server: PGLiteSocketServer): number {
  // getServerConn() reports the requested port (0); the bound one is on the underlying net.Server.
  const inner = (server as unknown as { server?: { address(): AddressInfo | string | null } }).server;
  const address = inner?.address();
  if (address && typeof address === "object") return address.port;
  const fromConn = Number(server.getServerConn().split(":").pop());
  if (fromConn > 0) return fromConn;
  throw new Error("The embedded database did not report its port");
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
