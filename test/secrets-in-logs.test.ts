import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers/child-process.ts";
import { startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

// When Telegram cannot be reached, grammY's HttpError carries the request URL — bot token included — inside a
// nested error. The service logs such failures; the token must not come with them.
let t: TestApp;
let unreachable: string;
beforeAll(async () => {
  unreachable = `http://127.0.0.1:${await freePort()}`;
  t = await startTestApp();
});
afterAll(() => t.stop());

describe("secrets in logs", () => {
  it("logs a handler that could not reach Telegram without the bot token", async () => {
    await t.restart({ TELEGRAM_API_ROOT: unreachable });
    const response = await postUpdate(t, textUpdate("/help"));
    expect(response.status).toBe(200);
    const log = t.logs.text();
    expect(log).toContain("bot handler failed");
    expect(log).toContain("[redacted]");
    expect(log).not.toContain(t.telegram.token);
  });
});
