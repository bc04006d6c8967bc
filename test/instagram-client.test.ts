import { inspect } from "node:util";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InstagramApiError } from "../src/instagram/instagram-api-error.ts";
import { createInstagramClient, type InstagramClient } from "../src/instagram/instagram-client.ts";
import { classifyInstagramFailure, describeFailure } from "../src/publishing/publish-errors.ts";
import {
  type FakeAccount,
  FakeImageHost,
  FakeInstagram,
  type FakeInstagramOptions,
} from "./fakes/fake-instagram.ts";

const REDIRECT_URI = "https://greenlight.example/auth/instagram/callback";

let images: FakeImageHost;
let photoUrl: string;

beforeAll(async () => {
  images = await FakeImageHost.start();
  const photo = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: "#b5523b" } })
    .jpeg()
    .toBuffer();
  photoUrl = images.serve("/media/photo.jpg", photo);
});

afterAll(async () => {
  await images.close();
});

const fakes: FakeInstagram[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function setup(
  options: FakeInstagramOptions = {},
  clientOptions: { timeoutMs?: number; graphVersion?: string } = {},
) {
  const fake = await FakeInstagram.start({ redirectUris: [REDIRECT_URI], ...options });
  fakes.push(fake);
  const account = fake.addAccount({ username: "cafe_rosa" });
  const client = createInstagramClient({
    appId: fake.appId,
    appSecret: fake.appSecret,
    ...fake.urls,
    timeoutMs: clientOptions.timeoutMs ?? 5000,
    ...(clientOptions.graphVersion ? { graphVersion: clientOptions.graphVersion } : {}),
  });
  return { fake, account, client };
}

/** Opens the authorize URL like a browser, presses Allow or Cancel, and returns where Instagram redirects. */
async function consent(authorizeUrl: string, decision: "allow" | "deny"): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(
      name!,
      value!.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
    );
  }
  form.set("decision", decision);
  const action = new URL(/<form method="post" action="([^"]+)">/.exec(html)![1]!, authorizeUrl);
  const answer = await fetch(action, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location")!);
}

async function caught(promise: Promise<unknown>): Promise<InstagramApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstagramApiError);
  return error as InstagramApiError;
}

/** Connects `account` through the whole OAuth sequence and returns its long-lived token. */
async function connect(fake: FakeInstagram, client: InstagramClient, account: FakeAccount): Promise<string> {
  fake.loginAs(account);
  const redirect = await consent(client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "s" }), "allow");
  const short = await client.exchangeCode({
    code: redirect.searchParams.get("code")!,
    redirectUri: REDIRECT_URI,
  });
  return (await client.exchangeForLongLived(short.accessToken)).accessToken;
}

