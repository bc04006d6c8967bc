/**
 * A fake of the Instagram endpoints Greenlight calls, served over real HTTP on 127.0.0.1 so the adapter is
 * exercised end to end: OAuth (authorize page, code exchange in both documented shapes, long-lived exchange,
 * refresh), /me, and publishing (container → status polls → media_publish → permalink, quota, recent media).
 *
 * It is deliberately strict, so tests that pass here do not lean on leniency Instagram lacks:
 * - it downloads `image_url` itself and rejects what Instagram rejects (unreachable or redirecting URL,
 *   non-JPEG, > 8 MB, aspect ratio outside 4:5–1.91:1) with Meta's codes (platform-apis.md §B.4/§B.5);
 *   it also rejects widths outside 320–1440 px, which Instagram documents but rescales instead of refusing;
 * - captions over 2 200 characters, 30 hashtags or 20 @-mentions are refused, and so is alt text over 1 000;
 * - comments (`POST`/`GET /<media-id>/comments`) need the instagram_business_manage_comments permission on the
 *   token; without it Meta answers code 10, as for any permission the app was not granted;
 * - codes are single-use, bound to their redirect_uri and expire after an hour; tokens expire; revoked or
 *   unknown tokens get code 190;
 * - publishing a container that is still IN_PROGRESS fails with 9007/2207027, and publishing one that is
 *   already PUBLISHED fails too (Meta does not document this case, §B.6; the fake counts such attempts in
 *   `duplicatePublishAttempts` so tests can assert there were none).
 *
 * Carousels (Content Publishing guide, carousel posts; platform-apis.md §B.1–B.3): `POST /<IG_ID>/media` with
 * `is_carousel_item=true` and `image_url` (and `alt_text`) makes a child, which refuses a caption; with
 * `media_type=CAROUSEL`, `children` (comma-separated container ids, in order) and `caption` it makes the parent.
 * The parent needs 2 to 10 children (100/2207028 otherwise), each the account's own carousel item and FINISHED
 * (9007/2207027 while one is not, as for publishing an unfinished container; Meta documents only that children
 * must be FINISHED first). Children and parent report status_code like any container. `media_publish` of the
 * parent makes one post, `media_type=CAROUSEL_ALBUM`, counted once against the quota; `GET /<media-id>` shows its
 * `children`. A child cannot be published on its own, and a parent takes no `alt_text` (alt text is for images,
 * each child carries its own): both are the fake's rules, stricter than anything Meta documents. The three kinds
 * of `POST /<IG_ID>/media` are logged as endpoints of their own (create_container, create_carousel_item,
 * create_carousel), so faults can be aimed at each.
 *
 * Comments (IG Comment reference; production-and-v2-apis.md, Comments): a comment exists once its notification was
 * made (`commentNotification`); `POST /<comment-id>/replies` with `message` answers `{id}` and refuses a missing
 * message, a hidden comment and a comment over Instagram's limits; `GET /<comment-id>/replies` lists them as
 * `{data: [{id, text, username, timestamp}]}`; `POST /<comment-id>` with `hide=true|false` answers
 * `{success: true}`. Only the token of the account whose media carries the comment may act on it (others get
 * 100/33 as for any object they cannot see).
 *
 * The three Meta hosts are modelled as path prefixes of one server (`/auth`, `/api`, `/graph`), so a call sent
 * to the wrong host fails. Graph paths accept an optional `/vNN.N` prefix. Faults can be queued per endpoint:
 * a 5xx, a rate limit, any Meta error, a delay, or a dropped connection before or after the action is carried
 * out ("published, but the answer was lost").
 */

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { signSignedRequest } from "../../src/meta-callbacks/signed-request.ts";
import { signWebhookBody } from "../../src/meta-webhooks/webhook-signature.ts";
import { readRequestBody } from "./read-request-body.ts";

export type FakeEndpoint =
  | "authorize"
  | "exchange_code"
  | "exchange_long_lived"
  | "refresh_token"
  | "get_profile"
  | "create_container"
  | "create_carousel_item"
  | "create_carousel"
  | "container_status"
  | "publish"
  | "get_media"
  | "publishing_limit"
  | "list_media"
  | "subscribe_app"
  | "media_insights"
  | "reply_comment"
  | "list_replies"
  | "hide_comment"
  | "post_comment"
  | "list_comments";

export type FakeFault =
  /** HTTP 500 with Meta's code 2 "service temporarily unavailable", is_transient true. */
  | { kind: "server_error" }
  /** HTTP 400 with a throttling code (default 4, "Application request limit reached"). */
  | { kind: "rate_limit"; code?: 4 | 17 | 32 | 613 | 80002 }
  /** Any Meta error body. */
  | {
      kind: "meta_error";
      httpStatus?: number;
      code: number;
      subcode?: number;
      message?: string;
      isTransient?: boolean;
    }
  /** Close the connection without doing anything. */
  | { kind: "drop_before_action" }
  /** Do the work (create, publish, ...), then close the connection without answering. */
  | { kind: "drop_after_action" }
  /** Do the work, then never answer (the caller is killed while it waits: a crash between the call and its record). */
  | { kind: "hang_after_action" }
  /** Do the work, then answer after a pause: long enough to kill or stop the caller between the two. */
  | { kind: "delay_after_action"; ms: number }
  /** Answer normally, after a pause. */
  | { kind: "delay"; ms: number };

export interface FakeInstagramOptions {
  appId?: string;
  appSecret?: string;
  /** Registered OAuth redirect URIs; empty accepts any http(s) URI. */
  redirectUris?: string[];
  /** The code exchange's body: `{data:[{…}]}` as Meta documents, or the flat `{…}` seen in practice (§A.3). */
  tokenResponseShape?: "data" | "flat";
  /** Send user_id in the code exchange as a bare JSON number, as some code expects (§A.3). */
  numericUserIdInTokenResponse?: boolean;
  /** Status polls answered IN_PROGRESS before a container turns FINISHED. Default 0. */
  pollsBeforeFinished?: number;
  /** Report bad media when the container is created (Meta's usual behaviour, default) or as status ERROR. */
  mediaErrorsAt?: "create" | "status";
  /** Posts per rolling 24 h. Default 50, the value in Meta's content_publishing_limit example. */
  quotaTotal?: number;
  /** How long the fake waits for an image download. Default 5 s. */
  imageFetchTimeoutMs?: number;
  /** What the authorize endpoint does: show a consent page (default), or redirect at once. */
  consent?: "ask" | "allow" | "deny";
}

export interface FakeAccount {
  /** The professional account id: `user_id` in /me, the `<IG_ID>` in /<IG_ID>/media. */
  userId: string;
  /** The app-scoped id: `id` in /me, `user_id` in the code exchange and in signed requests. */
  appScopedId: string;
  username: string;
}

/** A comment as the fake's webhook notification carries it (Meta's `comments` field). */
export interface FakeComment {
  /** The comment's id; a fresh one by default. */
  id?: string;
  text: string;
  /** The commenter; an Instagram user of its own by default. */
  from?: { id: string; username: string };
  /** Set when the comment replies to another comment. */
  parentId?: string;
}

/** How the fake signs a delivery: as Meta does (default), not at all, or with a given header (a forgery). */
export type WebhookSigning = { kind: "meta" } | { kind: "unsigned" } | { kind: "header"; value: string };

export interface FakePublishedMedia {
  mediaId: string;
  userId: string;
  containerId: string;
  /** IMAGE for a single image, CAROUSEL_ALBUM for a carousel. */
  mediaType: "IMAGE" | "CAROUSEL_ALBUM";
  /** The image (a carousel's: its first child's). */
  imageUrl: string;
  caption: string;
  /** The container's `alt_text`, as Instagram would show it to screen readers (null when none was sent). */
  altText: string | null;
  /** A carousel's images, in the order of the parent's `children`; empty for a single image. */
  children: FakeCarouselChild[];
  permalink: string;
  publishedAt: Date;
}

/** One image of a published carousel. */
export interface FakeCarouselChild {
  mediaId: string;
  containerId: string;
  imageUrl: string;
  altText: string | null;
}

/** A container as the fake made it: what a test may check about what Greenlight asked for. */
export interface FakeContainer {
  id: string;
  userId: string;
  kind: "image" | "carousel_item" | "carousel";
  imageUrl: string;
  caption: string;
  altText: string | null;
  /** A carousel parent's children, in order; empty otherwise. */
  children: string[];
  createdAt: Date;
}

