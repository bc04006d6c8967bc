import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import { buttonsOf, cardMessages, deliverOutbox, insertOwner, readable } from "./helpers/draft-fixtures.ts";
import {
  connectedBrand,
  DAY_MS,
  duePost,
  postRow,
  runPublisher,
  setClock,
  startPublishingTestApp,
  replaceToken,
} from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

/**
 * Alt text and the brand's first comment through the real publisher, against the fake Instagram: the alt text
 * goes with the image container, the comment is a step of the same state machine and goes out once, whatever
 * is lost on the way, and a refused comment is told to the owner while the post stays published.
 */

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let realClock: () => Date;

beforeAll(async () => {
  ig = await FakeInstagram.start();
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
  await t.app.sql`update drafts set status = 'cancelled' where status in ('approved', 'publishing')`;
});

const CAPTION = "Cargo bikes now outsell cars in three Dutch cities.";

async function brandCommenting(mode: "off" | "hashtags" | "text", line: string | null = null) {
  const brand = await connectedBrand(t, ig, ownerId);
  await t.app.sql`
    update brands set first_comment_mode = ${mode}, first_comment_text = ${line} where id = ${brand.brandId}`;
  return brand;
}

async function commentRow(draftId: number) {
  const [row] = await t.app.sql<
    {
      first_comment_state: string | null;
      first_comment_id: string | null;
      first_comment_error: string | null;
    }[]
  >`select first_comment_state, first_comment_id, first_comment_error from drafts where id = ${draftId}`;
  return row!;
}

/** The owner's messages sent by the outbox from now on, after `run`. */
async function ownerMessagesAfter(run: () => Promise<void>) {
  const before = t.telegram.messagesIn(OWNER_ID).length;
  await run();
  await deliverOutbox(t);
  return t.telegram.messagesIn(OWNER_ID).slice(before);
}

describe("alt text", () => {
  it("goes to Instagram with the image", async () => {
    const { brandId, account } = await brandCommenting("off");
    const altText = "A blue cargo bike parked by a canal in Utrecht.";
    await duePost(t, brandId, { altText });

    await runPublisher(t);

    const [live] = ig.published(account);
    expect(live!.altText).toBe(altText);
  });
});