describe("connecting an Instagram account", () => {
  it.each(["data", "flat"] as const)(
    "runs the whole OAuth sequence when the code exchange answers in the %s shape",
    async (tokenResponseShape) => {
      const { fake, account, client } = await setup({ tokenResponseShape });

      const authorizeUrl = client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "csrf-123" });
      expect(authorizeUrl.startsWith(fake.urls.authUrl)).toBe(true);
      const redirect = await consent(authorizeUrl, "allow");
      const sent = fake.lastAuthorizeParams!;
      expect(Object.fromEntries(sent)).toEqual({
        client_id: fake.appId,
        redirect_uri: REDIRECT_URI,
        response_type: "code",
        scope:
          "instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights",
        state: "csrf-123",
      });

      expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
      expect(redirect.searchParams.get("state")).toBe("csrf-123");
      expect(redirect.hash).toBe("#_");
      // Copied by hand, the code keeps Instagram's "#_" suffix; the client must drop it.
      const code = `${redirect.searchParams.get("code")}#_`;

      const short = await client.exchangeCode({ code, redirectUri: REDIRECT_URI });
      expect(short.userId).toBe(account.appScopedId);
      expect(short.permissions).toEqual([
        "instagram_business_basic",
        "instagram_business_content_publish",
        "instagram_business_manage_comments",
        "instagram_business_manage_insights",
      ]);

      const before = Date.now();
      const long = await client.exchangeForLongLived(short.accessToken);
      expect(long.accessToken).not.toBe(short.accessToken);
      expect(long.expiresInSeconds).toBe(60 * 24 * 3600);
      expect(long.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 60 * 24 * 3600 * 1000);

      expect(await client.getProfile(long.accessToken)).toEqual({
        userId: account.userId,
        username: "cafe_rosa",
        appScopedId: account.appScopedId,
      });
      expect(fake.calls("exchange_code")).toHaveLength(1);
      expect(fake.calls("get_profile")[0]!.path).toBe("/graph/v25.0/me");
    },
  );

  it("keeps every digit of a user_id Instagram sends as a bare JSON number", async () => {
    const { fake, account, client } = await setup({ numericUserIdInTokenResponse: true });
    expect(Number.isSafeInteger(Number(account.appScopedId))).toBe(false);
    const redirect = await consent(client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "s" }), "allow");
    const short = await client.exchangeCode({
      code: redirect.searchParams.get("code")!,
      redirectUri: REDIRECT_URI,
    });
    expect(short.userId).toBe(account.appScopedId);
    expect(fake.calls("exchange_code")).toHaveLength(1);
  });

  it("sends the owner back with access_denied when they cancel", async () => {
    const { client } = await setup();
    const redirect = await consent(
      client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "csrf-9" }),
      "deny",
    );
    expect(Object.fromEntries(redirect.searchParams)).toEqual({
      error: "access_denied",
      error_reason: "user_denied",
      error_description: "The user denied your request",
      state: "csrf-9",
    });
  });

  it("refuses a code used twice, with Meta's message and no retry", async () => {
    const { client } = await setup();
    const redirect = await consent(client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "s" }), "allow");
    const code = redirect.searchParams.get("code")!;
    await client.exchangeCode({ code, redirectUri: REDIRECT_URI });

    const error = await caught(client.exchangeCode({ code, redirectUri: REDIRECT_URI }));
    expect(error).toMatchObject({
      step: "exchange_code",
      origin: "meta",
      httpStatus: 400,
      code: 400,
      type: "OAuthException",
      metaMessage: "Matching code was not found or was already used",
    });
    expect(classifyInstagramFailure(error).kind === "transient").toBe(false);
  });

  it("refuses a code exchanged with a different redirect URI", async () => {
    const { client } = await setup({ redirectUris: [REDIRECT_URI, `${REDIRECT_URI}/`] });
    const redirect = await consent(client.authorizeUrl({ redirectUri: REDIRECT_URI, state: "s" }), "allow");
    const error = await caught(
      client.exchangeCode({ code: redirect.searchParams.get("code")!, redirectUri: `${REDIRECT_URI}/` }),
    );
    expect(error.metaMessage).toMatch(/redirect_uri is identical/);
  });

  it("refreshes a long-lived token once it is a day old, and the new token works", async () => {
    const { fake, account, client } = await setup();
    const token = await connect(fake, client, account);

    const tooEarly = await caught(client.refreshLongLived(token));
    expect(tooEarly.step).toBe("refresh_token");

    fake.advanceClock(25 * 3600 * 1000);
    const refreshed = await client.refreshLongLived(token);
    expect(refreshed.accessToken).not.toBe(token);
    expect(refreshed.expiresInSeconds).toBe(60 * 24 * 3600);
    expect((await client.getProfile(refreshed.accessToken)).userId).toBe(account.userId);
  });

  it("reports an expired token as code 190/463, which disconnects the brand", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    fake.advanceClock(61 * 24 * 3600 * 1000);

    const error = await caught(client.getProfile(token));
    expect(error).toMatchObject({
      step: "get_profile",
      httpStatus: 400,
      code: 190,
      subcode: 463,
    });
    expect(classifyInstagramFailure(error).kind === "transient").toBe(false);
    expect(classifyInstagramFailure(error)).toMatchObject({ kind: "token_invalid", recovery: "reconnect" });
  });

  it("reports a revoked token as code 190 with Meta's subcode", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    fake.revokeAccess(account, 460);
    const error = await caught(client.getPublishingLimit(account.userId, token));
    expect(error).toMatchObject({ code: 190, subcode: 460 });
    expect(describeFailure(classifyInstagramFailure(error))).toMatch(/password was changed/);
  });

  it("calls the Graph API version it is configured with", async () => {
    const { fake, account, client } = await setup({}, { graphVersion: "v26.0" });
    await client.getProfile(fake.issueLongLivedToken(account));
    expect(fake.calls("get_profile")[0]!.path).toBe("/graph/v26.0/me");
  });
});

