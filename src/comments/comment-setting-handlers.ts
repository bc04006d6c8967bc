import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import type { Sql } from "../database/connect.ts";
import { withBrandHeading } from "../owner-settings/brand-views.ts";
import { withSelectedBrand } from "../owner-settings/selected-brand.ts";
import { replyHtml } from "../owner-settings/telegram-replies.ts";
import { plural } from "../shared/plural.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
import { type CommentsSetting, parseCommentsSetting, SETTING_WORDS } from "./comments-setting.ts";

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
          await replyHtml(
            ctx,
            `${quoteInputHtml(given)} is not a comments setting. Send /comments all, /comments questions or /comments none.`,
          );
          return;
        }
        await deps.sql`update brands set comments_to_telegram = ${setting} where id = ${scope.brand.id}`;
        await replyHtml(ctx, withBrandHeading(scope, `✅ Comments on Instagram: ${SETTING_WORDS[setting]}.`));
        return;
      }
      const [row] = await deps.sql<{ setting: CommentsSetting; filtered: number }[]>`
        select b.comments_to_telegram as setting,
               (select count(*)::int from instagram_comments c
                 where c.brand_id = b.id and c.card = 'filtered' and c.received_at > now() - interval '7 days') as filtered
          from brands b where b.id = ${scope.brand.id}`;
      const kept =
        row!.filtered > 0
          ? `\n${plural(row!.filtered, { one: "# comment", other: "# comments" })} kept out of the chat in the last 7 days (still stored).`
          : "";
      await replyHtml(
        ctx,
        withBrandHeading(
          scope,
          `💬 Comments on Instagram: ${SETTING_WORDS[row!.setting]}.${kept}\n\nChange it with /comments all, /comments questions or /comments none.`,
        ),
      );
    }),
  );
  return composer;
}
