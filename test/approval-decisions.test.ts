import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSlotForOwner, type PostingSlot } from "../src/publishing/posting-slots.ts";
import {
  answerTo,
  buttonsOf,
  cardMessages,
  EVERY_DAY,
  eventually,
  insertBrand,
  insertOwner,
  pressButton,
  readable,
  reviewCard,
  wallClock,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { callbackUpdate, postUpdate } from "./helpers/telegram-updates.ts";

const OTHER_OWNER_ID = 5550002;
const STRANGER = { id: 9_990_001, first_name: "Eve" };

let t: TestApp;
let ownerId: number;

beforeAll(async () => {
  t = await startTestApp({ OWNER_TELEGRAM_IDS: `${OWNER_ID},${OTHER_OWNER_ID}` });
  ownerId = await insertOwner(t.app.sql);
});
afterAll(() => t.stop());

/** A brand of its own per test, so slots taken by one test never shift another's. */
async function newBrand(fields: { timeZone?: string; postingSlots?: PostingSlot[] } = {}) {
  return insertBrand(t.app.sql, ownerId, fields);
}

async function draftRow(draftId: number) {
  const [row] = await t.app.sql<
    { status: string; scheduled_for: Date | null; decided_at: Date | null; rejection_reason: string | null }[]
  >`select status, scheduled_for, decided_at, rejection_reason from drafts where id = ${draftId}`;
  return row;
}

/** The card's text without the brand line (the owner runs several brands here, one per test). */
async function cardText(draftId: number): Promise<string> {
  return readable((await cardMessages(t, draftId)).text).replace(/^🏷 .*\n/, "");
}

describe("Approve", () => {
  it("schedules the post into the brand's next slot in its time zone, and the card says when", async () => {
    const brandId = await newBrand({
      timeZone: "America/New_York",
      postingSlots: [{ time: "07:30", days: EVERY_DAY }],
    });
    const { draftId, message } = await reviewCard(t, brandId);
    const callsBefore = t.telegram.calls.length;

    const press = await pressButton(t, `a:${draftId}`, message);
    expect(press.status).toBe(200);

    const row = await draftRow(draftId);
    expect(row?.status).toBe("approved");
    const slot = row!.scheduled_for!;
    expect(press.answer).toBe(
      `✅ Scheduled for ${formatSlotForOwner(slot, "America/New_York", row!.decided_at!)}`,
    );
    expect(wallClock(slot, "America/New_York")).toBe("07:30");
    expect(slot.getTime()).toBeGreaterThan(row!.decided_at!.getTime());
    expect(slot.getTime() - row!.decided_at!.getTime()).toBeLessThanOrEqual(25 * 3600_000);

    const text = await cardText(draftId);
    expect(text.split("\n")[0]).toBe(
      `✅ Scheduled for ${formatSlotForOwner(slot, "America/New_York", row!.decided_at!)}`,
    );
    expect(text).toMatch(/Scheduled for \w{3} 07:30, America\/New_York/);
    expect(buttonsOf((await cardMessages(t, draftId)).text).map((b) => b.text)).toEqual([
      "↩️ Undo",
      "🚀 Post now",
    ]);

    // The answer came back in the webhook's response, so the owner saw it without waiting for the card edit.
    const calls = t.telegram.calls.slice(callsBefore);
    expect(calls.filter((call) => call.method === "answerCallbackQuery")).toMatchObject([
      { viaWebhookReply: true },
    ]);
    expect(calls.map((call) => call.method)).toContain("editMessageText");
  });

  it("gives a second approved draft the following slot", async () => {
    const brandId = await newBrand();
    const first = await reviewCard(t, brandId);
    const second = await reviewCard(t, brandId);
    await pressButton(t, `a:${first.draftId}`, first.message);
    await pressButton(t, `a:${second.draftId}`, second.message);
    const a = (await draftRow(first.draftId))!.scheduled_for!;
    const b = (await draftRow(second.draftId))!.scheduled_for!;
    expect(b.getTime()).toBeGreaterThan(a.getTime());
    expect(b.getTime() - a.getTime()).toBeLessThanOrEqual(15 * 3600_000);
    expect(["09:00", "18:00"]).toContain(wallClock(a, "Europe/Berlin"));
    expect(["09:00", "18:00"]).toContain(wallClock(b, "Europe/Berlin"));
  });

  it("schedules exactly one post when two devices tap Approve at once, and answers both", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    const taps = [callbackUpdate(`a:${draftId}`, message), callbackUpdate(`a:${draftId}`, message)];
    const responses = await Promise.all(taps.map((update) => postUpdate(t, update)));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    for (const tap of taps) expect(answerTo(t, tap.callback_query.id)).toBeTruthy();

    const rows = await t.app.sql`select id from drafts where brand_id = ${brandId} and status = 'approved'`;
    expect(rows.length).toBe(1);
    expect(await cardText(draftId)).toMatch(/^✅ Scheduled for /);
  });

  it("never gives two drafts approved at the same moment the same slot", async () => {
    const brandId = await newBrand();
    const cards = [];
    for (let i = 0; i < 6; i++) cards.push(await reviewCard(t, brandId));
    const responses = await Promise.all(
      cards.map((card) => pressButton(t, `a:${card.draftId}`, card.message)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const rows = await t.app.sql<{ scheduled_for: Date }[]>`
      select scheduled_for from drafts where brand_id = ${brandId} and status = 'approved' order by scheduled_for`;
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((r) => r.scheduled_for.getTime())).size).toBe(6);
  });

  it("acts once on an update Telegram delivers twice, even after the owner changed their mind in between", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    const approve = callbackUpdate(`a:${draftId}`, message);
    await Promise.all([postUpdate(t, approve), postUpdate(t, approve)]);
    const scheduled = (await draftRow(draftId))!.scheduled_for;
    expect(
      (await t.app.sql`select id from drafts where brand_id = ${brandId} and status = 'approved'`).length,
    ).toBe(1);

    await pressButton(t, `u:${draftId}`, message);
    expect((await draftRow(draftId))?.status).toBe("pending_review");
    const redelivered = await postUpdate(t, approve);
    expect(redelivered.status).toBe(200);
    expect((await draftRow(draftId))?.status).toBe("pending_review");
    expect(scheduled).not.toBeNull();
  });

  it("answers a tap on an already approved card with when it is scheduled", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `a:${draftId}`, message);
    const row = await draftRow(draftId);
    const again = await pressButton(t, `a:${draftId}`, message);
    expect(again.answer).toBe(
      `Already approved — scheduled for ${formatSlotForOwner(row!.scheduled_for!, "Europe/Berlin")}.`,
    );
    expect((await draftRow(draftId))?.scheduled_for).toEqual(row!.scheduled_for);
  });

  it("tells the owner to set posting times when the brand has none", async () => {
    const brandId = await newBrand({ postingSlots: [] });
    const { draftId, message } = await reviewCard(t, brandId);
    const press = await pressButton(t, `a:${draftId}`, message);
    expect(press.answer).toMatch(/no posting times yet.*\/schedule/);
    expect((await draftRow(draftId))?.status).toBe("pending_review");
  });
});

