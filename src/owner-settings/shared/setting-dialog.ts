import type { Composer, Context } from "grammy";
import type { BotContext, ConversationContext } from "../../bot/bot-context.ts";
import { textsOfUpdate } from "../../i18n/bot-locale.ts";
import type { Sql } from "../../database/connect.ts";
import { replyInDialog } from "../../bot/dialog-reply.ts";
import { loadBrandScope } from "./brand-queries.ts";
import {
  cancelKeyboard,
  DIALOG,
  enterDialog,
  type SettingsConversation,
  waitForAnswer,
} from "./dialog-flow.ts";
import { runOnce } from "./run-once.ts";
import { withButtonBrand } from "./selected-brand.ts";
import type { SettingDefinition, SettingField } from "./setting-fields.ts";
import { answerButton } from "./telegram-replies.ts";

export interface SettingDialogArgs {
  ownerId: number;
  brandId: number;
  field: SettingField;
}

/**
 * Asks for one setting, keeps asking until the answer is valid (or the owner cancels), then stores it in one
 * transaction. A wrong answer changes nothing and the question stays open.
 */
export function settingDialog(deps: {
  sql: Sql;
  definitions: Record<SettingField, SettingDefinition<unknown>>;
}) {
  return async function settingDialog(
    conversation: SettingsConversation,
    ctx: Context,
    args: SettingDialogArgs,
  ) {
    const definition = deps.definitions[args.field];
    const texts = textsOfUpdate(ctx as Partial<ConversationContext>);
    const scope = await conversation.external(() => loadBrandScope(deps.sql, args.ownerId, args.brandId));
    if (!scope) {
      await ctx.reply(texts.t("settings-brand-gone"));
      return;
    }
    await replyInDialog(ctx, `${definition.prompt(scope, texts)}\n\n${texts.t("settings-cancel-hint")}`, {
      parse_mode: "HTML",
      reply_markup: cancelKeyboard(texts),
    });
    for (;;) {
      const answer = await waitForAnswer(conversation, {
        dialogName: texts.t("settings-dialog-name"),
        cancelledText: texts.t("settings-cancelled"),
      });
      if (answer.kind !== "text") continue;
      if (args.field === "feed") await answer.ctx.replyWithChatAction("typing");
      const checked = await conversation.external(() => definition.check(answer.text, scope, texts));
      if (!checked.ok) {
        await replyInDialog(answer.ctx, checked.error);
        continue;
      }
      const saved = await conversation.external(() =>
        runOnce(deps.sql, answer.updateId, (tx) => definition.save(tx, scope, checked.value, texts)),
      );
      if (!saved.applied) return;
      if (saved.value.ok)
        await answer.ctx.reply(saved.value.value, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
      else await answer.ctx.reply(saved.value.error);
      return;
    }
  };
}

/**
 * Makes the buttons matching `pattern` (whose callback_data carries a brand id) open the setting dialog for
 * `field` on that brand.
 */
export function openSettingDialogOn(
  composer: Composer<BotContext>,
  sql: Sql,
  pattern: RegExp,
  field: SettingField,
): void {
  composer.callbackQuery(pattern, (ctx) =>
    withButtonBrand(ctx, sql, Number(ctx.match[1]), async (scope, owner) => {
      await answerButton(ctx);
      await enterDialog(ctx, DIALOG.setting, {
        ownerId: owner.id,
        brandId: scope.brand.id,
        field,
      } satisfies SettingDialogArgs);
    }),
  );
}
