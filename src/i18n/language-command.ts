/**
 * /language: the language the bot speaks to you. `/language` shows it with a button per locale, `/language de`
 * (or "Deutsch", "pt", "auto") sets it directly. The choice is stored per Telegram user, so it holds across
 * restarts and for the cards jobs send.
 */

import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import type { Sql } from "../database/connect.ts";
import { answerButton, replyHtml, showInPlace } from "../owner-settings/shared/telegram-replies.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { shortenText } from "../shared/telegram-text-limits.ts";
import { saveChosenLocale } from "./language-queries.ts";
import {
  isLocale,
  type Locale,
  LOCALE_NAMES,
  LOCALES,
  localeFromTelegram,
  parseLocaleChoice,
} from "./locales.ts";
import { textsFor } from "./texts.ts";

/** callback_data of the buttons: `lang:<locale>` or `lang:auto` (at most 10 bytes, within Telegram's 64). */
export const LANGUAGE_CALLBACK = /^lang:(en|es|pt-BR|de|auto)$/;
export const languageCallback = (choice: Locale | "auto") => `lang:${choice}`;

export function languageCommand(deps: { sql: Sql }): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("language", async (ctx) => {
    const input = ctx.match.trim();
    if (!input) {
      await replyHtml(ctx, renderLanguageMenu(ctx), languageKeyboard(ctx.locale));
      return;
    }
    const choice = parseLocaleChoice(input);
    if (choice === null) {
      await replyHtml(ctx, escapeHtml(ctx.t("language-unknown", { input: shortenText(input, 40) })));
      return;
    }
    await replyHtml(ctx, escapeHtml(await choose(ctx, choice)));
  });

  composer.callbackQuery(LANGUAGE_CALLBACK, async (ctx) => {
    const choice = ctx.match[1]!;
    const done = await choose(ctx, isLocale(choice) ? choice : "auto");
    await answerButton(ctx, done);
    await showInPlace(ctx, renderLanguageMenu(ctx), languageKeyboard(ctx.locale));
  });

  /** Stores the choice and switches this update's texts to it; returns the confirmation, in the new language. */
  async function choose(ctx: BotContext, choice: Locale | "auto"): Promise<string> {
    const telegramCode = ctx.from?.language_code ?? null;
    await saveChosenLocale(deps.sql, ctx.from!.id, choice === "auto" ? null : choice, telegramCode);
    const locale = choice === "auto" ? localeFromTelegram(telegramCode) : choice;
    ctx.locale = locale;
    ctx.texts = textsFor(locale);
    ctx.i18n.useLocale(locale);
    ctx.storedLanguage = {
      chosenLocale: choice === "auto" ? null : choice,
      telegramLanguageCode: telegramCode,
    };
    const language = LOCALE_NAMES[locale];
    return ctx.t(choice === "auto" ? "language-auto" : "language-set", { language });
  }

  return composer;
}

function renderLanguageMenu(ctx: BotContext): string {
  const source = ctx.storedLanguage?.chosenLocale ? "chosen" : "telegram";
  return [
    ctx.t("language-current", { language: escapeHtml(LOCALE_NAMES[ctx.locale]), source }),
    "",
    escapeHtml(ctx.t("language-choose")),
  ].join("\n");
}

function languageKeyboard(current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  LOCALES.forEach((locale, index) => {
    keyboard.text(`${locale === current ? "✅ " : ""}${LOCALE_NAMES[locale]}`, languageCallback(locale));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(textsFor(current).t("language-auto-button"), languageCallback("auto"));
}