describe("publishing an image", () => {
  it("creates a container, waits for FINISHED, publishes once and finds the permalink", async () => {
    const { fake, account, client } = await setup({ pollsBeforeFinished: 2 });
    const token = fake.issueLongLivedToken(account);
    const caption = "Fresh sourdough today #bakery & more #local\nSee you at 8!";

    const { containerId } = await client.createImageContainer({
      igUserId: account.userId,
      token,
      imageUrl: photoUrl,
      caption,
    });
    const tooSoon = await caught(client.publishContainer({ igUserId: account.userId, token, containerId }));
    expect(tooSoon).toMatchObject({ step: "publish", code: 9007, subcode: 2207027 });
    expect(classifyInstagramFailure(tooSoon).kind === "transient").toBe(true);
    expect(classifyInstagramFailure(tooSoon).recovery).toBe("wait_for_container");

    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("IN_PROGRESS");
    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("IN_PROGRESS");
    expect(await client.getContainerStatus(containerId, token)).toEqual({
      statusCode: "FINISHED",
      status: "Finished",
    });

    const { mediaId } = await client.publishContainer({ igUserId: account.userId, token, containerId });
    const media = await client.getMedia(mediaId, token);
    expect(media.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/[\w-]+\/$/);
    expect(media.timestamp).toBeInstanceOf(Date);
    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("PUBLISHED");

    const posts = fake.published(account);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.caption).toBe(caption);
    expect(await client.getPublishingLimit(account.userId, token)).toEqual({
      quotaUsage: 1,
      quotaTotal: 50,
      quotaDurationSeconds: 86400,
    });
  });

  it("after a publish whose answer was lost, the container shows it went out and the post can be found", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    const caption = "Lost answer test #bakery";
    const markedAt = new Date();
    const { containerId } = await client.createImageContainer({
      igUserId: account.userId,
      token,
      imageUrl: photoUrl,
      caption,
    });
    fake.failNext("publish", { kind: "drop_after_action" });

    const lost = await caught(client.publishContainer({ igUserId: account.userId, token, containerId }));
    expect(lost).toMatchObject({ step: "publish", origin: "network", httpStatus: null });
    expect(classifyInstagramFailure(lost).kind === "transient").toBe(true);
    expect(classifyInstagramFailure(lost).recovery).toBe("check_container");

    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("PUBLISHED");
    const found = await client.findRecentMediaByCaption({
      igUserId: account.userId,
      token,
      caption,
      publishedAfter: markedAt,
    });
    expect(found.map((media) => media.mediaId)).toEqual([fake.published(account)[0]!.mediaId]);
    expect(fake.published(account)).toHaveLength(1);
    expect(fake.duplicatePublishAttempts).toBe(0);
  });

  it("finds no post by caption when a different caption went out", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    const { containerId } = await client.createImageContainer({
      igUserId: account.userId,
      token,
      imageUrl: photoUrl,
      caption: "Someone else's post",
    });
    await client.publishContainer({ igUserId: account.userId, token, containerId });
    const found = await client.findRecentMediaByCaption({
      igUserId: account.userId,
      token,
      caption: "Our post",
      publishedAfter: new Date(Date.now() - 60_000),
    });
    expect(found).toEqual([]);
  });

  it("types a server error, a rate limit and a timeout as transient", async () => {
    const { fake, account, client } = await setup({}, { timeoutMs: 300 });
    const token = fake.issueLongLivedToken(account);
    const { containerId } = await client.createImageContainer({
      igUserId: account.userId,
      token,
      imageUrl: photoUrl,
      caption: "",
    });

    fake.failNext("container_status", { kind: "server_error" });
    const serverError = await caught(client.getContainerStatus(containerId, token));
    expect(serverError).toMatchObject({
      step: "container_status",
      httpStatus: 500,
      code: 2,
    });
    expect(classifyInstagramFailure(serverError).kind === "transient").toBe(true);
    expect(serverError.fbtraceId).toMatch(/^A/);

    fake.failNext("publishing_limit", { kind: "rate_limit", code: 17 });
    const limited = await caught(client.getPublishingLimit(account.userId, token));
    expect(limited).toMatchObject({ code: 17 });
    expect(classifyInstagramFailure(limited).kind === "transient").toBe(true);
    expect(classifyInstagramFailure(limited).recovery).toBe("back_off");

    fake.failNext("container_status", { kind: "delay", ms: 1000 });
    const slow = await caught(client.getContainerStatus(containerId, token));
    expect(slow).toMatchObject({ step: "container_status", origin: "timeout" });
    expect(classifyInstagramFailure(slow).kind === "transient").toBe(true);

    expect((await client.getContainerStatus(containerId, token)).statusCode).toBe("FINISHED");
  });

  it("carries Meta's code, subcode, type and trace id on publishing errors", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    fake.failNext("create_container", {
      kind: "meta_error",
      code: 4,
      subcode: 2207051,
      message: "We restrict certain activity to protect our community.",
    });
    const error = await caught(
      client.createImageContainer({ igUserId: account.userId, token, imageUrl: photoUrl, caption: "x" }),
    );
    expect(error).toMatchObject({
      step: "create_container",
      origin: "meta",
      httpStatus: 400,
      code: 4,
      subcode: 2207051,
      type: "OAuthException",
      metaMessage: "We restrict certain activity to protect our community.",
    });
    expect(error.message).toMatch(
      /^Instagram create_container failed \(HTTP 400, code 4\/2207051, fbtrace_id A[\w-]+\): We restrict/,
    );
  });
});

