/**
 * The bot's language for each update: the user's /language choice, else the language their Telegram app reports,
 * else English. Sets `ctx.locale` and `ctx.texts` (for views) and, through @grammyjs/i18n's middleware, `ctx.t`.
 */

import { Composer, type MiddlewareFn } from "grammy";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import type { Sql } from "../database/connect.ts";
import { loadCatalogue } from "./catalogue.ts";
import { loadStoredLanguage, localeOf, rememberTelegramLanguage } from "./language-queries.ts";
import { localeFromTelegram } from "./locales.ts";
import { textsFor } from "./texts.ts";

type LocaleContext = BotContext | ConversationContext;

/**
 * Reads the user's stored language (one primary-key read) and picks the locale. Installed after the direct
 * features, so a card's Approve, which reads its owner's locale with the card, does not pay for it.
 */
export function chooseLocale<C extends LocaleContext>(sql: Sql): MiddlewareFn<C> {
  // The plugin's own middleware gives ctx.t and ctx.i18n, in the locale chosen here (its negotiator reads it).
  // Made at the first update, so that start-up does not load the catalogue before it can answer /healthz.
  let translate: MiddlewareFn<C> | undefined;
  const composer = new Composer<C>();
  composer.use(async function pickLocale(ctx, next) {
    const user = ctx.from;
    const stored = user && !user.is_bot ? await loadStoredLanguage(sql, user.id) : null;
    ctx.storedLanguage = stored;
    ctx.locale = localeOf(stored, user?.language_code);
    ctx.texts = textsFor(ctx.locale);
    await next();
  });
  composer.use((ctx, next) => {
    translate ??= loadCatalogue().middleware() as unknown as MiddlewareFn<C>;
    return translate(ctx, next);
  });
  return composer.middleware();
}

/**
 * Keeps the language Telegram reports for a user the bot serves (after the owner gate: a stranger is never
 * stored), written only when it changed, so that cards and notices sent by jobs use it too.
 */
export function rememberLanguage(sql: Sql): MiddlewareFn<BotContext> {
  return async function rememberTelegramLanguageOfUser(ctx, next) {
    const code = ctx.from?.language_code;
    if (ctx.from && code && ctx.storedLanguage?.telegramLanguageCode !== code) {
      await rememberTelegramLanguage(sql, ctx.from.id, code);
    }
    await next();
  };
}

/** The texts for an update that may have failed before its locale was chosen (the error boundary's apology). */
export function textsOfUpdate(ctx: Partial<Pick<LocaleContext, "texts" | "from">>) {
  return ctx.texts ?? textsFor(localeFromTelegram(ctx.from?.language_code));
}
