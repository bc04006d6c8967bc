/**
 * The adapter for Instagram API with Instagram Login: OAuth token exchanges on api.instagram.com and
 * graph.instagram.com, and publishing of images and carousels (container → status_code → media_publish →
 * permalink).
 * Thin on purpose: one HTTP call per method, no retries (the publisher keeps retry state in the database),
 * typed results, and one error type, `InstagramApiError`, that never holds a token, the app secret or a URL.
 *
 * Source: platform-apis.md §A (OAuth) and §B (publishing), which cite Meta's developer documentation.
 */

import * as z from "zod/mini";
import "../shared/schemas.ts";
import { scrubSecrets } from "../shared/logger.ts";
import { type RateUsage, readRateUsage } from "./rate-usage.ts";
import {
  InstagramApiError,
  type InstagramApiErrorFields,
  type InstagramStep,
} from "./instagram-api-error.ts";

export interface InstagramClientConfig {
  /** The Instagram App ID (App Dashboard → Instagram → API setup with Instagram login), not the Meta App ID. */
  appId: string;
  appSecret: string;
  /** Default https://www.instagram.com/oauth/authorize (the Business Login guide's host, §A.2). */
  authUrl?: string;
  /** Host of the code exchange. Default https://api.instagram.com. */
  apiUrl?: string;
  /** Host of everything else. Default https://graph.instagram.com. */
  graphUrl?: string;
  /** Pinned Graph API version for node and edge calls. Default {@link DEFAULT_GRAPH_VERSION}. */
  graphVersion?: string;
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout, covering the response body too. Default 20 s. */
  timeoutMs?: number;
  now?: () => Date;
  /** Told the rate usage each response reports (rate-usage.ts), errors included; see `observingRateUsage`. */
  onRateUsage?: (usage: RateUsage) => void;
}

/**
 * Unversioned calls follow the app's dashboard setting, which can change under us; pin one (§A.6).
 * v25.0 is the newest version the reference confirms.
 */
export const DEFAULT_GRAPH_VERSION = "v25.0";

/**
 * What Greenlight asks for (§A.2; the old `business_*` names are gone). Publishing needs the first two; comments
 * need the third (the comments webhook, replies, and the brand's first comment under each post); post insights
 * (/report, the learning loop) the fourth. Only publishing is required: without the others the rest still works.
 */
export const INSTAGRAM_SCOPES = [
  "instagram_business_basic",
  "instagram_business_content_publish",
  "instagram_business_manage_comments",
  "instagram_business_manage_insights",
] as const;

export const INSIGHTS_PERMISSION = "instagram_business_manage_insights";

/**
 * The media insights Greenlight reads. `views` is the current metric (impressions and plays are deprecated and
 * error for media created after July 2024); which of the rest a post has depends on its media type.
 */
export const MEDIA_INSIGHT_METRICS = [
  "views",
  "reach",
  "likes",
  "comments",
  "saved",
  "shares",
  "total_interactions",
] as const;
export type MediaInsightMetric = (typeof MEDIA_INSIGHT_METRICS)[number];

/** The metrics Instagram reported; a metric it left out is absent. An empty object means "no data yet". */
export type MediaInsights = Partial<Record<MediaInsightMetric, number>>;

export interface ShortLivedToken {
  /** Valid for one hour; exchange it for a long-lived one straight away. */
  accessToken: string;
  /** The id the code exchange reports. Take the account id to publish with from `getProfile` instead (§A.3). */
  userId: string;
  permissions: string[];
}

export interface LongLivedToken {
  accessToken: string;
  tokenType: string;
  expiresInSeconds: number;
  expiresAt: Date;
}

export interface InstagramProfile {
  /** The Instagram professional account id (`user_id`): the `<IG_ID>` in `/<IG_ID>/media`. */
  userId: string;
  username: string;
  /** The app-scoped id (`id`). Stored too: Meta's callbacks may identify the user by it (§A.6, §C.4). */
  appScopedId: string | null;
}

export type ContainerStatusCode = "IN_PROGRESS" | "FINISHED" | "PUBLISHED" | "ERROR" | "EXPIRED";

