import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueText } from "../src/notifications/telegram-outbox.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TELEGRAM_OUTBOX_PACING: "true" });
  t.telegram.enforceFloodLimits();
});
afterAll(() => t.stop());

const deliver = () => t.app.scheduler.runNow("telegram-outbox");
const sendTimes = (chatId: number) =>
  t.telegram
    .callsTo("sendMessage")
    .filter((call) => Number(call.payload.chat_id) === chatId)
    .map((call) => call.at);

it("sends a burst to one chat three at once, then one a second, in order", async () => {
  for (let n = 1; n <= 6; n++) await enqueueText(t.app.sql, OWNER_ID, { text: `news ${n}` });
  await deliver();

  expect(t.telegram.messagesIn(OWNER_ID).map((m) => m.text)).toEqual(
    [1, 2, 3, 4, 5, 6].map((n) => `news ${n}`),
  );
  const at = sendTimes(OWNER_ID);
  expect(at[2]! - at[0]!).toBeLessThan(500);
  // The fourth waits for the chat's first refill (within a second); each after it a second more. Times are when
  // the fake received each message, so a busy machine shifts them a little either way.
  for (const n of [4, 5]) expect(at[n]! - at[n - 1]!).toBeGreaterThanOrEqual(750);
  expect(at[5]! - at[0]!).toBeGreaterThanOrEqual(1900);
  expect(t.telegram.floodRefusals).toBe(0);
}, 15_000);

it("never sends more than 30 messages within one second across chats", async () => {
  const chats = Array.from({ length: 45 }, (_, i) => 7_100_000 + i);
  for (const chatId of chats) await enqueueText(t.app.sql, chatId, { text: "Your feed is back" });
  await deliver();
  await deliver();

  const at = chats.flatMap(sendTimes).sort((a, b) => a - b);
  expect(at).toHaveLength(45);
  const mostInOneSecond = Math.max(
    ...at.map((start) => at.filter((x) => x >= start && x < start + 1000).length),
  );
  expect(mostInOneSecond).toBeLessThanOrEqual(30);
  expect(mostInOneSecond).toBeGreaterThanOrEqual(25);
  expect(t.telegram.floodRefusals).toBe(0);
}, 15_000);

it("does not keep other chats waiting behind one chat's run of messages", async () => {
  const busy = 7_200_000;
  const others = Array.from({ length: 5 }, (_, i) => 7_200_001 + i);
  for (let n = 1; n <= 6; n++) await enqueueText(t.app.sql, busy, { text: `card ${n}` });
  for (const chatId of others) await enqueueText(t.app.sql, chatId, { text: "Your card is ready" });
  await deliver();

  // The busy chat still gets its six in order, at its own pace (the last about two seconds after the first)…
  expect(t.telegram.messagesIn(busy).map((m) => m.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `card ${n}`));
  const busyAt = sendTimes(busy);
  // …while every other chat's message, queued after all six, went out before the busy chat's last one.
  for (const chatId of others) expect(sendTimes(chatId)[0]!).toBeLessThan(busyAt[5]!);
  expect(t.telegram.floodRefusals).toBe(0);
}, 15_000);
