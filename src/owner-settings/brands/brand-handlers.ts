import { Composer } from "grammy";
import { shortenText } from "../../shared/telegram-text-limits.ts";
import type { BotContext } from "../../bot/bot-context.ts";
import { deleteBrand, listBrands, selectBrand, summariseBrand } from "../shared/brand-queries.ts";
import type { BrandSetupArgs } from "../start/brand-setup-dialog.ts";
import {
  brandListKeyboard,
  deleteBrandKeyboard,
  renderBrandDeleted,
  renderBrandList,
  renderDeleteBrandQuestion,
} from "./brand-views.ts";
import { DIALOG, enterDialog } from "../shared/dialog-flow.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { removeQueuedMedia } from "../../storage/media-deletions.ts";
import { runOnce } from "../shared/run-once.ts";
import { withButtonBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import { confirmationExpired, settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";

/** A brand's name in a toast (answerCallbackQuery takes at most 200 characters). */
const SHORT_NAME_CHARS = 150;

/** /brands: list, switch the selected brand, rename or delete it, start a new one. */
export function brandHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /** Edits the pressed message into the owner's brand list, after `note` when given. */
  async function showBrandList(ctx: BotContext, note?: string): Promise<void> {
    if (!ctx.owner) return;
    const brands = await listBrands(deps.sql, ctx.owner.id);
    const list = renderBrandList(brands, ctx.texts);
    await showInPlace(ctx, note ? `${note}\n\n${list}` : list, brandListKeyboard(brands, ctx.texts));
  }

  composer.command("brands", async (ctx) => {
    if (!ctx.owner) return void (await ctx.reply(ctx.t("settings-not-registered")));
    const brands = await listBrands(deps.sql, ctx.owner.id);
    await replyHtml(ctx, renderBrandList(brands, ctx.texts), brandListKeyboard(brands, ctx.texts));
  });

  composer.callbackQuery(settingsCallbackPattern.selectBrand, async (ctx) => {
    if (!ctx.owner) return answerButton(ctx, ctx.t("settings-not-registered"));
    const name = await selectBrand(deps.sql, ctx.owner.id, Number(ctx.match[1]));
    await answerButton(
      ctx,
      name === null
        ? ctx.t("toast-brand-gone")
        : ctx.t("toast-brand-selected", { shortTitle: shortenText(name, SHORT_NAME_CHARS) }),
    );
    await showBrandList(ctx);
  });

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.brandRename, "name");

  composer.callbackQuery(settingsCallbackPattern.brandDelete, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope) => {
      await answerButton(ctx);
      const contents = await summariseBrand(deps.sql, scope.brand.id);
      await showInPlace(
        ctx,
        renderDeleteBrandQuestion(scope.brand.name, contents, ctx.texts),
        deleteBrandKeyboard(scope.brand.id, scope.brand.name, deps.clock(), ctx.texts),
      );
    }),
  );

  composer.callbackQuery(settingsCallbackPattern.brandDeleteKeep, async (ctx) => {
    await answerButton(ctx, ctx.t("toast-nothing-deleted"));
    await showBrandList(ctx, ctx.t("brands-kept"));
  });

  composer.callbackQuery(settingsCallbackPattern.brandDeleteConfirm, async (ctx) => {
    const owner = ctx.owner;
    if (!owner) return answerButton(ctx, ctx.t("settings-not-registered"));
    const brandId = Number(ctx.match[1]);
    // Checked inside the claim: a redelivery of a tap that did delete must not be told it expired.
    const expired = confirmationExpired(Number(ctx.match[2]), deps.clock());
    const result = await runOnce(deps.sql, ctx.update.update_id, async (tx) =>
      expired ? ({ kind: "expired" } as const) : deleteBrand(tx, owner.id, brandId),
    );
    if (!result.applied) return answerButton(ctx);
    const deletion = result.value;
    if (deletion.kind === "expired") {
      await answerButton(ctx, ctx.t("toast-confirmation-expired"));
      return showInPlace(ctx, ctx.t("brands-delete-expired"));
    }
    if (deletion.kind === "gone") {
      await answerButton(ctx, ctx.t("toast-brand-gone"));
      return showBrandList(ctx);
    }
    if (deletion.kind === "publishing") {
      await answerButton(ctx, ctx.t("toast-post-going-out"));
      return showInPlace(ctx, ctx.t("brands-delete-publishing"));
    }
    await answerButton(ctx, ctx.t("toast-brand-deleted"));
    await removeQueuedMedia(deps, deletion.imageKeys);
    deps.logger.info({ ownerId: owner.id, brandId }, "brand deleted by its owner");
    await showBrandList(ctx, renderBrandDeleted(deletion.name, deletion.contents, ctx.texts));
  });

  composer.callbackQuery(settingsCallbackPattern.newBrand, async (ctx) => {
    if (!ctx.owner) return answerButton(ctx, ctx.t("settings-not-registered"));
    await answerButton(ctx);
    await enterDialog(ctx, DIALOG.brandSetup, {
      ownerId: ctx.owner.id,
      first: false,
      firstName: ctx.from.first_name,
      languageCode: ctx.from.language_code,
    } satisfies BrandSetupArgs);
  });
  return composer;
}
