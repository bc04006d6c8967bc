import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDraftCard, enqueueDraftCardUpdate } from "../src/approval/draft-card-queries.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertAiUsage,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
  sampleJpeg,
  storeDraftImage,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let t: TestApp;
let ownerId: number;
let brandId: number;

beforeAll(async () => {
  t = await startTestApp();
  ownerId = await insertOwner(t.app.sql);
  brandId = await insertBrand(t.app.sql, ownerId);
});
afterAll(() => t.stop());

/** A draft with its image in the media store, as the pipeline leaves it, and its card queued. */
async function draftWithStoredImage(fields: Parameters<typeof insertDraft>[2] = {}) {
  const draftId = await insertDraft(t.app.sql, brandId, fields);
  const jpeg = await sampleJpeg();
  await storeDraftImage(t, draftId, jpeg);
  return { draftId, jpeg };
}

async function outboxStatus(draftId: number, kind = "draft_card") {
  const rows = await t.app.sql<{ status: string; last_error: string | null }[]>`
    select status, last_error from telegram_outbox where kind = ${kind} and payload->>'draftId' = ${String(draftId)}
     order by id`;
  return rows;
}

describe("draft card delivery", () => {
  it("sends the stored image as an upload, then the full caption with the five buttons, and records both messages", async () => {
    const { draftId, jpeg } = await draftWithStoredImage();
    await insertAiUsage(t.app.sql, { brandId, draftId, costUsd: 0.01 });
    await insertAiUsage(t.app.sql, { brandId, draftId, costUsd: 0.0023 });
    await insertAiUsage(t.app.sql, { brandId, draftId, costUsd: 1, status: "reserved" });
    await t.app.sql.begin((tx) => enqueueDraftCard(tx, draftId));
    await deliverOutbox(t);

    const card = await cardMessages(t, draftId);
    expect(card.chatId).toBe(OWNER_ID);
    // The local media URL (http://127.0.0.1…) is unreachable for Telegram, so the bytes are uploaded.
    expect(Buffer.isBuffer(card.photo?.photoSource)).toBe(true);
    expect((card.photo!.photoSource as Buffer).equals(jpeg)).toBe(true);
    expect(readable(card.photo!)).toBe("📰 Cargo bikes overtake cars");
    expect(card.text.message_id).toBeGreaterThan(card.photo!.message_id);
    const text = readable(card.text);
    expect(text).toContain("Cargo bikes now outsell cars in three Dutch cities.\n\n#cycling #cities");
    expect(text).toContain("Source: Cargo bikes overtake cars");
    expect(card.text.text).toContain('href="https://news.example.com/cargo-bikes?a=1&amp;b=2"');
    expect(text).toContain("Why: Urban cycling is the brand's topic.");
    expect(text).toContain("AI cost of this draft: $0.0123");
    expect(buttonsOf(card.text).map((b) => b.text)).toEqual([
      "✅ Approve",
      "✏️ Edit",
      "❌ Reject",
      "🖼 New image",
      "🔁 Rewrite",
      "🦯 Alt text",
    ]);
    expect(await outboxStatus(draftId)).toEqual([{ status: "sent", last_error: null }]);
  });

  it("hands Telegram a public image URL to fetch itself", async () => {
    const imageUrl = "https://cdn.example.com/drafts/cargo.jpg";
    const draftId = await insertDraft(t.app.sql, brandId, { imageUrl });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    expect((await cardMessages(t, draftId)).photo?.photoSource).toBe(imageUrl);
  });

  it("shows a 2,200-character caption in full in the text message", async () => {
    const caption = `${"Cargo bikes carry more than you think. ".repeat(57)}`.slice(0, 2200 - 17).trim();
    const draftId = await insertDraft(t.app.sql, brandId, { caption, hashtags: ["#cycling", "#cities"] });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const text = readable((await cardMessages(t, draftId)).text);
    expect(`${caption}\n\n#cycling #cities`.length).toBeGreaterThan(2190);
    expect(text).toContain(`${caption}\n\n#cycling #cities`);
  });

  it("delivers a caption full of HTML and ampersands intact", async () => {
    const caption = `<script>alert("gotcha")</script> Bikes & <b>cars</b> &amp; 2 < 3 > 1 <a href="x">`;
    const draftId = await insertDraft(t.app.sql, brandId, {
      caption,
      hashtags: [],
      sourceTitle: "Tom & Jerry <live>",
      relevanceReason: "<because>",
    });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).toContain(caption);
    expect(readable(card.text)).toContain("Source: Tom & Jerry <live>");
    expect(readable(card.text)).toContain("Why: <because>");
  });

  it("sends one card per draft however often it is queued", async () => {
    const draftId = await insertDraft(t.app.sql, brandId);
    expect(await enqueueDraftCard(t.app.sql, draftId)).toBe(true);
    expect(await enqueueDraftCard(t.app.sql, draftId)).toBe(false);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    await deliverOutbox(t);
    expect(t.telegram.messagesIn(OWNER_ID).length - before).toBe(1);
  });

  it("after Telegram fails between the photo and the text, the retry sends only the text", async () => {
    const { draftId } = await draftWithStoredImage();
    await enqueueDraftCard(t.app.sql, draftId);
    t.telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const photosBefore = t.telegram.callsTo("sendPhoto").length;
    await deliverOutbox(t);
    expect((await outboxStatus(draftId))[0]?.status).toBe("pending");

    await t.app.sql`update telegram_outbox set next_attempt_at = now() where status = 'pending'`;
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(t.telegram.callsTo("sendPhoto").length - photosBefore).toBe(1);
    expect(card.photo).toBeDefined();
    expect(await outboxStatus(draftId)).toEqual([{ status: "sent", last_error: null }]);
  });

  it("sends nothing for a draft deleted before its card went out", async () => {
    const draftId = await insertDraft(t.app.sql, brandId);
    await enqueueDraftCard(t.app.sql, draftId);
    await t.app.sql`delete from drafts where id = ${draftId}`;
    const before = t.telegram.calls.length;
    await deliverOutbox(t);
    expect(t.telegram.calls.length).toBe(before);
    expect((await outboxStatus(draftId))[0]?.status).toBe("sent");
  });

  it("names the brand on every card once the owner runs a second brand", async () => {
    const otherOwner = await insertOwner(t.app.sql, { telegramUserId: 5550077 });
    await insertBrand(t.app.sql, otherOwner, { name: "Coffee Notes" });
    const second = await insertBrand(t.app.sql, otherOwner, { name: "Tea <Times>" });
    const draftId = await insertDraft(t.app.sql, second, { imageUrl: "https://cdn.example.com/tea.jpg" });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(card.chatId).toBe(5550077);
    expect(readable(card.text).split("\n")[0]).toBe("🏷 Tea <Times>");
    expect(readable(card.photo!)).toContain("🏷 Tea <Times>");
  });
});

