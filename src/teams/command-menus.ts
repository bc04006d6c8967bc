/**
 * The bot's face in Telegram, per kind of user: the command menu (setMyCommands with a BotCommandScope) and the
 * description shown before a chat starts (setMyDescription, setMyShortDescription). Strangers get the default
 * scope, which shows only /start and /help; each owner's and member's private chat gets a chat scope with what
 * their role allows, and so does each linked group. Telegram picks the narrowest scope that matches a chat (Bot API, "Determining list of
 * commands"), so a chat scope overrides the default for that chat alone.
 */

import { createHash } from "node:crypto";
import { type Api, GrammyError } from "grammy";
import type { LanguageCode } from "grammy/types";
import type { Sql } from "../database/connect.ts";
import { DEFAULT_LOCALE, type Locale, LOCALES, telegramLanguageOf } from "../i18n/locales.ts";
import { localeOfRow } from "../i18n/language-queries.ts";
import { textsFor } from "../i18n/texts.ts";
import { ownerCommandsIn } from "../owner-settings/start/owner-commands.ts";
import type { Logger } from "../shared/logger.ts";
import type { MenuCommand } from "./team-roles.ts";

/** Strangers, and everyone in a chat without a scope of its own. */
export function strangerMenu(locale: Locale = DEFAULT_LOCALE): MenuCommand[] {
  const texts = textsFor(locale);
  return [
    { command: "start", description: texts.t("command-start-guest") },
    { command: "help", description: texts.t("command-help") },
  ];
}

/** An owner's private chat: every owner command, with the team's before /help. */
export function ownerMenu(locale: Locale = DEFAULT_LOCALE): MenuCommand[] {
  const texts = textsFor(locale);
  const team: MenuCommand[] = (["team", "invite", "linkgroup", "unlinkgroup"] as const).map((command) => ({
    command,
    description: texts.t(`command-${command}`),
  }));
  const commands: MenuCommand[] = ownerCommandsIn(texts);
  const help = commands.findIndex((c) => c.command === "help");
  return [...commands.slice(0, help), ...team, ...commands.slice(help)];
}

/** An approver's or a viewer's private chat. */
export function memberMenu(locale: Locale = DEFAULT_LOCALE): MenuCommand[] {
  const texts = textsFor(locale);
  return [
    { command: "status", description: texts.t("command-status") },
    { command: "help", description: texts.t("command-help") },
  ];
}

/**
 * Gives a chat its menu, or takes its own menu away (`null`: the chat falls back to the strangers' menu). The
 * menu last set per chat is kept as a digest, so setting the same menu again costs no call.
 */
export async function setChatMenu(
  deps: { api: Api; sql: Sql },
  chatId: number,
  menu: MenuCommand[] | null,
): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (menu === null) {
    await deps.api.deleteMyCommands({ scope });
    await deps.sql`delete from telegram_command_menus where chat_id = ${chatId}`;
    return;
  }
  const digest = createHash("sha256").update(JSON.stringify(menu)).digest("base64url");
  const [current] = await deps.sql<{ digest: string }[]>`
    select digest from telegram_command_menus where chat_id = ${chatId}`;
  if (current?.digest === digest) return;
  await deps.api.setMyCommands(menu, { scope });
  await deps.sql`
    insert into telegram_command_menus (chat_id, digest) values (${chatId}, ${digest})
    on conflict (chat_id) do update set digest = excluded.digest, set_at = now()`;
}

/**
 * Gives a brand's linked group its members' menu, or takes it away (`linked` false). A group has people of many
 * languages, so the menu is set once per locale (a chat scope with a language_code: Telegram shows each member the
 * one for their app's language) and in English for everyone else. One digest covers them all.
 */
export async function setGroupMenu(
  deps: { api: Api; sql: Sql },
  chatId: number,
  linked: boolean,
): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  const inLanguage = (locale: Locale) =>
    locale === DEFAULT_LOCALE
      ? { scope }
      : { scope, language_code: telegramLanguageOf(locale) as LanguageCode };
  if (!linked) {
    for (const locale of LOCALES) await deps.api.deleteMyCommands(inLanguage(locale));
    await deps.sql`delete from telegram_command_menus where chat_id = ${chatId}`;
    return;
  }
  const menus = LOCALES.map((locale) => [locale, memberMenu(locale)] as const);
  const digest = createHash("sha256").update(JSON.stringify(menus)).digest("base64url");
  const [current] = await deps.sql<{ digest: string }[]>`
    select digest from telegram_command_menus where chat_id = ${chatId}`;
  if (current?.digest === digest) return;
  for (const [locale, menu] of menus) await deps.api.setMyCommands(menu, inLanguage(locale));
  await deps.sql`
    insert into telegram_command_menus (chat_id, digest) values (${chatId}, ${digest})
    on conflict (chat_id) do update set digest = excluded.digest, set_at = now()`;
}

