import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { listBrands, selectBrand } from "./brand-queries.ts";
import type { BrandSetupArgs } from "./brand-setup-dialog.ts";
import { brandListKeyboard, renderBrandList } from "./brand-views.ts";
import { DIALOG, enterDialog } from "./dialog-flow.ts";
import type { HandlerDeps } from "./handler-deps.ts";
import { NOT_REGISTERED_TEXT } from "./selected-brand.ts";
import { settingsCallbackPattern } from "./settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "./telegram-replies.ts";

/** /brands: list, switch the selected brand, start a new one. */
export function brandHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("brands", async (ctx) => {
    if (!ctx.owner) return void (await ctx.reply(NOT_REGISTERED_TEXT));
    const brands = await listBrands(deps.sql, ctx.owner.id);
    await replyHtml(ctx, renderBrandList(brands), brandListKeyboard(brands));
  });

  composer.callbackQuery(settingsCallbackPattern.selectBrand, async (ctx) => {
    if (!ctx.owner) return answerButton(ctx, NOT_REGISTERED_TEXT);
    const name = await selectBrand(deps.sql, ctx.owner.id, Number(ctx.match[1]));
    await answerButton(
      ctx,
      name === null ? "That brand no longer exists." : `Now working on ${name}`.slice(0, 200),
    );
    const brands = await listBrands(deps.sql, ctx.owner.id);
    await showInPlace(ctx, renderBrandList(brands), brandListKeyboard(brands));
  });

  composer.callbackQuery(settingsCallbackPattern.newBrand, async (ctx) => {
    if (!ctx.owner) return answerButton(ctx, NOT_REGISTERED_TEXT);
    await answerButton(ctx);
    await enterDialog(ctx, DIALOG.brandSetup, {
      ownerId: ctx.owner.id,
      first: false,
      firstName: ctx.from.first_name,
    } satisfies BrandSetupArgs);
  });
  return composer;
}
