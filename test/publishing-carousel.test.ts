import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import { composePostText } from "../src/drafting/caption-limits.ts";
import { createInstagramClientFromConfig } from "../src/instagram-auth/instagram-client-factory.ts";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertOwner,
  pressButton,
  readable,
  sentToOwnerSince,
} from "./helpers/draft-fixtures.ts";
import {
  connectedBrand,
  dueCarousel,
  postRow,
  runPublisher,
  type SlideImage,
  slideContainers,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

/**
 * Carousels through the real service: approved carousel drafts in the database (their slides real images in the
 * service's media store), the publish job run as its schedule runs it, and the fake Instagram downloading every
 * slide from the service's /media route and holding it to the carousel contract.
 */

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
  ownerId = await insertOwner(t.app.sql);
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

afterEach(async () => {
  ig.setMediaErrorsAt("create");
  await t.app.sql`update drafts set status = 'cancelled' where status in ('approved', 'publishing')`;
});

/** Calls of one kind made with the account's token. */
function callsBy(account: FakeAccount, endpoint: Parameters<FakeInstagram["calls"]>[0]): number {
  return ig.calls(endpoint).filter((call) => call.userId === account.userId).length;
}

/** What `GET /<media-id>?fields=media_type,children` answers the account: how anyone reading the post sees it. */
async function readMedia(account: FakeAccount, mediaId: string) {
  const url = new URL(`${ig.urls.graphUrl}/v25.0/${mediaId}`);
  url.searchParams.set("fields", "media_type,children");
  url.searchParams.set("access_token", ig.issueLongLivedToken(account));
  return (await (await fetch(url)).json()) as { media_type: string; children?: { data: { id: string }[] } };
}

describe("a carousel goes out as one post", () => {
  it("publishes six slides as one post: a child per slide in order with its alt text, the caption on the post alone, counted once", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const caption = "Five numbers from the city's new cycling report.";
    const hashtags = ["#cycling", "#cities"];
    const { draftId, slides } = await dueCarousel(t, brandId, { caption, hashtags });
    const sent = t.telegram.messagesIn(OWNER_ID).length;

    await runPublisher(t);

    const posts = ig.published(account);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.mediaType).toBe("CAROUSEL_ALBUM");
    expect(post.caption).toBe(composePostText(caption, hashtags));
    expect(post.children.map(({ imageUrl, altText }) => ({ imageUrl, altText }))).toEqual(
      slides.map(({ imageUrl, altText }) => ({ imageUrl, altText })),
    );

    const made = ig.containersMade(account);
    const children = made.filter((container) => container.kind === "carousel_item");
    const parents = made.filter((container) => container.kind === "carousel");
    expect(children.map((child) => child.imageUrl)).toEqual(slides.map((slide) => slide.imageUrl));
    expect(children.every((child) => child.caption === "")).toBe(true);
    expect(parents).toHaveLength(1);
    expect(parents[0]).toMatchObject({
      caption: post.caption,
      altText: null,
      children: children.map((child) => child.id),
    });
    expect(made.filter((container) => container.kind === "image")).toEqual([]);

    expect(await postRow(t, draftId)).toMatchObject({
      status: "published",
      container_id: parents[0]!.id,
      instagram_media_id: post.mediaId,
      permalink: post.permalink,
    });
    expect(await slideContainers(t, draftId)).toEqual(children.map((child) => child.id));

    // One post against the daily limit, and Instagram shows it as an album of six.
    const client = createInstagramClientFromConfig(t.app.config)!;
    const limit = await client.getPublishingLimit(account.userId, ig.issueLongLivedToken(account));
    expect(limit.quotaUsage).toBe(1);
    const media = await readMedia(account, post.mediaId);
    expect(media.media_type).toBe("CAROUSEL_ALBUM");
    expect(media.children?.data.map((child) => child.id)).toEqual(
      post.children.map((child) => child.mediaId),
    );
    expect(callsBy(account, "publish")).toBe(1);

    await deliverOutbox(t);
    expect(sentToOwnerSince(t, sent)).toContain(`Posted ✅ ${post.permalink}`);
  });

  it("posts the brand's first comment under the carousel, and the caption goes without the hashtags", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    await t.app.sql`update brands set first_comment_mode = 'hashtags' where id = ${brandId}`;
    const { draftId } = await dueCarousel(t, brandId, {
      caption: "Three bridges reopen.",
      hashtags: ["#bridges"],
      slides: 3,
    });

    await runPublisher(t);

    const [post] = ig.published(account);
    expect(post!.caption).toBe("Three bridges reopen.");
    expect(ig.commentsOn(post!.mediaId).map((comment) => comment.text)).toEqual(["#bridges"]);
    expect(await postRow(t, draftId)).toMatchObject({ status: "published" });
  });

  it("gives the cover the draft's own alt text when the slide has none", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const { draftId } = await dueCarousel(t, brandId, {
      slides: 2,
      altText: "Commuters crossing the new bridge at dawn.",
    });
    await t.app.sql`update draft_slides set alt_text = null where draft_id = ${draftId} and position = 0`;

    await runPublisher(t);

    const [post] = ig.published(account);
    expect(post!.children.map((child) => child.altText)).toEqual([
      "Commuters crossing the new bridge at dawn.",
      "Slide 2: credit.",
    ]);
  });
});

