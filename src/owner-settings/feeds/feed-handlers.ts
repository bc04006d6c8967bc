import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { shortenText } from "../../shared/telegram-text-limits.ts";
import { applySettingText } from "../shared/apply-setting.ts";
import { type BrandScope, loadBrandScope } from "../shared/brand-queries.ts";
import { listFeeds, removeFeed } from "./feed-queries.ts";
import { feedsKeyboard, feedsPage, renderFeeds } from "./feeds-view.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { runOnce } from "../shared/run-once.ts";
import { withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";

/**
 * /feeds: the brand's feeds with their health, a page at a time; add by address (fetched once to check),
 * remove by button.
 */
export function feedHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const showFeeds = async (ctx: BotContext, scope: BrandScope, requestedPage: number, inPlace: boolean) => {
    const feeds = await listFeeds(deps.sql, scope.brand.id);
    const page = feedsPage(feeds, requestedPage);
    const now = deps.clock();
    const text = renderFeeds(scope, feeds, page, now, { texts: ctx.texts, nextRead: deps.nextFeedRead(now) });
    const keyboard = feedsKeyboard(scope.brand.id, feeds, page, ctx.texts);
    if (inPlace) await showInPlace(ctx, text, keyboard);
    else await replyHtml(ctx, text, keyboard);
  };

  composer.command("feeds", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "feed", scope, ctx.match);
      await showFeeds(ctx, scope, 0, false);
    }),
  );

  composer.callbackQuery(settingsCallbackPattern.feedList, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope) => {
      await answerButton(ctx);
      await showFeeds(ctx, scope, Number(ctx.match[2]), true);
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.feedAdd, "feed");

  composer.callbackQuery(settingsCallbackPattern.feedRemove, async (ctx) => {
    const owner = ctx.owner;
    if (!owner) return answerButton(ctx, ctx.t("settings-not-registered"));
    const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
      removeFeed(tx, owner.id, Number(ctx.match[1])),
    );
    const removed = result.applied ? result.value : null;
    await answerButton(
      ctx,
      removed
        ? ctx.t("toast-feed-removed", { shortTitle: shortenText(removed.title || removed.url, 150) })
        : ctx.t("toast-feed-already-removed"),
    );
    const scope = removed ? await loadBrandScope(deps.sql, owner.id, removed.brand_id) : null;
    if (!scope) return;
    await showFeeds(ctx, scope, Number(ctx.match[2] ?? 0), true);
  });
  return composer;
}
