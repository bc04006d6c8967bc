import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSecretsScrubbed } from "../src/shared/logger.ts";
import { freePort } from "./helpers/child-process.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

// The bot token is part of every Bot API URL, and HTTP clients put the URL into their errors, sometimes deep
// inside a nested cause. The service logs such failures; the token must not come with them.
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
    expect(log).toContain("ECONNREFUSED");
    expect(log).not.toContain(t.telegram.token);
  });

  it("scrubs a configured secret however deep in a logged error it sits", () => {
    const logs = capturedLogger();
    const logger = withSecretsScrubbed(logs.logger, [t.telegram.token]);
    const cause = Object.assign(new Error(`request to ${unreachable}/bot${t.telegram.token}/getMe failed`), {
      url: `${unreachable}/bot${t.telegram.token}/getMe`,
    });
    // Shaped as grammY's HttpError: the HTTP client's own error kept in an `error` property.
    logger.error(
      { err: Object.assign(new Error("Network request for 'getMe' failed!"), { error: cause }) },
      "failed",
    );
    expect(logs.text()).toContain("[redacted]");
    expect(logs.text()).toContain("getMe");
    expect(logs.text()).not.toContain(t.telegram.token);
  });
});