describe("Undo and Post now", () => {
  it("Undo puts an approved draft back up for review and frees its slot", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `a:${draftId}`, message);
    const undo = await pressButton(t, `u:${draftId}`, message);
    expect(undo.answer).toBe("↩️ Back to review");
    const row = await draftRow(draftId);
    expect(row).toMatchObject({ status: "pending_review", scheduled_for: null, decided_at: null });
    expect((await cardText(draftId)).split("\n")[0]).toBe("📝 New draft for review");
    expect(buttonsOf((await cardMessages(t, draftId)).text).map((b) => b.text)).toEqual([
      "✅ Approve",
      "✏️ Edit",
      "❌ Reject",
      "🖼 New image",
      "🔁 Rewrite",
      "🦯 Alt text",
    ]);
  });

  it("Undo is refused once the post is being published", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `a:${draftId}`, message);
    await t.app.sql`update drafts set status = 'publishing' where id = ${draftId}`;
    const undo = await pressButton(t, `u:${draftId}`, message);
    expect(undo.answer).toBe("It is being published to Instagram right now.");
    expect((await draftRow(draftId))?.status).toBe("publishing");
  });

  it("Post now makes the post due at once, runs the publisher, and the card says it is going out", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `a:${draftId}`, message);
    const before = Date.now();
    const logsBefore = t.logs.lines.length;
    const now = await pressButton(t, `p:${draftId}`, message);
    expect(now.answer).toBe("🚀 Sending it out now");
    const row = await draftRow(draftId);
    expect(row?.status).toBe("approved");
    expect(row!.scheduled_for!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row!.scheduled_for!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await cardText(draftId)).split("\n")[0]).toBe("🚀 Going out now");
    // The publish job's schedule is a year away in tests: a run of it now can only come from Post now.
    await t.telegram.waitFor(() =>
      t.logs.lines
        .slice(logsBefore)
        .some((line) => line.includes('"job":"publish"') && line.includes("job tick")),
    );
    expect(t.logs.text()).not.toContain("job run failed");
  });
});

