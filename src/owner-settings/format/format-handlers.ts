import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import type { PostFormatSetting } from "../../drafting/slide-plan.ts";
import { quoteInputHtml } from "../../shared/telegram-text-limits.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import { parsePostFormat, POST_FORMAT_WORDS } from "./post-format.ts";
import { withSelectedBrand } from "../shared/selected-brand.ts";
import { replyHtml } from "../shared/telegram-replies.ts";

const HOW = "Change it with /format single, /format carousel or /format auto (the AI chooses).";

/**
 * /format shows the brand's post format; /format single|carousel|auto changes it. Drafts already written keep
 * theirs (each card can switch between a single image and a carousel); the next drafts follow the setting.
 */
export function formatHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("format", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      const given = ctx.match.trim();
      if (given) {
        const setting = parsePostFormat(given);
        if (!setting) {
          await replyHtml(ctx, `${quoteInputHtml(given)} is not a post format. ${HOW}`);
          return;
        }
        await deps.sql`update brands set post_format = ${setting} where id = ${scope.brand.id}`;
        await replyHtml(ctx, withBrandHeading(scope, `✅ Post format: ${POST_FORMAT_WORDS[setting]}.`));
        return;
      }
      const [row] = await deps.sql<{ post_format: PostFormatSetting }[]>`
        select post_format from brands where id = ${scope.brand.id}`;
      await replyHtml(
        ctx,
        withBrandHeading(scope, `🎞 Post format: ${POST_FORMAT_WORDS[row!.post_format]}.\n\n${HOW}`),
      );
    }),
  );
  return composer;
}
