import type { Context, Hono } from "hono";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { localeFromAcceptLanguage } from "../i18n/locales.ts";
import { type Texts, textsFor } from "../i18n/texts.ts";
import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import { INSTAGRAM_SCOPES, type InstagramClient } from "../instagram/instagram-client.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import type { AppEnv } from "../server/http-app.ts";
import type { Services } from "../services.ts";
import { saveConnectedAccount } from "./account-queries.ts";
import { describeConnectFailure, lacksPublishPermission } from "./connect-failures.ts";
import { renderSimplePage, SIMPLE_PAGE_HEADERS } from "./html-page.ts";
import { instagramRedirectUri, missingInstagramSettings } from "./instagram-client-factory.ts";
import { hashOAuthState, isWellFormedOAuthState } from "./oauth-state.ts";
import {
  type ConsumedOAuthState,
  consumeOAuthState,
  isOAuthStateUsable,
  type OAuthStateOwner,
} from "./oauth-state-queries.ts";
import {
  type ConnectFailure,
  type ConnectFailureReason,
  connectedNotice,
  connectFailedNotice,
} from "./owner-notices.ts";

export interface InstagramAuthRouteDeps {
  services: Services;
  /** Undefined while INSTAGRAM_APP_ID / INSTAGRAM_APP_SECRET are unset. */
  client: InstagramClient | undefined;
}

/**
 * The browser side of Instagram Login (platform-apis.md §A.2–A.6):
 * - `GET /auth/instagram/start?s=<state>`: the /connect button's target. Redirects to Instagram only for a state
 *   that was issued by the bot and is still unused and unexpired, so a made-up or stale link goes nowhere.
 * - `GET /auth/instagram/callback`: uses the state up (once), then code → short-lived token → long-lived token
 *   → profile, and stores the token encrypted with the owner's Telegram message in one transaction.
 *   Anything that fails stores nothing and says what happened, on the page and (when the owner is known) in
 *   Telegram.
 * Pages are in the browser's language (Accept-Language); the Telegram messages in the owner's.
 */
