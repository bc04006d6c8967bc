import { timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import type { AppEnv } from "../server/http-app.ts";
import type { Services } from "../services.ts";
import { createGroupCommit } from "../database/group-commit.ts";
import {
  type InboxChange,
  readWebhookNotification,
  WebhookNotificationError,
} from "./webhook-notification.ts";
import { storeWebhookNotifications } from "./webhook-inbox.ts";
import { checkWebhookSignature, type WebhookSignatureFailure } from "./webhook-signature.ts";
import { META_WEBHOOKS_JOB } from "./webhook-worker.ts";

/** Meta batches changes into one delivery; a megabyte is far more than a batch of comments takes. */
const MAX_NOTIFICATION_BYTES = 1024 * 1024;
/**
 * Group commit of the inbox (see createGroupCommit): up to this many notifications in one INSERT, and two such
 * statements in flight, so a burst takes two pool connections and leaves the rest to the processing job.
 */
const INBOX_BATCH = 100;
const INBOX_BATCHES_IN_FLIGHT = 2;

const NOTIFICATION_TOO_LARGE = "Body too large for a Meta webhook notification";

const SIGNATURE_REFUSALS: Record<WebhookSignatureFailure, { status: 401 | 403; message: string }> = {
  unsigned: { status: 401, message: "Refused: the notification carries no X-Hub-Signature-256" },
  malformed: {
    status: 401,
    message: "Refused: X-Hub-Signature-256 is not sha256= followed by 64 hex digits",
  },
  mismatch: {
    status: 403,
    message: "Refused: X-Hub-Signature-256 does not match the body under this app's secret",
  },
};

/**
 * Meta's webhooks (comments on the brand's posts), on the same server as the other callbacks.
 *
 * GET is the verification handshake Meta makes when the callback URL is set in the dashboard: it must echo
 * `hub.challenge` only when `hub.verify_token` is ours (META_WEBHOOK_VERIFY_TOKEN). POST is a notification: it
 * is believed only with a valid X-Hub-Signature-256 over the raw body (INSTAGRAM_APP_SECRET), and is stored in
 * meta_webhook_inbox before the 200 goes out, so an acknowledged notification is never lost; the "meta-webhooks"
 * job processes it, here at once or on any instance after a crash. A redelivery (Meta retries what it thinks
 * failed) or a replay inside the window meets its unique key and is acknowledged without being handled again;
 * one older than the window (REPLAY_WINDOW_MS) is refused.
 */
export function metaWebhookRoutes(deps: { services: Services }) {
  const { sql, config, logger, scheduler, clock } = deps.services;
  const inbox = createGroupCommit<InboxChange[], number>({
    writeBatch: (notifications) => storeWebhookNotifications(sql, notifications, clock()),
    maxBatch: INBOX_BATCH,
    maxInFlight: INBOX_BATCHES_IN_FLIGHT,
  });
  // hono's bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a full WHATWG Request for every
  // notification (a fifth of the intake's CPU under a burst). A body that declares its length (Meta's do) is
  // checked by that header, which Node's parser holds the body to, and read by node-server's direct path; a
  // chunked one is still counted by bodyLimit as it streams in.
  const limitChunkedBody = bodyLimit({
    maxSize: MAX_NOTIFICATION_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: NOTIFICATION_TOO_LARGE });
    },
  });

  return (app: Hono<AppEnv>) => {
    app.get("/meta/webhooks", function verifyWebhookSubscription(c) {
      const expected = config.META_WEBHOOK_VERIFY_TOKEN;
      const mode = c.req.query("hub.mode");
      const token = c.req.query("hub.verify_token") ?? "";
      const challenge = c.req.query("hub.challenge");
      if (!expected) {
        throw new HTTPException(403, {
          message: "Webhook verification refused: META_WEBHOOK_VERIFY_TOKEN is not set on this service",
        });
      }
      if (mode !== "subscribe" || !challenge) {
        throw new HTTPException(403, {
          message: "Webhook verification refused: expected hub.mode=subscribe with a hub.challenge",
        });
      }
      if (!sameToken(token, expected)) {
        logger.warn({ requestId: c.get("requestId") }, "meta webhook verification with a wrong token");
        throw new HTTPException(403, {
          message: "Webhook verification refused: hub.verify_token does not match",
        });
      }
      logger.info("meta webhook subscription verified");
      return c.text(challenge, 200);
    });

    app.post(
      "/meta/webhooks",
      async function limitNotificationSize(c, next) {
        const length = c.req.header("content-length");
        if (length === undefined || c.req.header("transfer-encoding") !== undefined)
          return limitChunkedBody(c, next);
        if (Number(length) > MAX_NOTIFICATION_BYTES)
          throw new HTTPException(413, { message: NOTIFICATION_TOO_LARGE });
        await next();
      },
      async function receiveWebhookNotification(c) {
        const secret = config.INSTAGRAM_APP_SECRET;
        if (!secret) {
          throw new HTTPException(503, {
            message: "Meta webhooks are not configured: INSTAGRAM_APP_SECRET is not set",
          });
        }
        const raw = new Uint8Array(await c.req.arrayBuffer());
        const failure = checkWebhookSignature(raw, c.req.header("x-hub-signature-256"), secret);
        if (failure) {
          logger.warn({ reason: failure, requestId: c.get("requestId") }, "meta webhook refused");
          const refusal = SIGNATURE_REFUSALS[failure];
          throw new HTTPException(refusal.status, { message: refusal.message });
        }
        let changes;
        try {
          changes = readWebhookNotification(Buffer.from(raw).toString("utf8"), clock());
        } catch (error) {
          if (!(error instanceof WebhookNotificationError)) throw error;
          logger.warn({ reason: error.message, requestId: c.get("requestId") }, "meta webhook refused");
          // A replay is correctly signed but stale: refused like a forgery; a body we cannot read is a 400.
          throw new HTTPException(error.reason === "stale" ? 403 : 400, {
            message: error.message,
          });
        }
        // Stored (committed) before answering: if this fails, Meta gets a 500 and delivers the notification again.
        const stored = changes.length === 0 ? 0 : await inbox.write(changes);
        if (stored > 0) runJobSoon(scheduler, logger, META_WEBHOOKS_JOB);
        return c.json({ received: changes.length, new: stored });
      },
    );
  };
}

/** Compares in constant time for equal lengths; a different length says only that it is wrong. */
function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
