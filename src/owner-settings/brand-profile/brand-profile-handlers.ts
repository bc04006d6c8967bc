import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { applySettingText } from "../shared/apply-setting.ts";
import { PROFILE_FIELDS, profileEditPattern } from "./brand-profile-callbacks.ts";
import { brandProfileKeyboard, renderBrandProfile } from "./brand-profile-view.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { withSelectedBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import type { SettingField } from "../shared/setting-fields.ts";
import { replyHtml } from "../shared/telegram-replies.ts";

/** The first word after /brand that names a field: `/brand language de`, `/brand banned cheap, best ever`. */
const SHORTHAND: Record<string, SettingField> = {
  language: "language",
  lang: "language",
  audience: "audience",
  banned: "bannedTerms",
  ban: "bannedTerms",
  style: "visualStyle",
  topic: "topic",
  voice: "voice",
  hashtags: "hashtags",
};

/** /brand: the whole brand profile, an edit button per field, and `/brand <field> <value>` to set one directly. */
export function brandProfileHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("brand", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const [, keyword = "", rest = ""] = /^(\S*)\s*([\s\S]*)$/.exec(ctx.match.trim()) ?? [];
      if (keyword) {
        const field = SHORTHAND[keyword.toLowerCase()];
        if (!field || !rest.trim()) {
          await ctx.reply(ctx.t("brand-usage"));
          return;
        }
        return applySettingText(ctx, deps, field, scope, rest);
      }
      await replyHtml(
        ctx,
        renderBrandProfile(scope, ctx.texts),
        brandProfileKeyboard(scope.brand.id, ctx.texts),
      );
    }),
  );

  for (const field of PROFILE_FIELDS) {
    openSettingDialogOn(composer, deps.sql, profileEditPattern(field), field);
  }
  return composer;
}
