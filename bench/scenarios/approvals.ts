import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { openDatabase } from "../../src/database/connect.ts";
import { migrate } from "../../src/database/migrate.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { FakeTelegram } from "../../test/fakes/fake-telegram.ts";
import { freePort } from "../../test/helpers/child-process.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";
import type {
  Card,
  DeliveriesCommand,
  DeliveriesReport,
  DeliveriesSetup,
} from "../workers/telegram-deliveries.ts";

const CHATS = Number(process.env.BENCH_CHATS ?? 200);
/**
 * Each owner runs this many brands (an agency's clients), and a chat's cards take turns among them. Each brand
 * then queues about a dozen posts by the end, as a real one might; with a single brand per owner, every queue
 * grew past a hundred posts within the minute, and an approval's slot search with it.
 */
const BRANDS_PER_OWNER = Number(process.env.BENCH_BRANDS_PER_OWNER ?? 10);
/** Telegram's default max_connections for a webhook: it never has more updates than this in flight at once. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 40);
/** The rate at which the latency run offers approvals, the issue's target. */
const OFFERED_PER_SECOND = Number(process.env.BENCH_RATE ?? 1000);
/** The latency runs: 80 % of the target rate first (the service's latency below saturation), then the target. */
const PACED_RATES = [Math.round(OFFERED_PER_SECOND * 0.8), OFFERED_PER_SECOND];
const BURST_PER_CHAT = 20;
/** This VM's speed drifts by ±20% from minute to minute, so the burst runs three times and the median counts. */
const BURSTS = 3;
const PACED_PER_CHAT = 30;
/**
 * Two services run side by side on the same database: one with metrics off (METRICS_ENABLED=false), one with
 * metrics on and scraped every SCRAPE_INTERVAL_MS as Prometheus would. Their runs alternate (burst off, burst
 * on, …; paced off, paced on), so the VM's drift falls on both alike, and the difference is what metrics cost.
 */
const SERVICES = [
  { name: "metrics off", metrics: false },
  { name: "metrics on", metrics: true },
] as const;
const SCRAPE_INTERVAL_MS = 15_000;
const METRICS_TOKEN = "bench-metrics-token-0123456789";
/**
 * Approvals before the measured runs (2,000 with 200 chats), left out of the figures: a freshly started service
 * and fresh database connections are still compiling and planning. With 3 per chat, the first measured burst
 * still paid for that: its slow updates all came in its first 700 ms, and its p99 sat 15 ms above the others'.
 */
const WARM_UP_PER_CHAT = 10;
/** Every card a chat approves: a warm-up per service, then each service's bursts and paced runs. */
const CARDS_PER_CHAT =
  SERVICES.length * (WARM_UP_PER_CHAT + BURSTS * BURST_PER_CHAT + PACED_RATES.length * PACED_PER_CHAT);
const SECRET = "bench-webhook-secret";
const EVERY_HOUR = Array.from({ length: 24 }, (_, h) => ({
  time: `${String(h).padStart(2, "0")}:00`,
  days: [1, 2, 3, 4, 5, 6, 7],
}));

/**
 * Approval throughput: distinct ✅ Approve callback updates posted to the webhook against real PostgreSQL and the
 * fake Bot API on loopback, delivered as Telegram delivers them: one update at a time per chat, at most
 * max_connections (40) at once, and a Bot API call in the webhook's response carried out. Each approval
 * schedules the post in one statement, answers the press and edits the card. The deliveries, and their clocks,
 * run in a worker thread apart from the fake Bot API (workers/telegram-deliveries.ts).
 *
 * Two kinds of run: a burst, three times over (every chat's approvals queued at once: how many per second the
 * service clears, and the latency Telegram sees while 40 wait), and paced runs offering 800 and then 1,000
 * approvals/s spread over the chats (the latency below saturation and at the target rate, counted from when each
 * update was due to be sent, so a service falling behind shows as latency rather than as a slower offer).
 *
 * Every run is made twice, on two services side by side (see SERVICES): metrics off, and metrics on with a
 * scrape every 15 s; the last figures compare them (the issue's target: metrics cost under 5 %).
 */
