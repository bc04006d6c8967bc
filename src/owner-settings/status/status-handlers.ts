import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { monthToDateSpend } from "../../budget/ledger.ts";
import { lacksInsightsPermission } from "../../insights/insight-queries.ts";
import { reconnectKeyboard } from "../../instagram-auth/owner-notices.ts";
import { canPublish, planOverduePosts } from "../../publishing/reschedule-overdue.ts";
import { setPaused } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { committedUsd } from "../budget/budget-view.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { renderOverdueOnResume } from "./resume-view.ts";
import { runOnce } from "../shared/run-once.ts";
import { withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { loadBrandStatus } from "./status-queries.ts";
import { renderStatus } from "./status-view.ts";
import { answerButton, replyHtml } from "../shared/telegram-replies.ts";

/** /status, /pause, /resume, and the thin /connect and /disconnect that hand over to the Instagram capability. */
export function statusHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("status", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const [status, spend, lacksInsights] = await Promise.all([
        loadBrandStatus(deps.sql, scope.brand.id),
        monthToDateSpend(deps.sql, scope.brand.id),
        lacksInsightsPermission(deps.sql, scope.brand.id),
      ]);
      const text = renderStatus(scope, status, committedUsd(spend), deps.clock(), ctx.texts);
      // An account connected before insights were asked for: everything works, and one tap asks again.
      if (!lacksInsights) return replyHtml(ctx, text);
      await replyHtml(
        ctx,
        `${text}\n${ctx.t("status-insights-missing")}`,
        InlineKeyboard.from(reconnectKeyboard(scope.brand.id).inline_keyboard),
      );
    }),
  );

  composer.command("pause", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
        setPaused(tx, scope.brand.id, true),
      );
      if (!result.applied) return;
      const text = result.value ? ctx.t("pause-done") : ctx.t("pause-already");
      await replyHtml(ctx, withBrandHeading(scope, text));
    }),
  );

  composer.command("resume", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
        setPaused(tx, scope.brand.id, false),
      );
      if (!result.applied) return;
      if (!result.value) return replyHtml(ctx, withBrandHeading(scope, ctx.t("resume-already")));
      // Which posts' times passed during the pause, and when each goes out now that publishing is back on.
      const now = deps.clock();
      const [plans, connected] = await Promise.all([
        planOverduePosts(deps.sql, scope.brand.id, now),
        canPublish(deps.sql, scope.brand.id),
      ]);
      const overdue = renderOverdueOnResume(
        plans,
        { timeZone: scope.brand.time_zone, now, connected },
        ctx.texts,
      );
      const text = overdue ? `${ctx.t("resume-done")}\n\n${overdue}` : ctx.t("resume-done");
      await replyHtml(ctx, withBrandHeading(scope, text));
    }),
  );

  composer.command("connect", (ctx) =>
    withSelectedBrand(ctx, deps.sql, (scope) => deps.instagram.connect(ctx, scope)),
  );
  composer.command("disconnect", (ctx) =>
    withSelectedBrand(ctx, deps.sql, (scope) => deps.instagram.disconnect(ctx, scope)),
  );
  // The Reconnect button on "Instagram disconnected" messages: /connect for the brand the message was about.
  composer.callbackQuery(settingsCallbackPattern.instagramConnect, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope) => {
      await answerButton(ctx);
      await deps.instagram.connect(ctx, scope);
    }),
  );
  return composer;
}
