import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";

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
}

export type BotContext = ConversationFlavor<Context & GreenlightFlavor>;
/** Context inside a conversation: must not carry the conversation flavor (conversations v2). */
export type ConversationContext = Context & GreenlightFlavor;
