import { Composer } from "grammy";
import type { BotContext } from "./bot-context.ts";

// /start, /help and /cancel live with the owner's other commands in src/owner-settings/ (start-handlers.ts).

/** Last in the chain: free text nobody handled gets a hint, never silence. */
export function fallbackHint(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message", (ctx) => ctx.reply(ctx.t("fallback-message")));
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-inactive") }));
  return composer;
}
