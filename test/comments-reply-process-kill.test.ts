import { afterAll, beforeAll, expect, it } from "vitest";
import { COMMENT_REPLIES_JOB } from "../src/comments/comment-buttons.ts";
import { encodeCommentCallback } from "../src/comments/comment-callback-data.ts";
import { META_WEBHOOKS_JOB } from "../src/meta-webhooks/webhook-worker.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  freePort,
  killService,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "./helpers/child-process.ts";
import {
  deliverOutbox,
  eventually,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { instagramEnv } from "./helpers/instagram-connection.ts";
import { connectAccount } from "./helpers/publishing-fixtures.ts";
import {
  childServiceEnv,
  OWNER_ID,
  startTestApp,
  TEST_WEBHOOK_SECRET,
  type TestApp,
} from "./helpers/start-test-app.ts";
import { callbackUpdate } from "./helpers/telegram-updates.ts";

/**
 * The real service (as `npm start` runs it) takes the owner's 💬 Send, Instagram posts the reply, and the
 * service is killed (SIGKILL: no shutdown hook runs) before Instagram's answer reaches it, so the reply's id is
 * never recorded. The next run must not post the reply a second time: it finds the send unfinished, looks the
 * reply up on the comment, and records it.
 */

const VERIFY_TOKEN = "verify-token-for-meta-0123456789";
let fake: FakeInstagram;
let t: TestApp;
let service: ServiceProcess | undefined;
let port: number;

beforeAll(async () => {
  fake = await FakeInstagram.start();
  port = await freePort();
  t = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...instagramEnv(fake),
    META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  });
}, 120_000);

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await fake?.close();
});

it(
  "a reply posted by a service killed before it recorded it is not posted again by the next run",
  { timeout: 180_000 },
  async () => {
    const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql, { displayName: "Anna" }), {
      name: "Velo Kill Reply",
    });
    const account = fake.addAccount({ username: "velo_kill_reply" });
    await connectAccount(t, fake, brandId, account);
    const media = fake.postDirectly(account, "Cargo bikes now outsell cars.");
    const draftId = await insertDraft(t.app.sql, brandId, { status: "published" });
    await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
    const { body, commentId } = fake.commentNotification(account, media.mediaId, { text: "Green?" });
    expect((await fake.deliverWebhook(`${t.app.url}/meta/webhooks`, body)).status).toBe(200);
    await eventually(async () => {
      await t.app.scheduler.runNow(META_WEBHOOKS_JOB);
      expect(await t.app.sql`select 1 from instagram_comments where comment_id = ${commentId}`).toHaveLength(
        1,
      );
    });
    // No Claude here: the owner writes the reply; what matters is the send.
    await t.app.sql`
      update instagram_comments set reply_text = 'Yes, in teal too!', reply_note = null where comment_id = ${commentId}`;
    await deliverOutbox(t);
    const [row] = await t.app.sql<{ id: number; card_message_id: number }[]>`
      select id, card_message_id from instagram_comments where comment_id = ${commentId}`;
    const cardId = row!.card_message_id;
    await t.app.stop();

    service = spawnService(
      childServiceEnv(t, port, { ...instagramEnv(fake), META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN }),
    );
    await waitForHealthy(`http://127.0.0.1:${port}`, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${service!.output()}`);
    });

    // Instagram carries out the reply and then never answers; the service is killed while it waits.
    fake.failNext("reply_comment", { kind: "hang_after_action" });
    // The card went out before the reply was written, so its Send is pressed by its callback data.
    const send = encodeCommentCallback("send", row!.id);
    const update = callbackUpdate(
      send,
      { message_id: cardId, chat_id: OWNER_ID },
      { id: OWNER_ID, first_name: "Anna" },
    );
    void t.telegram
      .deliver(`http://127.0.0.1:${port}/telegram/webhook`, update, TEST_WEBHOOK_SECRET)
      .catch(() => undefined);
    await eventually(() => expect(fake.comment(commentId)!.replies).toHaveLength(1), 60_000);
    service.child.kill("SIGKILL");
    await service.exited;

    const app = await t.restart();
    const [left] = await app.sql<{ status: string }[]>`
      select status from instagram_comments where comment_id = ${commentId}`;
    expect(left!.status).toBe("sending");
    // Once the send's lease has run out, the recovery job takes it over.
    app.services.clock = () => new Date(Date.now() + 5 * 60_000);
    await app.scheduler.runNow(COMMENT_REPLIES_JOB);
    app.services.clock = () => new Date();
    await deliverOutbox(t);

    const replies = fake.comment(commentId)!.replies;
    expect(replies.map((reply) => reply.text)).toEqual(["Yes, in teal too!"]);
    expect(fake.calls("reply_comment")).toHaveLength(1);
    const [done] = await app.sql<{ status: string; reply_comment_id: string }[]>`
      select status, reply_comment_id from instagram_comments where comment_id = ${commentId}`;
    expect(done).toEqual({ status: "replied", reply_comment_id: replies[0]!.id });
    expect(readable(t.telegram.messages.get(cardId)!)).toMatch(/✅ Replied by Anna at \d\d:\d\d\.$/);
  },
);