export interface ContainerStatus {
  statusCode: ContainerStatusCode;
  /** Meta's free-text status; for ERROR it holds the error subcode. */
  status: string | null;
}

export interface PublishedMedia {
  mediaId: string;
  permalink: string | null;
  timestamp: Date | null;
}

export interface RecentMedia extends PublishedMedia {
  caption: string;
}

export interface CommentReply {
  id: string;
  text: string;
  /** The author's username, when Meta returns it (the `username` field). */
  username: string | null;
}

/** A comment on a post, as `GET /<media-id>/comments` lists it. */
export interface MediaComment {
  commentId: string;
  text: string;
  /** Who wrote it (`from.id`): the account's own comments carry its professional account id. */
  fromId: string | null;
}

export interface PublishingLimit {
  quotaUsage: number;
  /** Null when Meta leaves out `config`; the documented values disagree (25, 50, 100), so never assume one. */
  quotaTotal: number | null;
  quotaDurationSeconds: number | null;
}

export interface InstagramClient {
  /** The URL to send the owner to. `state` comes back unchanged on the redirect; check it there (CSRF). */
  authorizeUrl(input: {
    redirectUri: string;
    state: string;
    scopes?: readonly string[];
    forceReauth?: boolean;
  }): string;
  /**
   * Exchanges the code from the redirect for a short-lived token. The code works once, for one hour, and
   * `redirectUri` must be exactly the one sent to `authorizeUrl`. A trailing `#_` is removed (§A.2).
   */
  exchangeCode(input: { code: string; redirectUri: string }): Promise<ShortLivedToken>;
  /** Short-lived (1 h) → long-lived (60 days). Carries the app secret, so server-side only. */
  exchangeForLongLived(shortLivedToken: string): Promise<LongLivedToken>;
  /**
   * A fresh 60-day token. Works only on a long-lived token at least 24 hours old and not yet expired; always
   * store the token that comes back (§A.5).
   */
  refreshLongLived(longLivedToken: string): Promise<LongLivedToken>;
  getProfile(token: string): Promise<InstagramProfile>;
  /**
   * Sends the account's new comments to the app's webhook (`POST /me/subscribed_apps?subscribed_fields=comments`,
   * step 3 of Meta's webhook setup for Instagram Login). Subscribing again is harmless.
   */
  subscribeToComments(token: string): Promise<void>;
  /**
   * Replies to a comment (`POST /<comment-id>/replies` with `message`; IG Comment Replies). Instagram replies only
   * to top-level comments (a reply to a reply goes under its top-level comment) and never to hidden ones.
   */
  replyToComment(input: { commentId: string; token: string; message: string }): Promise<{ replyId: string }>;
  /**
   * The replies under a comment (`GET /<comment-id>/replies`, first page: up to 50 newest by default): how a send
   * whose answer was lost finds out whether its reply went out.
   */
  listCommentReplies(input: { commentId: string; token: string }): Promise<CommentReply[]>;
  /** Hides (or shows again) a comment on the account's media: `POST /<comment-id>` with `hide=true|false`. */
  hideComment(input: { commentId: string; token: string; hide: boolean }): Promise<void>;
  /**
   * Creates an image container. Meta downloads `imageUrl` during this call, so it must be public, reachable
   * without redirects, and a JPEG within Instagram's limits. Persist the id at once: it is the key to
   * finding out later whether a post went out.
   */
  createImageContainer(input: {
    igUserId: string;
    token: string;
    imageUrl: string;
    caption: string;
    altText?: string;
  }): Promise<{ containerId: string }>;
  /**
   * Creates one image of a carousel (`is_carousel_item=true`): no caption (Instagram refuses one on a child), its
   * own `alt_text`. Meta downloads `imageUrl` during the call, as for a single image. Persist the id at once.
   */
  createCarouselItem(input: {
    igUserId: string;
    token: string;
    imageUrl: string;
    altText?: string;
  }): Promise<{ containerId: string }>;
  /**
   * Creates the carousel itself (`media_type=CAROUSEL`) from 2 to 10 FINISHED children, shown in the order of
   * `childIds`, with the post's caption. This is the container to publish. It takes no `alt_text`: that is
   * per image, on the children (the alt_text parameter is for images only).
   */
  createCarouselContainer(input: {
    igUserId: string;
    token: string;
    childIds: readonly string[];
    caption: string;
  }): Promise<{ containerId: string }>;
  /**
   * The container's state. Also the way to answer "did this post go out?" after a crash or an ambiguous
   * publish failure: PUBLISHED means yes, FINISHED means no and it may be published (§B.6).
   */
  getContainerStatus(containerId: string, token: string): Promise<ContainerStatus>;
  /** Publishes a FINISHED container. Counts against the 24-hour publishing quota. */
  publishContainer(input: {
    igUserId: string;
    token: string;
    containerId: string;
  }): Promise<{ mediaId: string }>;
  getMedia(mediaId: string, token: string): Promise<PublishedMedia>;
  /**
   * Comments on a post as the account (`POST /<media-id>/comments` with `message`; needs the
   * instagram_business_manage_comments permission). Not idempotent: after an unanswered call, look for the text
   * with `listComments` before posting again.
   */
  postComment(input: { mediaId: string; token: string; message: string }): Promise<{ commentId: string }>;
  /** The post's comments, every page of them up to {@link MAX_MEDIA_PAGES} (`GET /<media-id>/comments`). */
  listComments(input: { mediaId: string; token: string }): Promise<MediaComment[]>;
  getPublishingLimit(igUserId: string, token: string): Promise<PublishingLimit>;
  /**
   * `GET /<media-id>/insights?metric=…` (production-and-v2-apis.md, Insights). Data that does not exist yet
   * comes back as an empty object, not zeros (the data lags up to 48 h). A metric the media type does not
   * support is refused by Meta with code 100 naming it; it is left out and the rest asked again. Error 10
   * "Not enough viewers" and a missing permission are thrown as `InstagramApiError` for the caller to judge.
   */
  getMediaInsights(mediaId: string, token: string): Promise<MediaInsights>;
  /**
   * The account's posts whose caption equals `caption`, published at or after `publishedAfter`, newest first:
   * the only way to recover a media id for a container that reports PUBLISHED (status gives no media id). Never
   * take "the newest post" instead; it may be someone else's (§B.6, trypost PR #281). Several matches mean
   * the same caption went out more than once. Reads every page of the account's media back to `publishedAfter`
   * (at most {@link MAX_MEDIA_PAGES} pages of `pageSize`), so a busy account's post is found as well as a quiet one's.
   */
  findRecentMediaByCaption(input: {
    igUserId: string;
    token: string;
    caption: string;
    publishedAfter: Date;
    pageSize?: number;
  }): Promise<RecentMedia[]>;
  /**
   * The same client, also telling `observer` the rate usage each of its responses reports: one publishing
   * attempt learns what its own calls were told, whatever other attempts run meanwhile.
   */
  observingRateUsage(observer: (usage: RateUsage) => void): InstagramClient;
}

