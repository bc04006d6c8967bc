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
  storeDraftImage,
} from "./helpers/draft-fixtures.ts";
import { type S3TestApp, startS3TestApp } from "./helpers/s3-test-app.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

let openai: FakeOpenAi;
let app: S3TestApp;
let t: TestApp;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  app = await startS3TestApp({ OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseUrl });
  t = app.t;
});

afterAll(async () => {
  await app?.stop();
  await openai?.close();
});

it("a new image stored just before shutdown gave up on the work is shown on the card, with no note to tap again", async () => {
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

  // Shutdown stops waiting for it.
  expect(await t.app.services.inFlight.drain(100)).toBe(1);
  app.bucketLink.releaseHeld();
  await t.app.services.inFlight.settled();
  await deliverOutbox(t);

  // The owner is not told to tap again for an image they already have: the card shows it, buttons and all.
  expect(
    t.telegram
      .messagesIn(OWNER_ID)
      .slice(told)
      .map((m) => m.text ?? m.caption),
  ).toEqual([]);
  const now = await cardMessages(t, draftId);
  expect(readable(now.text)).not.toContain("Making a new image");
  expect(buttonsOf(now.text).map((b) => b.text)).toContain("🖼 New image");
  const replaced = t.telegram
    .callsTo("editMessageMedia")
    .filter((c) => Number(c.payload.message_id) === card.photo!.message_id);
  expect(replaced.length).toBeGreaterThan(0);
  expect(await app.bucket.get(stored!.image_key)).not.toBeNull();
  expect(await app.bucket.get(oldKey)).toBeNull();
});
