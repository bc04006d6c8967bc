import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertBrand,
  insertDraft,
  insertOwner,
  pressWithoutWaiting,
  readable,
  sentToOwnerSince,
  storeDraftImage,
} from "./helpers/draft-fixtures.ts";
import { type S3TestApp, startS3TestApp } from "./helpers/s3-test-app.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

let openai: FakeOpenAi;
let app: S3TestApp;
let t: TestApp;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  app = await startS3TestApp({
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    SHUTDOWN_TIMEOUT_MS: "300",
  });
  t = app.t;
});

afterAll(async () => {
  await app?.stop();
  await openai?.close();
});

it("a new image stored just before a restart is shown on the card after it, with no note to tap again", async () => {
  const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql));
  const draftId = await insertDraft(t.app.sql, brandId);
  const oldKey = await storeDraftImage(t, draftId);
  await enqueueDraftCard(t.app.sql, draftId);
  await deliverOutbox(t);
  const card = await cardMessages(t, draftId);
  const told = t.telegram.messagesIn(OWNER_ID).length;

  // The work gets as far as storing the new image on the draft, then hangs removing the old one from the bucket.
  app.bucketLink.holdRequestsStartingWith("DELETE ");
  expect(
    await pressWithoutWaiting(t, `i:${draftId}`, { message_id: card.text.message_id, chat_id: card.chatId }),
  ).toBe("🖼 Making a new image…");
  await t.telegram.waitFor(() => app.bucketLink.heldRequests > 0);
  const [stored] = await t.app.sql<
    { image_key: string }[]
  >`select image_key from drafts where id = ${draftId}`;
  expect(stored!.image_key).not.toBe(oldKey);

  // The service restarts without waiting for the removal; the old image goes once the bucket answers.
  await t.restart();
  app.bucketLink.releaseHeld();
  await deliverOutbox(t);

  // The owner is not told to tap again for an image they already have: the card shows it, buttons and all.
  expect(sentToOwnerSince(t, told)).toEqual([]);
  const now = await cardMessages(t, draftId);
  expect(readable(now.text)).not.toContain("Making a new image");
  expect(buttonsOf(now.text).map((b) => b.text)).toContain("🖼 New image");
  const replaced = t.telegram
    .callsTo("editMessageMedia")
    .filter((c) => Number(c.payload.message_id) === card.photo!.message_id);
  expect(replaced.length).toBeGreaterThan(0);
  expect(await t.app.sql`select status from regeneration_requests where draft_id = ${draftId}`).toEqual([
    { status: "done" },
  ]);
  expect(await app.bucket.get(stored!.image_key)).not.toBeNull();
  for (const deadline = Date.now() + 10_000; (await app.bucket.get(oldKey)) !== null;) {
    if (Date.now() > deadline) throw new Error("the replaced image is still in the bucket");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