export async function approvalsScenario(): Promise<Figure[]> {
  const telegram = await new FakeTelegram().start();
  const database = await createBenchDatabase();
  const logger = createLogger("warn");
  const db = await openDatabase({ url: database.url, dataDir: undefined, poolSize: 4, logger });
  await migrate(db.sql, logger);
  // The services run as production runs them (compiled by `npm run build`, `node dist/main.js`, logging at info)
  // in processes of their own; this process plays Telegram, its users and Prometheus.
  const root = fileURLToPath(new URL("../../", import.meta.url));
  await run("npm", ["run", "--silent", "build"], root);
  const services: Service[] = [];
  let scraper: ReturnType<typeof startScraper> | undefined;
  const app = { sql: db.sql };
  let deliveries: Worker | undefined;
  try {
    for (const { metrics } of SERVICES) {
      services.push(await startService({ root, databaseUrl: database.url, telegram, metrics }));
    }
    await Promise.race([
      ...services.map((service) => service.exited),
      Promise.all([
        ...services.map((service) => waitForHealth(service.url)),
        telegram.waitFor(() => telegram.webhook, 30_000),
      ]),
    ]);
    scraper = startScraper(services.find((_, i) => SERVICES[i]!.metrics)!.url);
    // Owners with their brands, and cards already in their chats.
    const cards: Card[][] = await Promise.all(
      Array.from({ length: CHATS }, async (_, c) => {
        const chatId = 800_000 + c;
        const [owner] = await app.sql<{ id: number }[]>`
          insert into owners (telegram_user_id, telegram_chat_id) values (${chatId}, ${chatId}) returning id`;
        const brands = await app.sql<{ id: number }[]>`
          insert into brands (owner_id, name, time_zone, posting_slots)
          select ${owner!.id}, 'Brand ' || ${c} || '.' || b, 'Europe/Berlin', ${app.sql.json(EVERY_HOUR)}
            from generate_series(1, ${BRANDS_PER_OWNER}) b
          returning id`;
        await app.sql`update owners set selected_brand_id = ${brands[0]!.id} where id = ${owner!.id}`;
        const chat: Card[] = [];
        for (let d = 0; d < CARDS_PER_CHAT; d++) {
          const sent = await fetch(`${telegram.apiRoot}/bot${telegram.token}/sendMessage`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ chat_id: chatId, text: `Draft ${d}` }),
          }).then((r) => r.json() as Promise<{ result: { message_id: number } }>);
          const [draft] = await app.sql<{ id: number }[]>`
            insert into drafts (brand_id, status, caption, generated_caption, source_title, source_link,
                                telegram_chat_id, telegram_text_message_id)
            values (${brands[d % brands.length]!.id}, 'pending_review', ${`Caption ${d}`}, ${`Caption ${d}`}, 'A story',
                    'https://news.example/', ${chatId}, ${sent.result.message_id})
            returning id`;
          chat.push({ chatId, draftId: draft!.id, messageId: sent.result.message_id });
        }
        return chat;
      }),
    );

    // Telegram's deliveries run in a worker thread (see telegram-deliveries.ts); this thread keeps the fake Bot
    // API and carries out the calls the webhook's responses hold, as Telegram does.
    const setup: DeliveriesSetup = {
      serviceUrls: services.map((service) => service.url),
      secret: SECRET,
      connections: CONNECTIONS,
      cards,
    };
    // A worker does not inherit tsx's loader, so it registers it before loading the TypeScript.
    const workerModule = new URL("../workers/telegram-deliveries.ts", import.meta.url).href;
    deliveries = new Worker(
      `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`,
      { eval: true, workerData: setup },
    );
    const replies: Promise<void>[] = [];
    let finished: ((report: DeliveriesReport) => void) | undefined;
    /** A failure of the worker between runs, reported by the next run. */
    let broken: string | undefined;
    const fail = (message: string) => {
      if (finished) finished({ kind: "failed", message });
      else broken ??= message;
    };
    deliveries.on("message", (report: DeliveriesReport) => {
      if (report.kind !== "reply") return finished?.(report);
      replies.push(
        telegram
          .performWebhookReply(report.body, report.contentType)
          .catch((error: Error) => fail(`the fake Bot API could not carry out a reply: ${error.message}`)),
      );
    });
    deliveries.on("error", (error) => fail(error.message));
    deliveries.on("exit", (code) => fail(`the worker exited with ${code}`));
    const runDeliveries = async (command: DeliveriesCommand) => {
      if (broken) throw new Error(`Telegram's deliveries failed: ${broken}`);
      const report = await new Promise<DeliveriesReport>((resolve) => {
        finished = resolve;
        deliveries!.postMessage(command);
      });
      finished = undefined;
      if (report.kind === "failed") throw new Error(`Telegram's deliveries failed: ${report.message}`);
      if (report.kind !== "done") throw new Error(`unexpected report ${report.kind}`);
      return { latencies: report.latencies, seconds: report.seconds };
    };
    const burst = (service: number, from: number, to: number) =>
      runDeliveries({ kind: "burst", service, from, to });
    const paced = (service: number, from: number, to: number, rate: number) =>
      runDeliveries({ kind: "paced", service, from, to, rate });

    // Cards are used in order: a warm-up for each service, then the runs, each service's alternating.
    let next = 0;
    const take = (count: number) => [next, (next += count)] as const;
    for (const s of services.keys()) await burst(s, ...take(WARM_UP_PER_CHAT));
    const results = services.map(() => ({ bursts: [] as BurstResult[], steady: [] as PacedResult[] }));
    for (let round = 0; round < BURSTS; round++) {
      for (const [s, service] of services.entries()) {
        const before = {
          service: cpuMsOf([service.pid]),
          postgres: cpuMsOf(postgresPids()),
          self: process.cpuUsage(),
        };
        const cleared = await burst(s, ...take(BURST_PER_CHAT));
        const self = process.cpuUsage(before.self);
        const perApproval = (ms: number) => ms / cleared.latencies.length;
        results[s]!.bursts.push({
          perSecond: cleared.latencies.length / cleared.seconds,
          ...percentiles(cleared.latencies),
          cpu: {
            service: perApproval(cpuMsOf([service.pid]) - before.service),
            postgres: perApproval(cpuMsOf(postgresPids()) - before.postgres),
            telegram: perApproval((self.user + self.system) / 1000),
          },
        });
      }
    }
    for (const rate of PACED_RATES) {
      for (const s of services.keys()) {
        results[s]!.steady.push({ rate, ...(await paced(s, ...take(PACED_PER_CHAT), rate)) });
      }
    }

    // Each run's replies reached this thread before its end did.
    await Promise.all(replies);
    const answers = telegram.callsTo("answerCallbackQuery").length;
    const [scheduled] = await app.sql<{ n: number; slots: number }[]>`
      select count(*)::int as n, count(distinct (brand_id, scheduled_for))::int as slots
        from drafts where status = 'approved'`;
    const total = CHATS * CARDS_PER_CHAT;
    if (scheduled!.n !== total || scheduled!.slots !== total || answers !== total) {
      throw new Error(`${total} approvals sent, ${scheduled!.n} scheduled, ${answers} answered`);
    }
    const scrapes = scraper.stop();
    if (scrapes.failed > 0)
      throw new Error(`${scrapes.failed} of ${scrapes.ms.length} scrapes of /metrics failed`);
    const figures = SERVICES.flatMap(({ name }, s) => serviceFigures(name, results[s]!));
    const [off, on] = results.map(summary) as [Summary, Summary];
    const change = (from: number, to: number) => `${(((to - from) / from) * 100).toFixed(1)} %`;
    figures.push(
      {
        scenario: "approvals",
        metric: `metrics cost: burst approvals/s, on against off (${Math.round(on.perSecond)} vs ${Math.round(off.perSecond)})`,
        value: change(off.perSecond, on.perSecond),
        target: "> -5 %",
      },
      {
        scenario: "approvals",
        metric: `metrics cost: burst p99, on against off (${ms(on.p99)} vs ${ms(off.p99)})`,
        value: change(off.p99, on.p99),
        target: "< 5 %",
      },
      {
        scenario: "approvals",
        metric: `metrics cost: paced p99 at ${OFFERED_PER_SECOND}/s, on against off (${ms(on.pacedP99)} vs ${ms(off.pacedP99)})`,
        value: change(off.pacedP99, on.pacedP99),
        target: "< 5 %",
      },
      {
        scenario: "approvals",
        metric: `metrics cost: service CPU per approval, on against off (${on.cpu.toFixed(3)} vs ${off.cpu.toFixed(3)} ms)`,
        value: change(off.cpu, on.cpu),
        target: "< 5 %",
      },
      {
        scenario: "approvals",
        metric: `a scrape of /metrics every ${SCRAPE_INTERVAL_MS / 1000} s during the runs: ${scrapes.ms.length} made, median time`,
        value: ms(median(scrapes.ms)),
      },
    );
    return figures;
  } finally {
    scraper?.stop();
    await deliveries?.terminate();
    await Promise.all(services.map((service) => service.stop()));
    await db.close();
    await telegram.stop();
    await database.drop();
  }
}

