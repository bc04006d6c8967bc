import { timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BotContext } from "../bot/bot-context.ts";
import type { InFlightWork } from "../shared/in-flight-work.ts";
import type { Logger } from "../shared/logger.ts";
import type { AppEnv } from "./http-app.ts";

/**
 * POST /telegram/webhook. The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token is checked (in constant
 * time) before the body is read, so an unauthenticated caller learns nothing; a body that is not JSON is refused
 * with 400. grammY's webhookCallback does the same but reads the body a second time; this is on every approval's
 * path.
 *
 * The update is handled before answering, so Telegram sends the chat's next update only after this one is done
 * (it delivers one at a time per chat), and a failure to reach Telegram for getMe answers 500, which Telegram
 * redelivers. Handler errors never get here: the bot's error boundary turns them into 200.
 *
 * One exception: a button press's answerCallbackQuery is sent as this response's body (see createBot), and the
 * response goes out as soon as the handler gives it, without waiting for the rest of the handler (the card
 * edit). Handlers answer a press only after its decision is committed, so Telegram no longer redelivering the
 * update from then on loses nothing but a card edit, which a later press or the outbox brings up to date.
 */
export function telegramWebhook(
  bot: Bot<BotContext>,
  secretToken: string,
  deps: { logger: Logger; inFlight: InFlightWork },
): (app: Hono<AppEnv>) => void {
  const { logger, inFlight } = deps;
  const expected = Buffer.from(secretToken);
  let initializing: Promise<void> | undefined;

  return (app: Hono<AppEnv>) => {
    app.post("/telegram/webhook", async (c) => {
      const given = Buffer.from(c.req.header("x-telegram-bot-api-secret-token") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return c.body(null, 401);
      }
      let update: Update;
      try {
        update = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: "The body must be a Telegram Update in JSON." });
      }
      if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
        throw new HTTPException(400, { message: "The body must be a Telegram Update in JSON." });
      }
      if (!bot.isInited()) {
        initializing ??= bot.init().catch((error) => {
          initializing = undefined;
          throw error;
        });
        await initializing;
      }

      let answeredEarly = false;
      let reply!: (body: string) => void;
      const replied = new Promise<string>((resolve) => (reply = resolve));
      const handled = bot.handleUpdate(update, {
        send: (body: string) => {
          answeredEarly = true;
          reply(body);
        },
      });
      // Tracked until done, for shutdown; a failure after the early answer has no response left to fail, so it
      // is logged here.
      inFlight.track(
        handled.catch((error: unknown) => {
          if (answeredEarly)
            logger.error({ err: error, updateId: update.update_id }, "telegram update failed");
        }),
      );

      const body = await Promise.race([replied, handled.then(() => null)]);
      if (body === null) return c.body(null, 200);
      return c.body(body, 200, { "content-type": "application/json" });
    });
  };
}
