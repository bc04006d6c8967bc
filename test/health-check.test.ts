import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGreenlight, startGreenlight } from "../src/app.ts";
import { loadConfig } from "../src/config/config.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/database/embedded-postgres.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { TcpProxy } from "./helpers/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

// The service reaches its database through a proxy the test can cut: that is what "the database went away"
// looks like from the service, whichever database the suite runs on.
let testDb: TestDatabase;
let embedded: EmbeddedPostgres | undefined;
let proxy: TcpProxy;
let app: RunningGreenlight;
let dataDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "greenlight-health-"));
  embedded = testDb.url ? undefined : await startEmbeddedPostgres(join(dataDir, "db"));
  const target = new URL(testDb.url ?? embedded!.url);
  proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
  target.host = `127.0.0.1:${proxy.port}`;
  app = await startGreenlight(
    loadConfig({ PORT: "0", DATA_DIR: dataDir, DATABASE_URL: target.toString(), DATABASE_POOL_SIZE: "1" }),
    { logger: capturedLogger().logger, hostname: "127.0.0.1" },
  );
});

afterAll(async () => {
  await app.stop();
  await proxy.stop();
  await embedded?.stop();
  await testDb.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("GET /healthz", () => {
  it("answers 200 with the database up", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 while the database is unreachable, and 200 again once it is back", async () => {
    proxy.cut();
    const down = await fetch(`${app.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "down" });

    proxy.restore();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await fetch(`${app.url}/healthz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await fetch(`${app.url}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "No route for GET /no/such/page" });
  });
});
