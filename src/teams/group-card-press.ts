/**
 * What a press on a draft card in a group is: the group's chat id, whether the button is one an approver may
 * press there, and the name the card shows for whoever decided. Pure; used by the card's buttons
 * (src/approval/draft-decisions.ts) and by the refusals of everyone else (team-guests.ts).
 */

import type { Context } from "grammy";
import type { User } from "grammy/types";
import type { DraftCallback } from "../approval/callback-data.ts";
import { REJECTION_REASONS } from "../approval/rejection-reasons.ts";
import { GROUP_CARD_ACTIONS } from "./team-roles.ts";

/** The chat id when the update comes from a group or supergroup, else undefined. */
export function groupOf(ctx: Context): number | undefined {
  const chat = ctx.callbackQuery?.message?.chat ?? ctx.chat;
  return chat && (chat.type === "group" || chat.type === "supergroup") ? chat.id : undefined;
}

/** A card button an approver may press in a group: a decision without a dialog ("Other…" types a reason). */
export function isGroupCardAction(callback: DraftCallback): boolean {
  if (!GROUP_CARD_ACTIONS.has(callback.action)) return false;
  return callback.action !== "rejectBecause" || REJECTION_REASONS[callback.reason].stored !== null;
}

/** "Anna Rossi": the name Telegram shows for a user, as the card names who decided. */
export function personName(user: Pick<User, "first_name" | "last_name">): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || "someone";
}
