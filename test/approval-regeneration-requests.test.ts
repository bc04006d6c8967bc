import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGENERATION_LEASE_MS, REGENERATIONS_JOB } from "../src/approval/regeneration-worker.ts";
import { queueNewImageRemoval } from "../src/storage/media-deletions.ts";
import { newDraftMediaKey } from "../src/storage/media-store.ts";
import { type FakeAnthropic, startFakeAnthropic } from "./fakes/fake-anthropic.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  eventually,
  insertBrand,
  insertOwner,
  pressButton,
  readable,
  reviewCard,
  sampleJpeg,
  sentToOwnerSince,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate } from "./helpers/telegram-updates.ts";

/**
 * 🖼 New image and 🔁 Rewrite as durable requests: recorded once per tap, finished by whichever run of the
 * service claims them (after a restart too), stored once, never over a decision, and failing in plain words.
 */

let openai: FakeOpenAi;
let anthropic: FakeAnthropic;
let t: TestApp;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  anthropic = await startFakeAnthropic();
  t = await startTestApp({
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    SHUTDOWN_TIMEOUT_MS: "300",
  });
});
afterAll(async () => {
  await t?.stop();
  await openai?.close();
  await anthropic?.close();
});

async function theOwner(): Promise<number> {
  const [owner] = await t.app.sql<
    { id: number }[]
  >`select id from owners where telegram_user_id = ${OWNER_ID}`;
  return owner?.id ?? insertOwner(t.app.sql);
}

/** The files the local media store holds for a draft. */
function storedImagesOf(draftId: number): string[] {
  const folder = join(t.dataDir, "media", "drafts", String(draftId));
  return existsSync(folder) ? readdirSync(folder) : [];
}

async function requestsOf(draftId: number) {
  return t.app.sql<{ kind: string; status: string; fence: number; attempts: number }[]>`
    select kind, status, fence, attempts from regeneration_requests where draft_id = ${draftId} order by id`;
}

async function draftRow(draftId: number) {
  const [row] = await t.app.sql<
    { status: string; image_key: string | null; image_url: string | null; caption: string }[]
  >`select status, image_key, image_url, caption from drafts where id = ${draftId}`;
  return row!;
}

/** A card awaiting review, with an image OpenAI will take `delayMs` to make once New image is pressed. */
async function cardWithSlowImage(delayMs: number) {
  const brandId = await insertBrand(t.app.sql, await theOwner());
  const card = await reviewCard(t, brandId, { imageUrl: "https://cdn.example.com/old.jpg" });
  const photo = (await cardMessages(t, card.draftId)).photo!;
  if (delayMs > 0) openai.delayNext(delayMs);
  return {
    ...card,
    photo,
    brandId,
    imageRequests: openai.requests.length,
    told: sentToOwnerSince(t, 0).length,
  };
}

/** The card, once the outbox has sent what the request queued: the new photo, and no progress line. */
async function expectNewImageOnCard(draftId: number, photoMessageId: number, told: number) {
  await eventually(async () => {
    expect((await requestsOf(draftId)).at(-1)?.status).toBe("done");
  });
  await deliverOutbox(t);
  const card = await cardMessages(t, draftId);
  expect(readable(card.text)).not.toContain("Making a new image");
  expect(buttonsOf(card.text).map((b) => b.text)).toContain("🖼 New image");
  const replaced = t.telegram
    .callsTo("editMessageMedia")
    .filter((c) => Number(c.payload.message_id) === photoMessageId);
  expect(replaced).toHaveLength(1);
  // No note: the owner asked for an image and got it.
  expect(sentToOwnerSince(t, told)).toEqual([]);
  const draft = await draftRow(draftId);
  expect(draft.status).toBe("pending_review");
  // Exactly the one image the draft shows is in storage, and nothing is left queued for removal.
  expect(storedImagesOf(draftId)).toEqual([draft.image_key!.split("/").pop()]);
  expect(await t.app.sql`select key from media_deletions`).toEqual([]);
}

