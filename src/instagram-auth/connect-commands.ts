import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import type { InstagramClient } from "../instagram/instagram-client.ts";
import type { BrandScope } from "../owner-settings/shared/brand-queries.ts";
import { withBrandHeading } from "../owner-settings/brands/brand-views.ts";
import type { InstagramConnection } from "../owner-settings/status/instagram-connection.ts";
import { runOnce } from "../owner-settings/shared/run-once.ts";
import { replyHtml } from "../owner-settings/shared/telegram-replies.ts";
import type { Texts } from "../i18n/texts.ts";
import type { Services } from "../services.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { disconnectAccounts, findAccountUsername } from "./account-queries.ts";
import { instagramStartUrl, missingInstagramSettings } from "./instagram-client-factory.ts";
import { newOAuthState, OAUTH_STATE_TTL_MINUTES } from "./oauth-state.ts";
import { deleteUnusedOAuthStates, insertOAuthState } from "./oauth-state-queries.ts";

export const DISCONNECTED_BY_OWNER = "Disconnected by the owner with /disconnect.";

/**
 * /connect and /disconnect (and the Reconnect button), behind owner-settings' thin handlers. /connect issues a
 * fresh OAuth state and answers with a button to /auth/instagram/start; /disconnect deletes the token at once.
 * Each runs once per Telegram update, so a redelivered update neither issues a second link nor replies twice.
 */
export function instagramConnection(deps: {
  services: Services;
  client: InstagramClient | undefined;
}): InstagramConnection {
  const { sql, config } = deps.services;

  return {
    async connect(ctx: BotContext, scope: BrandScope) {
      const missing = missingInstagramSettings(config);
      if (!deps.client || missing.length > 0) {
        await replyHtml(ctx, withBrandHeading(scope, notConfiguredText(missing, ctx.texts)));
        return;
      }
      const { state, hash } = newOAuthState();
      const issued = await runOnce(sql, ctx.update.update_id, (tx) =>
        insertOAuthState(tx, { hash, ownerId: scope.brand.owner_id, brandId: scope.brand.id }),
      );
      if (!issued.applied) return;
      const current = await findAccountUsername(sql, scope.brand.id);
      const lines = [ctx.t("ig-connect-how", { minutes: OAUTH_STATE_TTL_MINUTES })];
      if (current) lines.push(ctx.t("ig-connect-current", { username: escapeHtml(current) }));
      await replyHtml(
        ctx,
        withBrandHeading(scope, lines.join("\n")),
        new InlineKeyboard().url(ctx.t("ig-connect-button"), instagramStartUrl(config, state)),
      );
    },

    async disconnect(ctx: BotContext, scope: BrandScope) {
      const result = await runOnce(sql, ctx.update.update_id, async (tx) => {
        const [account] = await disconnectAccounts(tx, { brandId: scope.brand.id }, DISCONNECTED_BY_OWNER);
        await deleteUnusedOAuthStates(tx, scope.brand.id);
        return account;
      });
      if (!result.applied) return;
      const text = result.value
        ? ctx.t("ig-disconnected", { username: escapeHtml(result.value.username) })
        : ctx.t("ig-nothing-to-disconnect");
      await replyHtml(ctx, withBrandHeading(scope, text));
    },
  };
}

function notConfiguredText(missing: string[], texts: Texts): string {
  const names = missing.map((name) => `<code>${name}</code>`);
  const settings = new Intl.ListFormat(texts.locale, { type: "conjunction" }).format(names);
  return texts.t("ig-not-configured", { settings });
}