export interface BotProfileDeps {
  api: Api;
  sql: Sql;
  logger: Logger;
  /** OWNER_TELEGRAM_IDS: owners before they have registered (a private chat's id is its user's id). */
  adminIds: readonly number[];
}

/**
 * Brings the description, the short description, the default menu and every owner's and member's chat menu up to
 * date. Idempotent: each is read (or its digest compared) first and set only when it differs, so a restart makes
 * a handful of reads, not one write per chat.
 */
export async function syncBotProfile(deps: BotProfileDeps): Promise<void> {
  const { api } = deps;
  // The description and short description, and the strangers' menu, in each language: the default ones in
  // English, one per other locale (language_code), which Telegram shows to users whose app is in that language.
  for (const locale of LOCALES) {
    const languageCode = locale === DEFAULT_LOCALE ? undefined : (telegramLanguageOf(locale) as LanguageCode);
    const language = languageCode ? { language_code: languageCode } : {};
    const texts = textsFor(locale);
    const description = texts.t("bot-description");
    if ((await api.getMyDescription(language)).description !== description)
      await api.setMyDescription(description, language);
    const shortDescription = texts.t("bot-short-description");
    if ((await api.getMyShortDescription(language)).short_description !== shortDescription)
      await api.setMyShortDescription(shortDescription, language);
    const strangers = strangerMenu(locale);
    const current = await api.getMyCommands(language);
    if (JSON.stringify(current) !== JSON.stringify(strangers)) await api.setMyCommands(strangers, language);
  }

  // Each owner's and member's private chat in that person's language (a chat scope is one person's).
  const rows = await deps.sql<
    { chat_id: number; owner: boolean; chosen_locale: string | null; telegram_language_code: string | null }[]
  >`
    select people.chat_id, people.owner, lang.chosen_locale, lang.telegram_language_code
      from (select telegram_chat_id as chat_id, telegram_user_id as user_id, true as owner from owners
            union
            select distinct m.telegram_user_id, m.telegram_user_id, false from brand_members m
             where not exists (select from owners o where o.telegram_user_id = m.telegram_user_id)) people
      left join telegram_user_languages lang on lang.telegram_user_id = people.user_id`;
  const groups = await deps.sql<{ chat_id: number }[]>`select distinct chat_id from brand_groups`;
  const owners = new Map<number, Locale>(deps.adminIds.map((id) => [id, DEFAULT_LOCALE]));
  for (const row of rows.filter((r) => r.owner)) owners.set(Number(row.chat_id), localeOfRow(row));
  for (const [chatId, locale] of owners) await setMenuOrSkip(deps, chatId, ownerMenu(locale));
  for (const row of rows.filter((r) => !r.owner))
    await setMenuOrSkip(deps, Number(row.chat_id), memberMenu(localeOfRow(row)));
  for (const { chat_id } of groups)
    await skipUnknownChat(deps, Number(chat_id), () => setGroupMenu(deps, Number(chat_id), true));
}

/** A chat Telegram does not know (an operator who never opened the bot) is skipped; anything else is thrown. */
async function setMenuOrSkip(deps: BotProfileDeps, chatId: number, menu: MenuCommand[]): Promise<void> {
  await skipUnknownChat(deps, chatId, () => setChatMenu(deps, chatId, menu));
}

async function skipUnknownChat(
  deps: BotProfileDeps,
  chatId: number,
  set: () => Promise<void>,
): Promise<void> {
  try {
    await set();
  } catch (error) {
    if (
      error instanceof GrammyError &&
      error.error_code === 400 &&
      /chat not found/i.test(error.description)
    ) {
      deps.logger.info({ chatId }, "command menu not set for a chat Telegram does not know yet");
      return;
    }
    throw error;
  }
}

/** How long start-up waits for the first attempt before carrying on and retrying in the background. */
const FIRST_ATTEMPT_WAIT_MS = 2_000;

/**
 * Runs syncBotProfile at start-up. Start-up waits for the first attempt only briefly, so the menus are normally
 * in place before the service reports it has started, while an unreachable Telegram never holds start-up back:
 * a failed attempt is retried in the background, backing off to once a minute. Returns the function that stops
 * the retries at shutdown.
 */
export async function publishBotProfile(deps: BotProfileDeps): Promise<() => Promise<void>> {
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const attempt = (delayMs: number): Promise<void> =>
    syncBotProfile(deps)
      .then(() => deps.logger.info("telegram command menus and description set"))
      .catch((error: unknown) => {
        deps.logger.warn(
          { err: { message: (error as Error).message } },
          "telegram command menu not set; retrying",
        );
        if (!stopped) retryTimer = setTimeout(() => void attempt(Math.min(delayMs * 2, 60_000)), delayMs);
      });
  let waitTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    attempt(1_000),
    new Promise<void>((resolve) => {
      waitTimer = setTimeout(resolve, FIRST_ATTEMPT_WAIT_MS);
    }),
  ]);
  clearTimeout(waitTimer);
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
  };
}
