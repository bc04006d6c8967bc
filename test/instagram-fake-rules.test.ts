/**
 * The fake Instagram must refuse what Instagram refuses, or publisher tests written against it would pass for
 * posts Instagram rejects. These tests pin its rules, through the real adapter.
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InstagramApiError } from "../src/instagram/instagram-api-error.ts";
import { createInstagramClient } from "../src/instagram/instagram-client.ts";
import {
  classifyContainerStatus,
  classifyInstagramFailure,
  describeFailure,
} from "../src/publishing/publish-errors.ts";
import { FakeImageHost, FakeInstagram, type FakeInstagramOptions } from "./fakes/fake-instagram.ts";

let images: FakeImageHost;
const url: Record<string, string> = {};

async function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3b6fb5" } })
    .jpeg()
    .toBuffer();
}

beforeAll(async () => {
  images = await FakeImageHost.start();
  url.portrait = images.serve("/portrait.jpg", await jpeg(1080, 1350));
  url.landscape = images.serve("/landscape.jpg", await jpeg(1080, 566));
  url.square = images.serve("/square.jpg", await jpeg(1080, 1080));
  const png = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  url.png = images.serve("/photo.png", png, "image/png");
  url.pngNamedJpeg = images.serve("/disguised.jpg", png, "image/jpeg");
  url.webp = images.serve(
    "/photo.webp",
    await sharp(await jpeg(1080, 1080))
      .webp()
      .toBuffer(),
    "image/webp",
  );
  url.story = images.serve("/story.jpg", await jpeg(1080, 1920));
  url.panorama = images.serve("/panorama.jpg", await jpeg(1080, 560));
  url.narrow = images.serve("/narrow.jpg", await jpeg(300, 300));
  url.wide = images.serve("/wide.jpg", await jpeg(1600, 1600));
  // A valid JPEG followed by padding past 8 MB: decoders ignore bytes after the end marker, Instagram does not.
  url.heavy = images.serve("/heavy.jpg", Buffer.concat([await jpeg(1080, 1080), Buffer.alloc(8_100_000)]));
  url.html = images.serve("/page.jpg", Buffer.from("<html>Not found</html>"), "text/html");
  url.redirecting = images.redirect("/moved.jpg", url.square!);
  url.missing = images.url("/nothing-here.jpg");
  url.unreachable = await closedPortUrl();
});

afterAll(async () => {
  await images.close();
});

const fakes: FakeInstagram[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/photo.jpg`;
}

async function setup(options: FakeInstagramOptions = {}) {
  const fake = await FakeInstagram.start(options);
  fakes.push(fake);
  const account = fake.addAccount();
  const token = fake.issueLongLivedToken(account);
  const client = createInstagramClient({ appId: fake.appId, appSecret: fake.appSecret, ...fake.urls });
  const create = (imageUrl: string, caption = "A caption") =>
    client.createImageContainer({ igUserId: account.userId, token, imageUrl, caption });
  const publish = (containerId: string) =>
    client.publishContainer({ igUserId: account.userId, token, containerId });
  return { fake, account, token, client, create, publish };
}

async function refusal(promise: Promise<unknown>): Promise<InstagramApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstagramApiError);
  return error as InstagramApiError;
}

describe("the fake accepts what Instagram accepts", () => {
  it.each(["portrait", "landscape", "square"])("publishes a %s JPEG within the rules", async (shape) => {
    const { fake, account, create, publish } = await setup();
    const { containerId } = await create(url[shape]!);
    await publish(containerId);
    expect(fake.published(account)).toHaveLength(1);
    expect(images.downloads(new URL(url[shape]!).pathname)).toBeGreaterThan(0);
  });
});

describe("the fake refuses images Instagram refuses", () => {
  it.each([
    ["a PNG", "png", 36001, 2207005, /only accepts JPEG/],
    ["a PNG served as image/jpeg", "pngNamedJpeg", 36001, 2207005, /only accepts JPEG/],
    ["a WebP", "webp", 36001, 2207005, /only accepts JPEG/],
    ["an HTML page", "html", 36001, 2207005, /only accepts JPEG/],
    ["a 9:16 image", "story", 36003, 2207009, /between 4:5/],
    ["an image wider than 1.91:1", "panorama", 36003, 2207009, /between 4:5/],
    ["an image over 8 MB", "heavy", 36000, 2207004, /8 MB/],
    ["an unreachable URL", "unreachable", 9004, 2207052, /could not download the image/],
    ["a URL that answers 404", "missing", 9004, 2207052, /could not download the image/],
    ["a URL that redirects", "redirecting", 9004, 2207052, /could not download the image/],
  ])("refuses %s", async (_label, key, code, subcode, ownerWords) => {
    const { fake, create } = await setup();
    const error = await refusal(create(url[key]!));
    expect(error).toMatchObject({ step: "create_container", httpStatus: 400, code, subcode });
    expect(describeFailure(classifyInstagramFailure(error))).toMatch(ownerWords);
    expect(fake.published()).toHaveLength(0);
  });

  it.each([
    ["narrower than 320 px", "narrow"],
    ["wider than 1440 px", "wide"],
  ])("refuses an image %s, the width range Instagram documents", async (_label, key) => {
    const { create } = await setup();
    const error = await refusal(create(url[key]!));
    expect(error).toMatchObject({ code: 100 });
    expect(classifyInstagramFailure(error).kind === "transient").toBe(false);
    expect(error.metaMessage).toMatch(/320–1440 px/);
  });

  it("can report bad media later, as container status ERROR with the subcode", async () => {
    const { token, client, create, publish } = await setup({ mediaErrorsAt: "status" });
    const { containerId } = await create(url.png!);
    const status = await client.getContainerStatus(containerId, token);
    expect(status.statusCode).toBe("ERROR");
    expect(status.status).toContain("2207005");
    expect(classifyContainerStatus(status)).toMatchObject({ kind: "permanent", recovery: "fix_media" });
    const error = await refusal(publish(containerId));
    expect(error).toMatchObject({ code: 9007, subcode: 2207027 });
  });
});

describe("the fake refuses captions Instagram refuses", () => {
  it("refuses more than 2 200 characters", async () => {
    const { create } = await setup();
    await create(url.square!, "é".repeat(2200));
    const error = await refusal(create(url.square!, "é".repeat(2201)));
    expect(error).toMatchObject({ code: 36004, subcode: 2207010 });
    expect(classifyInstagramFailure(error)).toMatchObject({ kind: "permanent", recovery: "fix_caption" });
  });

  it("refuses more than 30 hashtags", async () => {
    const { create } = await setup();
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(" ");
    await create(url.square!, tags(30));
    expect(await refusal(create(url.square!, tags(31)))).toMatchObject({ code: 36004, subcode: 2207010 });
  });

  it("refuses more than 20 @-mentions", async () => {
    const { create } = await setup();
    const mentions = Array.from({ length: 21 }, (_, i) => `@friend${i}`).join(" ");
    const error = await refusal(create(url.square!, mentions));
    expect(error).toMatchObject({ code: 100, subcode: 2207040 });
    expect(describeFailure(classifyInstagramFailure(error))).toMatch(/more than 20 accounts/);
  });
});

describe("the fake enforces publishing rules", () => {
  it("refuses to publish the same container twice and counts the attempt", async () => {
    const { fake, account, create, publish } = await setup();
    const { containerId } = await create(url.square!);
    await publish(containerId);
    await refusal(publish(containerId));
    expect(fake.published(account)).toHaveLength(1);
    expect(fake.duplicatePublishAttempts).toBe(1);
  });

  it("stops at the daily quota and frees it 24 hours later", async () => {
    const { fake, account, token, client, create, publish } = await setup({ quotaTotal: 2 });
    for (let i = 0; i < 2; i++) await publish((await create(url.square!, `Post ${i}`)).containerId);
    const third = (await create(url.square!, "Post 3")).containerId;

    const error = await refusal(publish(third));
    expect(error).toMatchObject({ code: 9, subcode: 2207042 });
    expect(classifyInstagramFailure(error).kind === "transient").toBe(true);
    expect(classifyInstagramFailure(error).recovery).toBe("wait_for_quota");
    expect(await client.getPublishingLimit(account.userId, token)).toMatchObject({
      quotaUsage: 2,
      quotaTotal: 2,
    });

    fake.advanceClock(24 * 3600 * 1000 + 1000);
    await publish((await create(url.square!, "Post 3, again")).containerId);
    expect(fake.published(account)).toHaveLength(3);
  });

  it("expires containers after 24 hours", async () => {
    const { fake, token, client, create, publish } = await setup();
    const { containerId } = await create(url.square!);
    fake.advanceClock(24 * 3600 * 1000 + 1000);
    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("EXPIRED");
    const error = await refusal(publish(containerId));
    expect(error).toMatchObject({ code: -2, subcode: 2207020 });
    expect(classifyInstagramFailure(error).recovery).toBe("new_container");
  });

  it("does not let one account publish another account's container", async () => {
    const { fake, client, create } = await setup();
    const { containerId } = await create(url.square!);
    const other = fake.addAccount();
    const error = await refusal(
      client.publishContainer({
        igUserId: other.userId,
        token: fake.issueLongLivedToken(other),
        containerId,
      }),
    );
    expect(error).toMatchObject({ code: 100, subcode: 33 });
    expect(fake.published()).toHaveLength(0);
  });

  it("does not serve the Graph API on the code-exchange host", async () => {
    const { fake, account } = await setup();
    const misrouted = createInstagramClient({
      appId: fake.appId,
      appSecret: fake.appSecret,
      graphUrl: fake.urls.apiUrl,
    });
    const error = await refusal(misrouted.getProfile(fake.issueLongLivedToken(account)));
    expect(error.code).toBe(2500);
  });
});

describe("the fake's alt text and comments follow Meta's contract", () => {
  it("keeps the alt text sent with an image, and refuses one over 1,000 characters", async () => {
    const { fake, account, token, client, publish } = await setup();
    const altText = "Ä".repeat(1000);
    const { containerId } = await client.createImageContainer({
      igUserId: account.userId,
      token,
      imageUrl: url.square!,
      caption: "A caption",
      altText,
    });
    await publish(containerId);
    expect(fake.published(account)[0]!.altText).toBe(altText);

    const error = await refusal(
      client.createImageContainer({
        igUserId: account.userId,
        token,
        imageUrl: url.square!,
        caption: "A caption",
        altText: `${altText}x`,
      }),
    );
    expect(error).toMatchObject({ step: "create_container", httpStatus: 400, code: 100 });
  });

  it("posts and lists the account's comments on its post, every page of them", async () => {
    const { fake, account, token, client, create, publish } = await setup();
    const { mediaId } = await publish((await create(url.square!)).containerId);
    for (let n = 0; n < 60; n++) fake.commentAs(mediaId, { id: `90${n}`, username: `fan${n}` }, `Nice ${n}`);

    const { commentId } = await client.postComment({ mediaId, token, message: "#cycling #cities" });

    const listed = await client.listComments({ mediaId, token });
    expect(listed).toHaveLength(61);
    expect(listed.at(-1)).toEqual({ commentId, text: "#cycling #cities", fromId: account.userId });
  });

  it("refuses comments with code 10 when the token lacks instagram_business_manage_comments", async () => {
    const { fake, account, client, create, publish } = await setup();
    const { mediaId } = await publish((await create(url.square!)).containerId);
    const token = fake.issueLongLivedToken(account, 0, [
      "instagram_business_basic",
      "instagram_business_content_publish",
    ]);

    const posting = await refusal(client.postComment({ mediaId, token, message: "Hello" }));
    expect(posting).toMatchObject({ step: "post_comment", httpStatus: 400, code: 10 });
    const listing = await refusal(client.listComments({ mediaId, token }));
    expect(listing).toMatchObject({ step: "list_comments", code: 10 });
    expect(fake.commentsOn(mediaId)).toEqual([]);
  });
});

describe("the fake holds carousels to Meta's contract", () => {
  async function carouselSetup(options: FakeInstagramOptions = {}) {
    const base = await setup(options);
    const { account, token, client } = base;
    const child = (imageUrl = url.portrait!, altText?: string) =>
      client.createCarouselItem({ igUserId: account.userId, token, imageUrl, altText });
    const children = async (count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push((await child()).containerId);
      return ids;
    };
    const parent = (childIds: string[], caption = "A carousel") =>
      client.createCarouselContainer({ igUserId: account.userId, token, childIds, caption });
    /** A raw `POST /<IG_ID>/media`, for parameters the adapter never sends. */
    const rawCreate = async (form: Record<string, string>) => {
      const response = await fetch(`${base.fake.urls.graphUrl}/v25.0/${account.userId}/media`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...form, access_token: token }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code: number } } };
    };
    return { ...base, child, children, parent, rawCreate };
  }

  it("publishes 2 to 10 finished children as one CAROUSEL_ALBUM, counted once, its children shown on the post", async () => {
    const { fake, account, token, client, child, children, parent, publish } = await carouselSetup();
    const first = (await child(url.portrait!, "A blue square, slide one.")).containerId;
    const ids = [first, ...(await children(9))];
    const { containerId } = await parent(ids, "Ten slides #carousel");
    const { mediaId } = await publish(containerId);

    const [post] = fake.published(account);
    expect(post).toMatchObject({ mediaId, mediaType: "CAROUSEL_ALBUM", caption: "Ten slides #carousel" });
    expect(post!.children.map((c) => c.containerId)).toEqual(ids);
    expect(post!.children[0]!.altText).toBe("A blue square, slide one.");
    expect((await client.getPublishingLimit(account.userId, token)).quotaUsage).toBe(1);
    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("PUBLISHED");
    const media = (await (
      await fetch(`${fake.urls.graphUrl}/v25.0/${mediaId}?fields=media_type,children&access_token=${token}`)
    ).json()) as { media_type: string; children: { data: { id: string }[] } };
    expect(media.media_type).toBe("CAROUSEL_ALBUM");
    expect(media.children.data.map((c) => c.id)).toEqual(post!.children.map((c) => c.mediaId));
  });

  it.each([1, 11])("refuses a carousel of %i children with 100/2207028", async (count) => {
    const { fake, children, parent } = await carouselSetup();
    const error = await refusal(parent(await children(count)));
    expect(error).toMatchObject({ step: "create_carousel", code: 100, subcode: 2207028 });
    expect(classifyInstagramFailure(error)).toMatchObject({ kind: "permanent", recovery: "give_up" });
    expect(fake.containersMade().filter((c) => c.kind === "carousel")).toEqual([]);
  });

  it("refuses a caption on a child and alt text on the parent", async () => {
    const { rawCreate, children } = await carouselSetup();
    const captioned = await rawCreate({ image_url: url.portrait!, is_carousel_item: "true", caption: "No" });
    expect(captioned).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    const ids = await children(2);
    const withAlt = await rawCreate({ media_type: "CAROUSEL", children: ids.join(","), alt_text: "No" });
    expect(withAlt).toMatchObject({ status: 400, body: { error: { code: 100 } } });
  });

  it("refuses a parent while a child is still processing, and with another account's child", async () => {
    const { fake, account, token, client, children, parent } = await carouselSetup({
      pollsBeforeFinished: 1,
    });
    const ids = await children(2);
    const unfinished = await refusal(parent(ids));
    expect(unfinished).toMatchObject({ code: 9007, subcode: 2207027 });
    expect(classifyInstagramFailure(unfinished).recovery).toBe("wait_for_container");
    // One status read later, the first child is FINISHED.
    expect((await client.getContainerStatus(ids[0]!, token)).statusCode).toBe("IN_PROGRESS");
    expect((await client.getContainerStatus(ids[0]!, token)).statusCode).toBe("FINISHED");

    const other = fake.addAccount();
    const otherToken = fake.issueLongLivedToken(other);
    const theirs = await client.createCarouselItem({
      igUserId: other.userId,
      token: otherToken,
      imageUrl: url.portrait!,
    });
    const foreign = await refusal(parent([ids[0]!, theirs.containerId]));
    expect(foreign).toMatchObject({ code: 100, subcode: 33 });
    expect(fake.published(account)).toEqual([]);
  });

  it("does not publish a child on its own", async () => {
    const { fake, account, children, publish } = await carouselSetup();
    const [id] = await children(1);
    await refusal(publish(id!));
    expect(fake.published(account)).toEqual([]);
  });
});