describe("a slide Instagram refuses", () => {
  /** A carousel awaiting review with its card in the chat, then approved and due, one slide of it `image`. */
  async function approvedCarouselWithCard(brandId: number, position: number, image: SlideImage) {
    const { draftId } = await dueCarousel(t, brandId, {
      status: "pending_review",
      images: { [position]: image },
    });
    await enqueueDraftCard(t.app.sql, draftId);
    await deliverOutbox(t);
    await t.app.sql`update drafts set status = 'approved' where id = ${draftId}`;
    return draftId;
  }

  it("fails the post when a slide is not a JPEG, tells the owner which slide on the card, and publishes nothing", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await approvedCarouselWithCard(brandId, 2, "png");

    await runPublisher(t);

    const reason = "Slide 3 of 6: Instagram only accepts JPEG images, and this image is in another format.";
    expect(await postRow(t, draftId)).toMatchObject({
      status: "failed",
      last_error: reason,
      publish_attempts: 1,
    });
    expect(ig.published(account)).toEqual([]);
    // The two slides before it were made; nothing after it, and no carousel.
    expect(ig.containersMade(account).map((container) => container.kind)).toEqual([
      "carousel_item",
      "carousel_item",
    ]);

    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).toContain(`Publishing failed: ${reason}`);
    expect(buttonsOf(card.text).map((button) => button.text)).toEqual(["🔁 Retry"]);
  });

  it("fails the post, naming the slide, when Instagram finds the image broken only while processing it", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    ig.setMediaErrorsAt("status");
    const { draftId } = await dueCarousel(t, brandId, { images: { 3: "story" } });

    await runPublisher(t);

    expect(await postRow(t, draftId)).toMatchObject({
      status: "failed",
      last_error:
        "Slide 4 of 6: The image's shape is outside what Instagram allows: it must be between 4:5 (portrait) and 1.91:1 (landscape).",
    });
    expect(ig.published(account)).toEqual([]);
    expect(ig.containersMade(account).filter((container) => container.kind === "carousel")).toEqual([]);
  });

  it("after the slide is fixed, 🔁 Retry makes a fresh set of children and publishes the carousel once", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftId = await approvedCarouselWithCard(brandId, 2, "png");
    await runPublisher(t);
    expect((await postRow(t, draftId)).status).toBe("failed");
    const before = ig.containersMade(account).map((container) => container.id);

    // The owner replaces the slide (a JPEG now), then taps Retry on the card.
    const [cover] = await t.app.sql<{ image_key: string; image_url: string }[]>`
      select image_key, image_url from draft_slides where draft_id = ${draftId} and position = 1`;
    await t.app.sql`
      update draft_slides set image_key = ${cover!.image_key}, image_url = ${cover!.image_url}
       where draft_id = ${draftId} and position = 2`;
    await deliverOutbox(t);
    const card = await cardMessages(t, draftId);
    const retry = buttonsOf(card.text).find((button) => button.text === "🔁 Retry")!;
    await pressButton(t, retry.callback_data!, { message_id: card.text.message_id, chat_id: card.chatId });
    await t.app.sql`update drafts set scheduled_for = ${new Date(Date.now() - 1000)} where id = ${draftId}`;

    await runPublisher(t);

    expect((await postRow(t, draftId)).status).toBe("published");
    const [post] = ig.published(account);
    expect(post!.children).toHaveLength(6);
    // Claimed afresh from 'approved': the children of the failed attempt are not reused (the slides changed).
    expect(post!.children.some((child) => before.includes(child.containerId))).toBe(false);
    expect(await slideContainers(t, draftId)).toEqual(post!.children.map((child) => child.containerId));
  });
});
