import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { monthToDateSpend } from "../../budget/ledger.ts";
import { applySettingText } from "../shared/apply-setting.ts";
import { loadBrandScope, setBudgetCap } from "../shared/brand-queries.ts";
import { budgetKeyboard, renderBudget } from "./budget-view.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { runOnce } from "../shared/run-once.ts";
import { withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { MAX_MONTHLY_BUDGET_USD } from "../shared/settings-input.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";

/** /budget: month-to-date spend and the cap; the cap changes by button (+$5, +$20, ×2) or a typed amount. */
export function budgetHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("budget", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "budget", scope, ctx.match);
      const spend = await monthToDateSpend(deps.sql, scope.brand.id);
      await replyHtml(
        ctx,
        renderBudget(scope, spend, ctx.texts),
        budgetKeyboard(scope.brand.id, scope.brand.monthly_budget_usd, ctx.texts),
      );
    }),
  );

  composer.callbackQuery(settingsCallbackPattern.budgetSet, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope, owner) => {
      const fromCents = Number(ctx.match[2]);
      const toCents = Number(ctx.match[3]);
      if (toCents <= 0 || toCents > MAX_MONTHLY_BUDGET_USD * 100) {
        return answerButton(
          ctx,
          ctx.t("budget-cap-range", { min: ctx.texts.usd(0.01), max: ctx.texts.usd(MAX_MONTHLY_BUDGET_USD) }),
        );
      }
      // The button carries the cap it was drawn for: a second tap, or a tap on an older message, finds the cap
      // already changed and does not add again.
      const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
        setBudgetCap(tx, scope.brand.id, toCents, fromCents),
      );
      const changed = result.applied && result.value;
      await answerButton(
        ctx,
        changed
          ? ctx.t("budget-cap-now", { cap: ctx.texts.usd(toCents / 100) })
          : ctx.t("budget-cap-changed"),
      );
      const updated = (await loadBrandScope(deps.sql, owner.id, scope.brand.id)) ?? scope;
      const spend = await monthToDateSpend(deps.sql, updated.brand.id);
      await showInPlace(
        ctx,
        renderBudget(updated, spend, ctx.texts),
        budgetKeyboard(updated.brand.id, updated.brand.monthly_budget_usd, ctx.texts),
      );
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.budgetEdit, "budget");
  return composer;
}
