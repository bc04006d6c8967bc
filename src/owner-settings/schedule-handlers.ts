import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { applySettingText } from "./apply-setting.ts";
import type { HandlerDeps } from "./handler-deps.ts";
import { renderSchedule, scheduleKeyboard } from "./schedule-view.ts";
import { withSelectedBrand } from "./selected-brand.ts";
import { openSettingDialogOn } from "./setting-dialog.ts";
import { settingsCallbackPattern } from "./settings-callbacks.ts";
import { replyHtml } from "./telegram-replies.ts";

/** /schedule: posting times and time zone; change by typing times and/or a zone. */
export function scheduleHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("schedule", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "schedule", scope, ctx.match);
      await replyHtml(ctx, renderSchedule(scope, deps.clock()), scheduleKeyboard(scope.brand.id));
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.scheduleEdit, "schedule");
  return composer;
}
