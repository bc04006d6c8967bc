import { Composer } from "grammy";
import type { Sql } from "../database/connect.ts";
import type { BotContext } from "./bot-context.ts";

export const HELP_TEXT = [
  "Greenlight turns the news you follow into Instagram drafts for you to approve here.",
  "",
  "/start – register and set up your first brand",
  "/help – this message",
].join("\n");

/** Registration and help: the commands every other feature assumes. */
export function basicCommands(sql: Sql): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const user = ctx.from!;
    const [owner] = await sql<{ id: number; created: boolean }[]>`
      insert into owners (telegram_user_id, telegram_chat_id, display_name)
      values (${user.id}, ${ctx.chat.id}, ${[user.first_name, user.last_name].filter(Boolean).join(" ")})
      on conflict (telegram_user_id) do update set telegram_chat_id = excluded.telegram_chat_id
      returning id, (xmax = 0) as created`;
    await ctx.reply(
      owner?.created
        ? `Welcome to Greenlight, ${user.first_name}!\n\n${HELP_TEXT}`
        : `Welcome back!\n\n${HELP_TEXT}`,
    );
  });
  composer.command("help", (ctx) => ctx.reply(HELP_TEXT));
  return composer;
}

/** Last in the chain: free text nobody handled gets a hint, never silence. */
export function fallbackHint(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message", (ctx) => ctx.reply("I didn't catch that. Send /help to see what I can do."));
  composer.on("callback_query", (ctx) =>
    ctx.answerCallbackQuery({ text: "This button is no longer active." }),
  );
  return composer;
}