const DEFAULTS = {
  authUrl: "https://www.instagram.com/oauth/authorize",
  apiUrl: "https://api.instagram.com",
  graphUrl: "https://graph.instagram.com",
  timeoutMs: 20_000,
} as const;

/** Publish timestamps are whole seconds and clocks drift; accept posts from slightly before the marker. */
const CAPTION_MATCH_MARGIN_MS = 120_000;

/**
 * How far the caption search pages back at most: 50 pages of 100 posts. Instagram lets an app publish at most
 * 100 posts a day to an account (§B.3), so this covers weeks even for an account that also posts by hand.
 */
export const MAX_MEDIA_PAGES = 50;

const id = z.pipe(z.union([z.string().check(z.minLength(1)), z.number()]), z.transform(String));
const optionalText = z.nullish(z.string());

const shortLivedTokenBody = z.object({
  access_token: z.string().check(z.minLength(1)),
  user_id: id,
  permissions: z.optional(z.union([z.string(), z.array(z.string())])),
});
const longLivedTokenBody = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z._default(z.string(), "bearer"),
  expires_in: z.int().check(z.positive()),
});
const profileBody = z.object({ user_id: id, username: z.string(), id: z.optional(id) });
const idBody = z.object({ id });
const commentRepliesBody = z.object({
  data: z.array(z.object({ id, text: z._default(z.string(), ""), username: optionalText })),
});
const successBody = z.object({ success: z.boolean() });
const containerStatusBody = z.object({
  status_code: z.enum(["IN_PROGRESS", "FINISHED", "PUBLISHED", "ERROR", "EXPIRED"]),
  status: optionalText,
});
const mediaBody = z.object({ id, permalink: optionalText, timestamp: optionalText, caption: optionalText });
const publishingLimitBody = z.object({
  data: z
    .array(
      z.object({
        quota_usage: z.int().check(z.nonnegative()),
        config: z.nullish(z.partial(z.object({ quota_total: z.int(), quota_duration: z.int() }))),
      }),
    )
    .check(z.minLength(1)),
});
/** Insights: `{data: [{name, period, values: [{value}]}]}`, or `total_value: {value}` for some metrics. */
const insightsBody = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      values: z.optional(z.array(z.object({ value: z.unknown() }))),
      total_value: z.optional(z.object({ value: z.unknown() })),
    }),
  ),
});