describe("reading a post's insights", () => {
  it("reads the metrics, empty while Instagram has none yet, and error 10 when too few saw the post", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    const fresh = fake.postDirectly(account, "New post", 60_000);
    expect(await client.getMediaInsights(fresh.mediaId, token)).toEqual({});

    const older = fake.postDirectly(account, "Older post", 2 * 86_400_000);
    fake.setInsights(older.mediaId, { views: 120, reach: 90, saved: 4, total_interactions: 11 });
    expect(await client.getMediaInsights(older.mediaId, token)).toEqual({
      views: 120,
      reach: 90,
      likes: 0,
      comments: 0,
      saved: 4,
      shares: 0,
      total_interactions: 11,
    });

    fake.setInsights(older.mediaId, "not_enough_viewers");
    const error = await caught(client.getMediaInsights(older.mediaId, token));
    expect(error).toMatchObject({ step: "media_insights", code: 10 });
    expect(error.metaMessage).toContain("Not enough viewers");
  });

  it("leaves out a metric Instagram refuses for the media type and reads the rest", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    const media = fake.postDirectly(account, "Image post", 2 * 86_400_000);
    fake.setInsights(media.mediaId, { views: 50, reach: 40, shares: 3 });
    fake.refuseMetrics(["shares", "likes"]);

    const insights = await client.getMediaInsights(media.mediaId, token);
    expect(insights).toMatchObject({ views: 50, reach: 40 });
    expect(insights).not.toHaveProperty("shares");
    expect(insights).not.toHaveProperty("likes");
    expect(fake.calls("media_insights")).toHaveLength(3);
  });
});

describe("keeping tokens out of errors", () => {
  function expectNoSecrets(error: InstagramApiError, secrets: string[]): void {
    const renderings = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? "",
      inspect(error, { depth: 5 }),
    ];
    for (const rendering of renderings) {
      for (const secret of secrets) expect(rendering).not.toContain(secret);
      expect(rendering).not.toMatch(/(access_token|client_secret)=(?!\[redacted\])/);
    }
  }

  it("scrubs tokens and the app secret even when Meta's message quotes them", async () => {
    const { fake, account, client } = await setup();
    const token = fake.issueLongLivedToken(account);
    const errors: InstagramApiError[] = [];

    fake.failNext("get_profile", {
      kind: "meta_error",
      code: 100,
      message: `Invalid parameter: https://graph.instagram.com/me?access_token=${token} was rejected for ${token}`,
    });
    errors.push(await caught(client.getProfile(token)));

    fake.failNext("exchange_long_lived", {
      kind: "meta_error",
      code: 101,
      message: `Error validating client secret ${fake.appSecret}`,
    });
    errors.push(await caught(client.exchangeForLongLived(token)));

    fake.revokeAccess(account);
    errors.push(await caught(client.getProfile(token)));
    errors.push(await caught(client.publishContainer({ igUserId: account.userId, token, containerId: "1" })));

    fake.failNext("get_media", { kind: "drop_before_action" });
    errors.push(await caught(client.getMedia("1792", token)));

    for (const error of errors) expectNoSecrets(error, [token, fake.appSecret]);
    expect(errors[0]!.metaMessage).toContain("[redacted]");
  });

  it("does not follow a redirect, so the token never reaches another host", async () => {
    const client = createInstagramClient({
      appId: "1",
      appSecret: "app-secret-value",
      graphUrl: images.baseUrl,
    });
    images.redirect("/v25.0/me", images.url("/elsewhere"));
    const error = await caught(client.getProfile("IGAALsomelonglivedtokenvalue0123456789"));
    expect(error).toMatchObject({ step: "get_profile", origin: "network" });
    expect(images.downloads("/elsewhere")).toBe(0);
  });

  it("names an unreachable Instagram without quoting the URL", async () => {
    const { fake, account } = await setup();
    const token = fake.issueLongLivedToken(account);
    const graphUrl = fake.urls.graphUrl;
    await fake.close();
    fakes.splice(fakes.indexOf(fake), 1);
    const client = createInstagramClient({
      appId: "1",
      appSecret: "app-secret-value",
      graphUrl,
      timeoutMs: 2000,
    });

    const error = await caught(client.getProfile(token));
    expect(error).toMatchObject({ step: "get_profile", origin: "network" });
    expect(classifyInstagramFailure(error).kind === "transient").toBe(true);
    expect(error.message).toMatch(/could not reach Instagram \(ECONNREFUSED\)/);
    expect(error.message).not.toContain("127.0.0.1");
    expectNoSecrets(error, [token, "app-secret-value"]);
  });
});