export function instagramAuthRoutes(deps: InstagramAuthRouteDeps) {
  const { services, client } = deps;
  const { sql, config, logger, vault } = services;

  return (app: Hono<AppEnv>) => {
    app.get("/auth/instagram/start", async function startInstagramLogin(c) {
      if (!client || missingInstagramSettings(config).length > 0) return notConfiguredPage(c);
      const state = c.req.query("s");
      if (!isWellFormedOAuthState(state) || !(await isOAuthStateUsable(sql, hashOAuthState(state)))) {
        return page(c, 400, "web-link-stale-title", ["web-link-stale", "web-back-to-telegram"]);
      }
      const location = client.authorizeUrl({
        redirectUri: instagramRedirectUri(config),
        state,
        scopes: INSTAGRAM_SCOPES,
      });
      return c.body(null, 302, { ...SIMPLE_PAGE_HEADERS, location });
    });

    app.get("/auth/instagram/callback", async function completeInstagramLogin(c) {
      if (!client || missingInstagramSettings(config).length > 0) return notConfiguredPage(c);
      const state = c.req.query("state");
      if (!isWellFormedOAuthState(state)) return unknownStatePage(c);
      const hash = hashOAuthState(state);
      const error = c.req.query("error");

      if (error !== undefined) {
        const failure: ConnectFailure =
          error === "access_denied"
            ? { kind: "denied" }
            : { kind: "instagram_error", error: error.slice(0, 60) };
        const consumed = await sql.begin(async (tx) => {
          const outcome = await consumeOAuthState(tx, hash);
          if (outcome.ok) {
            const texts = await loadBrandOwnerTexts(tx, outcome.brandId);
            await enqueueText(tx, outcome.chatId, connectFailedNotice(outcome, failure, texts));
          }
          return outcome;
        });
        if (!consumed.ok) return stateProblemPage(c, consumed, hash);
        logger.info({ brandId: consumed.brandId, error }, "instagram login not completed");
        return failure.kind === "denied"
          ? page(c, 403, "web-not-connected-title", ["web-denied", "web-back-to-telegram"])
          : page(c, 400, "web-not-connected-title", [
              ["ig-failure-error", { error: error.slice(0, 60) }],
              "web-back-to-telegram",
            ]);
      }

      const consumed = await consumeOAuthState(sql, hash);
      if (!consumed.ok) return stateProblemPage(c, consumed, hash);
      const code = c.req.query("code");
      if (!code) {
        await failConnect(consumed, "no-code");
        return page(c, 400, "web-not-connected-title", ["ig-failure-no-code", "web-back-to-telegram"]);
      }

      try {
        const redirectUri = instagramRedirectUri(config);
        const short = await client.exchangeCode({ code, redirectUri });
        if (lacksPublishPermission(short.permissions)) {
          await failConnect(consumed, "no-publish-permission");
          return page(c, 403, "web-not-connected-title", [
            "ig-failure-no-publish-permission",
            "web-back-to-telegram",
          ]);
        }
        const long = await client.exchangeForLongLived(short.accessToken);
        const profile = await client.getProfile(long.accessToken);
        // Comments reach /meta/webhooks only for accounts subscribed to them. Publishing works without, so a
        // refusal (the owner switched the comments permission off) connects the account all the same.
        await client.subscribeToComments(long.accessToken).catch((error: unknown) => {
          if (!(error instanceof InstagramApiError)) throw error;
          logger.warn(
            { err: error, brandId: consumed.brandId },
            "instagram account not subscribed to comments; its comments will not reach Telegram",
          );
        });
        await sql.begin(async (tx) => {
          await saveConnectedAccount(tx, {
            brandId: consumed.brandId,
            igUserId: profile.userId,
            // The code exchange reports the app-scoped id too (§A.3); /me's `id` is preferred when present.
            appScopedId: profile.appScopedId ?? short.userId,
            username: profile.username,
            tokenCiphertext: vault.seal(long.accessToken),
            expiresAt: long.expiresAt,
            // Instagram lists what the owner allowed; when it says nothing, what was asked for is assumed and
            // a refusal later (insights collection) corrects it.
            grantedScopes: short.permissions.length > 0 ? short.permissions : INSTAGRAM_SCOPES,
          });
          await enqueueText(
            tx,
            consumed.chatId,
            connectedNotice(
              { ...consumed, username: profile.username },
              await loadBrandOwnerTexts(tx, consumed.brandId),
            ),
          );
        });
        logger.info(
          { brandId: consumed.brandId, igUserId: profile.userId, username: profile.username },
          "instagram connected",
        );
        return page(c, 200, "web-connected-title", [["web-connected", { username: profile.username }]]);
      } catch (failure) {
        if (!(failure instanceof InstagramApiError)) throw failure;
        const { status, reason } = describeConnectFailure(failure);
        logger.warn({ err: failure, brandId: consumed.brandId }, "instagram login failed");
        await failConnect(consumed, reason);
        return page(c, status, "web-not-connected-title", [`ig-failure-${reason}`, "web-back-to-telegram"]);
      }
    });
  };

  async function failConnect(owner: OAuthStateOwner, reason: ConnectFailureReason): Promise<void> {
    const texts = await loadBrandOwnerTexts(sql, owner.brandId);
    await enqueueText(
      sql,
      owner.chatId,
      connectFailedNotice(owner, { kind: "exchange_failed", reason }, texts),
    );
  }

  /** Expired or replayed: the owner is known, so they hear about it too (once per link and reason). */
  async function stateProblemPage(
    c: Context<AppEnv>,
    outcome: Exclude<ConsumedOAuthState, { ok: true }>,
    hash: string,
  ) {
    if (outcome.problem === "unknown") return unknownStatePage(c);
    await enqueueText(
      sql,
      outcome.chatId,
      connectFailedNotice(
        outcome,
        { kind: outcome.problem },
        await loadBrandOwnerTexts(sql, outcome.brandId),
      ),
      `ig-oauth:${hash.slice(0, 32)}:${outcome.problem}`,
    );
    logger.warn(
      { brandId: outcome.brandId, problem: outcome.problem },
      "instagram callback with a spent state",
    );
    return outcome.problem === "used"
      ? page(c, 400, "web-link-used-title", ["web-link-used", "web-back-to-telegram"])
      : page(c, 400, "web-link-expired-title", ["web-link-expired", "web-back-to-telegram"]);
  }
}

function unknownStatePage(c: Context<AppEnv>) {
  return page(c, 400, "web-link-unknown-title", ["web-link-unknown", "web-back-to-telegram"]);
}

function notConfiguredPage(c: Context<AppEnv>) {
  return page(c, 503, "web-not-set-up-title", ["web-not-set-up"]);
}

/** A paragraph: a message key, or a key with its arguments. */
type Paragraph = string | [key: string, args: Parameters<Texts["t"]>[1]];

/** A page in the visitor's language, from message keys in web-pages.ftl (and notices.ftl's ig-failure-*). */
function page(
  c: Context<AppEnv>,
  status: 200 | 400 | 403 | 502 | 503,
  titleKey: string,
  paragraphs: readonly Paragraph[],
) {
  const texts = textsFor(localeFromAcceptLanguage(c.req.header("accept-language")));
  return c.html(
    renderSimplePage({
      lang: texts.locale,
      title: texts.t(titleKey),
      paragraphs: paragraphs.map((paragraph) =>
        typeof paragraph === "string" ? texts.t(paragraph) : texts.t(...paragraph),
      ),
    }),
    status,
    SIMPLE_PAGE_HEADERS,
  );
}
