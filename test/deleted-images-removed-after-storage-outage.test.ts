import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { S3MediaStore } from "../src/storage/s3-media-store.ts";
import { MEDIA_DELETIONS_JOB, storeNewDraftImage } from "../src/storage/media-deletions.ts";
import { newDraftMediaKey } from "../src/storage/media-store.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { type S3TestApp, startS3TestApp } from "./helpers/s3-test-app.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";
import type { TcpProxy } from "./helpers/tcp-proxy.ts";

let app: S3TestApp;
let t: TestApp;
let bucketLink: TcpProxy;
/** The bucket as seen directly, not through the link the test cuts. */
let bucket: S3MediaStore;

beforeAll(async () => {
  app = await startS3TestApp();
  ({ t, bucketLink, bucket } = app);
});

afterAll(() => app?.stop());

describe("images of deleted drafts", () => {
  it("are removed from the bucket once it is reachable again, even after a restart in between", async () => {
    const chat = chatAs(t, { id: OWNER_ID, first_name: "Ada" });
    await chat.send("/start");
    await chat.send("Bakery");
    for (let i = 0; i < 5; i++) await chat.send("/skip");
    const [brand] = await t.app.sql<{ id: number }[]>`select id from brands where name = 'Bakery'`;
    const keys: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [draft] = await t.app.sql<{ id: number }[]>`
        insert into drafts (brand_id, status, caption) values (${brand!.id}, 'pending_review', 'Fresh bread') returning id`;
      const image = await t.app.services.media.put(
        newDraftMediaKey(draft!.id),
        Buffer.from("jpeg"),
        "image/jpeg",
      );
      await t.app.sql`update drafts set image_key = ${image.key} where id = ${draft!.id}`;
      keys.push(image.key);
    }

    // The bucket becomes unreachable just as the owner deletes the brand.
    bucketLink.cut();
    await chat.send("/brands");
    await chat.press("🗑 Delete");
    expect((await chat.press("🗑 Yes, delete Bakery")).toast).toBe("Deleted");
    expect(await t.app.sql`select 1 from brands where id = ${brand!.id}`).toHaveLength(0);
    for (const key of keys) expect(await bucket.get(key)).not.toBeNull();
    const queued = await t.app.sql<{ key: string; attempts: number; last_error: string | null }[]>`
      select key, attempts, last_error from media_deletions order by key`;
    expect(queued.map((row) => row.key)).toEqual([...keys].sort());
    expect(queued.every((row) => row.attempts === 1 && row.last_error)).toBe(true);
    expect(t.logs.text()).toContain("could not remove a deleted draft's image; retrying later");

    // Nothing in memory carries the work over: a new process finds it in the database.
    await t.restart();
    bucketLink.restore();
    // Still backing off: a run now leaves them be.
    expect(await t.app.scheduler.runNow(MEDIA_DELETIONS_JOB)).toBe(true);
    for (const key of keys) expect(await bucket.get(key)).not.toBeNull();

    // The backoff (a minute after the first failure) has passed.
    await t.app.sql`update media_deletions set next_attempt_at = now() - interval '1 second'`;
    expect(await t.app.scheduler.runNow(MEDIA_DELETIONS_JOB)).toBe(true);
    for (const key of keys) expect(await bucket.get(key)).toBeNull();
    expect(await t.app.sql`select 1 from media_deletions`).toHaveLength(0);
  });
});

describe("a new image", () => {
  it("stored but never put on its draft (the service stopped in between) is removed once its grace has passed", async () => {
    // Stored as drafting stores it; the transaction that would keep it never runs.
    const { key } = await storeNewDraftImage(t.app.services, 987_654, Buffer.from("jpeg"));
    await t.restart();

    expect(await t.app.scheduler.runNow(MEDIA_DELETIONS_JOB)).toBe(true);
    expect(await bucket.get(key)).not.toBeNull();

    // An hour on: no draft took it.
    await t.app
      .sql`update media_deletions set next_attempt_at = now() - interval '1 second' where key = ${key}`;
    expect(await t.app.scheduler.runNow(MEDIA_DELETIONS_JOB)).toBe(true);
    expect(await bucket.get(key)).toBeNull();
    expect(await t.app.sql`select 1 from media_deletions`).toHaveLength(0);
  });
});
