import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { StoredLanguage } from "../i18n/language-queries.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Texts } from "../i18n/texts.ts";

/** The owner row as the bot sees it. */
export interface Owner {
  id: number;
  telegram_user_id: number;
  telegram_chat_id: number;
  display_name: string;
  selected_brand_id: number | null;
}

interface GreenlightFlavor {
  /** The registered owner, or null for an allowed user who has not run /start yet. */
  owner: Owner | null;
  /**
   * The language the bot speaks in this update, and its texts (i18n/bot-locale.ts). Set after the direct features
   * (createBot's `direct`), which take their locale from what they read instead.
   */
  locale: Locale;
  texts: Texts;
  /** The user's stored language row, as read for this update. */
  storedLanguage?: StoredLanguage | null;
}

export type BotContext = ConversationFlavor<Context & GreenlightFlavor & I18nFlavor>;
/** Context inside a conversation: must not carry the conversation flavor (conversations v2). */
export type ConversationContext = Context & GreenlightFlavor & I18nFlavor;
