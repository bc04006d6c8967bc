import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../src/meta-webhooks/webhook-signature.ts";
import { META_WEBHOOKS_JOB } from "../src/meta-webhooks/webhook-worker.ts";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  deliverOutbox,
  eventually,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { connectBrandThroughOAuth, instagramEnv } from "./helpers/instagram-connection.ts";
import { publishedPost as publishedPostOf } from "./helpers/comment-fixtures.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { connectAccount } from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

const VERIFY_TOKEN = "verify-token-for-meta-0123456789";

let fake: FakeInstagram;
let t: TestApp;
let ownerId: number;
/**
 * Messages in the owner's chat already read by processAndDeliver. The instance that took a notification starts
 * processing it at once, so its card can arrive before the test asks: counted from here, it is still seen once.
 */
let seen = 0;

beforeAll(async () => {
  fake = await FakeInstagram.start({ consent: "allow" });
  t = await startTestApp({ ...instagramEnv(fake), META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN });
  ownerId = await insertOwner(t.app.sql);
});
afterEach(async () => {
  await deliverOutbox(t);
  seen = t.telegram.messagesIn(OWNER_ID).length;
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

const webhookUrl = () => `${t.app.url}/meta/webhooks`;

const publishedPost = (name: string, caption?: string) => publishedPostOf(t, fake, ownerId, name, caption);

/** Waits for every stored notification to be processed, then sends what it queued; returns the owner's new messages. */
async function processAndDeliver(): Promise<string[]> {
  await t.app.scheduler.runNow(META_WEBHOOKS_JOB);
  await deliverOutbox(t);
  const messages = t.telegram.messagesIn(OWNER_ID);
  const fresh = messages.slice(seen).map((message) => readable(message));
  seen = messages.length;
  return fresh;
}

async function storedComments(commentId: string) {
  return t.app.sql<
    {
      brand_id: number;
      draft_id: number;
      media_id: string;
      text: string;
      commenter_id: string;
      commenter_username: string;
    }[]
  >`select brand_id, draft_id, media_id, text, commenter_id, commenter_username
      from instagram_comments where comment_id = ${commentId}`;
}

async function inboxRows(): Promise<number> {
  const [row] = await t.app.sql<{ n: number }[]>`select count(*)::int as n from meta_webhook_inbox`;
  return row!.n;
}

describe("the verification handshake", () => {
  it("echoes hub.challenge when Meta sends our verify token", async () => {
    const url = `${webhookUrl()}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token or a mode other than subscribe with 403, echoing nothing", async () => {
    const wrong = await fetch(
      `${webhookUrl()}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`,
    );
    expect(wrong.status).toBe(403);
    const body = (await wrong.json()) as { message: string };
    expect(body.message).toBe("Webhook verification refused: hub.verify_token does not match");
    expect(JSON.stringify(body)).not.toContain("1158201444");

    const mode = await fetch(
      `${webhookUrl()}?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(mode.status).toBe(403);
  });
});

describe("notifications that are not Meta's", () => {
  it("refuses an unsigned, a forged and an altered notification, and stores nothing", async () => {
    const post = await publishedPost("Forged Post");
    const { body } = fake.commentNotification(post.account, post.mediaId, { text: "buy followers" });
    const before = await inboxRows();

    const unsigned = await fake.deliverWebhook(webhookUrl(), body, { kind: "unsigned" });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { message: string }).message).toBe(
      "Refused: the notification carries no X-Hub-Signature-256",
    );

    const otherSecret = await FakeInstagram.start({ appSecret: "another-apps-secret-9876543210" });
    const forged = await otherSecret.deliverWebhook(webhookUrl(), body);
    await otherSecret.close();
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toBe(
      "Refused: X-Hub-Signature-256 does not match the body under this app's secret",
    );

    // Meta's signature over the genuine body, sent with a body someone changed on the way.
    const altered = JSON.stringify(body).replace("buy followers", "nice post");
    const tampered = await fake.deliverWebhook(webhookUrl(), altered, {
      kind: "header",
      value: signWebhookBody(JSON.stringify(body), fake.appSecret),
    });
    expect(tampered.status).toBe(403);

    const malformed = await fake.deliverWebhook(webhookUrl(), body, { kind: "header", value: "sha1=abc" });
    expect(malformed.status).toBe(401);

    expect(await inboxRows()).toBe(before);
    expect(await processAndDeliver()).toEqual([]);
    expect(await t.app.sql`select 1 from instagram_comments where brand_id = ${post.brandId}`).toHaveLength(
      0,
    );
  });

  it("refuses a correctly signed notification older than the replay window with 403", async () => {
    const post = await publishedPost("Replayed Post");
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    const { body, commentId } = fake.commentNotification(
      post.account,
      post.mediaId,
      { text: "first!" },
      threeDaysAgo,
    );
    const response = await fake.deliverWebhook(webhookUrl(), body);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Refused as a replay: entry time .* is more than 48 hours old$/,
    );
    expect(await processAndDeliver()).toEqual([]);
    expect(await storedComments(commentId)).toEqual([]);
  });

  it("refuses a body over a megabyte with 413, whether its length is declared or it comes in chunks", async () => {
    const before = await inboxRows();
    const huge = JSON.stringify({ object: "instagram", entry: [], padding: "x".repeat(1024 * 1024) });
    const headers = {
      "content-type": "application/json",
      "x-hub-signature-256": signWebhookBody(huge, fake.appSecret),
    };

    const declared = await fetch(webhookUrl(), { method: "POST", headers, body: huge });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { message: string }).message).toBe(
      "Body too large for a Meta webhook notification",
    );

    const bytes = new TextEncoder().encode(huge);
    const chunked = await fetch(webhookUrl(), {
      method: "POST",
      headers,
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024)
            controller.enqueue(bytes.subarray(at, at + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { message: string }).message).toBe(
      "Body too large for a Meta webhook notification",
    );
    expect(await inboxRows()).toBe(before);
  });

  it("answers a signed body that is not a notification with 400 saying what is wrong", async () => {
    const response = await fake.deliverWebhook(webhookUrl(), { object: "instagram", entry: [{ id: "1" }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      "Not a Meta webhook notification: entry.0.time",
    );
  });
});

