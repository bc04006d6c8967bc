import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, insertBrand, insertOwner, readable, reviewCard } from "./helpers/draft-fixtures.ts";
import { startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { callbackUpdate } from "./helpers/telegram-updates.ts";

// A local install has no public URL: the bot long-polls getUpdates instead of receiving a webhook, and every
// answer to a button press is a request to the Bot API.
let t: TestApp;
let brandId: number;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "", TELEGRAM_WEBHOOK_SECRET: "" });
  brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql));
});
afterAll(() => t.stop());

async function statusOf(draftId: number): Promise<string | undefined> {
  const [row] = await t.app.sql<{ status: string }[]>`select status from drafts where id = ${draftId}`;
  return row?.status;
}

describe("Telegram long polling", () => {
  it("takes a press from getUpdates, answers it through the Bot API and edits the card", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    const press = callbackUpdate(`a:${draftId}`, message);
    t.telegram.pushUpdate(press);

    const toast = await t.telegram.waitFor(() => answerTo(t, press.callback_query.id));
    expect(toast).toMatch(/^✅ Scheduled for \w{3} (09|18):00, Europe\/Berlin$/);
    const answer = t.telegram.callsTo("answerCallbackQuery").at(-1)!;
    expect(answer.viaWebhookReply).toBeUndefined();
    expect(await statusOf(draftId)).toBe("approved");
    await t.telegram.waitFor(() =>
      readable(t.telegram.messages.get(message.message_id)!).includes("Scheduled for"),
    );
  });

  it("still schedules the post and updates the card when Telegram refuses the toast", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    t.telegram.failNext("answerCallbackQuery", {
      error_code: 400,
      description: "Bad Request: query is malformed",
    });
    t.telegram.pushUpdate(callbackUpdate(`a:${draftId}`, message));

    await t.telegram.waitFor(() => t.logs.text().includes("bot handler failed"));
    expect(await statusOf(draftId)).toBe("approved");
    expect(readable(t.telegram.messages.get(message.message_id)!)).toMatch(/Scheduled for/);
  });
});
