import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { openDatabase, type Sql } from "../../src/database/connect.ts";
import { signWebhookBody } from "../../src/meta-webhooks/webhook-signature.ts";
import { createLogger } from "../../src/shared/logger.ts";
import {
  freePort,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "../../test/helpers/child-process.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const NOTIFICATIONS = Number(process.env.BENCH_WEBHOOKS ?? 3000);
/** Meta delivers in parallel; this many requests are kept in flight. */
const IN_FLIGHT = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 32);
const KILL_BURST = Number(process.env.BENCH_WEBHOOK_KILL_BURST ?? 2000);
const APP_SECRET = "bench-instagram-app-secret-0123456789";
const ACCOUNT_ID = "17841400000000001";
const MEDIA_ID = "17920000000000001";
const KEY = Buffer.alloc(32, 9).toString("base64");
const NEVER = "0 0 1 1 *";

interface Signed {
  commentId: string;
  body: string;
  signature: string;
}

/**
 * Webhook intake on real PostgreSQL with the service as `npm start` runs it: (1) NOTIFICATIONS comment
 * notifications, each signed as Meta signs it, sent IN_FLIGHT at a time: accepted per second (signature checked,
 * stored, answered) and the p50/p99 answer time, then how long until every one is processed (comment stored,
 * card queued); (2) a second burst during which the service is SIGKILLed halfway: every notification it
 * answered 200 must end up stored once, with one card, after the next run of the service.
 */
export async function webhooksScenario(): Promise<Figure[]> {
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-webhooks-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: KEY,
    PUBLIC_URL: url,
    INSTAGRAM_APP_ID: "1234567890123456",
    INSTAGRAM_APP_SECRET: APP_SECRET,
    META_WEBHOOK_VERIFY_TOKEN: "bench-verify-token-0123456789",
    LOG_LEVEL: "warn",
    INGEST_CRON: NEVER,
    PUBLISH_CRON: NEVER,
    OUTBOX_CRON: NEVER,
    DRAFTING_CRON: NEVER,
  };
  const agent = new Agent({ connections: IN_FLIGHT, pipelining: 1 });
  const services: ServiceProcess[] = [];
  const start = async () => {
    const service = spawnService(env);
    services.push(service);
    await waitForHealthy(url, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${service.output()}`);
    });
    return service;
  };
  const db = await openDatabase({
    url: database.url,
    dataDir: undefined,
    poolSize: 2,
    logger: createLogger("error"),
  });
  try {
    await start();
    await greenlightPost(db.sql);
    const figures: Figure[] = [];

    // (0) The ceiling: the same signed requests to a route that answers 404 at once, through the same server and
    // middleware, with the same client. Intake cannot beat this; if the two are close, the client or the HTTP
    // layer is the bottleneck, not the intake.
    await send(url, agent, signedNotifications("warm", 300), IN_FLIGHT);
    await waitUntilProcessed(db.sql, 300_000);
    const ceilingStarted = performance.now();
    const ceiling = await send(
      url,
      agent,
      signedNotifications("c", NOTIFICATIONS),
      IN_FLIGHT,
      undefined,
      "/meta/nothing",
    );
    const ceilingSeconds = (performance.now() - ceilingStarted) / 1000;

    // (1) Throughput and latency.
    const batch = signedNotifications("t", NOTIFICATIONS);
    const service = services.at(-1)!;
    const cpuBefore = cpuSeconds(service);
    const started = performance.now();
    const run = await send(url, agent, batch, IN_FLIGHT);
    const seconds = (performance.now() - started) / 1000;
    const cpuDuringBurst = cpuSeconds(service) - cpuBefore;
    const sorted = run.latencies.sort((a, b) => a - b);
    const processedBy = await waitUntilProcessed(db.sql, 300_000);
    figures.push(
      {
        scenario: "webhooks",
        metric: `${NOTIFICATIONS} signed notifications accepted, ${IN_FLIGHT} in flight`,
        value: `${Math.round(run.accepted / seconds)}/s`,
        target: "≥ 500/s",
      },
      {
        scenario: "webhooks",
        metric: "the same requests to a route that does nothing (client and HTTP ceiling)",
        value: `${Math.round(ceiling.accepted / ceilingSeconds)}/s`,
      },
      { scenario: "webhooks", metric: "answer time p50", value: `${percentile(sorted, 0.5).toFixed(1)} ms` },
      { scenario: "webhooks", metric: "answer time p99", value: `${percentile(sorted, 0.99).toFixed(1)} ms` },
      {
        // The machine is shared: this says what one notification costs the service whatever else is running.
        scenario: "webhooks",
        metric: "service CPU per accepted notification (intake and processing during the burst)",
        value: Number.isNaN(cpuDuringBurst)
          ? "n/a"
          : `${((cpuDuringBurst / run.accepted) * 1000).toFixed(2)} ms`,
      },
      {
        scenario: "webhooks",
        metric: "all processed (comment stored, card queued) after the burst began",
        value: `${((processedBy - started) / 1000).toFixed(1)} s`,
      },
      {
        scenario: "webhooks",
        metric: "refused answers in the burst",
        value: String(run.refused),
        target: "0",
      },
    );

    if (KILL_BURST === 0) return figures;
    // (2) SIGKILL halfway through a burst, then a new run of the service.
    const kill = signedNotifications("k", KILL_BURST);
    let killedAt = 0;
    const burst = send(url, agent, kill, IN_FLIGHT, (accepted) => {
      if (accepted === Math.floor(KILL_BURST / 2) && killedAt === 0) {
        killedAt = performance.now();
        services.at(-1)!.child.kill("SIGKILL");
      }
    });
    const result = await burst;
    await services.at(-1)!.exited;
    await start();
    const recoveredBy = await waitUntilProcessed(db.sql, 180_000);
    const acknowledged = result.acceptedIds;
    // Past the post's hourly card limit (the first burst used it up) a comment is counted on the post's summary
    // instead of getting a card of its own: either way it reached the chat once.
    const [counts] = await db.sql<{ stored: number; distinct: number; cards: number; summarised: number }[]>`
      select count(*)::int as stored, count(distinct comment_id)::int as distinct,
             count(*) filter (where card = 'shown')::int as cards,
             count(*) filter (where card = 'summarised')::int as summarised
        from instagram_comments where comment_id = any(${acknowledged}::text[])`;
    figures.push(
      {
        scenario: "webhooks",
        metric: `SIGKILL mid-burst: answered 200 / stored / with a card or on a summary (of ${KILL_BURST} sent)`,
        value: `${acknowledged.length} / ${counts!.stored} / ${counts!.cards + counts!.summarised}`,
        target: "all equal",
      },
      {
        scenario: "webhooks",
        metric: "lost after the kill (answered 200, never stored)",
        value: String(acknowledged.length - counts!.distinct),
        target: "0",
      },
      {
        scenario: "webhooks",
        metric: "kill → every acknowledged comment processed by the next run",
        value: `${((recoveredBy - killedAt) / 1000).toFixed(1)} s`,
      },
    );
    return figures;
  } finally {
    await db.close();
    for (const service of services) {
      if (service.child.exitCode === null) service.child.kill("SIGKILL");
      await service.exited;
    }
    await agent.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An owner, a brand connected to ACCOUNT_ID, and one post of it published as MEDIA_ID. */
async function greenlightPost(sql: Sql): Promise<void> {
  const [owner] = await sql<{ id: number }[]>`
    insert into owners (telegram_user_id, telegram_chat_id, display_name) values (1, 1, 'Bench') returning id`;
  const [brand] = await sql<{ id: number }[]>`
    insert into brands (owner_id, name) values (${owner!.id}, 'Bench Bikes') returning id`;
  await sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username) values (${brand!.id}, ${ACCOUNT_ID}, 'bench')`;
  await sql`
    insert into drafts (brand_id, status, caption, instagram_media_id, permalink)
    values (${brand!.id}, 'published', 'Cargo bikes now outsell cars.', ${MEDIA_ID}, 'https://www.instagram.com/p/bench/')`;
}

/** Notifications as Meta sends them, each with its X-Hub-Signature-256, made before the clock starts. */
function signedNotifications(prefix: string, count: number): Signed[] {
  const time = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const commentId = `${prefix}${i}`;
    const body = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: ACCOUNT_ID,
          time,
          changes: [
            {
              field: "comments",
              value: {
                from: { id: `1784${i}`, username: `fan_${i}` },
                media: { id: MEDIA_ID, media_product_type: "FEED" },
                id: commentId,
                text: `Comment number ${i}: where can I buy one?`,
              },
            },
          ],
        },
      ],
    });
    return { commentId, body, signature: signWebhookBody(body, APP_SECRET) };
  });
}

