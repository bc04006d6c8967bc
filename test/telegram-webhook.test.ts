import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER_ID, startTestApp, TEST_WEBHOOK_SECRET, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe("Telegram webhook", () => {
  it("registers itself with Telegram with the secret and the update types it handles", async () => {
    const webhook = await t.telegram.waitFor(() => t.telegram.webhook);
    expect(webhook).toEqual({
      url: "http://127.0.0.1:1/telegram/webhook",
      secret_token: TEST_WEBHOOK_SECRET,
      allowed_updates: ["message", "callback_query", "my_chat_member"],
    });
  });

  it("refuses calls without the secret header, or with a wrong one, and acts on none of them", async () => {
    // What the refused updates could have caused: messages to the chat (the bot's profile is set in the
    // background at start-up, and may still be going).
    const toChat = () => t.telegram.calls.filter((call) => call.payload.chat_id !== undefined).length;
    const before = toChat();
    const update = textUpdate("/help");
    const missing = await fetch(`${t.app.url}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update),
    });
    expect(missing.status).toBe(401);
    const wrong = await postUpdate(t, update, "not-the-secret");
    expect(wrong.status).toBe(401);
    expect(toChat()).toBe(before);
  });

  it("answers a body that is not JSON with a 400 that says so", async () => {
    const response = await fetch(`${t.app.url}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: "The body must be a Telegram Update in JSON.",
    });
  });

  it("answers an owner's /help through the Bot API", async () => {
    const response = await postUpdate(t, textUpdate("/help"));
    expect(response.status).toBe(200);
    const reply = t.telegram.lastMessageIn(OWNER_ID);
    expect(reply?.text).toContain("/start");
  });

  it("gives a stranger one polite line with their Telegram id for the operator, and stores nothing about them", async () => {
    const stranger = { id: 9_990_001, first_name: "Eve" };
    const response = await postUpdate(t, textUpdate("/start", stranger));
    expect(response.status).toBe(200);
    expect(t.telegram.messagesIn(stranger.id).map((m) => m.text)).toEqual([
      "Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: 9990001",
    ]);
    const [row] = await t.app.sql<{ n: number }[]>`
      select (select count(*) from owners where telegram_user_id = ${stranger.id})
           + (select count(*) from bot_conversations where key like ${`%${stranger.id}%`}) as n`;
    expect(row!.n).toBe(0);
  });

  it("registers an allowed user on /start", async () => {
    await postUpdate(t, textUpdate("/start", { id: OWNER_ID, first_name: "Ada" }));
    const owners = await t.app.sql`select telegram_user_id, telegram_chat_id from owners`;
    expect(owners).toEqual([{ telegram_user_id: OWNER_ID, telegram_chat_id: OWNER_ID }]);
  });

  it("replies to free text with a hint instead of silence", async () => {
    // /start opened the brand setup dialog, where free text would be an answer; leave it first.
    await postUpdate(t, textUpdate("/cancel"));
    await postUpdate(t, textUpdate("hello?"));
    expect(t.telegram.lastMessageIn(OWNER_ID)?.text).toMatch(/\/help/);
  });

  it("still answers 200 and apologises when a handler fails, so Telegram does not redeliver forever", async () => {
    t.telegram.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const response = await postUpdate(t, textUpdate("/help"));
    expect(response.status).toBe(200);
    expect(t.logs.text()).toContain("bot handler failed");
    expect(t.telegram.lastMessageIn(OWNER_ID)?.text).toMatch(/Something went wrong on our side/);
  });

  it("never writes the bot token or the webhook secret to the logs", () => {
    expect(t.logs.lines.length).toBeGreaterThan(5);
    expect(t.logs.text()).not.toContain(t.telegram.token);
    expect(t.logs.text()).not.toContain(TEST_WEBHOOK_SECRET);
  });
});
