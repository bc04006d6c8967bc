import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AiSpendObserver } from "../budget/ledger.ts";
import type { JobRunObserver } from "../scheduler/scheduler.ts";
import type { QueueDepths } from "./queue-depths.ts";

/**
 * The service's Prometheus metrics, one registry per running service (tests build their own), created in the
 * composition root and handed to capabilities through `Services`. Counters are instance-local, as Prometheus
 * expects: sum them over instances. Queue depths and outbox counts are read from the shared database at scrape
 * time, so every instance reports the same cluster-wide figures: take their max, not their sum.
 *
 * Label values are always drawn from small fixed sets (route patterns, outcome names, job names), never from ids,
 * paths, chat ids or tokens: each distinct value is a time series kept in memory for the life of the process.
 */
export interface Metrics {
  registry: Registry;
  /** HTTP requests by method, route pattern ("/meta/deletion/:code", never the raw path) and status. */
  httpRequests: Counter<"method" | "route" | "status">;
  httpRequestSeconds: Histogram<"method" | "route">;
  /** Telegram updates by kind (message, callback_query…) and outcome (handled, failed). */
  telegramUpdates: Counter<"kind" | "outcome">;
  /** Articles taken through drafting: drafted (a card queued), skipped (no usable caption), budget_stopped, failed. */
  drafts: Counter<"outcome">;
  /** Card decisions (approve, undo, postNow, retry, rejectBecause) by outcome (done, stale, gone…). */
  draftDecisions: Counter<"action" | "outcome">;
  /** Publish attempts by outcome (published, retry_scheduled, failed, waiting_for_quota…, crashed). */
  publishes: Counter<"outcome">;
  /** The AI ledger's view of every call: counted, its tokens and its cost, as billed. */
  observeAiSpend: AiSpendObserver;
  /** The scheduler's view of every job run: duration, and the time of the last success. */
  observeJobRun: JobRunObserver;
}

export interface MetricsOptions {
  /** Reads the queue depths from the database at scrape time; absent, the queue gauges stay empty. */
  readQueueDepths?: () => Promise<QueueDepths>;
  /** How long a scrape waits for the database before answering without the queue depths. */
  queueReadTimeoutMs?: number;
  /** Node's process metrics (CPU, memory, event loop lag, GC); off when metrics are disabled. */
  processMetrics?: boolean;
}

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter({ name, help, labelNames, registers });

  const aiCalls = counter(
    "greenlight_ai_calls_total",
    "AI calls by provider, operation and how the ledger billed them: settled (the usage the API reported), estimated (no answer, charged the estimate), released (an error answer, not billed).",
    ["provider", "operation", "billing"],
  );
  const aiTokens = counter(
    "greenlight_ai_tokens_total",
    "AI tokens billed, by provider, operation and type (input, output, cache_write, cache_read).",
    ["provider", "operation", "type"],
  );
  const aiSpend = counter(
    "greenlight_ai_spend_usd_total",
    "AI spend recorded in the budget ledger, in US dollars, by provider and operation.",
    ["provider", "operation"],
  );
  const jobSeconds = new Histogram({
    name: "greenlight_job_duration_seconds",
    help: "Scheduled job runs on this instance by job and outcome (ok, failed); ticks another instance ran are not counted.",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.01, 0.05, 0.25, 1, 5, 15, 60, 300],
    registers,
  });
  const jobLastSuccess = new Gauge({
    name: "greenlight_job_last_success_timestamp_seconds",
    help: "When each job last finished without an error on this instance (Unix time).",
    labelNames: ["job"] as const,
    registers,
  });
  registerQueueGauges(registers, options);

  const httpRequests = counter(
    "greenlight_http_requests_total",
    "HTTP requests by method, route pattern and status.",
    ["method", "route", "status"],
  );
  const httpRequestSeconds = new Histogram({
    name: "greenlight_http_request_duration_seconds",
    help: "HTTP request durations by method and route pattern.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers,
  });

  return {
    registry,
    httpRequests,
    httpRequestSeconds,
    telegramUpdates: counter(
      "greenlight_telegram_updates_total",
      "Telegram updates handled, by kind (message, callback_query…) and outcome (handled, failed).",
      ["kind", "outcome"],
    ),
    drafts: counter(
      "greenlight_drafts_total",
      "Articles taken through drafting, by outcome: drafted (card queued), skipped (no usable caption), budget_stopped and failed (the article waits for the next pass).",
      ["outcome"],
    ),
    draftDecisions: counter(
      "greenlight_draft_decisions_total",
      "Card decisions by action (approve, undo, postNow, retry, rejectBecause) and outcome (done, stale, gone, no_slots, redelivered).",
      ["action", "outcome"],
    ),
    publishes: counter(
      "greenlight_publishes_total",
      "Publish attempts by outcome (published, retry_scheduled, failed, waiting_for_quota, waiting_for_account, lease_lost, crashed).",
      ["outcome"],
    ),
    observeAiSpend(spend) {
      const labels = { provider: spend.provider, operation: spend.operation };
      aiCalls.inc({ ...labels, billing: spend.billing }, spend.calls);
      if (spend.costUsd > 0) aiSpend.inc(labels, spend.costUsd);
      for (const [type, tokens] of Object.entries(spend.tokens)) {
        if (tokens > 0) aiTokens.inc({ ...labels, type }, tokens);
      }
    },
    observeJobRun(run) {
      jobSeconds.observe({ job: run.job, outcome: run.ok ? "ok" : "failed" }, run.seconds);
      if (run.ok) jobLastSuccess.set({ job: run.job }, Date.now() / 1000);
    },
  };
}