/** A page of an edge, with Graph's cursor paging: `next` is present only when there is a further page. */
const paging = z.optional(
  z.object({
    cursors: z.optional(z.object({ after: z.optional(z.string()) })),
    next: z.optional(z.string()),
  }),
);
const mediaListBody = z.object({ data: z.array(mediaBody), paging });

const commentListBody = z.object({
  data: z.array(
    z.object({
      id,
      text: optionalText,
      from: z.nullish(z.object({ id: z.optional(id), username: z.optional(z.string()) })),
    }),
  ),
  paging,
});

/** Graph errors: `{"error":{"message","type","code","error_subcode","is_transient","error_user_msg","fbtrace_id"}}`. */
const graphErrorBody = z.object({
  error: z.object({
    message: z.optional(z.string()),
    type: z.optional(z.string()),
    code: z.optional(z.number()),
    error_subcode: z.optional(z.number()),
    is_transient: z.optional(z.boolean()),
    error_user_msg: z.optional(z.string()),
    fbtrace_id: z.optional(z.string()),
  }),
});
/** The code exchange's own shape: `{"error_type":"OAuthException","code":400,"error_message":"…"}` (§A.3). */
const oauthErrorBody = z.object({
  error_type: z.optional(z.string()),
  code: z.optional(z.number()),
  error_message: z.string(),
});

type Host = "api" | "graph" | "graph-versioned";

interface CallSpec {
  step: InstagramStep;
  method: "GET" | "POST";
  host: Host;
  path: string;
  query?: Record<string, string>;
  form?: Record<string, string>;
  /** Values to scrub from anything Meta or the network says back. */
  secrets: readonly string[];
}

