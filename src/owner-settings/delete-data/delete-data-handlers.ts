import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { deleteDataKeyboard, renderDataDeleted, renderDeleteDataQuestion } from "./delete-data-view.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { removeQueuedMedia } from "../../storage/media-deletions.ts";
import { deleteOwnerData, summariseOwnerData } from "./owner-data-deletion.ts";
import { runOnce } from "../shared/run-once.ts";
import { confirmationExpired, settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";

/** /deletedata: an explicit confirmation, then everything stored about the owner is deleted. */
export function deleteDataHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("deletedata", async (ctx) => {
    if (!ctx.owner) return void (await ctx.reply(ctx.t("delete-data-not-registered")));
    const summary = await summariseOwnerData(deps.sql, ctx.owner.id);
    await replyHtml(
      ctx,
      renderDeleteDataQuestion(summary, ctx.texts),
      deleteDataKeyboard(deps.clock(), ctx.texts),
    );
  });

  composer.callbackQuery(settingsCallbackPattern.deleteDataKeep, async (ctx) => {
    await answerButton(ctx, ctx.t("delete-data-kept-toast"));
    await showInPlace(ctx, ctx.t("delete-data-kept"));
  });

  composer.callbackQuery(settingsCallbackPattern.deleteDataConfirm, async (ctx) => {
    const owner = ctx.owner;
    if (!owner) {
      await answerButton(ctx, ctx.t("delete-data-already-toast"));
      return showInPlace(ctx, ctx.t("delete-data-already"));
    }
    if (confirmationExpired(Number(ctx.match[1]), deps.clock())) {
      await answerButton(ctx, ctx.t("delete-data-expired-toast"));
      return showInPlace(ctx, ctx.t("delete-data-expired"));
    }
    // Leave any open dialog first: the conversations plugin writes its state back after this handler, and an
    // empty state is what it must write.
    await ctx.conversation.exitAll();
    const result = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
      deleteOwnerData(tx, {
        ownerId: owner.id,
        chatId: owner.telegram_chat_id,
        // The key create-bot.ts gives this chat's conversation state (prefix + chat id).
        conversationKey: `conversation:${ctx.chatId}`,
      }),
    );
    if (!result.applied) return answerButton(ctx);
    await answerButton(ctx, ctx.t("delete-data-done-toast"));
    await removeQueuedMedia(deps, result.value.imageKeys);
    deps.logger.info({ ownerId: owner.id, brands: result.value.brands }, "owner data deleted on request");
    await showInPlace(ctx, renderDataDeleted(result.value, ctx.texts));
  });
  return composer;
}
