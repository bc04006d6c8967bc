import { timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BotContext } from "../bot/bot-context.ts";
import type { AppEnv } from "./http-app.ts";

/**
 * POST /telegram/webhook. The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token is checked (in constant
 * time) before the body is read, so an unauthenticated caller learns nothing; a body that is not JSON is refused
 * with 400. The update is then handled before answering, so Telegram sends the chat's next update only after
 * this one is done (it delivers one at a time per chat), and a failure to reach Telegram for getMe answers 500,
 * which Telegram redelivers. Handler errors never get here: the bot's error boundary turns them into 200.
 *
 * grammY's webhookCallback does the same but reads the body a second time; this is on every approval's path.
 */
export function telegramWebhookRoute(bot: Bot<BotContext>, secretToken: string) {
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
      await bot.handleUpdate(update);
      return c.body(null, 200);
    });
  };
}