describe("draft card updates", () => {
  it("edits the card in place to the Instagram permalink once the post is published", async () => {
    const { draftId } = await draftWithStoredImage();
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const sentBefore = t.telegram.messagesIn(OWNER_ID).length;

    await t.app.sql`
      update drafts set status = 'published', permalink = 'https://www.instagram.com/p/DAbc123/', published_at = now(),
                        scheduled_for = now() - interval '1 minute'
       where id = ${draftId}`;
    await enqueueDraftCardUpdate(t.app.sql, draftId);
    await deliverOutbox(t);

    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).toContain("Published on Instagram: https://www.instagram.com/p/DAbc123/");
    expect(buttonsOf(card.text)).toEqual([
      { text: "📷 Open on Instagram", url: "https://www.instagram.com/p/DAbc123/" },
    ]);
    expect(card.text.edits).toBe(1);
    expect(t.telegram.messagesIn(OWNER_ID).length).toBe(sentBefore);
    expect((await outboxStatus(draftId, "draft_card_update"))[0]?.status).toBe("sent");
  });

  it("shows a failed publish in plain words with a Retry button", async () => {
    const draftId = await insertDraft(t.app.sql, brandId);
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    await t.app.sql`
      update drafts set status = 'failed',
             last_error = 'The image''s shape is outside what Instagram allows: it must be between 4:5 and 1.91:1.'
       where id = ${draftId}`;
    await enqueueDraftCardUpdate(t.app.sql, draftId);
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(readable(card.text).split("\n")[0]).toBe(
      "⚠️ Publishing failed: The image's shape is outside what Instagram allows: it must be between 4:5 and 1.91:1.",
    );
    expect(buttonsOf(card.text).map((b) => b.text)).toEqual(["🔁 Retry"]);
  });

  it("replaces the photo when the image changed", async () => {
    const { draftId } = await draftWithStoredImage();
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    await storeDraftImage(t, draftId, await sampleJpeg({ r: 200, g: 20, b: 20 }));

    await enqueueDraftCardUpdate(t.app.sql, draftId, { newPhoto: true });
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    const media = t.telegram.callsTo("editMessageMedia").at(-1);
    expect(Number(media?.payload.message_id)).toBe(card.photo!.message_id);
    expect(card.photo!.edits).toBe(1);
  });

  it("sends the card again when the owner deleted it from the chat", async () => {
    const draftId = await insertDraft(t.app.sql, brandId, { imageUrl: "https://cdn.example.com/x.jpg" });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    const old = await cardMessages(t, draftId);
    old.text.deleted = true;
    old.photo!.deleted = true;

    await enqueueDraftCardUpdate(t.app.sql, draftId);
    await deliverOutbox(t);
    const fresh = await cardMessages(t, draftId);
    expect(fresh.text.message_id).not.toBe(old.text.message_id);
    expect(fresh.photo?.message_id).not.toBe(old.photo!.message_id);
    expect(readable(fresh.text)).toContain("New draft for review");
  });

  it("ignores an update that changes nothing (Telegram's 'message is not modified')", async () => {
    const draftId = await insertDraft(t.app.sql, brandId);
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    await enqueueDraftCardUpdate(t.app.sql, draftId);
    await deliverOutbox(t);
    expect(await outboxStatus(draftId, "draft_card_update")).toEqual([{ status: "sent", last_error: null }]);
  });
});
