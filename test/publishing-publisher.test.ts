import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import { composePostText } from "../src/drafting/caption-limits.ts";
import { nextFreeSlot } from "../src/publishing/posting-slots.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  buttonsOf,
  cardMessages,
  type DraftFields,
  deliverOutbox,
  EVERY_DAY,
  insertBrand,
  insertDraft,
  insertOwner,
  pressButton,
  readable,
  wallClock,
} from "./helpers/draft-fixtures.ts";
import {
  connectAccount,
  connectedBrand,
  DAY_MS,
  duePost,
  type PostRow,
  postRow,
  runPublisher,
  setClock,
  startPublishingTestApp,
  makeDueNow,
  storedImage,
} from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

/**
 * The publisher through the real service: approved drafts in the database, the publish job run as its schedule
 * runs it, a fake Instagram on 127.0.0.1 that downloads each image from the service's own /media route. Each
 * test has its own brand and Instagram account. Time is moved with the service's clock (services.clock, the one
 * the job reads), never by waiting.
 */

/** Posts per 24 hours the fake allows each account: low, so the quota test can use it up. */
const QUOTA = 2;

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let realClock: () => Date;

beforeAll(async () => {
  ig = await FakeInstagram.start({ quotaTotal: QUOTA });
  t = await startPublishingTestApp(ig);
  ownerId = await insertOwner(t.app.sql);
  realClock = t.app.services.clock;
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

afterEach(async () => {
  t.app.services.clock = realClock;
  ig.reportRateUsage(null);
  // A test that moves the clock far ahead must not publish what an earlier test left waiting.
  await t.app.sql`update drafts set status = 'cancelled' where status in ('approved', 'publishing')`;
});

/** A draft awaiting review with its card in the owner's chat. */
async function reviewCard(brandId: number, fields: DraftFields = {}): Promise<number> {
  const image = await storedImage(t);
  const draftId = await insertDraft(t.app.sql, brandId, {
    imageKey: image.key,
    imageUrl: image.url,
    ...fields,
  });
  await enqueueDraftCard(t.app.sql, draftId);
  await deliverOutbox(t);
  return draftId;
}

async function press(draftId: number, label: string) {
  const card = await cardMessages(t, draftId);
  const button = buttonsOf(card.text).find((b) => b.text === label);
  if (!button?.callback_data) {
    throw new Error(
      `no “${label}” on the card; it has ${buttonsOf(card.text)
        .map((b) => b.text)
        .join(", ")}`,
    );
  }
  return pressButton(t, button.callback_data, { message_id: card.text.message_id, chat_id: card.chatId });
}

async function waitForStatus(draftId: number, status: string, timeoutMs = 10_000): Promise<PostRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await postRow(t, draftId);
    if (row.status === status) return row;
    if (Date.now() > deadline) throw new Error(`draft ${draftId} is ${row.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function ownerMessages(startingWith: string): string[] {
  return t.telegram
    .messagesIn(OWNER_ID)
    .map((message) => readable(message))
    .filter((text) => text.startsWith(startingWith) || text.includes(startingWith));
}

describe("publishing at the slot", () => {
  it("publishes an approved post at its slot in the brand's time zone, tells the owner and links it on the card", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId, {
      timeZone: "America/New_York",
      postingSlots: [{ time: "07:30", days: EVERY_DAY }],
    });
    const caption = "Protected bike lanes cut injuries by half in Montreal.";
    const draftId = await reviewCard(brandId, { caption, hashtags: ["#cycling", "#montreal"] });
    await press(draftId, "✅ Approve");
    const slot = (await postRow(t, draftId)).scheduled_for!;
    expect(wallClock(slot, "America/New_York")).toBe("07:30");

    setClock(t, new Date(slot.getTime() - 60_000));
    await runPublisher(t);
    expect(ig.published(account)).toEqual([]);
    expect((await postRow(t, draftId)).status).toBe("approved");

    setClock(t, new Date(slot.getTime() + 1000));
    await runPublisher(t);
    const [live, ...more] = ig.published(account);
    expect(more).toEqual([]);
    expect(live!.caption).toBe(composePostText(caption, ["#cycling", "#montreal"]));
    expect(live!.imageUrl.startsWith(`${t.app.url}/media/drafts/test/`)).toBe(true);
    const row = await postRow(t, draftId);
    expect(row).toMatchObject({
      status: "published",
      instagram_media_id: live!.mediaId,
      permalink: live!.permalink,
      next_attempt_at: null,
      last_error: null,
    });
    expect(ig.duplicatePublishAttempts).toBe(0);

    await deliverOutbox(t);
    expect(ownerMessages("Posted ✅")).toContain(`Posted ✅ ${live!.permalink}`);
    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).toContain(`Published on Instagram: ${live!.permalink}`);
    expect(buttonsOf(card.text)).toEqual([{ text: "📷 Open on Instagram", url: live!.permalink }]);
  });

  it("publishes a Berlin slot in the repeated fall-back hour once, even when the clock reaches 02:30 again", async () => {
    const slots = [{ time: "02:30", days: EVERY_DAY }];
    const { brandId, account } = await connectedBrand(t, ig, ownerId, {
      timeZone: "Europe/Berlin",
      postingSlots: slots,
    });
    // 25 October 2026: 02:30 Berlin happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    const slot = nextFreeSlot({
      slots,
      timeZone: "Europe/Berlin",
      after: new Date("2026-10-24T12:00:00Z"),
      taken: [],
    })!;
    expect(slot.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    const draftId = await duePost(t, brandId, { scheduledFor: slot });

    setClock(t, new Date("2026-10-25T00:29:59Z"));
    await runPublisher(t);
    expect(ig.published(account)).toEqual([]);

    setClock(t, new Date("2026-10-25T00:30:00Z"));
    await runPublisher(t);
    expect(ig.published(account)).toHaveLength(1);
    expect((await postRow(t, draftId)).status).toBe("published");

    // The wall clock shows 02:30 again, the clock steps back, the post's slot is moved: nothing goes out twice.
    const publishCalls = ig.calls("publish").length;
    setClock(t, new Date("2026-10-25T01:30:00Z"));
    await runPublisher(t);
    setClock(t, new Date("2026-10-25T00:00:00Z"));
    await runPublisher(t);
    await t.app
      .sql`update drafts set scheduled_for = ${new Date("2026-10-25T01:30:00Z")} where id = ${draftId}`;
    setClock(t, new Date("2026-10-26T01:30:00Z"));
    await runPublisher(t);
    expect(ig.published(account)).toHaveLength(1);
    expect(ig.calls("publish").length).toBe(publishCalls);
    expect(ig.duplicatePublishAttempts).toBe(0);
  });

  it("publishes a slot that falls into the spring-forward gap at the moment the clocks jump", async () => {
    const slots = [{ time: "02:30", days: EVERY_DAY }];
    const { brandId, account } = await connectedBrand(t, ig, ownerId, {
      timeZone: "Europe/Berlin",
      postingSlots: slots,
    });
    // 28 March 2027: Berlin jumps from 02:00 CET to 03:00 CEST at 01:00 UTC; 02:30 does not exist that night.
    const slot = nextFreeSlot({
      slots,
      timeZone: "Europe/Berlin",
      after: new Date("2027-03-27T12:00:00Z"),
      taken: [],
    })!;
    expect(slot.toISOString()).toBe("2027-03-28T01:00:00.000Z");
    await duePost(t, brandId, { scheduledFor: slot });

    setClock(t, new Date("2027-03-28T00:59:59Z"));
    await runPublisher(t);
    expect(ig.published(account)).toEqual([]);
    setClock(t, new Date("2027-03-28T01:00:00Z"));
    await runPublisher(t);
    expect(ig.published(account)).toHaveLength(1);
  });

  it("sends a post out at once when the owner taps 🚀 Post now", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await reviewCard(brandId);
    await press(draftId, "✅ Approve");
    expect((await postRow(t, draftId)).scheduled_for!.getTime()).toBeGreaterThan(Date.now());

    const tap = await press(draftId, "🚀 Post now");
    expect(tap.answer).toBe("🚀 Sending it out now");
    // The tap starts the publish job without waiting for its schedule.
    const row = await waitForStatus(draftId, "published");
    expect(ig.published(account)).toHaveLength(1);
    expect(row.permalink).toBe(ig.published(account)[0]!.permalink);
  });

  it("never takes a draft the owner un-approved before its slot", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await reviewCard(brandId);
    await press(draftId, "✅ Approve");
    const slot = (await postRow(t, draftId)).scheduled_for!;
    await press(draftId, "↩️ Undo");
    expect((await postRow(t, draftId)).status).toBe("pending_review");

    setClock(t, new Date(slot.getTime() + 60_000));
    await runPublisher(t);
    expect(ig.published(account)).toEqual([]);
    expect((await postRow(t, draftId)).status).toBe("pending_review");
  });

  it("leaves posts alone while their brand is paused or has no connected Instagram account", async () => {
    const paused = await connectedBrand(t, ig, ownerId);
    await t.app.sql`update brands set paused = true where id = ${paused.brandId}`;
    const pausedPost = await duePost(t, paused.brandId);
    const unconnectedBrand = await insertBrand(t.app.sql, ownerId);
    const unconnectedPost = await duePost(t, unconnectedBrand);
    const callsBefore = ig.calls().length;

    await runPublisher(t);
    expect(ig.calls().length).toBe(callsBefore);
    expect((await postRow(t, pausedPost)).status).toBe("approved");
    expect((await postRow(t, unconnectedPost)).status).toBe("approved");

    await t.app.sql`update brands set paused = false where id = ${paused.brandId}`;
    await runPublisher(t);
    expect((await postRow(t, pausedPost)).status).toBe("published");
    expect(ig.published(paused.account)).toHaveLength(1);
  });
});

describe("when Instagram says no", () => {
  it("fails an image Instagram rejects, in plain words, with a Retry button on the card", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await reviewCard(brandId);
    await makeDueNow(t, draftId, "png");

    await runPublisher(t);
    const row = await postRow(t, draftId);
    expect(row.status).toBe("failed");
    expect(row.last_error).toBe("Instagram only accepts JPEG images, and this image is in another format.");
    expect(row.publish_attempts).toBe(1);
    expect(ig.published(account)).toEqual([]);

    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).toContain(
      "Publishing failed: Instagram only accepts JPEG images, and this image is in another format.",
    );
    expect(buttonsOf(card.text).map((b) => b.text)).toEqual(["🔁 Retry"]);
  });

  it("fails a caption Instagram refuses without trying again", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId, { caption: "Long read. ".repeat(230) });
    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "failed",
      last_error:
        "Instagram rejected the caption: it allows at most 2,200 characters and 30 hashtags. Please shorten it.",
    });
    setClock(t, new Date(Date.now() + DAY_MS));
    await runPublisher(t);
    expect(ig.calls("create_container").filter((call) => call.path.includes(account.userId))).toHaveLength(1);
  });

  it("retries a temporary Instagram failure after a backoff, and publishes once it clears", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.failNext("create_container", { kind: "server_error" });

    await runPublisher(t);
    let row = await postRow(t, draftId);
    expect(row).toMatchObject({ status: "publishing", publish_attempts: 1, container_id: null });
    expect(row.next_attempt_at!.getTime() - now.getTime()).toBe(30_000);
    expect(row.last_error).toBe("Instagram had a temporary problem. Greenlight will try again shortly.");

    // Not before the backoff is over.
    const creates = ig.calls("create_container").length;
    setClock(t, new Date(now.getTime() + 29_000));
    await runPublisher(t);
    expect(ig.calls("create_container").length).toBe(creates);

    setClock(t, new Date(now.getTime() + 31_000));
    await runPublisher(t);
    row = await postRow(t, draftId);
    expect(row).toMatchObject({ status: "published", publish_attempts: 2, last_error: null });
    expect(ig.published(account)).toHaveLength(1);
  });

  it("waits longer when Instagram rate-limits the app", async () => {
    const { brandId } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.failNext("publishing_limit", { kind: "rate_limit", code: 4 });
    await runPublisher(t);
    const row = await postRow(t, draftId);
    expect(row.status).toBe("publishing");
    expect(row.next_attempt_at!.getTime() - now.getTime()).toBe(5 * 60_000);
  });

  it("gives up after eight temporary failures, and 🔁 Retry starts over and publishes", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await reviewCard(brandId);
    await press(draftId, "✅ Approve");
    const slot = (await postRow(t, draftId)).scheduled_for!;
    ig.failNext("publishing_limit", { kind: "server_error" }, 8);

    for (let attempt = 1; attempt <= 8; attempt++) {
      setClock(t, new Date(slot.getTime() + attempt * 2 * 3_600_000));
      await runPublisher(t);
      expect((await postRow(t, draftId)).publish_attempts).toBe(attempt);
    }
    const failed = await postRow(t, draftId);
    expect(failed.status).toBe("failed");
    expect(failed.last_error).toBe(
      "Instagram had a temporary problem. Greenlight tried 8 times and stopped; tap 🔁 Retry to try again.",
    );
    expect(ig.published(account)).toEqual([]);

    t.app.services.clock = realClock;
    await deliverOutbox(t);
    await press(draftId, "🔁 Retry");
    const retried = await postRow(t, draftId);
    expect(retried).toMatchObject({ status: "approved", publish_attempts: 0, last_error: null });
    setClock(t, new Date(retried.scheduled_for!.getTime() + 1000));
    await runPublisher(t);
    expect((await postRow(t, draftId)).status).toBe("published");
    expect(ig.published(account)).toHaveLength(1);
  });

  it("disconnects a brand whose token Instagram refuses, keeps the post, and publishes it after reconnecting", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    ig.revokeAccess(account, 460);

    await runPublisher(t);
    const row = await postRow(t, draftId);
    expect(row).toMatchObject({ status: "approved", publish_attempts: 0 });
    expect(row.last_error).toMatch(/password was changed/);
    const [stored] = await t.app.sql<{ status: string; token_ciphertext: Buffer | null }[]>`
      select status, token_ciphertext from instagram_accounts where brand_id = ${brandId}`;
    expect(stored).toEqual({ status: "disconnected", token_ciphertext: null });
    await deliverOutbox(t);
    expect(ownerMessages(`Instagram disconnected @${account.username}`)).toHaveLength(1);

    // While disconnected the post is not even looked at.
    const calls = ig.calls().length;
    await runPublisher(t);
    expect(ig.calls().length).toBe(calls);

    await connectAccount(t, ig, brandId, account);
    await runPublisher(t);
    expect((await postRow(t, draftId)).status).toBe("published");
    expect(ig.published(account)).toHaveLength(1);
  });
});

describe("Instagram's daily publishing limit", () => {
  it("moves a post that meets a used-up quota to the next slot, tells the owner once, and publishes it later", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId, { timeZone: "Europe/Berlin" });
    for (let i = 0; i < QUOTA; i++) await duePost(t, brandId);
    await runPublisher(t);
    expect(ig.published(account)).toHaveLength(QUOTA);

    const waiting = [await duePost(t, brandId), await duePost(t, brandId)];
    const creates = ig.calls("create_container").length;
    const now = new Date();
    setClock(t, now);
    await runPublisher(t);
    expect(ig.calls("create_container").length).toBe(creates);
    const rows = await Promise.all(waiting.map((id) => postRow(t, id)));
    for (const row of rows) {
      expect(row.status).toBe("approved");
      expect(row.scheduled_for!.getTime()).toBeGreaterThan(now.getTime());
      expect(["09:00", "18:00"]).toContain(wallClock(row.scheduled_for!, "Europe/Berlin"));
      expect(row.publish_attempts).toBe(0);
    }
    expect(rows[0]!.scheduled_for!.getTime()).not.toBe(rows[1]!.scheduled_for!.getTime());

    // A second tick in the same day finds the quota still used up, and says nothing more.
    // Due again a minute ago (within the grace period, so they are tried rather than rescheduled as overdue).
    await t.app
      .sql`update drafts set scheduled_for = ${new Date(now.getTime() - 60_000)} where id = ${waiting[0]!}`;
    await t.app
      .sql`update drafts set scheduled_for = ${new Date(now.getTime() - 120_000)} where id = ${waiting[1]!}`;
    await runPublisher(t);
    await deliverOutbox(t);
    const notices = ownerMessages("daily limit for posts made by apps is used up");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/It will go out at \w{3} (09|18):00, Europe\/Berlin instead\./);

    // A day later the 24-hour window has room again, and the posts go out at their new slots.
    ig.advanceClock(DAY_MS + 60_000);
    const slots = (await Promise.all(waiting.map((id) => postRow(t, id)))).map((row) =>
      row.scheduled_for!.getTime(),
    );
    // The publisher runs at each slot as it comes.
    for (const slot of slots.sort((a, b) => a - b)) {
      setClock(t, new Date(slot + 1000));
      await runPublisher(t);
    }
    expect(await Promise.all(waiting.map(async (id) => (await postRow(t, id)).status))).toEqual([
      "published",
      "published",
    ]);
    expect(ig.published(account)).toHaveLength(QUOTA + 2);
    expect(ig.duplicatePublishAttempts).toBe(0);
  });

  it("moves posts whose slot passed long ago (the brand was paused) to the next free slots, not all at once", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId, { timeZone: "Europe/Berlin" });
    const longAgo = Date.now() - 3 * DAY_MS;
    const missed = [
      await duePost(t, brandId, { scheduledFor: new Date(longAgo) }),
      await duePost(t, brandId, { scheduledFor: new Date(longAgo + 3_600_000) }),
    ];
    const recent = await duePost(t, brandId, { scheduledFor: new Date(Date.now() - 5 * 60_000) });
    const now = new Date();
    setClock(t, now);
    await runPublisher(t);

    expect((await postRow(t, recent)).status).toBe("published");
    expect(ig.published(account)).toHaveLength(1);
    const moved = await Promise.all(missed.map((id) => postRow(t, id)));
    for (const row of moved) {
      expect(row.status).toBe("approved");
      expect(row.scheduled_for!.getTime()).toBeGreaterThan(now.getTime());
      expect(["09:00", "18:00"]).toContain(wallClock(row.scheduled_for!, "Europe/Berlin"));
    }
    expect(moved[0]!.scheduled_for!.getTime()).toBeLessThan(moved[1]!.scheduled_for!.getTime());
    expect(ig.duplicatePublishAttempts).toBe(0);
  });

  it("also waits when media_publish itself is refused for the daily limit", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    ig.failNext("publish", { kind: "meta_error", code: 9, subcode: 2207042, message: "Quota reached" });
    await runPublisher(t);
    const row = await postRow(t, draftId);
    expect(row.status).toBe("approved");
    expect(row.scheduled_for!.getTime()).toBeGreaterThan(Date.now());
    expect(ig.published(account)).toEqual([]);
  });
});

describe("a post that waited and is sent again", () => {
  it("publishes the caption as edited while the post waited, not the one in its earlier container", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId, { caption: "First version.", hashtags: [] });
    ig.failNext("publish", { kind: "meta_error", code: 9, subcode: 2207042, message: "Quota reached" });
    await runPublisher(t);
    const waiting = await postRow(t, draftId);
    expect(waiting).toMatchObject({ status: "approved" });
    expect(waiting.container_id).not.toBeNull();

    // The owner edits the caption while the post waits for its new slot (saveEditedCaption allows it).
    const edited = "Second version, edited by the owner.";
    await t.app.sql`update drafts set caption = ${edited}, edited = true where id = ${draftId}`;
    setClock(t, new Date(waiting.scheduled_for!.getTime() + 1000));
    await runPublisher(t);
    expect(ig.published(account).map((media) => media.caption)).toEqual([edited]);
    expect((await postRow(t, draftId)).container_id).not.toBe(waiting.container_id);
  });

  it("starts afresh when a post sent again has a container Instagram no longer knows", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    await t.app.sql`update drafts set container_id = '17880000000000999' where id = ${draftId}`;
    await runPublisher(t);
    expect(await postRow(t, draftId)).toMatchObject({ status: "published" });
    expect(ig.published(account)).toHaveLength(1);
  });
});

describe("Meta's rate-usage headers", () => {
  /** A new due post of the brand's, which a publisher run at `at` leaves alone without one call to Instagram. */
  async function leftAlone(brandId: number, at: Date): Promise<number> {
    const post = await duePost(t, brandId);
    const calls = ig.calls().length;
    setClock(t, at);
    await runPublisher(t);
    expect(ig.calls().length).toBe(calls);
    expect((await postRow(t, post)).status).toBe("approved");
    return post;
  }

  it("publishes the post in hand when the account nears its limit, then leaves the account alone for ten minutes", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const first = await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.reportRateUsage({ account, accountPercent: 92 });

    await runPublisher(t);
    expect((await postRow(t, first)).status).toBe("published");
    const [paused] = await t.app.sql<{ calls_paused_until: Date }[]>`
      select calls_paused_until from instagram_accounts where brand_id = ${brandId}`;
    expect(paused!.calls_paused_until.getTime() - now.getTime()).toBe(10 * 60_000);
    expect(t.logs.text()).toContain("Instagram rate usage is high; no calls for this account until then");

    // The next post waits out the pause without a single call to Instagram for it.
    const second = await leftAlone(brandId, new Date(now.getTime() + 9 * 60_000));

    ig.reportRateUsage({ account, accountPercent: 40 });
    setClock(t, new Date(now.getTime() + 10 * 60_000 + 1000));
    await runPublisher(t);
    expect((await postRow(t, second)).status).toBe("published");
    expect(ig.published(account)).toHaveLength(2);
  });

  it("waits as long as Meta says once it refuses the account's calls, rather than its usual backoff", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.reportRateUsage({ account, accountPercent: 100, regainAccessMinutes: 25 });

    await runPublisher(t);
    const row = await postRow(t, draftId);
    expect(row.status).toBe("publishing");
    expect(row.next_attempt_at!.getTime() - now.getTime()).toBe(25 * 60_000);
    expect(row.last_error).toBe("Instagram asked Greenlight to slow down. Greenlight will try again later.");

    // Another post of the account's, due meanwhile, is not tried either: every call would lengthen the block.
    const other = await leftAlone(brandId, new Date(now.getTime() + 24 * 60_000));

    ig.reportRateUsage(null);
    setClock(t, new Date(now.getTime() + 25 * 60_000 + 1000));
    await runPublisher(t);
    expect((await postRow(t, draftId)).status).toBe("published");
    expect((await postRow(t, other)).status).toBe("published");
    expect(ig.published(account)).toHaveLength(2);
  });

  it("holds the whole account through a throttling error that comes without usage headers", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const first = await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.failNext("publishing_limit", { kind: "rate_limit", code: 80002 });
    await runPublisher(t);
    expect((await postRow(t, first)).next_attempt_at!.getTime() - now.getTime()).toBe(5 * 60_000);

    await leftAlone(brandId, new Date(now.getTime() + 4 * 60_000));

    setClock(t, new Date(now.getTime() + 5 * 60_000 + 1000));
    await runPublisher(t);
    expect(ig.published(account)).toHaveLength(2);
  });

  it("pauses every brand connected to the same Instagram account", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const twin = await insertBrand(t.app.sql, ownerId);
    await connectAccount(t, ig, twin, account);
    await duePost(t, brandId);
    const now = new Date();
    setClock(t, now);
    ig.reportRateUsage({ account, accountPercent: 95 });
    await runPublisher(t);

    await leftAlone(twin, new Date(now.getTime() + 5 * 60_000));
  });

  it("leaves other accounts alone: a pause is the account's, not the brand owner's", async () => {
    const throttled = await connectedBrand(t, ig, ownerId);
    const fine = await connectedBrand(t, ig, ownerId);
    await t.app.sql`
      update instagram_accounts set calls_paused_until = now() + interval '30 minutes'
       where brand_id = ${throttled.brandId}`;
    const waiting = await duePost(t, throttled.brandId);
    const going = await duePost(t, fine.brandId);
    setClock(t, new Date());
    await runPublisher(t);
    expect((await postRow(t, waiting)).status).toBe("approved");
    expect((await postRow(t, going)).status).toBe("published");
  });
});
