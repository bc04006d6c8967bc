import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "./fakes/fake-telegram.ts";
import { freePort, type ServiceProcess, spawnService, waitForHealthy } from "./helpers/child-process.ts";

// The service as a newcomer runs it: `npm start` with only a bot token (pointed at a fake Bot API), on the
// embedded database in a new data folder; then stopped the way Fly stops it, with SIGTERM. How fast it boots is
// measured by `npm run bench` (startup), not here: a loaded CI machine may take longer.
let telegram: FakeTelegram;
let dataDir: string;
beforeAll(async () => {
  telegram = await new FakeTelegram().start();
  dataDir = mkdtempSync(join(tmpdir(), "greenlight-lifecycle-"));
});
afterAll(async () => {
  await telegram.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Starts the service as `npm start` does, with only a bot token, on this file's data folder; once /healthz answers,
 * runs `whileUp`, then sends `signal` even when `whileUp` failed, so no test leaves a service running behind it.
 */
async function runServiceUntil(
  signal: NodeJS.Signals,
  whileUp: (service: ServiceProcess, health: Response) => void | Promise<void> = () => {},
): Promise<ServiceProcess> {
  const port = await freePort();
  const service = spawnService({
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  try {
    await whileUp(service, await waitForHealthy(`http://127.0.0.1:${port}`, 60_000));
  } finally {
    service.child.kill(signal);
  }
  return service;
}

describe("the service process", () => {
  it("boots with only a bot token, answers /healthz, polls Telegram, and exits 0 on SIGTERM", async () => {
    const service = await runServiceUntil("SIGTERM", async (_, health) => {
      expect(await health.json()).toEqual({ status: "ok", database: "up" });
      await telegram.waitFor(() => telegram.callsTo("getUpdates").length > 0, 10_000);
      expect(telegram.callsTo("deleteWebhook")).toHaveLength(1);
    });
    const started = Date.now();
    expect(await service.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const log = service.output();
    expect(log).toContain('"msg":"greenlight started"');
    expect(log).toContain('"msg":"greenlight stopped"');
    expect(log).toContain("generated a local key");
    expect(log).not.toContain(telegram.token);
  }, 90_000);

  it("restarts on the existing data folder with the same key and schema", async () => {
    const service = await runServiceUntil("SIGINT");
    expect(await service.exited).toBe(0);
    expect(service.output()).not.toContain("migration applied");
    expect(service.output()).not.toContain("generated a local key");
  }, 90_000);

  it("stops gracefully when told to while start-up is still finishing", async () => {
    // Start-up waits (briefly) for Telegram to take the command menu; /healthz already answers by then. The menu
    // is set only when Telegram's differs (src/teams/command-menus.ts): emptied here, it is set again.
    telegram.commands = [];
    telegram.delay("setMyCommands", 1500);
    const service = await runServiceUntil("SIGTERM", (starting) => {
      expect(starting.output()).not.toContain('"msg":"greenlight started"');
    });
    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('"msg":"greenlight stopped"');
    telegram.delay("setMyCommands", 0);
  }, 90_000);
});