describe("a New image interrupted by a restart", () => {
  it("is finished by the service after the restart: the card ends with the new image and no 'tap again'", async () => {
    const { draftId, message, photo, imageRequests, told } = await cardWithSlowImage(3000);
    expect((await pressButton(t, `i:${draftId}`, message)).answer).toBe("🖼 Making a new image…");
    await eventually(() => expect(openai.requests.length).toBe(imageRequests + 1));
    const during = (await cardMessages(t, draftId)).text;
    expect(readable(during)).toContain("Making a new image");
    expect(buttonsOf(during).map((b) => b.text)).not.toContain("🖼 New image");

    // The restart cannot wait for OpenAI: the request is given back, due at once, and the next run takes it.
    // That run may be the restarted service's own tick, already under way: then it holds a new lease (the give-back fenced off the old one).
    await t.restart();
    const [request] = await requestsOf(draftId);
    if (request!.status === "queued") expect(request).toMatchObject({ attempts: 0, fence: 2 });
    else expect(request).toMatchObject({ status: "running", attempts: 1, fence: 3 });
    await t.app.scheduler.runNow(REGENERATIONS_JOB);

    await expectNewImageOnCard(draftId, photo.message_id, told);
    expect(openai.requests.length).toBe(imageRequests + 2);
  });
});

describe("a request whose worker's lease ran out", () => {
  it("is taken over, and the stalled worker's late image is neither stored nor put on the card", async () => {
    const { draftId, message, photo, imageRequests, told } = await cardWithSlowImage(2500);
    await pressButton(t, `i:${draftId}`, message);
    await eventually(() => expect(openai.requests.length).toBe(imageRequests + 1));

    // A minute passes without the first worker renewing its lease (it stalls on OpenAI), so another claims it.
    const logsBefore = t.logs.lines.length;
    t.app.services.clock = () => new Date(Date.now() + REGENERATION_LEASE_MS + 1000);
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await eventually(() =>
      expect(t.logs.lines.slice(logsBefore).some((line) => line.includes("regeneration taken over"))).toBe(
        true,
      ),
    );
    t.app.services.clock = () => new Date();

    await expectNewImageOnCard(draftId, photo.message_id, told);
    expect(openai.requests.length).toBe(imageRequests + 2);
    expect(await requestsOf(draftId)).toMatchObject([{ status: "done", fence: 2, attempts: 2 }]);
  });
});

describe("a crash between storing the image and putting it on the draft", () => {
  it("is recovered with the stored image: no second image is generated or paid for", async () => {
    const { draftId, photo, imageRequests, told } = await cardWithSlowImage(0);
    // As a worker leaves it that died right after putting the image in the store: the key recorded on its
    // running request (and queued for removal in case it is never used), the object stored, the lease run out.
    const key = newDraftMediaKey(draftId);
    await queueNewImageRemoval(t.app.sql, key);
    await t.app.services.media.put(key, await sampleJpeg(), "image/jpeg");
    await t.app.sql`
      insert into regeneration_requests (draft_id, kind, requested_by, status, due_at, fence, attempts, result_key, result_source)
      values (${draftId}, 'image', ${OWNER_ID}, 'running', now() - interval '1 second', 1, 1, ${key}, 'generated')`;

    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await expectNewImageOnCard(draftId, photo.message_id, told);
    expect((await draftRow(draftId)).image_key).toBe(key);
    expect(openai.requests.length).toBe(imageRequests);
  });
});