/** A comment on one of the fake's media, and what was done to it through the API. */
export interface FakeCommentRecord {
  commentId: string;
  mediaId: string;
  /** The account whose media carries it: the one allowed to reply and hide. */
  ownerUserId: string;
  text: string;
  hidden: boolean;
  replies: { id: string; text: string; username: string; timestamp: string }[];
}

/** A comment on a post, as `GET /<media-id>/comments` lists it. */
export interface FakeMediaComment {
  id: string;
  mediaId: string;
  text: string;
  from: { id: string; username: string };
  createdAt: Date;
}

export interface FakeCall {
  endpoint: FakeEndpoint | "unknown";
  method: string;
  /** Path without query; never contains a token. */
  path: string;
  /** The account whose token made the call (null for OAuth calls and unknown tokens). */
  userId: string | null;
  /** When the request arrived, and when its answer was sent or the caller went away (null while in flight). */
  startedAt: number;
  endedAt: number | null;
  /** When the fake carried the call out (null: not yet, or never, as for a refusal or a call dropped before). */
  actedAt: number | null;
}

interface TokenRecord {
  account: FakeAccount;
  /** What the owner allowed on the consent page; carried from the code to every token exchanged from it. */
  scopes: readonly string[];
  kind: "short" | "long";
  issuedAt: number;
  expiresAt: number;
  revokedSubcode: number | null;
}

interface CodeRecord {
  account: FakeAccount;
  redirectUri: string;
  scopes: string[];
  issuedAt: number;
  used: boolean;
}

interface Container {
  id: string;
  userId: string;
  kind: "image" | "carousel_item" | "carousel";
  /** A carousel parent's children, in order. */
  children: string[];
  imageUrl: string;
  caption: string;
  altText: string | null;
  createdAt: number;
  pollsLeft: number;
  /** Set when media checks are deferred to the status endpoint and failed. */
  failure: MetaError | null;
  published: boolean;
}

interface MetaError {
  httpStatus: number;
  code: number;
  subcode?: number;
  message: string;
  isTransient?: boolean;
}

export interface FakeRateUsage {
  appPercent?: number;
  account?: FakeAccount;
  accountPercent?: number;
  regainAccessMinutes?: number;
}

/** The headers Meta sends, as its rate-limiting page shows them. */
function rateUsageHeaders(usage: FakeRateUsage | null): Record<string, string> {
  if (!usage) return {};
  const headers: Record<string, string> = {};
  if (usage.appPercent !== undefined) {
    const p = usage.appPercent;
    headers["x-app-usage"] = JSON.stringify({ call_count: p, total_cputime: p, total_time: p });
  }
  if (usage.account && usage.accountPercent !== undefined) {
    const p = usage.accountPercent;
    headers["x-business-use-case-usage"] = JSON.stringify({
      [usage.account.userId]: [
        {
          type: "instagram",
          call_count: p,
          total_cputime: p,
          total_time: p,
          estimated_time_to_regain_access: usage.regainAccessMinutes ?? 0,
        },
      ],
    });
  }
  return headers;
}

type Reply =
  | { status: number; json: unknown }
  | { status: number; rawJson: string }
  | { status: number; html: string }
  | { status: 302; location: string };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SHORT_TOKEN_SECONDS = 3600;
const LONG_TOKEN_SECONDS = 60 * 24 * 3600;
/** Meta says "8 MB"; the decimal reading is the stricter one (as in src/images/instagram-image-rules.ts). */
const MAX_IMAGE_BYTES = 8_000_000;
/** Insights of a post as the fake reports them (Meta's metric names). */
export type FakeInsights = Partial<
  Record<"views" | "reach" | "likes" | "comments" | "saved" | "shares" | "total_interactions", number>
>;

/** How long after publishing a post's insights come back empty (Meta: data can be delayed up to 48 h). */
const DEFAULT_INSIGHTS_DELAY_MS = 6 * 3_600_000;

const KNOWN_SCOPES = new Set([
  "instagram_business_basic",
  "instagram_business_content_publish",
  "instagram_business_manage_comments",
  "instagram_business_manage_messages",
  "instagram_business_manage_insights",
]);

export class FakeInstagram {
  readonly appId: string;
  readonly appSecret: string;
  readonly urls: { authUrl: string; apiUrl: string; graphUrl: string };
  /** The query of the last authorize request, for asserting what Greenlight sent. */
  lastAuthorizeParams: URLSearchParams | null = null;
  /** Publish calls on an already-published container: each one a double post a real account might show. */
  duplicatePublishAttempts = 0;

  private readonly server: Server;
  private readonly options: Required<Omit<FakeInstagramOptions, "appId" | "appSecret">>;
  private readonly accounts: FakeAccount[] = [];
  /** Webhook fields each account subscribed the app to (POST /me/subscribed_apps), by professional account id. */
  private readonly subscriptions = new Map<string, Set<string>>();
  private loggingIn: FakeAccount | null = null;
  private readonly codes = new Map<string, CodeRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly containers = new Map<string, Container>();
  private readonly media = new Map<string, FakePublishedMedia>();
  private readonly insights = new Map<string, FakeInsights | "not_enough_viewers">();
  private insightsDelayMs = DEFAULT_INSIGHTS_DELAY_MS;
  private refusedMetrics = new Set<string>();
  private readonly comments = new Map<string, FakeCommentRecord>();
  private readonly mediaComments: FakeMediaComment[] = [];
  private readonly faults = new Map<FakeEndpoint, FakeFault[]>();
  private readonly callLog: FakeCall[] = [];
  private clockOffsetMs = 0;
  private latencyMs = 0;
  private readonly hangs = new Map<string, number>();
  private nextId = 1;
  private rateUsage: FakeRateUsage | null = null;
  private faultPlan: ((endpoint: FakeEndpoint) => FakeFault | undefined) | null = null;
  /** How many calls the fault plan disturbed, by fault kind. */
  readonly injectedFaults: Partial<Record<FakeFault["kind"], number>> = {};

  private constructor(server: Server, options: FakeInstagramOptions) {
    this.server = server;
    this.appId = options.appId ?? "1234567890123456";
    this.appSecret = options.appSecret ?? "fake-instagram-app-secret-0123456789";
    this.options = {
      redirectUris: options.redirectUris ?? [],
      tokenResponseShape: options.tokenResponseShape ?? "data",
      numericUserIdInTokenResponse: options.numericUserIdInTokenResponse ?? false,
      pollsBeforeFinished: options.pollsBeforeFinished ?? 0,
      mediaErrorsAt: options.mediaErrorsAt ?? "create",
      quotaTotal: options.quotaTotal ?? 50,
      imageFetchTimeoutMs: options.imageFetchTimeoutMs ?? 5000,
      consent: options.consent ?? "ask",
    };
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    this.urls = { authUrl: `${base}/auth/oauth/authorize`, apiUrl: `${base}/api`, graphUrl: `${base}/graph` };
  }

