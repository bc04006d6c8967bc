import sharp from "sharp";
import { expect } from "vitest";
import { englishTexts } from "../../src/i18n/texts.ts";
import type { PostingSlot } from "../../src/publishing/posting-slots.ts";
import { describeStoredReason } from "../../src/publishing/publish-messages.ts";
import { newDraftMediaKey } from "../../src/storage/media-store.ts";
import type { FakeAccount, FakeInstagram } from "../fakes/fake-instagram.ts";
import { freePort, type ServiceProcess, spawnService, waitForHealthy } from "./child-process.ts";
import { type DraftFields, insertBrand, insertDraft } from "./draft-fixtures.ts";
import { instagramEnv } from "./instagram-connection.ts";
import { startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from "./start-test-app.ts";

/**
 * The publisher through the real service: brands connected to the fake Instagram and approved posts whose slot
 * has passed, written straight into the database, and the publish job run and timed as its schedule would.
 */

export const DAY_MS = 86_400_000;

/**
 * The service listening on `port` with that address as its PUBLIC_URL (Instagram downloads images from
 * PUBLIC_URL/media/…, so it must be this service's real address), and Instagram pointed at the fake.
 */
export function publishingEnv(ig: FakeInstagram, port: number): Record<string, string> {
  return { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...instagramEnv(ig) };
}

/** Starts the test app on a free port that is also its PUBLIC_URL, with Instagram pointed at the fake. */
export async function startPublishingTestApp(
  ig: FakeInstagram,
  extraEnv: Record<string, string> = {},
): Promise<TestApp> {
  const port = await freePort();
  return startTestApp({ ...publishingEnv(ig, port), ...extraEnv });
}

/**
 * The real service as `npm start` runs it, publishing every second (no ingest), on the stopped test app's
 * database and media folder and at its address; resolves once it answers its health check.
 */
export async function spawnPublishingService(t: TestApp, ig: FakeInstagram): Promise<ServiceProcess> {
  const service = spawnService({
    ...publishingEnv(ig, t.app.port),
    DATA_DIR: t.dataDir,
    ...(t.database.url ? { DATABASE_URL: t.database.url } : {}),
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: "warn",
    PUBLISH_CRON: "* * * * * *",
    INGEST_CRON: "0 0 1 1 *",
  });
  await waitForHealthy(`http://127.0.0.1:${t.app.port}`, 30_000);
  return service;
}

/** Makes the service's clock (the one the publish job reads) stand at `at`. */
export function setClock(t: TestApp, at: Date): void {
  t.app.services.clock = () => new Date(at);
}

/** Runs the publish job once, as its schedule would. */
export async function runPublisher(t: TestApp): Promise<void> {
  expect(await t.app.scheduler.runNow("publish")).toBe(true);
}

/** Connects (or reconnects) the brand to the fake Instagram account, as the OAuth callback leaves it. */
export async function connectAccount(
  t: TestApp,
  ig: FakeInstagram,
  brandId: number,
  account: FakeAccount,
): Promise<void> {
  const sealed = Buffer.from(t.app.vault.seal(ig.issueLongLivedToken(account)));
  await t.app.sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
    values (${brandId}, ${account.userId}, ${account.username}, ${sealed}, ${new Date(Date.now() + 50 * DAY_MS)})
    on conflict (brand_id) do update
       set token_ciphertext = excluded.token_ciphertext, status = 'connected', disconnect_reason = null`;
}

/**
 * Swaps the brand's Instagram token for one that grants only `scopes`: an account connected before Greenlight
 * asked for a permission, or one whose owner switched it off on Instagram's side since.
 */
export async function replaceToken(
  t: TestApp,
  ig: FakeInstagram,
  brandId: number,
  account: FakeAccount,
  scopes: string[],
): Promise<void> {
  const sealed = Buffer.from(t.app.vault.seal(ig.issueLongLivedToken(account, 0, scopes)));
  await t.app.sql`update instagram_accounts set token_ciphertext = ${sealed} where brand_id = ${brandId}`;
}

/** A new brand of the owner's, connected to a new account in the fake Instagram. */
export async function connectedBrand(
  t: TestApp,
  ig: FakeInstagram,
  ownerId: number,
  fields: { timeZone?: string; postingSlots?: PostingSlot[] } = {},
): Promise<{ brandId: number; account: FakeAccount }> {
  const brandId = await insertBrand(t.app.sql, ownerId, fields);
  const account = ig.addAccount();
  await connectAccount(t, ig, brandId, account);
  return { brandId, account };
}

/** A 1080×1350 image (4:5) in the service's media store, as the drafting pipeline leaves it. */
export async function storedImage(t: TestApp, format: "jpeg" | "png" = "jpeg") {
  const image = sharp({
    create: { width: 1080, height: 1350, channels: 3, background: { r: 30, g: 120, b: 200 } },
  });
  const body = format === "jpeg" ? await image.jpeg().toBuffer() : await image.png().toBuffer();
  const key = newDraftMediaKey("test", { extension: format === "jpeg" ? "jpg" : "png" });
  return t.app.services.media.put(key, body, `image/${format}`);
}

/** Makes a draft awaiting review an approved post due now, with a freshly stored image of that format. */
export async function makeDueNow(t: TestApp, draftId: number, format: "jpeg" | "png"): Promise<void> {
  const image = await storedImage(t, format);
  await t.app.sql`
    update drafts set status = 'approved', scheduled_for = ${new Date(Date.now() - 1000)},
                      image_key = ${image.key}, image_url = ${image.url}
     where id = ${draftId}`;
}

let slotSeed = 0;

/** An approved post whose slot has passed (each one a different minute, one post per slot). */
export async function duePost(
  t: TestApp,
  brandId: number,
  fields: DraftFields & { image?: "jpeg" | "png" } = {},
): Promise<number> {
  const image = await storedImage(t, fields.image);
  return insertDraft(t.app.sql, brandId, {
    status: "approved",
    imageKey: image.key,
    imageUrl: image.url,
    scheduledFor: new Date(Date.now() - 60_000 * ++slotSeed),
    ...fields,
  });
}

/** A post's publishing state as the publisher records it. */
export interface PostRow {
  status: string;
  scheduled_for: Date | null;
  container_id: string | null;
  instagram_media_id: string | null;
  permalink: string | null;
  publish_attempts: number;
  next_attempt_at: Date | null;
  /** Why it failed or waits, as an owner reading English sees it on the card. */
  last_error: string | null;
}

export async function postRow(t: TestApp, draftId: number): Promise<PostRow> {
  const [row] = await t.app.sql<PostRow[]>`
    select status, scheduled_for, container_id, instagram_media_id, permalink, publish_attempts, next_attempt_at,
           last_error
      from drafts where id = ${draftId}`;
  // A row that is gone (its brand was deleted) stays undefined, as the tests ask.
  if (!row?.last_error) return row!;
  return { ...row, last_error: describeStoredReason(row.last_error, englishTexts()) };
}

/** One slide of a carousel fixture, as the drafting pipeline stores it. */
export interface CarouselSlide {
  position: number;
  /** The public URL Instagram downloads it from (the service's /media/ route). */
  imageUrl: string;
  altText: string;
}

/** What a slide of `dueCarousel` is made of: a JPEG Instagram accepts (default), a PNG, or a 9:16 story shape. */
export type SlideImage = "jpeg" | "png" | "story";

/**
 * An approved carousel whose slot has passed: `slides` real images in the service's media store (slide 0 the
 * cover, also the draft's own image), each with alt text of its own, written straight into drafts and draft_slides
 * as the drafting pipeline leaves them. `images` picks a slide's image by position (JPEG 4:5 by default).
 */
export async function dueCarousel(
  t: TestApp,
  brandId: number,
  fields: DraftFields & { slides?: number; images?: Record<number, SlideImage> } = {},
): Promise<{ draftId: number; slides: CarouselSlide[] }> {
  const { slides: count = 6, images = {}, ...draft } = fields;
  const stored = [];
  for (let position = 0; position < count; position++) {
    stored.push(await slideImage(t, position, images[position] ?? "jpeg"));
  }
  const draftId = await insertDraft(t.app.sql, brandId, {
    status: "approved",
    imageKey: stored[0]!.key,
    imageUrl: stored[0]!.url,
    altText: "A cargo bike loaded with crates in front of a canal.",
    scheduledFor: new Date(Date.now() - 60_000 * ++slotSeed),
    ...draft,
  });
  await t.app.sql`update drafts set format = 'carousel' where id = ${draftId}`;
  const slides: CarouselSlide[] = [];
  for (const [position, image] of stored.entries()) {
    const kind = position === 0 ? "cover" : position === count - 1 ? "credit" : "facts";
    const altText = `Slide ${position + 1}: ${kind === "facts" ? `key fact number ${position}` : kind}.`;
    await t.app.sql`
      insert into draft_slides (draft_id, position, kind, body, image_key, image_url, alt_text)
      values (${draftId}, ${position}, ${kind}, ${`Slide text ${position + 1}`}, ${image.key}, ${image.url},
              ${altText})`;
    slides.push({ position, imageUrl: t.app.services.media.publicUrl(image.key), altText });
  }
  return { draftId, slides };
}

/** A slide's image in the media store: each slide its own colour, so no two are alike. */
async function slideImage(t: TestApp, position: number, kind: SlideImage) {
  const background = { r: 20 + position * 20, g: 90, b: 200 - position * 15 };
  const image = sharp({
    create: { width: 1080, height: kind === "story" ? 1920 : 1350, channels: 3, background },
  });
  const body = kind === "png" ? await image.png().toBuffer() : await image.jpeg().toBuffer();
  const key = newDraftMediaKey("test", { extension: kind === "png" ? "png" : "jpg" });
  return t.app.services.media.put(key, body, kind === "png" ? "image/png" : "image/jpeg");
}

/** The child container each slide of a carousel has saved, in slide order (null: none yet). */
export async function slideContainers(t: TestApp, draftId: number): Promise<(string | null)[]> {
  const rows = await t.app.sql<{ container_id: string | null }[]>`
    select container_id from draft_slides where draft_id = ${draftId} order by position`;
  return rows.map((row) => row.container_id);
}