describe("Reject", () => {
  it("asks why with quick reasons, stores the chosen one and archives the card", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    const ask = await pressButton(t, `r:${draftId}`, message);
    expect(ask.answer).toBe("Why reject it? Pick a reason.");
    const picker = (await cardMessages(t, draftId)).text;
    expect(buttonsOf(picker).map((b) => b.text)).toEqual([
      "Off-topic",
      "Tone",
      "Image",
      "Already covered",
      "Other…",
      "↩️ Back",
    ]);
    expect((await draftRow(draftId))?.status).toBe("pending_review");

    const reject = await pressButton(t, `q:${draftId}:c`, message);
    expect(reject.answer).toBe("❌ Rejected");
    expect(await draftRow(draftId)).toMatchObject({
      status: "rejected",
      rejection_reason: "already covered",
    });
    const card = (await cardMessages(t, draftId)).text;
    expect((await cardText(draftId)).split("\n")[0]).toBe("❌ Rejected: already covered");
    expect(buttonsOf(card)).toEqual([]);
  });

  it("Back leaves the reasons and keeps the draft", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `r:${draftId}`, message);
    const back = await pressButton(t, `k:${draftId}`, message);
    expect(back.answer).toBe("Kept for review.");
    expect(buttonsOf((await cardMessages(t, draftId)).text)[0]?.text).toBe("✅ Approve");
    expect((await draftRow(draftId))?.status).toBe("pending_review");
  });
});

describe("Retry", () => {
  it("puts a failed post back into the next free slot", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await t.app.sql`
      update drafts set status = 'failed', last_error = 'Instagram had a temporary problem.', publish_attempts = 3
       where id = ${draftId}`;
    const retry = await pressButton(t, `t:${draftId}`, message);
    const [row] = await t.app.sql<
      {
        status: string;
        scheduled_for: Date;
        decided_at: Date;
        last_error: string | null;
        publish_attempts: number;
      }[]
    >`
      select status, scheduled_for, decided_at, last_error, publish_attempts from drafts where id = ${draftId}`;
    expect(row).toMatchObject({ status: "approved", last_error: null, publish_attempts: 0 });
    expect(retry.answer).toBe(
      `🔁 Scheduled again for ${formatSlotForOwner(row!.scheduled_for, "Europe/Berlin", row!.decided_at)}`,
    );
    expect(["09:00", "18:00"]).toContain(wallClock(row!.scheduled_for, "Europe/Berlin"));
    expect(await cardText(draftId)).toMatch(/^✅ Scheduled for /);
  });
});

describe("New image and Rewrite", () => {
  it("New image shows the work in progress, then replaces the photo in place", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId, {
      imageUrl: "https://cdn.example.com/old.jpg",
    });
    const photo = (await cardMessages(t, draftId)).photo!;
    const press = await pressButton(t, `i:${draftId}`, message);
    expect(press.answer).toBe("🖼 Making a new image…");
    expect(t.telegram.callsTo("sendChatAction").at(-1)?.payload).toMatchObject({ action: "upload_photo" });
    const statusEdit = t.telegram
      .callsTo("editMessageText")
      .find(
        (c) =>
          Number(c.payload.message_id) === message.message_id &&
          String(c.payload.text).includes("Making a new image"),
      );
    expect(statusEdit).toBeDefined();

    await eventually(async () => {
      const [row] = await t.app.sql<
        { image_key: string | null }[]
      >`select image_key from drafts where id = ${draftId}`;
      expect(row?.image_key).toMatch(new RegExp(`^drafts/${draftId}/`));
      const replaced = t.telegram
        .callsTo("editMessageMedia")
        .find((c) => Number(c.payload.message_id) === photo.message_id);
      expect(replaced).toBeDefined();
      expect((await cardText(draftId)).split("\n")[0]).toBe("📝 New draft for review");
    });
    expect((await draftRow(draftId))?.status).toBe("pending_review");
    // The new image is kept, not left queued for removal with the one it replaced.
    const [kept] = await t.app.sql<
      { image_key: string }[]
    >`select image_key from drafts where id = ${draftId}`;
    expect(await t.app.sql`select 1 from media_deletions where key = ${kept!.image_key}`).toHaveLength(0);
    expect(await t.app.services.media.get(kept!.image_key)).not.toBeNull();
  });

  it("Rewrite shows the work in progress, then the card carries the new caption", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId, {
      caption: "An old caption that will be rewritten.",
    });
    const press = await pressButton(t, `v:${draftId}:j`, message);
    expect(press.answer).toBe("🔁 Rewriting the caption…");
    expect(t.telegram.callsTo("sendChatAction").at(-1)?.payload).toMatchObject({ action: "typing" });

    await eventually(async () => {
      const [row] = await t.app.sql<{ caption: string }[]>`select caption from drafts where id = ${draftId}`;
      expect(row!.caption).not.toBe("An old caption that will be rewritten.");
      const text = await cardText(draftId);
      expect(text.split("\n")[0]).toBe("📝 New draft for review");
      expect(text).toContain(row!.caption);
    });
  });
});

