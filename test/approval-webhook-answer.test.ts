import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertBrand, insertOwner, readable, reviewCard } from "./helpers/draft-fixtures.ts";
import { startTestApp, TEST_WEBHOOK_SECRET, type TestApp } from "./helpers/start-test-app.ts";
import { callbackUpdate } from "./helpers/telegram-updates.ts";

// A press is answered in the webhook's own response (Telegram performs a Bot API call given there), as soon as
// the decision is committed, without waiting for the card edit that follows.
let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.stop());

describe("answering a press in the webhook response", () => {
  it("returns answerCallbackQuery with the outcome as the response body, as Telegram expects it", async () => {
    const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql));
    const { draftId, message } = await reviewCard(t, brandId);
    const update = callbackUpdate(`a:${draftId}`, message);
    const response = await fetch(`${t.app.url}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      method: "answerCallbackQuery",
      callback_query_id: update.callback_query.id,
      text: expect.stringMatching(/^✅ Scheduled for \w{3} (09|18):00, Europe\/Berlin$/),
    });
    await t.app.settled();
    // The answer went in the response, so it was never also sent to the Bot API.
    expect(t.telegram.callsTo("answerCallbackQuery")).toEqual([]);
  });

  it("answers before a slow card edit finishes, and a stop still waits for that edit", async () => {
    const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql));
    const { draftId, message } = await reviewCard(t, brandId);
    t.telegram.delay("editMessageText", 400);
    const delivered = await t.telegram.deliver(
      `${t.app.url}/telegram/webhook`,
      callbackUpdate(`a:${draftId}`, message),
      TEST_WEBHOOK_SECRET,
    );
    expect(delivered.status).toBe(200);
    const [row] = await t.app.sql<{ status: string }[]>`select status from drafts where id = ${draftId}`;
    expect(row?.status).toBe("approved");
    expect(t.telegram.callsTo("answerCallbackQuery")).toMatchObject([{ viaWebhookReply: true }]);
    expect(t.telegram.messages.get(message.message_id)!.edits).toBe(0);

    await t.app.stop();
    expect(t.telegram.messages.get(message.message_id)!.edits).toBe(1);
    expect(readable(t.telegram.messages.get(message.message_id)!)).toMatch(/Scheduled for/);
  });
});
