import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { applySettingText } from "./apply-setting.ts";
import { loadBrandScope } from "./brand-queries.ts";
import { listFeeds, removeFeed } from "./feed-queries.ts";
import { feedsKeyboard, renderFeeds } from "./feeds-view.ts";
import type { HandlerDeps } from "./handler-deps.ts";
import { runOnce } from "./run-once.ts";
import { NOT_REGISTERED_TEXT, withSelectedBrand } from "./selected-brand.ts";
import { openSettingDialogOn } from "./setting-dialog.ts";
import { settingsCallbackPattern } from "./settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "./telegram-replies.ts";

/** /feeds: the brand's feeds with their health; add by address (fetched once to check), remove by button. */
export function feedHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("feeds", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "feed", scope, ctx.match);
      const feeds = await listFeeds(deps.sql, scope.brand.id);
      await replyHtml(ctx, renderFeeds(scope, feeds, deps.clock()), feedsKeyboard(scope.brand.id, feeds));
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.feedAdd, "feed");

  composer.callbackQuery(settingsCallbackPattern.feedRemove, async (ctx) => {
    const owner = ctx.owner;
    if (!owner) return answerButton(ctx, NOT_REGISTERED_TEXT);
    const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
      removeFeed(tx, owner.id, Number(ctx.match[1])),
    );
    const removed = result.applied ? result.value : null;
    await answerButton(
      ctx,
      removed ? `Removed ${removed.title || removed.url}`.slice(0, 200) : "That feed was already removed.",
    );
    const scope = removed ? await loadBrandScope(deps.sql, owner.id, removed.brand_id) : null;
    if (!scope) return;
    const feeds = await listFeeds(deps.sql, scope.brand.id);
    await showInPlace(ctx, renderFeeds(scope, feeds, deps.clock()), feedsKeyboard(scope.brand.id, feeds));
  });
  return composer;
}
