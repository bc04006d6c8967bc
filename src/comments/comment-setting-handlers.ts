import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import type { Sql } from "../database/connect.ts";
import { withBrandHeading } from "../owner-settings/brands/brand-views.ts";
import { withSelectedBrand } from "../owner-settings/shared/selected-brand.ts";
import { replyHtml } from "../owner-settings/shared/telegram-replies.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
import { type CommentsSetting, commentsSettingWords, parseCommentsSetting } from "./comments-setting.ts";

/**
 * /comments shows which of the brand's Instagram comments reach the chat, and how many were kept out this week;
 * /comments all|questions|none changes it. Comments kept out are still stored.
 */
export function commentSettingHandlers(deps: { sql: Sql }): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("comments", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const given = ctx.match.trim();
      if (given) {
        const setting = parseCommentsSetting(given);
        if (!setting) {
          await replyHtml(ctx, ctx.t("comments-unknown", { input: quoteInputHtml(given) }));
          return;
        }
        await deps.sql`update brands set comments_to_telegram = ${setting} where id = ${scope.brand.id}`;
        const words = commentsSettingWords(setting, ctx.texts);
        await replyHtml(ctx, withBrandHeading(scope, ctx.t("comments-changed", { setting: words })));
        return;
      }
      const [row] = await deps.sql<{ setting: CommentsSetting; filtered: number }[]>`
        select b.comments_to_telegram as setting,
               (select count(*)::int from instagram_comments c
                 where c.brand_id = b.id and c.card = 'filtered' and c.received_at > now() - interval '7 days') as filtered
          from brands b where b.id = ${scope.brand.id}`;
      const lines = [ctx.t("comments-current", { setting: commentsSettingWords(row!.setting, ctx.texts) })];
      if (row!.filtered > 0) lines.push(ctx.t("comments-kept-out", { count: row!.filtered }));
      lines.push("", ctx.t("comments-change-how"));
      await replyHtml(ctx, withBrandHeading(scope, lines.join("\n")));
    }),
  );
  return composer;
}
