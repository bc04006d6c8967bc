import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase } from "../../src/database/connect.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { FakeTelegram } from "../../test/fakes/fake-telegram.ts";
import { freePort } from "../../test/helpers/child-process.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const BARE_SERVER = "bench/startup/hello-hono.mjs";
/** Boots per figure, of which the median counts: this machine is shared and its speed drifts. */
const BOOTS = Number(process.env.BENCH_STARTUP_BOOTS ?? 5);
/** How long after /healthz first answers the process is left alone before its idle RSS is read. */
const IDLE_AFTER_MS = 10_000;
const BRANDS = 1_000;

interface Boot {
  /** From spawn to the first 200 from /healthz. */
  healthyMs: number;
  /** The process's RSS high-water mark plus those of its children alive at the same moment, in MB. */
  peakMb: number;
  /** RSS of the process and its children IDLE_AFTER_MS after /healthz first answered, in MB (when asked for). */
  idleMb: number | undefined;
}

/**
 * Starts a server the way an operator does (`node …`, nothing else running), polls /healthz every 5 ms, samples
 * the memory of the process tree from /proc (Linux) every 10 ms, then stops it with SIGTERM.
 */
async function boot(
  args: string[],
  env: Record<string, string>,
  options: { idle?: boolean } = {},
): Promise<Boot> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  let peakKb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treeKb(child.pid!, "VmHWM"));
  }, 10);
  try {
    let healthyMs: number | undefined;
    while (healthyMs === undefined) {
      if (exitCode !== undefined) throw new Error(`${args.join(" ")} exited with ${exitCode}: ${stderr}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200)
          healthyMs = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 90_000) throw new Error(`${args.join(" ")}: no /healthz in 90 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    let idleMb: number | undefined;
    if (options.idle) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_MS));
      idleMb = treeKb(child.pid!, "VmRSS") / 1024;
    }
    peakKb = Math.max(peakKb, treeKb(child.pid!, "VmHWM"));
    return { healthyMs, peakMb: peakKb / 1024, idleMb };
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await exited;
  }
}

/** A /proc/<pid>/status field (in kB) summed over the process and its descendants; 0 once it is gone. */
function treeKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const own = Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean);
    return own + children.reduce((sum, child) => sum + treeKb(Number(child), field), 0);
  } catch {
    return 0;
  }
}

async function boots(count: number, run: () => Promise<Boot>): Promise<Boot[]> {
  const results: Boot[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value)} MB`);
const medianMs = (results: Boot[]) => median(results.map((r) => r.healthyMs));

/** 1,000 owners, each with a brand and a feed not due for a day: the idle footprint of a large install. */
async function seedBrands(sql: postgres.Sql): Promise<void> {
  await sql`
    with new_owners as (
      insert into owners (telegram_user_id, telegram_chat_id)
      select 900000 + n, 900000 + n from generate_series(1, ${BRANDS}) n
      returning id
    ), new_brands as (
      insert into brands (owner_id, name, topic)
      select id, 'Brand ' || id, 'local news' from new_owners
      returning id
    )
    insert into feeds (brand_id, url, next_fetch_at)
    select id, 'https://news.example/' || id || '/rss', now() + interval '1 day' from new_brands`;
}

/**
 * Start-up time and memory, side by side with a bare Hono hello on @hono/node-server started the same way:
 *
 * - the production build (`npm run build`, `node dist/main.js`, webhook mode) on an existing, migrated real
 *   PostgreSQL database, against `node` running the bare server;
 * - `npm start` (node scripts/start.mjs, which runs the bundle) on the embedded database: a new data folder (the
 *   first boot creates the database), then an existing one, against the same bare server;
 * - idle RSS with 1,000 brands on both databases.
 */
export async function startupScenario(): Promise<Figure[]> {
  const telegram = await new FakeTelegram().start();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-start-"));
  const database = await createBenchDatabase();
  const figures: Figure[] = [];
  const add = (metric: string, value: string, target?: string) =>
    figures.push({ scenario: "startup", metric, value, target });
  try {
    if (!process.env.BENCH_SKIP_BUILD) await buildProduction();
    const bot = { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot };

    // Production build on real PostgreSQL. The first boot migrates the database and is not counted.
    const production = {
      ...bot,
      DATABASE_URL: database.url,
      DATA_DIR: join(dataDir, "production"),
      PUBLIC_URL: "https://greenlight.example",
      TELEGRAM_WEBHOOK_SECRET: "bench-secret",
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
    await boot(["dist/main.js"], production);
    const bare = await boots(BOOTS, () => boot([BARE_SERVER], {}));
    const greenlight = await boots(BOOTS, () => boot(["dist/main.js"], production));
    const ratio = medianMs(greenlight) / medianMs(bare);
    add(`bare Hono hello (node) → /healthz 200 (median of ${BOOTS})`, ms(medianMs(bare)));
    add(`production build, existing Postgres → /healthz 200 (median of ${BOOTS})`, ms(medianMs(greenlight)));
    add("production build ÷ bare server", `${ratio.toFixed(2)}×`, "≤ 3×");
    add("production build, peak RSS (median)", mb(median(greenlight.map((r) => r.peakMb))));

    // npm start on the embedded database: scripts/start.mjs runs the bundle just built (dist/ is newer than src/).
    const embedded = { ...bot, DATA_DIR: join(dataDir, "embedded") };
    const npmStart = ["scripts/start.mjs"];
    const first = await boot(npmStart, embedded, { idle: true });
    add("embedded, new data folder → /healthz 200", ms(first.healthyMs));
    add("embedded, new data folder: peak RSS", mb(first.peakMb), "< 512 MB");
    add("embedded, new data folder: RSS when idle after", mb(first.idleMb));
    const existing = await boots(BOOTS, () => boot(npmStart, embedded));
    add(
      `embedded, existing data folder (npm start) → /healthz 200 (median of ${BOOTS})`,
      ms(medianMs(existing)),
      "≤ 1.5 s",
    );
    add(
      "embedded, existing data folder ÷ bare server",
      `${(medianMs(existing) / medianMs(bare)).toFixed(2)}×`,
    );
    add("embedded, existing data folder: peak RSS (median)", mb(median(existing.map((r) => r.peakMb))));
    // For reference: the same under tsx, as `npm run dev` starts it.
    const underTsx = await boots(BOOTS, () => boot(["--import", "tsx", "src/main.ts"], embedded));
    add(
      `embedded, existing data folder under tsx (npm run dev) (median of ${BOOTS})`,
      ms(medianMs(underTsx)),
    );

    // Idle with 1,000 brands.
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    await seedBrands(sql);
    await sql.end();
    const idlePostgres = await boot(["dist/main.js"], production, { idle: true });
    add(`production build, Postgres, ${BRANDS} brands: idle RSS`, mb(idlePostgres.idleMb), "≤ 200 MB");
    const logger = createLogger("warn");
    const folder = await openDatabase({ url: undefined, dataDir: embedded.DATA_DIR, poolSize: 1, logger });
    await seedBrands(folder.sql);
    await folder.close();
    const idleEmbedded = await boot(npmStart, embedded, { idle: true });
    add(`embedded, ${BRANDS} brands: idle RSS`, mb(idleEmbedded.idleMb));
    return figures;
  } finally {
    await telegram.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run build`: the production figures are for the compiled service. BENCH_SKIP_BUILD=1 reuses dist/. */
function buildProduction(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "build"], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("npm run build failed"))));
  });
}
