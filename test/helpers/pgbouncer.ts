import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { freePort } from "./child-process.ts";

/** Debian's package installs the binary here, outside a normal user's PATH. */
const PGBOUNCER_PATHS = ["pgbouncer", "/usr/sbin/pgbouncer"];

function pgbouncerBinary(): string | undefined {
  return PGBOUNCER_PATHS.find((path) => spawnSync(path, ["--version"]).status === 0);
}

/**
 * Whether the pooler runs can run: they need a real PostgreSQL server behind the pooler (TEST_DATABASE_URL)
 * and the `pgbouncer` binary. In CI a missing binary is an error (`.ci/run` installs it), never a silent pass.
 */
export function pgbouncerAvailable(): boolean {
  if (!process.env.TEST_DATABASE_URL) return false;
  if (pgbouncerBinary()) return true;
  if (process.env.CI)
    throw new Error("pgbouncer is not installed: CI runs every multi-instance test through it");
  console.warn(
    "pgbouncer is not installed (apt-get install pgbouncer): the runs through a pooler are left out",
  );
  return false;
}

export interface PgBouncer {
  /** `databaseUrl` with its host and port replaced by the pooler's. */
  pooled(databaseUrl: string): string;
  stop(): Promise<void>;
}

/**
 * A real PgBouncer in transaction mode (as Fly, Supabase and Neon hand out) in front of TEST_DATABASE_URL's
 * server, on a free port with a throwaway configuration. Each statement outside a transaction may run on a
 * different server connection, so any session state the service relied on would break through it.
 */
export async function startPgBouncer(): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error("pgbouncer is not installed");
  const server = new URL(process.env.TEST_DATABASE_URL!);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "greenlight-pgbouncer-"));
  // Run as root (a CI container) it must drop to another user, who needs to read these files.
  chmodSync(dir, 0o755);
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password);
  writeFileSync(join(dir, "users.txt"), `"${user}" ""\n`, { mode: 0o644 });
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432} user=${user}${password ? ` password=${password}` : ""}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(dir, "users.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 1000",
      // Fewer server connections than the instances' pools hold between them: statements do move around.
      "default_pool_size = 6",
      "ignore_startup_parameters = extra_float_digits",
    ].join("\n"),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ["-u", "nobody"] : [];
  const child: ChildProcess = spawn(binary, [...args, join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  const pooled = (databaseUrl: string) => {
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${port}`;
    return url.toString();
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = postgres(pooled(process.env.TEST_DATABASE_URL!), {
      max: 1,
      connect_timeout: 1,
      prepare: false,
      onnotice: () => {},
    });
    try {
      await probe`select 1`;
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
  return {
    pooled,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
