import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGreenlight, startGreenlight } from "../src/app.ts";
import { loadConfig } from "../src/config/config.ts";
import { freePort } from "./helpers/child-process.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { parseSamples, sampleSum } from "./helpers/prometheus-text.ts";
import { TEST_ENCRYPTION_KEY } from "./helpers/start-test-app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

/**
 * Whether /metrics answers, as an operator configures it, and what the request log says: the service started
 * without Telegram (metrics and logs need none), one configuration after another on the same database.
 */

let database: TestDatabase;
let dataDir: string;
let app: RunningGreenlight | undefined;
let logs: ReturnType<typeof capturedLogger>;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "greenlight-metrics-"));
});

afterAll(async () => {
  await app?.stop();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the service with this configuration, logging to memory at `logLevel`. */
async function startWith(env: Record<string, string>, logLevel = "debug"): Promise<RunningGreenlight> {
  await app?.stop();
  logs = capturedLogger(logLevel);
  app = await startGreenlight(
    loadConfig({ PORT: "0", DATA_DIR: dataDir, DATABASE_URL: database.url, ...env }),
    { logger: logs.logger, hostname: "127.0.0.1" },
  );
  return app;
}

const startLine = () =>
  logs.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((l) => l.msg === "greenlight started")!;

describe("who may scrape /metrics", () => {
  it("is open on a local install (no PUBLIC_URL), and start-up says so", async () => {
    const local = await startWith({});
    const response = await fetch(`${local.url}/metrics`);
    expect(response.status).toBe(200);
    expect(parseSamples(await response.text()).some((s) => s.name === "nodejs_heap_size_used_bytes")).toBe(
      true,
    );
    expect(startLine().metrics).toBe("exposed at /metrics");
  });

  it("answers 404 with what to set on a public deployment without METRICS_TOKEN, and start-up says so", async () => {
    const hidden = await startWith({
      PUBLIC_URL: "https://greenlight.example",
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    });
    const response = await fetch(`${hidden.url}/metrics`, {
      headers: { authorization: "Bearer anything-at-all-here" },
    });
    expect(response.status).toBe(404);
    const reason =
      "Metrics are not exposed on a public deployment without METRICS_TOKEN: set it, and scrape /metrics with Authorization: Bearer <METRICS_TOKEN>.";
    expect(await response.json()).toEqual({ error: "not_found", message: reason });
    expect(startLine().metrics).toBe(`not exposed: ${reason}`);
  });

  it("is open on METRICS_PORT, a second listener for a private network, while the public port still hides it", async () => {
    const privatePort = await freePort();
    const fly = await startWith({
      PUBLIC_URL: "https://greenlight.example",
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      METRICS_PORT: String(privatePort),
    });
    expect((await fetch(`${fly.url}/metrics`)).status).toBe(404);
    const scraped = await fetch(`http://127.0.0.1:${privatePort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(parseSamples(await scraped.text()).some((s) => s.name === "greenlight_http_requests_total")).toBe(
      true,
    );
    // Nothing else is served there: not the webhook, not the OAuth callback.
    expect((await fetch(`http://127.0.0.1:${privatePort}/healthz`)).status).toBe(404);
    expect(startLine().metrics).toContain(`open at :${privatePort}/metrics for a private network`);
    await fly.stop();
    await expect(fetch(`http://127.0.0.1:${privatePort}/metrics`)).rejects.toThrow();
  });

  it("refuses a METRICS_PORT equal to PORT at start-up", () => {
    expect(() => loadConfig({ PORT: "3000", METRICS_PORT: "3000" })).toThrow(
      "METRICS_PORT: must differ from PORT",
    );
  });

  it("is gone, and counts no requests, with METRICS_ENABLED=false", async () => {
    const off = await startWith({ METRICS_ENABLED: "false" });
    await fetch(`${off.url}/healthz`);
    const response = await fetch(`${off.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "not_found",
      message: "Metrics are off (METRICS_ENABLED=false).",
    });
    const exposition = await off.services.metrics.registry.metrics();
    expect(sampleSum(parseSamples(exposition), "greenlight_http_requests_total")).toBe(0);
    expect(exposition).not.toContain("process_cpu_seconds_total");
  });

  it("refuses at start-up a METRICS_TOKEN a bearer header cannot carry", () => {
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(
      "METRICS_TOKEN: expected at least 16 characters of A-Z a-z 0-9 . _ ~ + / - (`npm run keygen` makes one)",
    );
    expect(() => loadConfig({ METRICS_TOKEN: "has spaces in the middle of it" })).toThrow("METRICS_TOKEN");
  });
});

describe("the request log", () => {
  it("logs health checks at debug and other requests at info, with level names", async () => {
    const local = await startWith({});
    await fetch(`${local.url}/healthz`);
    await fetch(`${local.url}/metrics`);
    const requests = logs.lines
      .map((line) => JSON.parse(line) as { level: unknown; msg: string; path?: string })
      .filter((line) => line.msg === "http request");
    expect(requests.filter((r) => r.path === "/healthz").map((r) => r.level)).toEqual(["debug"]);
    expect(requests.filter((r) => r.path === "/metrics").map((r) => r.level)).toEqual(["info"]);
    const levels = new Set(logs.lines.map((line) => (JSON.parse(line) as { level: unknown }).level));
    expect(
      [...levels].every((level) =>
        ["trace", "debug", "info", "warn", "error", "fatal"].includes(level as string),
      ),
    ).toBe(true);
  });

  it("leaves health checks out of the log at the default level", async () => {
    const local = await startWith({}, "info");
    await fetch(`${local.url}/healthz`);
    await fetch(`${local.url}/no-such-page`);
    const paths = logs.lines
      .map((line) => JSON.parse(line) as { msg: string; path?: string })
      .filter((line) => line.msg === "http request")
      .map((line) => line.path);
    expect(paths).toEqual(["/no-such-page"]);
  });
});
