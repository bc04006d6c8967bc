import type { BotContext, Owner } from "../../bot/bot-context.ts";
import type { Sql } from "../../database/connect.ts";
import { type BrandScope, loadBrandScope } from "./brand-queries.ts";
import { answerButton } from "./telegram-replies.ts";

export const NOT_REGISTERED_TEXT = "Send /start first to register.";
export const NO_BRAND_TEXT = "You have no brand yet. Send /brands and tap “➕ New brand” to set one up.";

/**
 * Runs a command on the owner's selected brand, or tells them why it cannot (not registered, no brand yet).
 * Commands never guess: without a brand there is nothing to act on.
 */
export async function withSelectedBrand(
  ctx: BotContext,
  sql: Sql,
  act: (scope: BrandScope, owner: Owner) => Promise<void>,
): Promise<void> {
  const owner = ctx.owner;
  if (!owner) {
    await ctx.reply(ctx.t("settings-not-registered"));
    return;
  }
  const scope = await loadBrandScope(sql, owner.id);
  if (!scope) {
    await ctx.reply(ctx.t("settings-no-brand"));
    return;
  }
  await act(scope, owner);
}

/**
 * Runs a button's action on the brand the button was shown for (its id travels in callback_data), checking it
 * is still one of the owner's. A stale button answers with what happened instead of failing.
 */
export async function withButtonBrand(
  ctx: BotContext,
  sql: Sql,
  brandId: number,
  act: (scope: BrandScope, owner: Owner) => Promise<void>,
): Promise<void> {
  const owner = ctx.owner;
  if (!owner) {
    await answerButton(ctx, ctx.t("settings-not-registered"));
    return;
  }
  const scope = await loadBrandScope(sql, owner.id, brandId);
  if (!scope) {
    await answerButton(ctx, ctx.t("toast-brand-gone"));
    return;
  }
  await act(scope, owner);
}
