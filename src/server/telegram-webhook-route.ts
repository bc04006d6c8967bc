import { timingSafeEqual } from "node:crypto";
import { type Bot, webhookCallback } from "grammy";
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BotContext } from "../bot/bot-context.ts";
import type { AppEnv } from "./http-app.ts";

/**
 * POST /telegram/webhook. The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token is checked (in constant
 * time) before the body is read, so an unauthenticated caller learns nothing; a body that is not JSON is then
 * refused with 400 instead of surfacing as a 500.
 */
export function telegramWebhookRoute(bot: Bot<BotContext>, secretToken: string) {
  const handle = webhookCallback(bot, "hono", { secretToken });
  const expected = Buffer.from(secretToken);
  return (app: Hono<AppEnv>) => {
    app.post("/telegram/webhook", async (c) => {
      const given = Buffer.from(c.req.header("x-telegram-bot-api-secret-token") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return c.body(null, 401);
      }
      try {
        await c.req.raw.clone().json();
      } catch {
        throw new HTTPException(400, { message: "The body must be a Telegram Update in JSON." });
      }
      return handle(c);
    });
  };
}
