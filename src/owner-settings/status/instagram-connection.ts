import type { BotContext } from "../../bot/bot-context.ts";
import type { BrandScope } from "../shared/brand-queries.ts";

/**
 * /connect and /disconnect for the selected brand. The Instagram capability implements this (OAuth link,
 * token revocation) and the composition root passes it to `ownerSettings`; the handlers stay thin so the
 * implementation can be swapped without touching them.
 */
export interface InstagramConnection {
  connect(ctx: BotContext, scope: BrandScope): Promise<void>;
  disconnect(ctx: BotContext, scope: BrandScope): Promise<void>;
}

/** Stand-in when the composition root passes no implementation: says so instead of pretending. */
export const instagramConnectionUnavailable: InstagramConnection = {
  async connect(ctx) {
    await ctx.reply(ctx.t("ig-connect-unavailable"));
  },
  async disconnect(ctx) {
    await ctx.reply(ctx.t("ig-disconnect-unavailable"));
  },
};
