import type { BotContext } from "../../bot/bot-context.ts";
import type { BrandScope } from "./brand-queries.ts";
import type { HandlerDeps } from "./handler-deps.ts";
import { runOnce } from "./run-once.ts";
import type { SettingField } from "./setting-fields.ts";
import { replyHtml } from "./telegram-replies.ts";

/** The shorthand `/topic urban cycling`: the same check and save as the dialog, in one message. */
export async function applySettingText(
  ctx: BotContext,
  deps: HandlerDeps,
  field: SettingField,
  scope: BrandScope,
  text: string,
): Promise<void> {
  const definition = deps.definitions[field];
  if (field === "feed") await ctx.replyWithChatAction("typing");
  const checked = await definition.check(text, scope, ctx.texts);
  if (!checked.ok) {
    await ctx.reply(checked.error);
    return;
  }
  const saved = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
    definition.save(tx, scope, checked.value, ctx.texts),
  );
  if (!saved.applied) return;
  if (saved.value.ok) await replyHtml(ctx, saved.value.value);
  else await ctx.reply(saved.value.error);
}