interface BurstResult {
  perSecond: number;
  p50: number;
  p99: number;
  cpu: Record<string, number>;
}

interface PacedResult {
  rate: number;
  latencies: number[];
  seconds: number;
}

interface Summary {
  perSecond: number;
  p99: number;
  pacedP99: number;
  cpu: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The medians the metrics comparison sets side by side. */
function summary(result: { bursts: BurstResult[]; steady: PacedResult[] }): Summary {
  return {
    perSecond: median(result.bursts.map((b) => b.perSecond)),
    p99: median(result.bursts.map((b) => b.p99)),
    pacedP99: percentiles(result.steady.find((run) => run.rate === OFFERED_PER_SECOND)!.latencies).p99,
    cpu: median(result.bursts.map((b) => b.cpu.service!)),
  };
}

/** One service's figures, as the scenario reported them before it compared two. */
function serviceFigures(name: string, result: { bursts: BurstResult[]; steady: PacedResult[] }): Figure[] {
  const { bursts, steady } = result;
  const spread = (values: number[], format: (value: number) => string) =>
    `median of ${BURSTS}, ${format(Math.min(...values))}–${format(Math.max(...values))}`;
  const perSecond = bursts.map((b) => b.perSecond);
  const p99s = bursts.map((b) => b.p99);
  const cpuOf = (part: string) => `${median(bursts.map((b) => b.cpu[part]!)).toFixed(2)} ms`;
  const scenario = `approvals, ${name}`;
  return [
    {
      scenario,
      metric: `burst: ${CHATS * BURST_PER_CHAT} approvals from ${CHATS} chats (${BRANDS_PER_OWNER} brands each), ${CONNECTIONS} at once (${spread(perSecond, (v) => String(Math.round(v)))})`,
      value: `${Math.round(median(perSecond))} /s`,
      target: "≥ 1,000 /s",
    },
    { scenario, metric: "burst latency p50", value: ms(median(bursts.map((b) => b.p50))) },
    {
      scenario,
      metric: `burst latency p99 (${spread(p99s, (v) => v.toFixed(0))} ms)`,
      value: ms(median(p99s)),
    },
    ...steady.flatMap(({ rate, latencies, seconds }): Figure[] => {
      const latency = percentiles(latencies);
      return [
        {
          scenario,
          metric: `paced: ${latencies.length} approvals offered at ${rate}/s`,
          value: `${Math.round(latencies.length / seconds)} /s`,
        },
        { scenario, metric: `paced at ${rate}/s: latency p50`, value: ms(latency.p50) },
        {
          scenario,
          metric: `paced at ${rate}/s: latency p99`,
          value: ms(latency.p99),
          ...(rate === OFFERED_PER_SECOND ? { target: "≤ 50 ms" } : {}),
        },
      ];
    }),
    { scenario, metric: "CPU per approval (median): the service", value: cpuOf("service") },
    { scenario, metric: "CPU per approval (median): PostgreSQL", value: cpuOf("postgres") },
    {
      scenario,
      metric: "CPU per approval (median): fake Bot API + Telegram's deliveries",
      value: cpuOf("telegram"),
    },
  ];
}

interface Service {
  url: string;
  pid: number;
  /** Rejects when the process exits before stop(). */
  exited: Promise<never>;
  stop(): Promise<void>;
}

/** Starts `node dist/main.js` on a free port against the bench database and the fake Bot API. */
async function startService(options: {
  root: string;
  databaseUrl: string;
  telegram: FakeTelegram;
  metrics: boolean;
}): Promise<Service> {
  const { root, telegram, metrics } = options;
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), "dist/main.js"],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: String(port),
        LOG_LEVEL: "info",
        DATABASE_URL: options.databaseUrl,
        DATA_DIR: join(tmpdir(), `greenlight-bench-approvals-${port}`),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        PUBLIC_URL: "http://127.0.0.1:1",
        ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
        INGEST_CRON: "0 0 1 1 *",
        PUBLISH_CRON: "0 0 1 1 *",
        OUTBOX_CRON: "0 0 1 1 *",
        METRICS_ENABLED: String(metrics),
        ...(metrics ? { METRICS_TOKEN } : {}),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let stopping = false;
  const exited = new Promise<never>((_, reject) =>
    child.on("exit", (code) => {
      if (!stopping) reject(new Error(`service exited with ${code}`));
    }),
  );
  exited.catch(() => {});
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

async function waitForHealth(url: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy within 60 s`);
}

/** Prometheus's part: a scrape of /metrics every SCRAPE_INTERVAL_MS, each timed, from the first run on. */
function startScraper(url: string) {
  const ms: number[] = [];
  let failed = 0;
  const scrape = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    }).catch(() => undefined);
    if (response?.ok) await response.text();
    else failed++;
    ms.push(performance.now() - started);
  };
  const timer = setInterval(() => void scrape(), SCRAPE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      return { ms, failed };
    },
  };
}

function percentiles(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed`))));
  });
}

/** User + system CPU time of processes, from /proc (Linux), in milliseconds. */
function cpuMsOf(pids: number[]): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
      } catch {
        return false;
      }
    });
}