/** Counts one HTTP request; the method is folded to a known one so a made-up verb cannot add a series. */
export function countHttpRequest(
  metrics: Pick<Metrics, "httpRequests" | "httpRequestSeconds">,
  request: { method: string; route: string; status: number; seconds: number },
): void {
  const method = HTTP_METHODS.has(request.method) ? request.method : "other";
  metrics.httpRequests.inc({ method, route: request.route, status: request.status });
  metrics.httpRequestSeconds.observe({ method, route: request.route }, request.seconds);
}

/**
 * Queue depths and outbox counts, read once per scrape: both gauges' collect() share one database read (the
 * registry collects all metrics at once). The read is bounded: a database that does not answer in time leaves
 * the gauges empty for this scrape (absent, not zero, so an alert on "no data" sees it) and
 * greenlight_queue_depths_read at 0. A read still running is joined by the next scrape, never repeated beside it,
 * so a slow database is not piled up with queries.
 */
function registerQueueGauges(registers: Registry[], options: MetricsOptions) {
  const { readQueueDepths } = options;
  const timeoutMs = options.queueReadTimeoutMs ?? 1500;
  let reading: Promise<QueueDepths | undefined> | undefined;
  const readOnce = () => {
    if (!readQueueDepths) return Promise.resolve(undefined);
    reading ??= readQueueDepths()
      .catch(() => undefined)
      .finally(() => (reading = undefined));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
    });
    return Promise.race([reading, timedOut]).finally(() => clearTimeout(timer));
  };

  new Gauge({
    name: "greenlight_queue_depths_read",
    help: "1 when this scrape read the queue depths from the database, 0 when it did not answer in time.",
    registers,
    async collect() {
      this.set((await readOnce()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "greenlight_queue_depth",
    help: "Work waiting, cluster-wide: articles_waiting (to be scored or drafted), drafts_waiting_review, regenerations_waiting, posts_due.",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      this.reset();
      const depths = await readOnce();
      for (const [queue, depth] of Object.entries(depths?.queues ?? {})) this.set({ queue }, depth);
    },
  });
  new Gauge({
    name: "greenlight_telegram_outbox_messages",
    help: "Telegram outbox messages, cluster-wide, by status: pending (to be sent or retried) and dead (given up).",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      this.reset();
      const depths = await readOnce();
      for (const [status, count] of Object.entries(depths?.outbox ?? {})) this.set({ status }, count);
    },
  });
}
