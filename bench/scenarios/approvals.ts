import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../src/database/connect.ts";
import { migrate } from "../../src/database/migrate.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { FakeTelegram } from "../../test/fakes/fake-telegram.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const CHATS = Number(process.env.BENCH_CHATS ?? 100);
const DRAFTS_PER_CHAT = 12;
const WARM_UP_PER_CHAT = 2;
const SECRET = "bench-webhook-secret";
const EVERY_HOUR = Array.from({ length: 24 }, (_, h) => ({
  time: `${String(h).padStart(2, "0")}:00`,
  days: [1, 2, 3, 4, 5, 6, 7],
}));

/**
 * Approval throughput: distinct ✅ Approve callback updates posted to the webhook, as Telegram delivers them —
 * one at a time per chat, many chats at once — against real PostgreSQL and the fake Bot API on loopback. Each
 * approval answers the callback, schedules the post in one transaction and edits the card.
 */
export async function approvalsScenario(): Promise<Figure[]> {
  const telegram = await new FakeTelegram().start();
  const database = await createBenchDatabase();
  const logger = createLogger("warn");
  const db = await openDatabase({ url: database.url, dataDir: undefined, poolSize: 4, logger });
  await migrate(db.sql, logger);
  // The service runs in its own process, like production; this process plays Telegram and its users.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const service = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "bench/workers/service-worker.ts"],
    {
      cwd: fileURLToPath(new URL("../../", import.meta.url)),
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        DATABASE_URL: database.url,
        DATA_DIR: join(tmpdir(), "greenlight-bench-approvals"),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        PUBLIC_URL: "http://127.0.0.1:1",
        ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
        INGEST_CRON: "0 0 1 1 *",
        PUBLISH_CRON: "0 0 1 1 *",
        OUTBOX_CRON: "0 0 1 1 *",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: service.stdout! }).on("line", (line) => {
      if (line.startsWith("READY ")) resolve(line.slice(6));
    });
    service.on("exit", (code) => reject(new Error(`service exited with ${code}`)));
  });
  const app = { sql: db.sql, url: serviceUrl };
  try {
    // Owners with one brand each and cards already in their chats.
    const cards: { chatId: number; draftId: number; messageId: number }[][] = [];
    for (let c = 0; c < CHATS; c++) {
      const chatId = 800_000 + c;
      const [owner] = await app.sql<{ id: number }[]>`
        insert into owners (telegram_user_id, telegram_chat_id) values (${chatId}, ${chatId}) returning id`;
      const [brand] = await app.sql<{ id: number }[]>`
        insert into brands (owner_id, name, time_zone, posting_slots)
        values (${owner!.id}, ${`Brand ${c}`}, 'Europe/Berlin', ${app.sql.json(EVERY_HOUR)}) returning id`;
      await app.sql`update owners set selected_brand_id = ${brand!.id} where id = ${owner!.id}`;
      const chat: (typeof cards)[number] = [];
      for (let d = 0; d < DRAFTS_PER_CHAT; d++) {
        const sent = await fetch(`${telegram.apiRoot}/bot${telegram.token}/sendMessage`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ chat_id: chatId, text: `Draft ${d}` }),
        }).then((r) => r.json() as Promise<{ result: { message_id: number } }>);
        const [draft] = await app.sql<{ id: number }[]>`
          insert into drafts (brand_id, status, caption, generated_caption, source_title, source_link,
                              telegram_chat_id, telegram_text_message_id)
          values (${brand!.id}, 'pending_review', ${`Caption ${d}`}, ${`Caption ${d}`}, 'A story', 'https://news.example/',
                  ${chatId}, ${sent.result.message_id})
          returning id`;
        chat.push({ chatId, draftId: draft!.id, messageId: sent.result.message_id });
      }
      cards.push(chat);
    }

    let updateId = 5_000_000;
    const approve = async (card: { chatId: number; draftId: number; messageId: number }) => {
      const id = updateId++;
      const started = performance.now();
      const response = await fetch(`${app.url}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify({
          update_id: id,
          callback_query: {
            id: `bench-${id}`,
            chat_instance: "bench",
            from: { id: card.chatId, is_bot: false, first_name: "Bench" },
            data: `a:${card.draftId}`,
            message: {
              message_id: card.messageId,
              date: 0,
              chat: { id: card.chatId, type: "private" },
              text: "card",
            },
          },
        }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      return performance.now() - started;
    };
    const burst = async (from: number, to: number) => {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        cards.map(async (chat) => {
          for (const card of chat.slice(from, to)) latencies.push(await approve(card));
        }),
      );
      return { latencies, seconds: (performance.now() - started) / 1000 };
    };
    await burst(0, WARM_UP_PER_CHAT);
    const cpuBefore = {
      service: cpuMsOf([service.pid!]),
      postgres: cpuMsOf(postgresPids()),
      self: process.cpuUsage(),
    };
    const measured = await burst(WARM_UP_PER_CHAT, DRAFTS_PER_CHAT);
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const perApproval = (ms: number) => `${(ms / measured.latencies.length).toFixed(2)} ms`;
    const cpu = {
      service: perApproval(cpuMsOf([service.pid!]) - cpuBefore.service),
      postgres: perApproval(cpuMsOf(postgresPids()) - cpuBefore.postgres),
      telegram: perApproval((selfCpu.user + selfCpu.system) / 1000),
    };
    const [scheduled] = await app.sql<
      { n: number }[]
    >`select count(*)::int as n from drafts where status = 'approved'`;
    const sorted = measured.latencies.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return [
      {
        scenario: "approvals",
        metric: `${sorted.length} approvals from ${CHATS} chats (${scheduled!.n} scheduled in all)`,
        value: `${Math.round(sorted.length / measured.seconds)} /s`,
        target: "≥ 1,000 /s",
      },
      { scenario: "approvals", metric: "latency p50", value: `${at(0.5).toFixed(1)} ms` },
      { scenario: "approvals", metric: "latency p99", value: `${at(0.99).toFixed(1)} ms`, target: "≤ 50 ms" },
      { scenario: "approvals", metric: "CPU per approval: the service", value: cpu.service },
      { scenario: "approvals", metric: "CPU per approval: PostgreSQL", value: cpu.postgres },
      {
        scenario: "approvals",
        metric: "CPU per approval: fake Bot API + load generator",
        value: cpu.telegram,
      },
    ];
  } finally {
    service.kill("SIGTERM");
    await new Promise((resolve) => service.on("exit", resolve));
    await db.close();
    await telegram.stop();
    await database.drop();
  }
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