describe("stale and foreign buttons", () => {
  it("answers what happened instead of acting on a decided draft", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `q:${draftId}:o`, message);
    const buttons = [
      `a:${draftId}`,
      `e:${draftId}`,
      `r:${draftId}`,
      `i:${draftId}`,
      `w:${draftId}`,
      `v:${draftId}:s`,
    ];
    for (const data of buttons) {
      expect((await pressButton(t, data, message)).answer).toBe("Already rejected.");
    }
    expect((await pressButton(t, `u:${draftId}`, message)).answer).toBe("Already rejected.");
    expect(await draftRow(draftId)).toMatchObject({ status: "rejected", rejection_reason: "off-topic" });
  });

  it("says the draft is gone when it or its brand was deleted, and clears the buttons", async () => {
    const brandId = await newBrand();
    const deletedDraft = await reviewCard(t, brandId);
    await t.app.sql`delete from drafts where id = ${deletedDraft.draftId}`;
    const press = await pressButton(t, `a:${deletedDraft.draftId}`, deletedDraft.message);
    expect(press.answer).toBe("This draft no longer exists: it or its brand was deleted.");
    expect(t.telegram.messages.get(deletedDraft.message.message_id)?.reply_markup).toEqual({
      inline_keyboard: [],
    });

    const doomedBrand = await newBrand();
    const orphan = await reviewCard(t, doomedBrand);
    await t.app.sql`delete from brands where id = ${doomedBrand}`;
    expect((await pressButton(t, `p:${orphan.draftId}`, orphan.message)).answer).toBe(
      "This draft no longer exists: it or its brand was deleted.",
    );
  });

  it("refuses a stranger politely and changes nothing", async () => {
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    const press = await pressButton(t, `a:${draftId}`, message, STRANGER);
    expect(press.status).toBe(200);
    expect(press.answer).toBe(
      `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${STRANGER.id}`,
    );
    expect((await draftRow(draftId))?.status).toBe("pending_review");
  });

  it("does not let another owner decide on this owner's draft", async () => {
    await insertOwner(t.app.sql, { telegramUserId: OTHER_OWNER_ID, displayName: "Bob" });
    const brandId = await newBrand();
    const { draftId, message } = await reviewCard(t, brandId);
    const press = await pressButton(t, `a:${draftId}`, message, { id: OTHER_OWNER_ID });
    expect(press.answer).toBe("This draft no longer exists: it or its brand was deleted.");
    expect((await draftRow(draftId))?.status).toBe("pending_review");
  });

  it("answers junk callback data without failing", async () => {
    const brandId = await newBrand();
    const { message } = await reviewCard(t, brandId);
    const press = await pressButton(t, "q:1:z", message);
    expect(press.status).toBe(200);
    expect(press.answer).toBe("This button is no longer active.");
  });

  it("keeps every button's callback_data within Telegram's 64 bytes", () => {
    const data = [...t.telegram.messages.values()]
      .flatMap((m) => buttonsOf(m))
      .map((b) => b.callback_data ?? "x");
    const edited = t.telegram
      .callsTo("editMessageText")
      .flatMap((c) =>
        (
          c.payload.reply_markup as { inline_keyboard: { callback_data?: string }[][] }
        ).inline_keyboard.flat(),
      )
      .map((b) => b.callback_data ?? "x");
    expect(data.length + edited.length).toBeGreaterThan(50);
    for (const value of [...data, ...edited])
      expect(Buffer.byteLength(value, "utf8")).toBeLessThanOrEqual(64);
  });
});