describe("an attempt that keeps failing", () => {
  it("is tried three times, then the owner is told in plain words and the card is put back", async () => {
    const { draftId, message, told } = await cardWithSlowImage(0);
    const overloaded = { error: { status: 529, type: "overloaded_error", message: "Overloaded" } };
    // Each attempt asks Claude three times over an overload (provider-rate-limits.ts) before it counts as failed.
    anthropic.enqueue(...Array.from({ length: 9 }, () => overloaded));
    expect((await pressButton(t, `v:${draftId}:j`, message)).answer).toBe("🔁 Rewriting the caption…");
    for (const attempt of [1, 2]) {
      await eventually(async () =>
        expect(await requestsOf(draftId)).toMatchObject([{ status: "queued", attempts: attempt }]),
      );
      // Still working on it: the card keeps its progress line while the next attempt waits.
      expect(readable((await cardMessages(t, draftId)).text)).toContain("Rewriting the caption");
      // The backoff passes.
      t.app.services.clock = () => new Date(Date.now() + attempt * 10 * 60_000);
      await t.app.scheduler.runNow(REGENERATIONS_JOB);
    }
    await eventually(async () =>
      expect(await requestsOf(draftId)).toMatchObject([{ status: "failed", attempts: 3 }]),
    );
    t.app.services.clock = () => new Date();
    await deliverOutbox(t);
    expect(sentToOwnerSince(t, told)).toEqual([
      "Nothing changed: the caption could not be rewritten after 3 tries. Tap 🔁 Rewrite to try again later.",
    ]);
    const card = (await cardMessages(t, draftId)).text;
    expect(readable(card)).not.toContain("Rewriting the caption");
    expect(buttonsOf(card).map((b) => b.text)).toContain("🔁 Rewrite");
  });
});

describe("taps", () => {
  it("a double tap, the other button and a redelivered update make one request and one image", async () => {
    const { draftId, message, photo, imageRequests, told } = await cardWithSlowImage(1500);
    const first = await pressButton(t, `i:${draftId}`, message);
    expect(first.answer).toBe("🖼 Making a new image…");
    expect((await pressButton(t, `i:${draftId}`, message)).answer).toBe("Already making a new image…");
    expect((await pressButton(t, `v:${draftId}:j`, message)).answer).toBe("Already making a new image…");
    // Telegram sends the first update again (say its answer was lost).
    await postUpdate(t, first.update);
    expect(await requestsOf(draftId)).toHaveLength(1);

    await expectNewImageOnCard(draftId, photo.message_id, told);
    expect(openai.requests.length).toBe(imageRequests + 1);
  });

  it("a decision taken while the image is being made is never overwritten, and the unused image is removed", async () => {
    const { draftId, message, imageRequests } = await cardWithSlowImage(1500);
    await pressButton(t, `i:${draftId}`, message);
    await eventually(() => expect(openai.requests.length).toBe(imageRequests + 1));
    expect((await pressButton(t, `a:${draftId}`, message)).answer).toMatch(/^✅ Scheduled for /);

    await eventually(async () => expect((await requestsOf(draftId))[0]?.status).toBe("done"));
    await deliverOutbox(t);
    expect(await draftRow(draftId)).toMatchObject({
      status: "approved",
      image_key: null,
      image_url: "https://cdn.example.com/old.jpg",
    });
    expect(readable((await cardMessages(t, draftId)).text)).toContain("✅ Scheduled for ");
    await eventually(() => expect(storedImagesOf(draftId)).toEqual([]));
    expect(await t.app.sql`select key from media_deletions`).toEqual([]);
  });

  it("a Rewrite with the month's AI budget used up tells the owner plainly and puts the card back", async () => {
    const { draftId, message, brandId, told } = await cardWithSlowImage(0);
    await t.app.sql`update brands set monthly_budget_usd = 0 where id = ${brandId}`;
    const before = (await draftRow(draftId)).caption;
    const claudeCalls = anthropic.requests.length;
    expect((await pressButton(t, `v:${draftId}:j`, message)).answer).toBe("🔁 Rewriting the caption…");

    await eventually(async () => expect((await requestsOf(draftId))[0]?.status).toBe("failed"));
    await deliverOutbox(t);
    expect(sentToOwnerSince(t, told)).toEqual([
      "Nothing changed: This month's AI budget is used up ($0.00 of $0.00). Raise it with /budget.",
    ]);
    const card = (await cardMessages(t, draftId)).text;
    expect(readable(card)).not.toContain("Rewriting");
    expect(buttonsOf(card).map((b) => b.text)).toContain("🔁 Rewrite");
    expect((await draftRow(draftId)).caption).toBe(before);
    expect(anthropic.requests.length).toBe(claudeCalls);
  });
});