describe("a comment on a Greenlight post", () => {
  it("is stored for the brand and reaches the owner as one card with the post, the commenter and the text", async () => {
    const post = await publishedPost(
      "Velo Comments",
      "Cargo bikes now outsell cars in three Dutch cities.\n#bikes",
    );
    const { body, commentId } = fake.commentNotification(post.account, post.mediaId, {
      text: "Where can I <try> one?",
      from: { id: "17841455500000001", username: "anna.rides" },
    });
    const response = await fake.deliverWebhook(webhookUrl(), body);
    expect(response.status).toBe(200);

    const sent = await processAndDeliver();
    expect(sent).toEqual([
      "💬 Velo Comments: @anna.rides commented on “Cargo bikes now outsell cars in three Dutch cities.”\n\nWhere can I <try> one?\n\nNo reply drafted: Claude is not set up (ANTHROPIC_API_KEY).",
    ]);
    const card = t.telegram.messagesIn(OWNER_ID).at(-1)!;
    expect(card.text).toContain(`href="${post.permalink}"`);
    expect(await storedComments(commentId)).toEqual([
      {
        brand_id: post.brandId,
        draft_id: post.draftId,
        media_id: post.mediaId,
        text: "Where can I <try> one?",
        commenter_id: "17841455500000001",
        commenter_username: "anna.rides",
      },
    ]);
    // The notification's copy of the commenter's words is not kept once processed.
    const [inbox] = await t.app.sql<{ status: string; value: unknown }[]>`
      select status, value from meta_webhook_inbox where dedupe_key = ${`comments:${commentId}`}`;
    expect(inbox).toEqual({ status: "done", value: null });
  });

  it("is handled once when Meta delivers it twice, one after the other and both at once", async () => {
    const post = await publishedPost("Velo Redelivered");
    const first = fake.commentNotification(post.account, post.mediaId, { text: "Love it" });
    expect((await fake.deliverWebhook(webhookUrl(), first.body)).status).toBe(200);
    expect(await processAndDeliver()).toHaveLength(1);
    // Meta retries a delivery it thinks failed: the same body, later.
    const again = await fake.deliverWebhook(webhookUrl(), first.body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: 1, new: 0 });
    expect(await processAndDeliver()).toEqual([]);

    const second = fake.commentNotification(post.account, post.mediaId, { text: "Same here" });
    const answers = await Promise.all([
      fake.deliverWebhook(webhookUrl(), second.body),
      fake.deliverWebhook(webhookUrl(), second.body),
      fake.deliverWebhook(webhookUrl(), second.body),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const sent = await processAndDeliver();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Same here");
    expect(await storedComments(second.commentId)).toHaveLength(1);
    expect(await t.app.sql`select 1 from instagram_comments where brand_id = ${post.brandId}`).toHaveLength(
      2,
    );
  });

  it("makes no card for a comment on a post Greenlight did not publish, nor for the account's own replies", async () => {
    const post = await publishedPost("Velo Own");
    const elsewhere = fake.postDirectly(post.account, "Posted in the Instagram app");
    const notOurs = fake.commentNotification(post.account, elsewhere.mediaId, { text: "hello" });
    const own = fake.commentNotification(post.account, post.mediaId, {
      text: "Thanks Anna!",
      from: { id: post.account.userId, username: post.account.username },
      parentId: "17900000000000001",
    });
    expect((await fake.deliverWebhook(webhookUrl(), notOurs.body)).status).toBe(200);
    expect((await fake.deliverWebhook(webhookUrl(), own.body)).status).toBe(200);
    expect(await processAndDeliver()).toEqual([]);
    expect(await storedComments(notOurs.commentId)).toEqual([]);
    expect(await storedComments(own.commentId)).toEqual([]);
  });

  it("takes every change of a batched delivery", async () => {
    const post = await publishedPost("Velo Batched");
    const a = fake.commentNotification(post.account, post.mediaId, { text: "One" });
    const b = fake.commentNotification(post.account, post.mediaId, { text: "Two" });
    const batch = { object: "instagram", entry: [...(a.body.entry as []), ...(b.body.entry as [])] };
    const response = await fake.deliverWebhook(webhookUrl(), batch);
    expect(await response.json()).toEqual({ received: 2, new: 2 });
    const sent = await processAndDeliver();
    expect(sent.map((text) => text.split("\n\n")[1]).sort()).toEqual(["One", "Two"]);
  });
});

describe("connecting an Instagram account", () => {
  it("asks for the comments permission and subscribes the account to comments, whose first one then arrives", async () => {
    const { brandId, account } = await connectBrandThroughOAuth(t, fake, ownerId, "Velo Subscribed");
    expect(fake.lastAuthorizeParams!.get("scope")).toContain("instagram_business_manage_comments");
    expect(fake.subscribedFields(account)).toEqual(["comments"]);
    const [call] = fake.calls("subscribe_app");
    expect(call).toMatchObject({ method: "POST", userId: account.userId });

    const media = fake.postDirectly(account, "First post");
    const draftId = await insertDraft(t.app.sql, brandId, { status: "published", caption: "First post" });
    await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
    const comment = fake.commentNotification(account, media.mediaId, { text: "Welcome!" });
    await deliverOutbox(t);
    seen = t.telegram.messagesIn(OWNER_ID).length; // the "connected" notice is not a comment card
    expect((await fake.deliverWebhook(webhookUrl(), comment.body)).status).toBe(200);
    const sent = await processAndDeliver();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Welcome!");
  });

  it("still connects an account whose subscription Meta refuses, and says so in the log", async () => {
    fake.failNext("subscribe_app", {
      kind: "meta_error",
      code: 10,
      message: "(#10) Application does not have permission for this action",
    });
    const { brandId, account } = await connectBrandThroughOAuth(t, fake, ownerId, "Velo Unsubscribed");
    expect(fake.subscribedFields(account)).toEqual([]);
    const [row] = await t.app.sql<{ status: string }[]>`
      select status from instagram_accounts where brand_id = ${brandId}`;
    expect(row!.status).toBe("connected");
    expect(t.logs.text()).toContain("instagram account not subscribed to comments");
  });
});

describe("deleting comments (personal data)", () => {
  it("Meta's data-deletion request removes the brand's comments, their cards and waiting notifications", async () => {
    const post = await publishedPost("Velo Meta Deletion");
    // Meta names the user by the app-scoped id, which the OAuth callback stores.
    await t.app.sql`
      update instagram_accounts set app_scoped_user_id = ${post.account.appScopedId} where brand_id = ${post.brandId}`;
    const stored = fake.commentNotification(post.account, post.mediaId, { text: "Nice" });
    await fake.deliverWebhook(webhookUrl(), stored.body);
    await processAndDeliver();
    // One more arrives and waits in the inbox (not processed yet) when the request comes.
    const waiting = fake.commentNotification(post.account, post.mediaId, { text: "Still here?" });
    await t.app.sql`
      insert into meta_webhook_inbox (dedupe_key, account_id, field, value, event_time)
      values (${`comments:${waiting.commentId}`}, ${post.account.userId}, 'comments',
              ${t.app.sql.json((waiting.body.entry as { changes: { value: never }[] }[])[0]!.changes[0]!.value)},
              now())`;

    const response = await fetch(`${t.app.url}/meta/data-deletion`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ signed_request: fake.signedRequestFor(post.account) }).toString(),
    });
    expect(response.status).toBe(200);
    await eventually(async () => {
      await t.app.scheduler.runNow("meta-deletions");
      const [request] = await t.app.sql<{ status: string }[]>`
        select status from deletion_requests where instagram_user_id = ${post.account.appScopedId}`;
      expect(request?.status).toBe("completed");
    });

    expect(await t.app.sql`select 1 from instagram_comments where brand_id = ${post.brandId}`).toEqual([]);
    expect(
      await t.app.sql`select 1 from telegram_outbox where dedupe_key = ${`comment-card:${stored.commentId}`}`,
    ).toEqual([]);
    expect(
      await t.app.sql`select 1 from meta_webhook_inbox where account_id = ${post.account.userId}`,
    ).toEqual([]);
  });

  it("/deletedata removes the owner's comments and the notifications about their accounts", async () => {
    const other = 5550777;
    const otherOwner = await insertOwner(t.app.sql, { telegramUserId: other, displayName: "Bo" });
    const brandId = await insertBrand(t.app.sql, otherOwner, { name: "Bo's Bikes" });
    const account: FakeAccount = fake.addAccount({ username: "bos_bikes" });
    await connectAccount(t, fake, brandId, account);
    const media = fake.postDirectly(account, "Bo's post");
    const draftId = await insertDraft(t.app.sql, brandId, { status: "published", caption: "Bo's post" });
    await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
    const comment = fake.commentNotification(account, media.mediaId, { text: "Hi Bo" });
    await fake.deliverWebhook(webhookUrl(), comment.body);
    await t.app.scheduler.runNow(META_WEBHOOKS_JOB);
    expect(await storedComments(comment.commentId)).toHaveLength(1);
    await deliverOutbox(t);

    const chat = chatAs(t, { id: other, first_name: "Bo" });
    const [question] = await chat.send("/deletedata");
    expect(question).toContain("comments received on your posts");
    await chat.press("🗑 Yes, delete everything");

    expect(await storedComments(comment.commentId)).toEqual([]);
    expect(await t.app.sql`select 1 from meta_webhook_inbox where account_id = ${account.userId}`).toEqual(
      [],
    );
    expect(
      await t.app
        .sql`select 1 from telegram_outbox where dedupe_key = ${`comment-card:${comment.commentId}`}`,
    ).toEqual([]);
  });
});
