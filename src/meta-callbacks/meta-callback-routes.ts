import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { publicBaseUrl } from "../config/config.ts";
import { disconnectAndNotify } from "../instagram-auth/access-token.ts";
import { localeFromAcceptLanguage } from "../i18n/locales.ts";
import { textsFor } from "../i18n/texts.ts";
import { SIMPLE_PAGE_HEADERS } from "../instagram-auth/html-page.ts";
import type { AppEnv } from "../server/http-app.ts";
import type { Services } from "../services.ts";
import { META_DELETIONS_JOB } from "./delete-instagram-user-data.ts";
import {
  findDeletionRequest,
  isConfirmationCode,
  newConfirmationCode,
  recordDeletionRequest,
} from "./deletion-requests.ts";
import { renderDeletionStatusPage, renderUnknownDeletionPage } from "./deletion-status-page.ts";
import { DEAUTHORIZED_REASON } from "./owner-notices.ts";
import { SignedRequestError, type SignedRequestPayload, verifySignedRequest } from "./signed-request.ts";

/** Meta's callbacks carry one short form field; anything much larger is not Meta. */
const MAX_CALLBACK_BODY_BYTES = 16 * 1024;

/**
 * Meta's data-deletion and deauthorize callbacks (platform-apis.md §C), verified with INSTAGRAM_APP_SECRET
 * (the Instagram app's secret signs Instagram-Login callbacks, §C.4). A request that fails verification is
 * answered 4xx and changes nothing. Both answer at once: the deletion itself runs in the "meta-deletions" job,
 * started here without waiting for it.
 */
export function metaCallbackRoutes(deps: { services: Services }) {
  const { sql, config, logger, scheduler } = deps.services;
  const statusUrl = (code: string) =>
    `${publicBaseUrl(config)}/meta/data-deletion/status?code=${encodeURIComponent(code)}`;

  async function verifiedPayload(c: Context<AppEnv>, callback: string): Promise<SignedRequestPayload> {
    const secret = config.INSTAGRAM_APP_SECRET;
    if (!secret) {
      throw new HTTPException(503, {
        message: "Meta callbacks are not configured: INSTAGRAM_APP_SECRET is not set",
      });
    }
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      throw new HTTPException(400, { message: "Expected a form body with signed_request" });
    }
    try {
      return verifySignedRequest(body.signed_request, secret);
    } catch (error) {
      if (!(error instanceof SignedRequestError)) throw error;
      logger.warn(
        { callback, reason: error.reason, requestId: c.get("requestId") },
        "meta callback rejected",
      );
      throw new HTTPException(error.reason === "bad_signature" ? 403 : 400, {
        message: `signed_request rejected: ${error.reason}`,
      });
    }
  }

  return (app: Hono<AppEnv>) => {
    const limit = bodyLimit({
      maxSize: MAX_CALLBACK_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: "Body too large for a Meta callback" });
      },
    });

    app.post("/meta/data-deletion", limit, async function requestDataDeletion(c) {
      const payload = await verifiedPayload(c, "data-deletion");
      const request = await recordDeletionRequest(sql, {
        metaUserId: payload.user_id,
        confirmationCode: newConfirmationCode(),
      });
      logger.info(
        { confirmationCode: request.confirmationCode, status: request.status },
        "meta data deletion request recorded",
      );
      if (request.status === "pending") {
        // Not awaited: Meta gets its answer now. If the job is already running it will see this request on
        // its next pass or, at the latest, on its next scheduled run.
        scheduler
          .runNow(META_DELETIONS_JOB)
          .catch((error) => logger.error({ err: error }, "could not start the data deletion job"));
      }
      return c.json({
        url: statusUrl(request.confirmationCode),
        confirmation_code: request.confirmationCode,
      });
    });

    app.get("/meta/data-deletion/status", async function showDeletionStatus(c) {
      const code = c.req.query("code");
      const request = isConfirmationCode(code) ? await findDeletionRequest(sql, code) : undefined;
      const texts = textsFor(localeFromAcceptLanguage(c.req.header("accept-language")));
      if (!request) return c.html(renderUnknownDeletionPage(texts), 404, SIMPLE_PAGE_HEADERS);
      return c.html(renderDeletionStatusPage(request, texts), 200, SIMPLE_PAGE_HEADERS);
    });

    app.post("/meta/deauthorize", limit, async function deauthorize(c) {
      const payload = await verifiedPayload(c, "deauthorize");
      const accounts = await disconnectAndNotify(
        sql,
        { metaUserId: payload.user_id },
        DEAUTHORIZED_REASON,
        "ig-reason-deauthorized",
      );
      logger.info(
        { brands: accounts.map((account) => account.brandId) },
        "meta deauthorize callback handled",
      );
      return c.json({ status: "ok" });
    });
  };
}
