import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { suggestPostingTimes } from "../../insights/best-hours.ts";
import { loadTimedPosts } from "../../insights/performance-lessons-queries.ts";
import { applySettingText } from "../shared/apply-setting.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { renderSchedule, scheduleKeyboard } from "./schedule-view.ts";
import { withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml } from "../shared/telegram-replies.ts";

/** /schedule: posting times and time zone; change by typing times and/or a zone. */
export function scheduleHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("schedule", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "schedule", scope, ctx.match);
      const { brand } = scope;
      const bestTimes = suggestPostingTimes({
        posts: await loadTimedPosts(deps.sql, brand.id, deps.clock()),
        timeZone: brand.time_zone,
        currentSlots: brand.posting_slots,
      });
      await replyHtml(
        ctx,
        renderSchedule(scope, deps.clock(), bestTimes, ctx.texts),
        scheduleKeyboard(brand.id, bestTimes, ctx.texts),
      );
    }),
  );

  // The suggestion's button: the times it showed become the posting times, as if typed after /schedule.
  composer.callbackQuery(settingsCallbackPattern.scheduleBestTimes, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope) => {
      await answerButton(ctx);
      const times = ctx.match[2]!.split(".").map((time) => `${time.slice(0, 2)}:${time.slice(2)}`);
      await applySettingText(ctx, deps, "schedule", scope, times.join(", "));
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.scheduleEdit, "schedule");
  return composer;
}
