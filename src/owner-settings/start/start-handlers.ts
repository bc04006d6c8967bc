import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { loadBrandScope, registerOwner } from "../shared/brand-queries.ts";
import type { BrandSetupArgs } from "./brand-setup-dialog.ts";
import { DIALOG, enterDialog } from "../shared/dialog-flow.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { renderHelp } from "./owner-commands.ts";
import { runOnce } from "../shared/run-once.ts";
import { replyHtml } from "../shared/telegram-replies.ts";

/** /start (registration and the first brand), /help, and /cancel or /skip when no dialog is open. */
export function startHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("start", async (ctx) => {
    const user = ctx.from!;
    const firstName = user.first_name;
    if (ctx.owner) {
      const scope = await loadBrandScope(deps.sql, ctx.owner.id);
      if (scope) {
        const welcome = ctx.t("welcome-back", {
          firstName: escapeHtml(firstName),
          brand: escapeHtml(scope.brand.name),
          brandCount: scope.brandCount,
        });
        await replyHtml(ctx, `${welcome}\n\n${escapeHtml(renderHelp(ctx.texts))}`);
        return;
      }
      // Registered, but an earlier setup was cancelled: pick it up again rather than leave them brandless.
      await enterDialog(ctx, DIALOG.brandSetup, {
        ownerId: ctx.owner.id,
        first: true,
        firstName,
        languageCode: user.language_code,
      } satisfies BrandSetupArgs);
      return;
    }
    const displayName = [user.first_name, user.last_name].filter(Boolean).join(" ");
    const registered = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
      registerOwner(tx, { telegramUserId: user.id, chatId: ctx.chat.id, displayName }),
    );
    if (!registered.applied) return;
    await enterDialog(ctx, DIALOG.brandSetup, {
      ownerId: registered.value,
      first: true,
      firstName,
      languageCode: user.language_code,
    } satisfies BrandSetupArgs);
  });

  composer.command("help", (ctx) => ctx.reply(renderHelp(ctx.texts)));

  // An open owner-settings dialog takes /cancel and /skip before these run. Another capability's dialog (a
  // caption edit) sits further down the chain and handles its own /cancel, so it gets the update.
  composer.command("cancel", async (ctx, next) => {
    if (Object.keys(ctx.conversation.active()).length > 0) return next();
    await ctx.reply(ctx.t("nothing-to-cancel"));
  });
  composer.command("skip", async (ctx, next) => {
    if (Object.keys(ctx.conversation.active()).length > 0) return next();
    await ctx.reply(ctx.t("nothing-to-skip"));
  });
  return composer;
}
