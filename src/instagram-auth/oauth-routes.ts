import type { Context, Hono } from "hono";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
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

const BACK_TO_TELEGRAM = "Send /connect in Telegram to get a new link.";

/**
 * The browser side of Instagram Login (platform-apis.md §A.2–A.6):
 * - `GET /auth/instagram/start?s=<state>`: the /connect button's target. Redirects to Instagram only for a state
 *   that was issued by the bot and is still unused and unexpired, so a made-up or stale link goes nowhere.
 * - `GET /auth/instagram/callback`: uses the state up (once), then code → short-lived token → long-lived token
 *   → profile, and stores the token encrypted with the owner's Telegram message in one transaction.
 *   Anything that fails stores nothing and says what happened, on the page and (when the owner is known) in
 *   Telegram.
 */
export function instagramAuthRoutes(deps: InstagramAuthRouteDeps) {
  const { services, client } = deps;
  const { sql, config, logger, vault } = services;

  return (app: Hono<AppEnv>) => {
    app.get("/auth/instagram/start", async function startInstagramLogin(c) {
      if (!client || missingInstagramSettings(config).length > 0) return notConfiguredPage(c);
      const state = c.req.query("s");
      if (!isWellFormedOAuthState(state) || !(await isOAuthStateUsable(sql, hashOAuthState(state)))) {
        return page(c, 400, "This link no longer works", [
          "Connection links work once, for 10 minutes.",
          BACK_TO_TELEGRAM,
        ]);
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
          ? page(c, 403, "Instagram was not connected", [
              "You did not allow Greenlight to use the Instagram account, so nothing was connected.",
              BACK_TO_TELEGRAM,
            ])
          : page(c, 400, "Instagram was not connected", [
              `Instagram reported an error (${error.slice(0, 60)}).`,
              BACK_TO_TELEGRAM,
            ]);
      }

      const consumed = await consumeOAuthState(sql, hash);
      if (!consumed.ok) return stateProblemPage(c, consumed, hash);
      const code = c.req.query("code");
      if (!code) {
        await failConnect(consumed, "no-code");
        return page(c, 400, "Instagram was not connected", [
          "Instagram sent no login code.",
          BACK_TO_TELEGRAM,
        ]);
      }

      try {
        const redirectUri = instagramRedirectUri(config);
        const short = await client.exchangeCode({ code, redirectUri });
        if (lacksPublishPermission(short.permissions)) {
          const detail = "Publishing was not allowed. Connect again and keep every permission switched on.";
          await failConnect(consumed, "no-publish-permission");
          return page(c, 403, "Instagram was not connected", [detail, BACK_TO_TELEGRAM]);
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
        return page(c, 200, "Instagram connected", [
          `Connected @${profile.username} — you can go back to Telegram.`,
        ]);
      } catch (failure) {
        if (!(failure instanceof InstagramApiError)) throw failure;
        const { status, detail, reason } = describeConnectFailure(failure);
        logger.warn({ err: failure, brandId: consumed.brandId }, "instagram login failed");
        await failConnect(consumed, reason);
        return page(c, status, "Instagram was not connected", [detail, BACK_TO_TELEGRAM]);
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
    return page(c, 400, outcome.problem === "used" ? "This link was already used" : "This link has expired", [
      outcome.problem === "used"
        ? "Each connection link works once. Nothing was changed."
        : "Connection links work for 10 minutes. Nothing was connected.",
      BACK_TO_TELEGRAM,
    ]);
  }
}

function unknownStatePage(c: Context<AppEnv>) {
  return page(c, 400, "This link is not valid", [
    "Greenlight did not issue this connection link, so nothing was connected.",
    BACK_TO_TELEGRAM,
  ]);
}

function notConfiguredPage(c: Context<AppEnv>) {
  return page(c, 503, "Instagram is not set up", [
    "The operator of this Greenlight has not configured Instagram yet (INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET, PUBLIC_URL).",
  ]);
}

function page(c: Context<AppEnv>, status: 200 | 400 | 403 | 502 | 503, title: string, paragraphs: string[]) {
  return c.html(renderSimplePage({ title, paragraphs }), status, SIMPLE_PAGE_HEADERS);
}