describe("the first comment", () => {
  it("posts the hashtags as the first comment, once, and the caption goes without them", async () => {
    const { brandId, account } = await brandCommenting("hashtags");
    const draftId = await duePost(t, brandId, { caption: CAPTION, hashtags: ["#cycling", "#cities"] });

    const sent = await ownerMessagesAfter(() => runPublisher(t));

    const [live] = ig.published(account);
    expect(live!.caption).toBe(CAPTION);
    expect(ig.commentsOn(live!.mediaId).map((c) => [c.text, c.from.id])).toEqual([
      ["#cycling #cities", account.userId],
    ]);
    expect(await postRow(t, draftId)).toMatchObject({ status: "published" });
    expect(await commentRow(draftId)).toMatchObject({
      first_comment_state: "posted",
      first_comment_id: ig.commentsOn(live!.mediaId)[0]!.id,
    });
    expect(sent.map((m) => readable(m))).toContain(`Posted ✅ ${live!.permalink}\n💬 First comment posted.`);
    expect(readable((await cardMessages(t, draftId)).text)).toContain(
      "💬 First comment (posted): #cycling #cities",
    );

    await runPublisher(t);
    expect(ig.commentsOn(live!.mediaId)).toHaveLength(1);
  });

  it("posts the owner's line, and the hashtags stay in the caption", async () => {
    const { brandId, account } = await brandCommenting("text", "Link in bio for the full story.");
    await duePost(t, brandId, { caption: CAPTION, hashtags: ["#cycling"] });

    await runPublisher(t);

    const [live] = ig.published(account);
    expect(live!.caption).toBe(`${CAPTION}\n\n#cycling`);
    expect(ig.commentsOn(live!.mediaId).map((c) => c.text)).toEqual(["Link in bio for the full story."]);
  });

  it("posts no comment when the brand's setting is off", async () => {
    const { brandId, account } = await brandCommenting("off");
    const draftId = await duePost(t, brandId);

    await runPublisher(t);

    const [live] = ig.published(account);
    expect(ig.commentsOn(live!.mediaId)).toEqual([]);
    expect(ig.calls("post_comment").filter((call) => call.userId === account.userId)).toEqual([]);
    expect(await commentRow(draftId)).toMatchObject({ first_comment_state: null });
  });

  it("looks for the comment after its answer was lost, in a later attempt, and does not post it twice", async () => {
    const { brandId, account } = await brandCommenting("hashtags");
    const draftId = await duePost(t, brandId, { hashtags: ["#cycling"] });
    // Instagram makes the comment but the answer never arrives, and the first look at the comments fails too.
    ig.failNext("post_comment", { kind: "drop_after_action" });
    ig.failNext("list_comments", { kind: "server_error" });

    await runPublisher(t);

    const [live] = ig.published(account);
    expect(ig.commentsOn(live!.mediaId)).toHaveLength(1);
    const waiting = await postRow(t, draftId);
    expect(waiting.status).toBe("publishing");
    expect(waiting.last_error).toMatch(/^Published; the first comment is not posted yet\./);
    expect((await commentRow(draftId)).first_comment_state).toBe("sending");

    setClock(t, new Date(waiting.next_attempt_at!.getTime() + 1000));
    await runPublisher(t);

    expect(await postRow(t, draftId)).toMatchObject({ status: "published", last_error: null });
    expect(await commentRow(draftId)).toMatchObject({
      first_comment_state: "posted",
      first_comment_id: ig.commentsOn(live!.mediaId)[0]!.id,
    });
    expect(ig.commentsOn(live!.mediaId)).toHaveLength(1);
    const postsOfAccount = ig.calls("post_comment").filter((call) => call.userId === account.userId);
    expect(postsOfAccount).toHaveLength(1);
    expect(ig.published(account)).toHaveLength(1);
  });

  it("finds a comment another account wrote with the same text is not ours, and posts its own", async () => {
    const { brandId, account } = await brandCommenting("text", "Tell us where you ride.");
    const draftId = await duePost(t, brandId);
    ig.failNext("post_comment", { kind: "drop_before_action" });

    await runPublisher(t);
    const [live] = ig.published(account);
    ig.commentAs(live!.mediaId, { id: "9000000001", username: "copycat" }, "Tell us where you ride.");
    const waiting = await postRow(t, draftId);
    expect(waiting.status).toBe("publishing");

    setClock(t, new Date(waiting.next_attempt_at!.getTime() + 1000));
    await runPublisher(t);

    const comments = ig.commentsOn(live!.mediaId);
    expect(comments.map((c) => c.from.id)).toEqual(["9000000001", account.userId]);
    expect(await commentRow(draftId)).toMatchObject({
      first_comment_state: "posted",
      first_comment_id: comments[1]!.id,
    });
  });

  it("tells the owner when Instagram refuses the comment, offers a reconnect, and the post stays published", async () => {
    const { brandId, account } = await brandCommenting("hashtags");
    // Connected before Greenlight asked for the permission to manage comments.
    await replaceToken(t, ig, brandId, account, [
      "instagram_business_basic",
      "instagram_business_content_publish",
    ]);
    const draftId = await duePost(t, brandId, { hashtags: ["#cycling"] });

    const sent = await ownerMessagesAfter(() => runPublisher(t));

    const [live] = ig.published(account);
    expect(ig.commentsOn(live!.mediaId)).toEqual([]);
    expect(await postRow(t, draftId)).toMatchObject({
      status: "published",
      instagram_media_id: live!.mediaId,
      permalink: live!.permalink,
    });
    expect((await commentRow(draftId)).first_comment_state).toBe("failed");
    const note = sent.find((m) => readable(m).startsWith(`Posted ✅ ${live!.permalink}`))!;
    expect(readable(note)).toBe(
      `Posted ✅ ${live!.permalink}\n⚠️ The first comment was not posted; the post itself is live. Instagram did not let Greenlight comment: the account was connected without the permission to manage comments. Reconnect Instagram to allow it.`,
    );
    expect(buttonsOf(note).map((b) => b.text)).toEqual(["🔗 Reconnect Instagram"]);
    const card = readable((await cardMessages(t, draftId)).text);
    expect(card).toContain(`Published on Instagram: ${live!.permalink}`);
    expect(card).toContain("⚠️ First comment not posted: Instagram did not let Greenlight comment");
    // The account itself is fine: nothing about it was disconnected.
    const [connection] = await t.app.sql<{ status: string }[]>`
      select status from instagram_accounts where brand_id = ${brandId}`;
    expect(connection!.status).toBe("connected");
  });

  it("keeps the choice made when the post was first taken, even if the setting changes before a retry", async () => {
    const { brandId, account } = await brandCommenting("hashtags");
    const draftId = await duePost(t, brandId, { caption: CAPTION, hashtags: ["#cycling"] });
    ig.failNext("publish", { kind: "server_error" });

    await runPublisher(t);
    const waiting = await postRow(t, draftId);
    expect(waiting.status).toBe("publishing");
    await t.app.sql`update brands set first_comment_mode = 'off' where id = ${brandId}`;

    setClock(t, new Date(Math.max(waiting.next_attempt_at!.getTime(), Date.now()) + DAY_MS / 24));
    await runPublisher(t);

    const [live] = ig.published(account);
    expect(live!.caption).toBe(CAPTION);
    expect(ig.commentsOn(live!.mediaId).map((c) => c.text)).toEqual(["#cycling"]);
  });
});