export function createInstagramClient(config: InstagramClientConfig): InstagramClient {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULTS.timeoutMs;
  const now = config.now ?? (() => new Date());
  const version = config.graphVersion ?? DEFAULT_GRAPH_VERSION;
  const bases: Record<Host, string> = {
    api: trimSlash(config.apiUrl ?? DEFAULTS.apiUrl),
    graph: trimSlash(config.graphUrl ?? DEFAULTS.graphUrl),
    "graph-versioned": `${trimSlash(config.graphUrl ?? DEFAULTS.graphUrl)}/${version}`,
  };
  const authUrl = config.authUrl ?? DEFAULTS.authUrl;

  /** POST /<ig-user-id>/media: every kind of container, told apart by its step and fields (empty ones left out). */
  async function createContainer(
    step: "create_container" | "create_carousel_item" | "create_carousel",
    igUserId: string,
    token: string,
    fields: Record<string, string | null | undefined>,
  ): Promise<{ containerId: string }> {
    const form: Record<string, string> = { access_token: token };
    for (const [name, value] of Object.entries(fields)) if (value) form[name] = value;
    const body = await call(
      {
        step,
        method: "POST",
        host: "graph-versioned",
        path: `/${encodeURIComponent(igUserId)}/media`,
        form,
        secrets: [token],
      },
      idBody,
    );
    return { containerId: body.id };
  }

  async function call<T>(
    spec: CallSpec,
    schema: z.ZodMiniType<T>,
    preprocess?: (text: string) => string,
  ): Promise<T> {
    const secrets = [...spec.secrets, config.appSecret];
    const url = new URL(`${bases[spec.host]}${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    const fail = (fields: Partial<InstagramApiErrorFields>) =>
      new InstagramApiError({
        step: spec.step,
        origin: "meta",
        httpStatus: null,
        code: null,
        subcode: null,
        type: null,
        metaMessage: null,
        fbtraceId: null,
        ...fields,
      });

    let status: number;
    let text: string;
    let traceHeader: string | null;
    try {
      // The token travels in the query (GET) or the form body (POST), as Meta documents both. Neither the URL
      // nor the body is ever quoted in an error. Redirects are refused so the token never follows one.
      const response = await fetchImpl(url, {
        method: spec.method,
        headers: spec.form ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
        body: spec.form ? new URLSearchParams(spec.form) : undefined,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      traceHeader = response.headers.get("x-fb-trace-id");
      const usage = config.onRateUsage && readRateUsage(response.headers);
      if (usage) config.onRateUsage!(usage);
      text = await response.text();
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw fail({
        origin: timedOut ? "timeout" : "network",
        metaMessage: timedOut
          ? `no answer within ${timeoutMs} ms`
          : `could not reach Instagram (${networkCode(error)})`,
      });
    }

    let body: unknown;
    try {
      body = JSON.parse(preprocess ? preprocess(text) : text);
    } catch {
      body = undefined;
    }

    const graphError = graphErrorBody.safeParse(body);
    if (graphError.success) {
      const error = graphError.data.error;
      throw fail({
        httpStatus: status,
        code: error.code ?? null,
        subcode: error.error_subcode ?? null,
        type: error.type ?? null,
        metaMessage: error.message ? scrub(error.message, secrets) : null,
        userMessage: error.error_user_msg ? scrub(error.error_user_msg, secrets) : null,
        fbtraceId: error.fbtrace_id ?? traceHeader,
        metaTransient: error.is_transient ?? null,
      });
    }
    const oauthError = oauthErrorBody.safeParse(body);
    if (oauthError.success && (status < 200 || status >= 300)) {
      throw fail({
        httpStatus: status,
        code: oauthError.data.code ?? null,
        type: oauthError.data.error_type ?? null,
        metaMessage: scrub(oauthError.data.error_message, secrets),
        fbtraceId: traceHeader,
      });
    }
    if (status < 200 || status >= 300) {
      throw fail({
        origin: "http",
        httpStatus: status,
        metaMessage: `HTTP ${status} without an error body`,
        fbtraceId: traceHeader,
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(body)").join(", ");
      throw fail({
        origin: "unexpected_body",
        httpStatus: status,
        metaMessage: `unexpected response shape (${fields})`,
        fbtraceId: traceHeader,
      });
    }
    return parsed.data;
  }

  function longLived(body: z.infer<typeof longLivedTokenBody>): LongLivedToken {
    return {
      accessToken: body.access_token,
      tokenType: body.token_type,
      expiresInSeconds: body.expires_in,
      expiresAt: new Date(now().getTime() + body.expires_in * 1000),
    };
  }

  return {
    authorizeUrl({ redirectUri, state, scopes = INSTAGRAM_SCOPES, forceReauth = false }) {
      const url = new URL(authUrl);
      url.searchParams.set("client_id", config.appId);
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("response_type", "code");
      url.searchParams.set("scope", scopes.join(","));
      url.searchParams.set("state", state);
      if (forceReauth) url.searchParams.set("force_reauth", "true");
      return url.toString();
    },

    async exchangeCode({ code, redirectUri }) {
      const cleanCode = code.replace(/#_$/, "");
      const body = await call(
        {
          step: "exchange_code",
          method: "POST",
          host: "api",
          path: "/oauth/access_token",
          form: {
            client_id: config.appId,
            client_secret: config.appSecret,
            grant_type: "authorization_code",
            redirect_uri: redirectUri,
            code: cleanCode,
          },
          secrets: [cleanCode],
        },
        // The docs show {data:[{…}]}, real-world code parses a flat {…}: accept both (§A.3).
        z.union([
          z.object({ data: z.array(shortLivedTokenBody).check(z.minLength(1)) }),
          shortLivedTokenBody,
        ]),
        quoteLargeIds,
      );
      const token = "data" in body ? body.data[0]! : body;
      const permissions = Array.isArray(token.permissions)
        ? token.permissions
        : (token.permissions ?? "").split(",").filter(Boolean);
      return {
        accessToken: token.access_token,
        userId: token.user_id,
        permissions: permissions.map((p) => p.trim()),
      };
    },

    async exchangeForLongLived(shortLivedToken) {
      const body = await call(
        {
          step: "exchange_long_lived",
          method: "GET",
          host: "graph",
          path: "/access_token",
          query: {
            grant_type: "ig_exchange_token",
            client_secret: config.appSecret,
            access_token: shortLivedToken,
          },
          secrets: [shortLivedToken],
        },
        longLivedTokenBody,
      );
      return longLived(body);
    },

    async refreshLongLived(longLivedToken) {
      const body = await call(
        {
          step: "refresh_token",
          method: "GET",
          host: "graph",
          path: "/refresh_access_token",
          query: { grant_type: "ig_refresh_token", access_token: longLivedToken },
          secrets: [longLivedToken],
        },
        longLivedTokenBody,
      );
      return longLived(body);
    },

    async getProfile(token) {
      const body = await call(
        {
          step: "get_profile",
          method: "GET",
          host: "graph-versioned",
          path: "/me",
          query: { fields: "id,user_id,username", access_token: token },
          secrets: [token],
        },
        profileBody,
        quoteLargeIds,
      );
      return { userId: body.user_id, username: body.username, appScopedId: body.id ?? null };
    },

    async subscribeToComments(token) {
      await call(
        {
          step: "subscribe_webhooks",
          method: "POST",
          host: "graph-versioned",
          path: "/me/subscribed_apps",
          form: { subscribed_fields: "comments", access_token: token },
          secrets: [token],
        },
        successBody,
      );
    },

    async replyToComment({ commentId, token, message }) {
      const body = await call(
        {
          step: "reply_to_comment",
          method: "POST",
          host: "graph-versioned",
          path: `/${encodeURIComponent(commentId)}/replies`,
          form: { message, access_token: token },
          secrets: [token],
        },
        idBody,
        quoteLargeIds,
      );
      return { replyId: body.id };
    },

    async listCommentReplies({ commentId, token }) {
      const body = await call(
        {
          step: "list_comment_replies",
          method: "GET",
          host: "graph-versioned",
          path: `/${encodeURIComponent(commentId)}/replies`,
          query: { fields: "id,text,username,timestamp", access_token: token },
          secrets: [token],
        },
        commentRepliesBody,
        quoteLargeIds,
      );
      return body.data.map((reply) => ({ id: reply.id, text: reply.text, username: reply.username ?? null }));
    },

    async hideComment({ commentId, token, hide }) {
      await call(
        {
          step: "hide_comment",
          method: "POST",
          host: "graph-versioned",
          path: `/${encodeURIComponent(commentId)}`,
          form: { hide: String(hide), access_token: token },
          secrets: [token],
        },
        successBody,
      );
    },

    async createImageContainer({ igUserId, token, imageUrl, caption, altText }) {
      // A form body, never a hand-built query string: a raw "#" would cut the caption off (§B.4).
      return createContainer("create_container", igUserId, token, {
        image_url: imageUrl,
        caption,
        alt_text: altText,
      });
    },

    async createCarouselItem({ igUserId, token, imageUrl, altText }) {
      return createContainer("create_carousel_item", igUserId, token, {
        image_url: imageUrl,
        is_carousel_item: "true",
        alt_text: altText,
      });
    },

    async createCarouselContainer({ igUserId, token, childIds, caption }) {
      // In the form body, like a single image's caption (§B.4).
      return createContainer("create_carousel", igUserId, token, {
        media_type: "CAROUSEL",
        children: childIds.join(","),
        caption,
      });
    },

    async getContainerStatus(containerId, token) {
      const body = await call(
        {
          step: "container_status",
          method: "GET",
          host: "graph-versioned",
          path: `/${encodeURIComponent(containerId)}`,
          query: { fields: "status_code,status", access_token: token },
          secrets: [token],
        },
        containerStatusBody,
      );
      return { statusCode: body.status_code, status: body.status ?? null };
    },

    async publishContainer({ igUserId, token, containerId }) {
      const body = await call(
        {
          step: "publish",
          method: "POST",
          host: "graph-versioned",
          path: `/${encodeURIComponent(igUserId)}/media_publish`,
          form: { creation_id: containerId, access_token: token },
          secrets: [token],
        },
        idBody,
      );
      return { mediaId: body.id };
    },

    async getMedia(mediaId, token) {
      const body = await call(
        {
          step: "get_media",
          method: "GET",
          host: "graph-versioned",
          path: `/${encodeURIComponent(mediaId)}`,
          query: { fields: "id,permalink,timestamp", access_token: token },
          secrets: [token],
        },
        mediaBody,
      );
      return {
        mediaId: body.id,
        permalink: body.permalink ?? null,
        timestamp: parseGraphTime(body.timestamp),
      };
    },

    async postComment({ mediaId, token, message }) {
      // In the form body: a raw "#" in a query string would cut the hashtags off (§B.4).
      const body = await call(
        {
          step: "post_comment",
          method: "POST",
          host: "graph-versioned",
          path: `/${encodeURIComponent(mediaId)}/comments`,
          form: { message, access_token: token },
          secrets: [token],
        },
        idBody,
      );
      return { commentId: body.id };
    },

    async listComments({ mediaId, token }) {
      const query: Record<string, string> = { fields: "id,text,from", limit: "50", access_token: token };
      const comments: MediaComment[] = [];
      for (let page = 0; page < MAX_MEDIA_PAGES; page++) {
        const body = await call(
          {
            step: "list_comments",
            method: "GET",
            host: "graph-versioned",
            path: `/${encodeURIComponent(mediaId)}/comments`,
            query,
            secrets: [token],
          },
          commentListBody,
        );
        for (const comment of body.data) {
          comments.push({
            commentId: comment.id,
            text: comment.text ?? "",
            fromId: comment.from?.id ?? null,
          });
        }
        const after = body.paging?.cursors?.after;
        if (!body.paging?.next || !after) break;
        query.after = after;
      }
      return comments;
    },

    async getPublishingLimit(igUserId, token) {
      const body = await call(
        {
          step: "publishing_limit",
          method: "GET",
          host: "graph-versioned",
          path: `/${encodeURIComponent(igUserId)}/content_publishing_limit`,
          query: { fields: "quota_usage,config", access_token: token },
          secrets: [token],
        },
        publishingLimitBody,
      );
      const limit = body.data[0]!;
      return {
        quotaUsage: limit.quota_usage,
        quotaTotal: limit.config?.quota_total ?? null,
        quotaDurationSeconds: limit.config?.quota_duration ?? null,
      };
    },

    async getMediaInsights(mediaId, token) {
      let metrics: string[] = [...MEDIA_INSIGHT_METRICS];
      for (;;) {
        try {
          const body = await call(
            {
              step: "media_insights",
              method: "GET",
              host: "graph-versioned",
              path: `/${encodeURIComponent(mediaId)}/insights`,
              query: { metric: metrics.join(","), access_token: token },
              secrets: [token],
            },
            insightsBody,
          );
          return readInsights(body.data);
        } catch (error) {
          const unsupported = unsupportedMetric(error, metrics);
          if (!unsupported) throw error;
          metrics = metrics.filter((metric) => metric !== unsupported);
          if (metrics.length === 0) return {};
        }
      }
    },

    async findRecentMediaByCaption({ igUserId, token, caption, publishedAfter, pageSize = 100 }) {
      const earliest = publishedAfter.getTime() - CAPTION_MATCH_MARGIN_MS;
      // The media edge lists newest first and takes `since` (a Unix time) to start the range, and pages with
      // cursors: `after` from paging.cursors asks for the next page, and `paging.next` is absent on the last one
      // (Graph API "Paginated Results"; IG User Media, time-based pagination). The `next` URL itself is not
      // followed: it carries the token and Meta's host, while each page here goes through `call` like any other.
      const query: Record<string, string> = {
        fields: "id,caption,timestamp,permalink",
        since: String(Math.floor(earliest / 1000)),
        limit: String(pageSize),
        access_token: token,
      };
      const listed: z.infer<typeof mediaBody>[] = [];
      for (let page = 0; page < MAX_MEDIA_PAGES; page++) {
        const body = await call(
          {
            step: "list_media",
            method: "GET",
            host: "graph-versioned",
            path: `/${encodeURIComponent(igUserId)}/media`,
            query,
            secrets: [token],
          },
          mediaListBody,
        );
        listed.push(...body.data);
        const after = body.paging?.cursors?.after;
        // Also stop at a page reaching past `since`, should the edge ever ignore it.
        const oldest = parseGraphTime(body.data.at(-1)?.timestamp);
        if (!body.paging?.next || !after || (oldest && oldest.getTime() < earliest)) break;
        query.after = after;
      }
      const wanted = normaliseCaption(caption);
      return listed
        .map((media) => ({
          mediaId: media.id,
          caption: media.caption ?? "",
          permalink: media.permalink ?? null,
          timestamp: parseGraphTime(media.timestamp),
        }))
        .filter((media) => normaliseCaption(media.caption) === wanted)
        .filter((media) => media.timestamp !== null && media.timestamp.getTime() >= earliest)
        .sort((a, b) => b.timestamp!.getTime() - a.timestamp!.getTime());
    },

    observingRateUsage(observer) {
      const outer = config.onRateUsage;
      return createInstagramClient({
        ...config,
        onRateUsage: (usage) => {
          outer?.(usage);
          observer(usage);
        },
      });
    },
  };
}

/** The metric a code-100 refusal names ("The metric shares is not supported for this media type"), if asked for. */
function unsupportedMetric(error: unknown, asked: readonly string[]): string | undefined {
  if (!(error instanceof InstagramApiError) || error.code !== 100) return undefined;
  const named = /metric[s]?\s+\(?([a-z_]+)/i.exec(error.metaMessage ?? "")?.[1];
  return named && asked.includes(named) ? named : undefined;
}

function readInsights(data: z.infer<typeof insightsBody>["data"]): MediaInsights {
  const insights: MediaInsights = {};
  for (const entry of data) {
    if (!(MEDIA_INSIGHT_METRICS as readonly string[]).includes(entry.name)) continue;
    const value = entry.values?.at(-1)?.value ?? entry.total_value?.value;
    if (typeof value === "number" && Number.isFinite(value))
      insights[entry.name as MediaInsightMetric] = Math.round(value);
  }
  return insights;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * Ids are strings; a JSON number above 2^53 would lose digits in JSON.parse (§A.3 notes some code types
 * user_id as a number). Quote bare numeric ids before parsing.
 */
function quoteLargeIds(text: string): string {
  return text.replace(/("(?:user_id|id)"\s*:\s*)(\d+)/g, '$1"$2"');
}

/** Graph timestamps look like "2026-11-22T09:00:00+0000"; Date.parse wants "+00:00". */
function parseGraphTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? null : date;
}

function normaliseCaption(caption: string): string {
  return caption.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Scrubs known secrets and anything shaped like a credential parameter from text Meta sends back. */
function scrub(text: string, secrets: readonly string[]): string {
  return scrubSecrets(text, secrets)
    .replace(/((?:access_token|client_secret|code)=)[^&\s"']+/gi, "$1[redacted]")
    .replace(/\bIG[A-Za-z0-9_-]{20,}/g, "[redacted]")
    .slice(0, 1000);
}

/** A short, secret-free name for a transport failure ("ECONNREFUSED", "UND_ERR_SOCKET"). */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string" && /^[A-Z0-9_]+$/.test(cause.code)) return cause.code;
  return error instanceof Error && /^[A-Za-z]+$/.test(error.name) ? error.name : "unknown error";
}
