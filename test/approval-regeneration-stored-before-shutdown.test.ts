import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import type { S3MediaStore } from "../src/storage/s3-media-store.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import { s3StoreOn, startS3Server, type TestS3Server } from "./fakes/s3-server.ts";
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
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { TcpProxy } from "./helpers/tcp-proxy.ts";

let openai: FakeOpenAi;
let s3: TestS3Server;
/** The service's way to the bucket; the test holds requests on it. */
let bucketLink: TcpProxy;
/** The bucket as seen directly. */
let bucket: S3MediaStore;
let t: TestApp;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  s3 = await startS3Server();
  bucketLink = await new TcpProxy({ host: "127.0.0.1", port: Number(new URL(s3.endpoint).port) }).start();
  // The service takes S3 credentials from the AWS SDK's default chain, as in production.
  vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
  t = await startTestApp({
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: `http://127.0.0.1:${bucketLink.port}`,
    S3_REGION: s3.region,
  });
  bucket = s3StoreOn(s3);
});

afterAll(async () => {
  await t?.stop();
  await bucket?.close();
  await bucketLink?.stop();
  await s3?.close();
  await openai?.close();
  vi.unstubAllEnvs();
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
  bucketLink.holdRequestsStartingWith("DELETE ");
  expect(
    await pressWithoutWaiting(t, `i:${draftId}`, { message_id: card.text.message_id, chat_id: card.chatId }),
  ).toBe("🖼 Making a new image…");
  await t.telegram.waitFor(() => bucketLink.heldRequests > 0);
  const [stored] = await t.app.sql<
    { image_key: string }[]
  >`select image_key from drafts where id = ${draftId}`;
  expect(stored!.image_key).not.toBe(oldKey);

  // Shutdown stops waiting for it.
  expect(await t.app.services.inFlight.drain(100)).toBe(1);
  bucketLink.releaseHeld();
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
  expect(await bucket.get(stored!.image_key)).not.toBeNull();
  expect(await bucket.get(oldKey)).toBeNull();
});
