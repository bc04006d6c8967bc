import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeliveryResult, deliverOutbox, sendTextMessage } from "../src/notifications/deliver-outbox.ts";
import {
  claimDueMessages,
  enqueueText,
  pruneDeliveredMessages,
} from "../src/notifications/telegram-outbox.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const deliver = () => t.app.scheduler.runNow("telegram-outbox");
const statusOf = async (id: number) =>
  (
    await t.app.sql<{ status: string; attempts: number; last_error: string | null }[]>`
    select status, attempts, last_error from telegram_outbox where id = ${id}`
  )[0]!;
const lastId = async () =>
  (await t.app.sql<{ id: number }[]>`select max(id) as id from telegram_outbox`)[0]!.id;

describe("Telegram outbox", () => {
  it("sends a queued message once and marks it sent", async () => {
    await enqueueText(t.app.sql, OWNER_ID, { text: "Your feed is back" });
    await deliver();
    await deliver();
    expect(t.telegram.messagesIn(OWNER_ID).filter((m) => m.text === "Your feed is back")).toHaveLength(1);
    expect((await statusOf(await lastId())).status).toBe("sent");
  });

  it("enqueues a message with the same dedupe key only once", async () => {
    expect(await enqueueText(t.app.sql, OWNER_ID, { text: "Feed 7 is failing" }, "feed-failed:7")).toBe(true);
    expect(await enqueueText(t.app.sql, OWNER_ID, { text: "Feed 7 is failing" }, "feed-failed:7")).toBe(
      false,
    );
    await deliver();
    expect(t.telegram.messagesIn(OWNER_ID).filter((m) => m.text === "Feed 7 is failing")).toHaveLength(1);
  });

  it("keeps a message Telegram rate-limits and sends it after retry_after, in order", async () => {
    // The bot retries a 429 twice by itself; a third 429 reaches the outbox, which waits retry_after.
    t.telegram.tooManyRequests("sendMessage", 1, 3);
    await enqueueText(t.app.sql, OWNER_ID, { text: "first" });
    await enqueueText(t.app.sql, OWNER_ID, { text: "second" });
    await deliver();
    const texts = () => t.telegram.messagesIn(OWNER_ID).map((m) => m.text);
    expect(texts()).not.toContain("first");
    const firstId = (await lastId()) - 1;
    expect(await statusOf(firstId)).toMatchObject({
      status: "pending",
      last_error: "Too Many Requests: retry after 1",
    });

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await deliver();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await deliver();
    const sent = texts();
    expect(sent.indexOf("first")).toBeGreaterThan(-1);
    expect(sent.indexOf("second")).toBeGreaterThan(sent.indexOf("first"));
  }, 20_000);

  it("holds a chat's later message while an earlier one waits out a long retry_after, counting no attempt", async () => {
    // retry_after 30 is past the bot's own retry limit, so the outbox waits it out.
    t.telegram.tooManyRequests("sendMessage", 30, 1);
    await enqueueText(t.app.sql, OWNER_ID, { text: "earlier news" });
    await enqueueText(t.app.sql, OWNER_ID, { text: "later news" });
    const laterId = await lastId();
    const texts = () => t.telegram.messagesIn(OWNER_ID).map((m) => m.text);

    await deliver();
    // Long enough for a message put off by a second to be due again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await deliver();
    expect(texts()).not.toContain("earlier news");
    expect(texts()).not.toContain("later news");
    expect(await statusOf(laterId)).toMatchObject({ status: "pending", attempts: 0 });

    // The 30 seconds pass.
    await t.app.sql`update telegram_outbox set next_attempt_at = now() where id = ${laterId - 1}`;
    await deliver();
    const sent = texts();
    expect(sent.indexOf("earlier news")).toBeGreaterThan(-1);
    expect(sent.indexOf("later news")).toBeGreaterThan(sent.indexOf("earlier news"));
    expect(await statusOf(laterId)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("stops holding a chat's later messages behind one that keeps failing", async () => {
    await enqueueText(t.app.sql, OWNER_ID, { text: "stuck notice" });
    const stuckId = await lastId();
    await enqueueText(t.app.sql, OWNER_ID, { text: "fresh notice" });
    // The earlier message has failed six times and waits for its seventh try.
    await t.app.sql`
      update telegram_outbox set attempts = 6, next_attempt_at = now() + interval '10 minutes' where id = ${stuckId}`;
    await deliver();
    const texts = t.telegram.messagesIn(OWNER_ID).map((m) => m.text);
    expect(texts).toContain("fresh notice");
    expect(texts).not.toContain("stuck notice");
    expect((await statusOf(stuckId)).status).toBe("pending");

    // Its seventh try comes, and it goes out after all.
    await t.app.sql`update telegram_outbox set next_attempt_at = now() where id = ${stuckId}`;
    await deliver();
    expect((await statusOf(stuckId)).status).toBe("sent");
  });

  it("hands a dead sender's messages to another within half a minute, while a slow live sender keeps its own", async () => {
    // An instance claimed a message and was killed before sending it.
    await enqueueText(t.app.sql, OWNER_ID, { text: "orphaned by a kill" });
    const orphanId = await lastId();
    expect((await claimDueMessages(t.app.sql, 10)).map((row) => row.id)).toEqual([orphanId]);
    await deliver();
    expect(t.telegram.messagesIn(OWNER_ID).map((m) => m.text)).not.toContain("orphaned by a kill");

    // This instance sends a message to another chat, and Telegram is slow to answer it. Half a minute into that
    // send, a second instance delivers what it can claim.
    const otherChat = OWNER_ID + 1;
    await enqueueText(t.app.sql, otherChat, { text: "sent slowly" });
    const secondInstance = {
      sql: t.app.sql,
      api: new Api(t.telegram.token, { apiRoot: t.telegram.apiRoot }),
      senders: { text: sendTextMessage },
      logger: t.logs.logger,
    };
    let secondRun: DeliveryResult | undefined;
    t.telegram.beforeAnswering(
      "sendMessage",
      (payload) => payload.text === "sent slowly",
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 31_000));
        secondRun = await deliverOutbox(secondInstance);
      },
    );
    await deliver();

    expect(secondRun).toMatchObject({ claimed: 1, sent: 1 });
    expect(t.telegram.messagesIn(OWNER_ID).filter((m) => m.text === "orphaned by a kill")).toHaveLength(1);
    expect(t.telegram.messagesIn(otherChat).filter((m) => m.text === "sent slowly")).toHaveLength(1);
    expect((await statusOf(orphanId)).status).toBe("sent");
  }, 60_000);

  it("gives up on a message Telegram will never accept, keeping the reason and logging it", async () => {
    t.telegram.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await enqueueText(t.app.sql, OWNER_ID, { text: "unreachable" });
    await deliver();
    expect(await statusOf(await lastId())).toMatchObject({
      status: "dead",
      last_error: "403 Forbidden: bot was blocked by the user",
    });
    expect(t.logs.text()).toContain("telegram message given up");
  });

  it("loses nothing when Telegram is down: the message waits and goes out later", async () => {
    t.telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    await enqueueText(t.app.sql, OWNER_ID, { text: "after the outage" });
    await deliver();
    const id = await lastId();
    expect((await statusOf(id)).status).toBe("pending");
    await t.app.sql`update telegram_outbox set next_attempt_at = now() where id = ${id}`;
    await deliver();
    expect((await statusOf(id)).status).toBe("sent");
    expect(t.telegram.messagesIn(OWNER_ID).filter((m) => m.text === "after the outage")).toHaveLength(1);
  }, 30_000);

  it("forgets sent messages after a week but keeps the ones Telegram never accepted", async () => {
    await t.app.sql`update telegram_outbox set sent_at = now() - interval '8 days' where status = 'sent'`;
    const before = await t.app.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from telegram_outbox group by status order by status`;
    expect(before.find((r) => r.status === "sent")!.n).toBeGreaterThan(0);
    expect(await pruneDeliveredMessages(t.app.sql)).toBe(before.find((r) => r.status === "sent")!.n);
    const after = await t.app.sql<
      { status: string }[]
    >`select distinct status from telegram_outbox order by status`;
    expect(after.map((r) => r.status)).toEqual(["dead"]);
  });
});
