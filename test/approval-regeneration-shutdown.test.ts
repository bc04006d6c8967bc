import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertBrand,
  insertOwner,
  pressWithoutWaiting,
  readable,
  reviewCard,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let openai: FakeOpenAi;
let t: TestApp;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  t = await startTestApp({
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    SHUTDOWN_TIMEOUT_MS: "300",
  });
});
afterAll(async () => {
  await t.stop();
  await openai.close();
});

/** The owner the chat belongs to, registered by whichever test runs first. */
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

/**
 * A card whose 🖼 New image has been pressed and whose image OpenAI is still making: it answers after `ms`.
 * Resolves once the image has been asked for.
 */
async function newImageTakingLongerThanShutdown(ms: number, imageUrl: string) {
  const brandId = await insertBrand(t.app.sql, await theOwner());
  const { draftId, message } = await reviewCard(t, brandId, { imageUrl });
  const imageRequests = openai.requests.length;
  openai.delayNext(ms);
  expect(await pressWithoutWaiting(t, `i:${draftId}`, message)).toBe("🖼 Making a new image…");
  await t.telegram.waitFor(() => openai.requests.length > imageRequests);
  return draftId;
}

it("a new image cut short by a restart puts the card back with its buttons and asks the owner to tap again", async () => {
  // Longer than the service may wait at shutdown.
  const draftId = await newImageTakingLongerThanShutdown(3000, "https://cdn.example.com/old.jpg");
  expect(readable((await cardMessages(t, draftId)).text)).toContain("Making a new image");

  await t.restart();
  await deliverOutbox(t);

  const card = (await cardMessages(t, draftId)).text;
  expect(readable(card)).not.toContain("Making a new image");
  expect(buttonsOf(card).map((b) => b.text)).toContain("🖼 New image");
  expect(t.telegram.messagesIn(OWNER_ID).map((m) => m.text)).toContain(
    "The new image was cut short by a restart of the service. Tap 🖼 New image to try again.",
  );
  const [draft] = await t.app.sql<{ status: string }[]>`select status from drafts where id = ${draftId}`;
  expect(draft!.status).toBe("pending_review");
});

it("an image that arrives after shutdown gave up on it is dropped: the owner, told to tap again, gets nothing more", async () => {
  const draftId = await newImageTakingLongerThanShutdown(1500, "https://cdn.example.com/kept.jpg");

  // Shutdown's deadline passes while the image is being made, and the process is slow to exit: the database
  // and Telegram are still reachable when the image arrives.
  expect(await t.app.services.inFlight.drain(100)).toBe(1);
  await deliverOutbox(t);
  const told = t.telegram.messagesIn(OWNER_ID).length;
  expect(t.telegram.messagesIn(OWNER_ID).at(-1)?.text).toBe(
    "The new image was cut short by a restart of the service. Tap 🖼 New image to try again.",
  );

  await t.app.services.inFlight.settled();
  await deliverOutbox(t);
  expect(t.telegram.messagesIn(OWNER_ID).slice(told)).toEqual([]);
  const [draft] = await t.app.sql<{ image_url: string; image_key: string | null }[]>`
    select image_url, image_key from drafts where id = ${draftId}`;
  expect(draft).toEqual({ image_url: "https://cdn.example.com/kept.jpg", image_key: null });
  // The image that came too late is not kept in storage either, nor left queued.
  expect(storedImagesOf(draftId)).toEqual([]);
  expect(await t.app.sql`select key from media_deletions`).toEqual([]);
  expect(readable((await cardMessages(t, draftId)).text)).not.toContain("Making a new image");
});