/**
 * Sends every notification, `inFlight` at a time; a connection refused (the service killed) counts as not
 * acknowledged. undici's `request`, not `fetch`: on this 2-core machine the client shares the CPU with the
 * service and Postgres, and fetch's WHATWG layers cost the client about ten times as much per request (measured
 * against a bare Hono app), which made the client, not the service, the bottleneck.
 */
async function send(
  base: string,
  agent: Agent,
  notifications: Signed[],
  inFlight: number,
  onAccepted?: (accepted: number) => void,
  path = "/meta/webhooks",
): Promise<{ accepted: number; refused: number; latencies: number[]; acceptedIds: string[] }> {
  const latencies: number[] = [];
  const acceptedIds: string[] = [];
  let refused = 0;
  let next = 0;
  const worker = async () => {
    while (next < notifications.length) {
      const notification = notifications[next++]!;
      const started = performance.now();
      try {
        const response = await request(`${base}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": notification.signature },
          body: notification.body,
          dispatcher: agent,
        });
        await response.body.arrayBuffer();
        if (response.statusCode === 200 || (path !== "/meta/webhooks" && response.statusCode === 404)) {
          latencies.push(performance.now() - started);
          acceptedIds.push(notification.commentId);
          onAccepted?.(acceptedIds.length);
        } else refused++;
      } catch {
        refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { accepted: acceptedIds.length, refused, latencies, acceptedIds };
}

/** Waits until no notification is left queued or running; returns when (performance.now()). */
async function waitUntilProcessed(sql: Sql, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ open: number }[]>`
      select count(*)::int as open from meta_webhook_inbox where status in ('queued', 'running')`;
    if (row!.open === 0) return performance.now();
    if (performance.now() > deadline) throw new Error(`${row!.open} notifications still unprocessed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** User plus system CPU time the service process has used so far, from /proc (NaN where there is none). */
function cpuSeconds(service: ServiceProcess): number {
  const path = `/proc/${service.child.pid}/stat`;
  if (!existsSync(path)) return Number.NaN;
  // Fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
  const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