  static async start(options: FakeInstagramOptions = {}): Promise<FakeInstagram> {
    // Requests can only arrive once the server listens, by which time `fake` below is assigned.
    const server = createServer((req, res) => {
      void fake.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(`fake-instagram crashed: ${String(error)}`);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const fake = new FakeInstagram(server, options);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  // -- Test controls ---------------------------------------------------------------------------------------

  /** Adds an Instagram professional account. The first one added is the one that logs in by default. */
  addAccount(input: { username?: string } = {}): FakeAccount {
    const n = this.accounts.length + 1;
    const account: FakeAccount = {
      userId: String(17841400000000000n + BigInt(n)),
      // Above 2^53 on purpose: a client parsing it as a JSON number would lose digits.
      appScopedId: String(26000000000000000n + BigInt(n) * 7n),
      username: input.username ?? `brand_${n}`,
    };
    this.accounts.push(account);
    this.loggingIn ??= account;
    return account;
  }

  /** The account that the next consent on the authorize page belongs to. */
  loginAs(account: FakeAccount): void {
    this.loggingIn = account;
  }

  setConsent(consent: "ask" | "allow" | "deny"): void {
    this.options.consent = consent;
  }

  setPollsBeforeFinished(polls: number): void {
    this.options.pollsBeforeFinished = polls;
  }

  /** Whether bad media is refused when the container is made (Meta's usual way) or reported later as ERROR. */
  setMediaErrorsAt(at: "create" | "status"): void {
    this.options.mediaErrorsAt = at;
  }

  /**
   * A long-lived token for `account`, as if OAuth had already run `ageMs` ago, with `scopes` allowed (by default
   * every permission Greenlight asks for).
   */
  issueLongLivedToken(account: FakeAccount, ageMs = 0, scopes: string[] = [...KNOWN_SCOPES]): string {
    return this.issueToken(account, "long", this.nowMs() - ageMs, scopes);
  }

  /**
   * What `GET /<media-id>/insights` reports for the post: these numbers, or error 10 "Not enough viewers".
   * A post with nothing set reports zeros once it is older than the insights delay, and empty data before.
   */
  setInsights(mediaId: string, insights: FakeInsights | "not_enough_viewers"): void {
    this.insights.set(mediaId, insights);
  }

  /**
   * Metrics refused with code 100 "not supported for this media type", as Meta refuses `shares` for some image
   * posts although its table lists it (reported in public issue trackers; the docs and the API disagree).
   */
  refuseMetrics(metrics: string[]): void {
    this.refusedMetrics = new Set(metrics);
  }

  /** How long after publishing a post's insights come back as an empty data set (default 6 hours). */
  setInsightsDelay(ms: number): void {
    this.insightsDelayMs = ms;
  }

  /** The comments on a post, oldest first. */
  commentsOn(mediaId: string): FakeMediaComment[] {
    return this.mediaComments.filter((comment) => comment.mediaId === mediaId);
  }

  /** Someone else comments on a post (so lookups must tell the account's own comment from theirs). */
  commentAs(mediaId: string, from: { id: string; username: string }, text: string): FakeMediaComment {
    const comment = { id: this.newId("1790"), mediaId, text, from, createdAt: this.now() };
    this.mediaComments.push(comment);
    return comment;
  }

  /** Every token of the account now fails with code 190 and this subcode (458: the user removed the app). */
  revokeAccess(account: FakeAccount, subcode = 458): void {
    for (const record of this.tokens.values()) {
      if (record.account.userId === account.userId) record.revokedSubcode = subcode;
    }
  }

  /** Moves the fake's clock forward: tokens, codes, containers and the quota window all follow it. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /**
   * From now on every Graph answer carries Meta's rate-usage headers: X-App-Usage with `appPercent`, and
   * X-Business-Use-Case-Usage for `account` with `accountPercent`. With `regainAccessMinutes`, the limit is
   * reached and Meta refuses every call (code 4 for the app, 80002 for the account) until this is cleared with
   * null. Percentages apply to call_count, total_cputime and total_time alike.
   */
  reportRateUsage(usage: FakeRateUsage | null): void {
    this.rateUsage = usage;
  }

  /** Every Graph call from now on is answered after `ms` (Meta's own latency; 0 by default). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Every call made with the account's token waits `ms` before it is carried out (null: no longer). */
  hang(account: FakeAccount, ms: number | null): void {
    if (ms === null) this.hangs.delete(account.userId);
    else this.hangs.set(account.userId, ms);
  }

  /**
   * A post made outside the API (in the Instagram app, or by another tool), `ageMs` ago: it shows in the
   * account's media like any other.
   */
  postDirectly(account: FakeAccount, caption: string, ageMs = 0): FakePublishedMedia {
    const media: FakePublishedMedia = {
      mediaId: this.newId("1792"),
      userId: account.userId,
      containerId: "",
      mediaType: "IMAGE",
      imageUrl: "",
      caption,
      altText: null,
      children: [],
      permalink: `https://www.instagram.com/p/${randomToken(11)}/`,
      publishedAt: new Date(this.nowMs() - ageMs),
    };
    this.media.set(media.mediaId, media);
    return media;
  }

  /**
   * The most calls that were in flight at one moment, of one account's when given: how much of Greenlight's
   * work overlapped, as Instagram saw it.
   */
  mostCallsAtOnce(account?: FakeAccount): number {
    const calls = this.callLog.filter((call) => !account || call.userId === account.userId);
    const edges = calls.flatMap((call) => [
      { at: call.startedAt, step: 1 },
      { at: call.endedAt ?? Number.POSITIVE_INFINITY, step: -1 },
    ]);
    // An answer sent in the same millisecond as the next call arrives is not an overlap.
    edges.sort((a, b) => a.at - b.at || a.step - b.step);
    let now = 0;
    let most = 0;
    for (const edge of edges) most = Math.max(most, (now += edge.step));
    return most;
  }

  /** Makes the next `times` calls to `endpoint` fail with `fault`. */
  failNext(endpoint: FakeEndpoint, fault: FakeFault, times = 1): void {
    const queue = this.faults.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(endpoint, queue);
  }

  /**
   * Fault injection: `plan` is asked on every call that has no fault queued by `failNext`, and may answer with one
   * (a 5xx, a transient Meta error, a lost answer...). Null switches it off.
   */
  injectFaults(plan: ((endpoint: FakeEndpoint) => FakeFault | undefined) | null): void {
    this.faultPlan = plan;
  }

  /** The containers made so far, oldest first; for one account when given. */
  containersMade(account?: FakeAccount): FakeContainer[] {
    return [...this.containers.values()]
      .filter((container) => !account || container.userId === account.userId)
      .map((container) => ({
        id: container.id,
        userId: container.userId,
        kind: container.kind,
        imageUrl: container.imageUrl,
        caption: container.caption,
        altText: container.altText,
        children: [...container.children],
        createdAt: new Date(container.createdAt),
      }));
  }

  /** The container now reports EXPIRED, as it would 24 hours after it was made. */
  expireContainer(containerId: string): void {
    const container = this.containers.get(containerId);
    if (!container) throw new Error(`no container ${containerId}`);
    container.createdAt = this.nowMs() - DAY_MS - 1000;
  }

  /** Posts that went live, oldest first; for one account when given. */
  published(account?: FakeAccount): FakePublishedMedia[] {
    return [...this.media.values()].filter((media) => !account || media.userId === account.userId);
  }

  calls(endpoint?: FakeEndpoint): FakeCall[] {
    return this.callLog.filter((call) => !endpoint || call.endpoint === endpoint);
  }

  /** The `signed_request` Meta would POST to the deauthorize or data-deletion callback for this account. */
  signedRequestFor(account: FakeAccount, extra: Record<string, unknown> = {}): string {
    return signSignedRequest(
      { user_id: account.appScopedId, issued_at: Math.floor(this.nowMs() / 1000), ...extra },
      this.appSecret,
    );
  }

  /**
   * The notification Meta POSTs when someone comments on one of the account's media (production-and-v2-apis.md,
   * Webhooks): `{object: "instagram", entry: [{id, time, changes: [{field: "comments", value}]}]}`, `time` in
   * seconds. `at` backdates it (a replay of an old notification).
   */
  commentNotification(
    account: FakeAccount,
    mediaId: string,
    comment: FakeComment,
    at: Date = this.now(),
  ): { body: Record<string, unknown>; commentId: string } {
    const commentId = comment.id ?? this.newId("1797");
    const from = comment.from ?? { id: this.newId("1784"), username: `fan_${this.nextId}` };
    const value: Record<string, unknown> = {
      from,
      media: { id: mediaId, media_product_type: "FEED" },
      id: commentId,
      text: comment.text,
    };
    if (comment.parentId) value.parent_id = comment.parentId;
    this.comments.set(commentId, {
      commentId,
      mediaId,
      ownerUserId: account.userId,
      text: comment.text,
      hidden: false,
      replies: [],
    });
    return {
      commentId,
      body: {
        object: "instagram",
        entry: [
          {
            id: account.userId,
            time: Math.floor(at.getTime() / 1000),
            changes: [{ field: "comments", value }],
          },
        ],
      },
    };
  }

  /**
   * POSTs a notification to a webhook URL as Meta does: JSON, with X-Hub-Signature-256 = sha256=<hex HMAC-SHA256
   * of the raw body under the app secret>. `body` may be a string to send exact bytes.
   */
  async deliverWebhook(
    url: string,
    body: Record<string, unknown> | string,
    signing: WebhookSigning = { kind: "meta" },
  ): Promise<Response> {
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signing.kind === "meta") headers["x-hub-signature-256"] = signWebhookBody(raw, this.appSecret);
    if (signing.kind === "header") headers["x-hub-signature-256"] = signing.value;
    return fetch(url, { method: "POST", headers, body: raw });
  }

  /** A comment as the fake holds it: hidden or not, and the replies posted to it through the API. */
  comment(commentId: string): FakeCommentRecord | undefined {
    return this.comments.get(commentId);
  }

  /** The webhook fields the account has subscribed the app to. */
  subscribedFields(account: FakeAccount): string[] {
    return [...(this.subscriptions.get(account.userId) ?? [])].sort();
  }

  // -- HTTP --------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const params = new URLSearchParams(url.searchParams);
    const body = await readRequestBody(req);
    const contentType = req.headers["content-type"] ?? "";
    if (body.length > 0) {
      if (contentType.startsWith("application/x-www-form-urlencoded")) {
        for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params.set(key, value);
      } else if (contentType.startsWith("application/json")) {
        const json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
        for (const [key, value] of Object.entries(json)) params.set(key, String(value));
      } else {
        return this.send(res, graphError(400, 100, `Unsupported content type ${contentType}`));
      }
    }
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (bearer && !params.has("access_token")) params.set("access_token", bearer);

    const route = this.route(req.method ?? "GET", url.pathname, params);
    const caller = this.tokens.get(params.get("access_token") ?? "")?.account.userId ?? null;
    const call: FakeCall = {
      endpoint: route?.endpoint ?? "unknown",
      method: req.method ?? "GET",
      path: url.pathname,
      userId: caller,
      startedAt: Date.now(),
      endedAt: null,
      actedAt: null,
    };
    this.callLog.push(call);
    res.once("close", () => (call.endedAt = Date.now()));
    if (!route) return this.send(res, graphError(400, 2500, `Unknown path components: ${url.pathname}`));
    if (url.pathname.startsWith("/graph") && this.latencyMs > 0) await sleep(this.latencyMs);
    const hang = caller ? this.hangs.get(caller) : undefined;
    if (hang) await sleep(hang);

    const usage = this.rateUsage;
    if (usage?.regainAccessMinutes) {
      return this.send(
        res,
        usage.accountPercent !== undefined
          ? graphError(
              400,
              80002,
              "There have been too many calls to this Instagram account. Wait a bit and try again.",
              { isTransient: true },
            )
          : graphError(400, 4, "(#4) Application request limit reached", { isTransient: true }),
      );
    }

    const fault = this.faults.get(route.endpoint)?.shift() ?? this.plannedFault(route.endpoint);
    if (fault?.kind === "drop_before_action") return void req.socket.destroy();
    if (fault?.kind === "delay") await sleep(fault.ms);
    if (fault?.kind === "server_error") {
      return this.send(
        res,
        graphError(500, 2, "An unexpected error has occurred. Please retry your request later.", {
          isTransient: true,
        }),
      );
    }
    if (fault?.kind === "rate_limit") {
      const code = fault.code ?? 4;
      return this.send(
        res,
        graphError(400, code, `(#${code}) Application request limit reached`, { isTransient: true }),
      );
    }
    if (fault?.kind === "meta_error") {
      return this.send(
        res,
        graphError(fault.httpStatus ?? 400, fault.code, fault.message ?? "Fake error", {
          subcode: fault.subcode,
          isTransient: fault.isTransient ?? false,
        }),
      );
    }

    const reply = await route.run(params);
    if (reply.status >= 200 && reply.status < 400) call.actedAt = Date.now();
    if (fault?.kind === "delay_after_action") await sleep(fault.ms);
    if (fault?.kind === "drop_after_action") return void req.socket.destroy();
    if (fault?.kind === "hang_after_action") return;
    this.send(res, reply);
  }

  private plannedFault(endpoint: FakeEndpoint): FakeFault | undefined {
    const fault = this.faultPlan?.(endpoint);
    if (fault) this.injectedFaults[fault.kind] = (this.injectedFaults[fault.kind] ?? 0) + 1;
    return fault;
  }

  private route(
    method: string,
    pathname: string,
    params: URLSearchParams,
  ): { endpoint: FakeEndpoint; run: (params: URLSearchParams) => Reply | Promise<Reply> } | null {
    if (pathname === "/auth/oauth/authorize" && method === "GET") {
      return { endpoint: "authorize", run: (p) => this.authorize(p) };
    }
    if (pathname === "/auth/oauth/authorize/decision" && method === "POST") {
      return { endpoint: "authorize", run: (p) => this.decide(p) };
    }
    if (pathname === "/api/oauth/access_token" && method === "POST") {
      return { endpoint: "exchange_code", run: (p) => this.exchangeCode(p) };
    }
    const graph = /^\/graph(?:\/v\d+\.\d+)?(\/.*)$/.exec(pathname)?.[1];
    if (graph === undefined) return null;
    if (graph === "/access_token" && method === "GET") {
      return { endpoint: "exchange_long_lived", run: (p) => this.exchangeForLongLived(p) };
    }
    if (graph === "/refresh_access_token" && method === "GET") {
      return { endpoint: "refresh_token", run: (p) => this.refresh(p) };
    }
    if (graph === "/me" && method === "GET") return { endpoint: "get_profile", run: (p) => this.profile(p) };
    if (graph === "/me/subscribed_apps" && method === "POST") {
      return { endpoint: "subscribe_app", run: (p) => this.subscribeApp(p) };
    }
    const [, nodeId, edge] = /^\/([^/]+)(?:\/([^/]+))?$/.exec(graph) ?? [];
    if (!nodeId) return null;
    const id = decodeURIComponent(nodeId);
    if (edge === "media" && method === "POST") {
      return { endpoint: mediaCreationEndpoint(params), run: (p) => this.createContainer(id, p) };
    }
    if (edge === "replies" && method === "POST") {
      return { endpoint: "reply_comment", run: (p) => this.replyToComment(id, p) };
    }
    if (edge === "replies" && method === "GET") {
      return { endpoint: "list_replies", run: (p) => this.listReplies(id, p) };
    }
    if (edge === undefined && method === "POST" && this.comments.has(id)) {
      return { endpoint: "hide_comment", run: (p) => this.hideComment(id, p) };
    }
    if (edge === "media" && method === "GET")
      return { endpoint: "list_media", run: (p) => this.listMedia(id, p) };
    if (edge === "media_publish" && method === "POST") {
      return { endpoint: "publish", run: (p) => this.publish(id, p) };
    }
    if (edge === "insights" && method === "GET") {
      return { endpoint: "media_insights", run: (p) => this.mediaInsights(id, p) };
    }
    if (edge === "comments" && method === "POST") {
      return { endpoint: "post_comment", run: (p) => this.postComment(id, p) };
    }
    if (edge === "comments" && method === "GET") {
      return { endpoint: "list_comments", run: (p) => this.listComments(id, p) };
    }
    if (edge === "content_publishing_limit" && method === "GET") {
      return { endpoint: "publishing_limit", run: (p) => this.publishingLimit(id, p) };
    }
    if (edge === undefined && method === "GET") {
      return this.containers.has(id)
        ? { endpoint: "container_status", run: (p) => this.containerStatus(id, p) }
        : { endpoint: "get_media", run: (p) => this.getMedia(id, p) };
    }
    return null;
  }

  private send(res: ServerResponse, reply: Reply): void {
    if ("location" in reply) {
      res.writeHead(302, { location: reply.location });
      res.end();
    } else if ("html" in reply) {
      res.writeHead(reply.status, { "content-type": "text/html; charset=utf-8" });
      res.end(reply.html);
    } else {
      const text = "rawJson" in reply ? reply.rawJson : JSON.stringify(reply.json);
      res.writeHead(reply.status, {
        "content-type": "application/json; charset=UTF-8",
        ...rateUsageHeaders(this.rateUsage),
      });
      res.end(text);
    }
  }

  // -- OAuth -------------------------------------------------------------------------------------------------

  private checkAuthorizeParams(params: URLSearchParams): { problem: string } | { scopes: string[] } {
    if (params.get("client_id") !== this.appId) return { problem: "Invalid platform app" };
    const redirectUri = params.get("redirect_uri") ?? "";
    const registered = this.options.redirectUris;
    if (!/^https?:\/\//.test(redirectUri) || (registered.length > 0 && !registered.includes(redirectUri))) {
      return { problem: "Invalid redirect_uri: it is not one of the app's registered OAuth redirect URIs" };
    }
    if (params.get("response_type") !== "code") return { problem: "Invalid response_type: must be code" };
    const scopes = (params.get("scope") ?? "").split(/[,\s]+/).filter(Boolean);
    const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
    if (unknown.length > 0) return { problem: `Invalid Scopes: ${unknown.join(", ")}` };
    if (!scopes.includes("instagram_business_basic"))
      return { problem: "Invalid Scopes: instagram_business_basic is required" };
    return { scopes };
  }

  private authorize(params: URLSearchParams): Reply {
    this.lastAuthorizeParams = params;
    const checked = this.checkAuthorizeParams(params);
    if ("problem" in checked)
      return { status: 400, html: page("Error", `<p id="error">${escapeHtml(checked.problem)}</p>`) };
    if (this.options.consent !== "ask")
      return this.redirectWithDecision(params, checked.scopes, this.options.consent);
    const hidden = ["client_id", "redirect_uri", "response_type", "scope", "state"]
      .map((key) => `<input type="hidden" name="${key}" value="${escapeHtml(params.get(key) ?? "")}">`)
      .join("");
    const account = this.loggingIn;
    return {
      status: 200,
      html: page(
        "Allow access",
        `<p id="app">${escapeHtml(this.appId)}</p><p id="account">${escapeHtml(account?.username ?? "(no account)")}</p>` +
          `<ul id="scopes">${checked.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join("")}</ul>` +
          `<form method="post" action="/auth/oauth/authorize/decision">${hidden}` +
          `<button name="decision" value="allow">Allow</button><button name="decision" value="deny">Cancel</button></form>`,
      ),
    };
  }

  private decide(params: URLSearchParams): Reply {
    const checked = this.checkAuthorizeParams(params);
    if ("problem" in checked)
      return { status: 400, html: page("Error", `<p id="error">${escapeHtml(checked.problem)}</p>`) };
    const decision = params.get("decision") === "allow" ? "allow" : "deny";
    return this.redirectWithDecision(params, checked.scopes, decision);
  }

  private redirectWithDecision(params: URLSearchParams, scopes: string[], decision: "allow" | "deny"): Reply {
    const target = new URL(params.get("redirect_uri")!);
    if (decision === "deny") {
      target.searchParams.set("error", "access_denied");
      target.searchParams.set("error_reason", "user_denied");
      target.searchParams.set("error_description", "The user denied your request");
    } else {
      const account = this.loggingIn ?? this.addAccount();
      const code = `AQB${randomToken(48)}`;
      this.codes.set(code, {
        account,
        redirectUri: params.get("redirect_uri")!,
        scopes,
        issuedAt: this.nowMs(),
        used: false,
      });
      target.searchParams.set("code", code);
    }
    const state = params.get("state");
    if (state !== null) target.searchParams.set("state", state);
    // Instagram appends "#_" to the redirect; it is not part of the code (§A.2).
    return { status: 302, location: `${target.toString()}#_` };
  }

  private exchangeCode(params: URLSearchParams): Reply {
    if (params.get("client_id") !== this.appId) return oauthError("Invalid platform app");
    if (params.get("client_secret") !== this.appSecret) return oauthError("Error validating client secret.");
    if (params.get("grant_type") !== "authorization_code") return oauthError("Unsupported grant_type");
    const code = params.get("code") ?? "";
    const record = this.codes.get(code);
    if (!record || record.used || this.nowMs() - record.issuedAt > HOUR_MS) {
      return oauthError("Matching code was not found or was already used");
    }
    if (params.get("redirect_uri") !== record.redirectUri) {
      return oauthError(
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
      );
    }
    record.used = true;
    const token = this.issueToken(record.account, "short", this.nowMs(), record.scopes);
    const userId = this.options.numericUserIdInTokenResponse
      ? record.account.appScopedId
      : JSON.stringify(record.account.appScopedId);
    const inner = `{"access_token":${JSON.stringify(token)},"user_id":${userId},"permissions":${JSON.stringify(record.scopes.join(","))}}`;
    return {
      status: 200,
      rawJson: this.options.tokenResponseShape === "data" ? `{"data":[${inner}]}` : inner,
    };
  }

  private exchangeForLongLived(params: URLSearchParams): Reply {
    if (params.get("grant_type") !== "ig_exchange_token")
      return graphError(400, 100, "Unsupported grant type");
    if (params.get("client_secret") !== this.appSecret)
      return graphError(400, 101, "Error validating client secret.");
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    if (auth.kind !== "short") {
      return graphError(
        400,
        100,
        "Only a short-lived token can be exchanged for a long-lived one (fake rule)",
      );
    }
    const token = this.issueToken(auth.account, "long", this.nowMs(), auth.scopes);
    return {
      status: 200,
      json: { access_token: token, token_type: "bearer", expires_in: LONG_TOKEN_SECONDS },
    };
  }

  private refresh(params: URLSearchParams): Reply {
    if (params.get("grant_type") !== "ig_refresh_token")
      return graphError(400, 100, "Unsupported grant type");
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    // Meta: only long-lived tokens at least 24 hours old can be refreshed (§A.5). The error it sends for a
    // younger token is undocumented; this one is the fake's.
    if (auth.kind !== "long" || this.nowMs() - auth.issuedAt < DAY_MS) {
      return graphError(
        400,
        100,
        "The token must be long-lived and at least 24 hours old to be refreshed (fake rule)",
      );
    }
    const token = this.issueToken(auth.account, "long", this.nowMs(), auth.scopes);
    return {
      status: 200,
      json: { access_token: token, token_type: "bearer", expires_in: LONG_TOKEN_SECONDS },
    };
  }

  private profile(params: URLSearchParams): Reply {
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    const all = {
      id: auth.account.appScopedId,
      user_id: auth.account.userId,
      username: auth.account.username,
    };
    return { status: 200, json: pickFields(all, params.get("fields"), ["id"]) };
  }

  /**
   * `POST /me/subscribed_apps?subscribed_fields=comments` with the user's token: the account's notifications
   * for those fields go to the app's webhook from now on (step 3 of Meta's webhook setup for Instagram Login).
   */
  private subscribeApp(params: URLSearchParams): Reply {
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    const fields = (params.get("subscribed_fields") ?? "").split(",").filter(Boolean);
    if (fields.length === 0)
      return graphError(400, 100, "(#100) The parameter subscribed_fields is required");
    const known = new Set(["comments", "messages", "mentions", "live_comments", "story_insights"]);
    const unknown = fields.filter((field) => !known.has(field));
    if (unknown.length > 0)
      return graphError(400, 100, `(#100) Unknown subscribed_fields: ${unknown.join(",")}`);
    const set = this.subscriptions.get(auth.account.userId) ?? new Set<string>();
    for (const field of fields) set.add(field);
    this.subscriptions.set(auth.account.userId, set);
    return { status: 200, json: { success: true } };
  }

  // -- Comments ----------------------------------------------------------------------------------------------

  private commentFor(commentId: string, params: URLSearchParams): FakeCommentRecord | Reply {
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    const comment = this.comments.get(commentId);
    if (!comment || comment.ownerUserId !== auth.account.userId) return missingObject(commentId);
    return comment;
  }

  /**
   * `POST /<comment-id>/replies?message=…`. Instagram replies only to top-level comments and never to hidden
   * ones (IG Comment Replies, Limitations); a comment is at most 300 characters, 4 hashtags and 1 URL (IG Media
   * Comments, Limitations).
   */
  private replyToComment(commentId: string, params: URLSearchParams): Reply {
    const comment = this.commentFor(commentId, params);
    if ("status" in comment) return comment;
    const message = params.get("message");
    if (!message) return graphError(400, 100, "(#100) The parameter message is required");
    if (comment.hidden)
      return graphError(400, 100, "(#100) You cannot reply to a hidden comment (fake wording)");
    if ([...message].length > 300 || (message.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > 4) {
      return graphError(400, 100, "(#100) The comment is too long or has too many hashtags (fake wording)");
    }
    const owner = this.accounts.find((account) => account.userId === comment.ownerUserId);
    const reply = {
      id: this.newId("1798"),
      text: message,
      username: owner?.username ?? "",
      timestamp: new Date(this.nowMs()).toISOString().replace(/\.\d{3}Z$/, "+0000"),
    };
    comment.replies.push(reply);
    return { status: 200, json: { id: reply.id } };
  }

  private listReplies(commentId: string, params: URLSearchParams): Reply {
    const comment = this.commentFor(commentId, params);
    if ("status" in comment) return comment;
    const fields = params.get("fields")?.split(",") ?? ["id", "text", "timestamp"];
    return {
      status: 200,
      json: {
        data: [...comment.replies]
          .reverse()
          .map((reply) =>
            Object.fromEntries(Object.entries(reply).filter(([key]) => key === "id" || fields.includes(key))),
          ),
      },
    };
  }

  /** `POST /<comment-id>?hide=true|false`. */
  private hideComment(commentId: string, params: URLSearchParams): Reply {
    const comment = this.commentFor(commentId, params);
    if ("status" in comment) return comment;
    const hide = params.get("hide");
    if (hide !== "true" && hide !== "false") {
      return graphError(400, 100, "(#100) The parameter hide is required and must be true or false");
    }
    comment.hidden = hide === "true";
    return { status: 200, json: { success: true } };
  }

  // -- Publishing --------------------------------------------------------------------------------------------

  private async createContainer(userId: string, params: URLSearchParams): Promise<Reply> {
    const auth = this.authenticateFor(userId, params);
    if ("status" in auth) return auth;
    const mediaType = params.get("media_type");
    if (mediaType === "CAROUSEL") return this.createCarousel(userId, params);
    if (mediaType !== null && mediaType !== "IMAGE") {
      return graphError(400, 100, `The fake supports images and carousels only, not media_type=${mediaType}`);
    }
    const carouselItem = params.get("is_carousel_item") === "true";
    const imageUrl = params.get("image_url");
    if (!imageUrl) return graphError(400, 100, "(#100) The parameter image_url is required");
    const caption = params.get("caption") ?? "";
    // "Captions are not supported on carousel children" (platform-apis.md §B.1); the error text is the fake's.
    if (carouselItem && params.has("caption")) {
      return graphError(400, 100, "(#100) Param caption is not supported for carousel items");
    }
    const captionProblem = checkCaption(caption);
    if (captionProblem) return errorReply(captionProblem);
    const altText = params.get("alt_text");
    const altTextProblem = checkAltText(altText);
    if (altTextProblem) return altTextProblem;

    const mediaProblem = await inspectImage(imageUrl, this.options.imageFetchTimeoutMs);
    if (mediaProblem && this.options.mediaErrorsAt === "create") return errorReply(mediaProblem);
    const container: Container = {
      id: this.newId("1788"),
      userId,
      kind: carouselItem ? "carousel_item" : "image",
      children: [],
      imageUrl,
      caption,
      altText,
      createdAt: this.nowMs(),
      pollsLeft: this.options.pollsBeforeFinished,
      failure: mediaProblem,
      published: false,
    };
    this.containers.set(container.id, container);
    return { status: 200, json: { id: container.id } };
  }

  /** `media_type=CAROUSEL` with `children` and `caption`: the parent of 2 to 10 finished carousel items. */
  private createCarousel(userId: string, params: URLSearchParams): Reply {
    const caption = params.get("caption") ?? "";
    const captionProblem = checkCaption(caption);
    if (captionProblem) return errorReply(captionProblem);
    if (params.has("alt_text") || params.has("image_url")) {
      return graphError(
        400,
        100,
        "(#100) A carousel container takes its images and alt text from its children",
      );
    }
    const children = (params.get("children") ?? "")
      .split(",")
      .map((child) => child.trim())
      .filter(Boolean);
    if (children.length < 2 || children.length > 10) {
      return graphError(400, 100, "The carousel must contain between 2 and 10 media items.", {
        subcode: 2207028,
      });
    }
    if (new Set(children).size !== children.length) {
      return graphError(400, 100, "(#100) The same carousel item is listed twice (fake rule)");
    }
    for (const childId of children) {
      const child = this.containers.get(childId);
      // Another account's container is an object this token cannot see (100/33), as for publishing it.
      if (!child || child.userId !== userId) return missingObject(childId);
      if (child.kind !== "carousel_item") {
        return graphError(400, 100, `(#100) Container ${childId} was not made with is_carousel_item=true`);
      }
      const state = this.containerState(child);
      if (state === "EXPIRED") {
        return graphError(400, -2, "The media container has expired", { subcode: 2207020 });
      }
      if (state !== "FINISHED") {
        return graphError(400, 9007, "Media ID is not available", { subcode: 2207027 });
      }
    }
    const container: Container = {
      id: this.newId("1788"),
      userId,
      kind: "carousel",
      children,
      imageUrl: this.containers.get(children[0]!)!.imageUrl,
      caption,
      altText: null,
      createdAt: this.nowMs(),
      pollsLeft: this.options.pollsBeforeFinished,
      failure: null,
      published: false,
    };
    this.containers.set(container.id, container);
    return { status: 200, json: { id: container.id } };
  }

  private containerState(
    container: Container,
  ): "IN_PROGRESS" | "FINISHED" | "PUBLISHED" | "ERROR" | "EXPIRED" {
    if (container.published) return "PUBLISHED";
    if (this.nowMs() - container.createdAt > DAY_MS) return "EXPIRED";
    if (container.pollsLeft > 0) return "IN_PROGRESS";
    return container.failure ? "ERROR" : "FINISHED";
  }

  private containerStatus(containerId: string, params: URLSearchParams): Reply {
    const container = this.containers.get(containerId)!;
    const auth = this.authenticateFor(container.userId, params);
    if ("status" in auth) return auth;
    const state = this.containerState(container);
    if (state === "IN_PROGRESS") container.pollsLeft--;
    const status =
      state === "ERROR"
        ? `Error: Media upload has failed with error code ${container.failure!.subcode ?? container.failure!.code}`
        : { IN_PROGRESS: "In Progress", FINISHED: "Finished", PUBLISHED: "Published", EXPIRED: "Expired" }[
            state
          ];
    return {
      status: 200,
      json: pickFields({ id: container.id, status_code: state, status }, params.get("fields"), ["id"]),
    };
  }

  private publish(userId: string, params: URLSearchParams): Reply {
    const auth = this.authenticateFor(userId, params);
    if ("status" in auth) return auth;
    const creationId = params.get("creation_id") ?? "";
    const container = this.containers.get(creationId);
    if (!container || container.userId !== userId) return missingObject(creationId);
    if (container.kind === "carousel_item") {
      return graphError(400, 100, "(#100) A carousel item is published through its carousel (fake rule)");
    }
    const state = this.containerState(container);
    if (state === "PUBLISHED") {
      this.duplicatePublishAttempts++;
      return graphError(400, 100, "The media container has already been published (fake rule)");
    }
    if (state === "EXPIRED")
      return graphError(400, -2, "The media container has expired", { subcode: 2207020 });
    if (state === "IN_PROGRESS" || state === "ERROR") {
      return graphError(400, 9007, "Media ID is not available", { subcode: 2207027 });
    }
    const since = this.nowMs() - DAY_MS;
    const recent = this.published().filter(
      (m) => m.userId === userId && m.publishedAt.getTime() > since,
    ).length;
    if (recent >= this.options.quotaTotal) {
      return graphError(
        400,
        9,
        "You reached maximum number of posts that is allowed to be published by Content Publishing API.",
        { subcode: 2207042 },
      );
    }
    container.published = true;
    const children = container.children.map((childId): FakeCarouselChild => {
      const child = this.containers.get(childId)!;
      child.published = true;
      return {
        mediaId: this.newId("1792"),
        containerId: child.id,
        imageUrl: child.imageUrl,
        altText: child.altText,
      };
    });
    const media: FakePublishedMedia = {
      mediaId: this.newId("1792"),
      userId,
      containerId: container.id,
      mediaType: container.kind === "carousel" ? "CAROUSEL_ALBUM" : "IMAGE",
      imageUrl: container.imageUrl,
      caption: container.caption,
      altText: container.altText,
      children,
      permalink: `https://www.instagram.com/p/${randomToken(11)}/`,
      publishedAt: this.now(),
    };
    this.media.set(media.mediaId, media);
    return { status: 200, json: { id: media.mediaId } };
  }

  /** A published post and the token's record, when the token may read it; else Meta's refusal. */
  private ownMedia(
    mediaId: string,
    params: URLSearchParams,
  ): { media: FakePublishedMedia; auth: TokenRecord } | { refusal: Reply } {
    const media = this.media.get(mediaId);
    if (!media) {
      const auth = this.authenticate(params);
      return { refusal: "status" in auth ? auth : missingObject(mediaId) };
    }
    const auth = this.authenticateFor(media.userId, params);
    return "status" in auth ? { refusal: auth } : { media, auth };
  }

  private getMedia(mediaId: string, params: URLSearchParams): Reply {
    const found = this.ownMedia(mediaId, params);
    if ("refusal" in found) return found.refusal;
    return { status: 200, json: pickFields(describeMedia(found.media), params.get("fields"), ["id"]) };
  }

  private listMedia(userId: string, params: URLSearchParams): Reply {
    const auth = this.authenticateFor(userId, params);
    if ("status" in auth) return auth;
    // Newest first, `since`/`until` as Unix times (time-based pagination), pages of `limit` (at most 100) with
    // Graph's cursor paging: `after` continues past a cursor, and `next` is there only when more follow.
    const limit = Math.min(Number(params.get("limit") ?? 25) || 25, 100);
    const since = Number(params.get("since") ?? Number.NEGATIVE_INFINITY);
    const until = Number(params.get("until") ?? Number.POSITIVE_INFINITY);
    if (Number.isNaN(since) || Number.isNaN(until)) return graphError(400, 100, "Invalid since or until");
    const listed = this.published(auth.account)
      .filter((media) => {
        const seconds = Math.floor(media.publishedAt.getTime() / 1000);
        return seconds >= since && seconds <= until;
      })
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    const cursor = (media: FakePublishedMedia) => Buffer.from(media.mediaId).toString("base64url");
    let start = 0;
    const after = params.get("after");
    if (after) {
      const index = listed.findIndex((media) => cursor(media) === after);
      if (index < 0) return graphError(400, 100, "Invalid cursor for this edge");
      start = index + 1;
    }
    const page = listed.slice(start, start + limit);
    const json: Record<string, unknown> = {
      data: page.map((media) => pickFields(describeMedia(media), params.get("fields"), ["id"])),
    };
    if (page.length > 0) {
      const paging: Record<string, unknown> = {
        cursors: { before: cursor(page[0]!), after: cursor(page.at(-1)!) },
      };
      if (start + limit < listed.length) {
        const next = new URLSearchParams(params);
        next.set("after", cursor(page.at(-1)!));
        paging.next = `${this.urls.graphUrl}/${userId}/media?${next}`;
      }
      json.paging = paging;
    }
    return { status: 200, json };
  }

  /**
   * `GET /<media-id>/insights?metric=…` (reference/instagram-media/insights): `{data: [{name, period, values:
   * [{value}], title, description, id}]}` for the metrics asked; an empty data set (not zeros) while the post is
   * too new; error 10 "Not enough viewers"; error 10 without the insights permission; error 100 for a
   * metric Meta does not know (impressions and plays are refused as deprecated for new media).
   */
  private mediaInsights(mediaId: string, params: URLSearchParams): Reply {
    const found = this.ownMedia(mediaId, params);
    if ("refusal" in found) return found.refusal;
    const { media, auth } = found;
    if (!auth.scopes.includes("instagram_business_manage_insights"))
      return graphError(403, 10, "(#10) Application does not have permission for this action");
    const metrics = (params.get("metric") ?? "").split(",").filter(Boolean);
    if (metrics.length === 0) return graphError(400, 100, "(#100) The parameter metric is required");
    const known = ["views", "reach", "likes", "comments", "saved", "shares", "total_interactions"];
    const unknown = metrics.find((metric) => !known.includes(metric) || this.refusedMetrics.has(metric));
    if (unknown)
      return graphError(400, 100, `(#100) The metric ${unknown} is not supported for this media type`);
    const set = this.insights.get(mediaId);
    if (set === "not_enough_viewers")
      return graphError(400, 10, "(#10) Not enough viewers for the media to show insights");
    if (!set && this.nowMs() - media.publishedAt.getTime() < this.insightsDelayMs)
      return { status: 200, json: { data: [] } };
    const values = set ?? {};
    return {
      status: 200,
      json: {
        data: metrics.map((name) => ({
          name,
          period: "lifetime",
          values: [{ value: values[name as keyof FakeInsights] ?? 0 }],
          title: name,
          description: `The fake's ${name}`,
          id: `${mediaId}/insights/${name}/lifetime`,
        })),
      },
    };
  }

  // -- Comments ----------------------------------------------------------------------------------------------

  /**
   * `POST /<media-id>/comments` with `message`: the account comments on its own post (IG Media comments edge;
   * needs instagram_business_manage_comments). Answers `{"id":"<comment id>"}`.
   */
  private postComment(mediaId: string, params: URLSearchParams): Reply {
    const found = this.commentableMedia(mediaId, params);
    if ("status" in found) return found;
    const message = params.get("message") ?? "";
    if (!message.trim()) return graphError(400, 100, "(#100) The parameter message is required");
    if ([...message].length > 2200) return graphError(400, 100, "(#100) The comment is too long.");
    const { account } = found.auth;
    const comment = this.commentAs(mediaId, { id: account.userId, username: account.username }, message);
    return { status: 200, json: { id: comment.id } };
  }

  /** `GET /<media-id>/comments`: the post's comments with cursor paging (`limit`, `after`), oldest first. */
  private listComments(mediaId: string, params: URLSearchParams): Reply {
    const found = this.commentableMedia(mediaId, params);
    if ("status" in found) return found;
    const all = this.commentsOn(mediaId);
    const limit = Math.min(Number(params.get("limit") ?? 25) || 25, 100);
    const after = params.get("after");
    const start = after ? all.findIndex((comment) => comment.id === after) + 1 : 0;
    const page = all.slice(start, start + limit);
    const json: Record<string, unknown> = {
      data: page.map((comment) =>
        pickFields(
          { id: comment.id, text: comment.text, from: comment.from, username: comment.from.username },
          params.get("fields") ?? "text,timestamp",
          ["id"],
        ),
      ),
    };
    if (page.length > 0) {
      const paging: Record<string, unknown> = { cursors: { before: page[0]!.id, after: page.at(-1)!.id } };
      if (start + limit < all.length)
        paging.next = `${this.urls.graphUrl}/${mediaId}/comments?after=${page.at(-1)!.id}`;
      json.paging = paging;
    }
    return { status: 200, json };
  }

  private commentableMedia(mediaId: string, params: URLSearchParams): { auth: TokenRecord } | Reply {
    const media = this.media.get(mediaId);
    const auth = media ? this.authenticateFor(media.userId, params) : this.authenticate(params);
    if ("status" in auth) return auth;
    if (!media) return missingObject(mediaId);
    if (!auth.scopes.includes("instagram_business_manage_comments")) {
      return graphError(400, 10, "(#10) Application does not have permission for this action");
    }
    return { auth };
  }

  private publishingLimit(userId: string, params: URLSearchParams): Reply {
    const auth = this.authenticateFor(userId, params);
    if ("status" in auth) return auth;
    const since = this.nowMs() - DAY_MS;
    const usage = this.published(auth.account).filter((m) => m.publishedAt.getTime() > since).length;
    const fields = (params.get("fields") ?? "quota_usage").split(",");
    const entry: Record<string, unknown> = { quota_usage: usage };
    if (fields.includes("config"))
      entry.config = { quota_total: this.options.quotaTotal, quota_duration: 86400 };
    return { status: 200, json: { data: [entry] } };
  }

  // -- Tokens ------------------------------------------------------------------------------------------------

  private issueToken(
    account: FakeAccount,
    kind: "short" | "long",
    issuedAt: number,
    scopes: readonly string[],
  ): string {
    const token = `IGAA${kind === "short" ? "S" : "L"}${randomToken(64)}`;
    const lifetime = (kind === "short" ? SHORT_TOKEN_SECONDS : LONG_TOKEN_SECONDS) * 1000;
    this.tokens.set(token, {
      account,
      scopes,
      kind,
      issuedAt,
      expiresAt: issuedAt + lifetime,
      revokedSubcode: null,
    });
    return token;
  }

  private authenticate(params: URLSearchParams): TokenRecord | Reply {
    const token = params.get("access_token");
    const record = token ? this.tokens.get(token) : undefined;
    if (!record) return graphError(400, 190, "Invalid OAuth access token - Cannot parse access token");
    if (record.revokedSubcode !== null) {
      return graphError(400, 190, "Error validating access token: The user has not authorized application.", {
        subcode: record.revokedSubcode,
      });
    }
    if (this.nowMs() >= record.expiresAt) {
      return graphError(
        400,
        190,
        `Error validating access token: Session has expired on ${new Date(record.expiresAt).toUTCString()}.`,
        { subcode: 463 },
      );
    }
    return record;
  }

  /** Authenticates and checks the token belongs to `userId` (Meta answers other ids with 100/33). */
  private authenticateFor(userId: string, params: URLSearchParams): TokenRecord | Reply {
    const auth = this.authenticate(params);
    if ("status" in auth) return auth;
    return auth.account.userId === userId ? auth : missingObject(userId);
  }

  private nowMs(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private newId(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(13, "0")}`;
  }
}

/** Checks a caption against Instagram's limits: 2 200 characters, 30 hashtags, 20 @-mentions (§B.4). */
function checkCaption(caption: string): MetaError | null {
  if ([...caption].length > 2200) {
    return { httpStatus: 400, code: 36004, subcode: 2207010, message: "The caption was too long." };
  }
  if ((caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > 30) {
    return {
      httpStatus: 400,
      code: 36004,
      subcode: 2207010,
      message: "The caption has more than 30 hashtags.",
    };
  }
  if ((caption.match(/@[\w.]+/g) ?? []).length > 20) {
    return {
      httpStatus: 400,
      code: 100,
      subcode: 2207040,
      message: "Cannot use more than 20 tags per caption.",
    };
  }
  return null;
}

/** Downloads the image like Meta's fetcher does and applies the feed-image rules (§B.4). */
async function inspectImage(imageUrl: string, timeoutMs: number): Promise<MetaError | null> {
  const downloadFailed: MetaError = {
    httpStatus: 400,
    code: 9004,
    subcode: 2207052,
    message: "The media could not be fetched from this uri",
  };
  let bytes: Buffer;
  try {
    const response = await fetch(imageUrl, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 200 || !response.body) return downloadFailed;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > MAX_IMAGE_BYTES) {
        return {
          httpStatus: 400,
          code: 36000,
          subcode: 2207004,
          message: "The image is too large to download. It should be less than 8 MiB.",
        };
      }
      chunks.push(Buffer.from(chunk));
    }
    bytes = Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") {
      return {
        httpStatus: 400,
        code: -2,
        subcode: 2207003,
        message: "The media download timed out",
        isTransient: true,
      };
    }
    return downloadFailed;
  }

  const unsupported: MetaError = {
    httpStatus: 400,
    code: 36001,
    subcode: 2207005,
    message: "The image format is not supported. Only JPEG is.",
  };
  // JPEG starts with the SOI marker FF D8 FF; sharp confirms the rest decodes as JPEG.
  if (bytes.length < 3 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return unsupported;
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes).metadata();
    if (metadata.format !== "jpeg") return unsupported;
    const rotated = (metadata.orientation ?? 1) >= 5;
    width = rotated ? metadata.height : metadata.width;
    height = rotated ? metadata.width : metadata.height;
  } catch {
    return unsupported;
  }
  // 4:5 ≤ width:height ≤ 1.91:1, in integers.
  if (width * 5 < height * 4 || width * 100 > height * 191) {
    return {
      httpStatus: 400,
      code: 36003,
      subcode: 2207009,
      message: `The submitted image with aspect ratio ('${width}/${height}') cannot be published. Please submit an image with a valid aspect ratio.`,
    };
  }
  if (width < 320 || width > 1440) {
    return {
      httpStatus: 400,
      code: 100,
      message: `The image is ${width} px wide; the fake accepts 320–1440 px, the range Instagram documents.`,
    };
  }
  return null;
}

/**
 * alt_text: "at most 1000 characters", images only (IG User Media reference). Meta's exact error for a longer one
 * is not documented; an invalid parameter (100) is what it sends for other out-of-range parameters.
 */
function checkAltText(altText: string | null): Reply | null {
  if (altText !== null && [...altText].length > 1000) {
    return graphError(400, 100, "(#100) Param alt_text must be at most 1000 characters long.");
  }
  return null;
}

/** Which kind of container a `POST /<IG_ID>/media` asks for, as the call log names it. */
function mediaCreationEndpoint(params: URLSearchParams): FakeEndpoint {
  if (params.get("media_type") === "CAROUSEL") return "create_carousel";
  return params.get("is_carousel_item") === "true" ? "create_carousel_item" : "create_container";
}

function describeMedia(media: FakePublishedMedia): Record<string, unknown> {
  return {
    id: media.mediaId,
    caption: media.caption,
    permalink: media.permalink,
    media_type: media.mediaType,
    // An album lists its children as an edge: {data: [{id}]} (IG Media reference, `children`).
    ...(media.mediaType === "CAROUSEL_ALBUM"
      ? { children: { data: media.children.map((child) => ({ id: child.mediaId })) } }
      : {}),
    // Graph's timestamp format: "2026-11-22T09:00:00+0000".
    timestamp: media.publishedAt.toISOString().replace(/\.\d{3}Z$/, "+0000"),
  };
}

function pickFields(
  all: Record<string, unknown>,
  fields: string | null,
  always: string[],
): Record<string, unknown> {
  const wanted = new Set([...always, ...(fields ?? "").split(",").map((field) => field.trim())]);
  return Object.fromEntries(Object.entries(all).filter(([key]) => wanted.has(key)));
}

function graphError(
  httpStatus: number,
  code: number,
  message: string,
  extra: { subcode?: number | undefined; isTransient?: boolean } = {},
): Reply {
  return errorReply({ httpStatus, code, message, subcode: extra.subcode, isTransient: extra.isTransient });
}

function errorReply(error: MetaError): Reply {
  return {
    status: error.httpStatus,
    json: {
      error: {
        message: error.message,
        type: "OAuthException",
        code: error.code,
        ...(error.subcode !== undefined ? { error_subcode: error.subcode } : {}),
        is_transient: error.isTransient ?? false,
        fbtrace_id: `A${randomToken(22)}`,
      },
    },
  };
}

function missingObject(id: string): Reply {
  return graphError(
    400,
    100,
    `Unsupported request - method type: get. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33 },
  );
}

/** The code exchange's error shape, different from Graph errors (§A.3). */
function oauthError(message: string): Reply {
  return { status: 400, json: { error_type: "OAuthException", code: 400, error_message: message } };
}

function randomToken(length: number): string {
  return randomBytes(length).toString("base64url").slice(0, length);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

/**
 * The public web host Meta downloads `image_url` from: serves fixed bytes at fixed paths on 127.0.0.1, or
 * redirects, and counts downloads.
 */
export class FakeImageHost {
  private readonly routes = new Map<
    string,
    { status: number; body: Buffer; headers: Record<string, string> }
  >();
  private readonly hits = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeImageHost> {
    // Requests can only arrive once the server listens, by which time `host` below is assigned.
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://host.invalid").pathname;
      host!.hits.set(path, (host!.hits.get(path) ?? 0) + 1);
      const route = host!.routes.get(path);
      if (!route) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
        return;
      }
      res.writeHead(route.status, { "content-length": String(route.body.length), ...route.headers });
      res.end(route.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const host = new FakeImageHost(server, `http://127.0.0.1:${port}`);
    return host;
  }

  /** Serves `body` at `path` and returns its URL. */
  serve(path: string, body: Buffer, contentType = "image/jpeg"): string {
    this.routes.set(path, { status: 200, body, headers: { "content-type": contentType } });
    return this.url(path);
  }

  /** Answers `path` with a 302 to `location`. */
  redirect(path: string, location: string): string {
    this.routes.set(path, { status: 302, body: Buffer.alloc(0), headers: { location } });
    return this.url(path);
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  downloads(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
