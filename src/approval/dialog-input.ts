import type { Message } from "grammy/types";

/**
 * The bot command a message starts with ("cancel" for "/cancel" or "/cancel@greenlight_bot"), or null. Dialogs
 * use it to tell an owner's answer from a command: /cancel leaves the dialog, any other command leaves it and
 * runs, because an owner who types /queue mid-edit wants the queue, not a caption reading "/queue".
 */
export function commandOf(message: Pick<Message, "text" | "entities">): string | null {
  const entity = message.entities?.[0];
  if (!message.text || entity?.type !== "bot_command" || entity.offset !== 0) return null;
  return message.text.slice(1, entity.length).split("@")[0]!.toLowerCase();
}

/** How long a dialog waits for the owner's answer; a later message is treated as if no dialog were open. */
export const DIALOG_TIMEOUT_MS = 30 * 60_000;

/** Cleans text the owner typed as an answer: trimmed, whitespace collapsed, capped; null when nothing is left. */
export function normaliseTypedText(text: string, maxChars: number): string | null {
  const cleaned = text.replace(/\s+/g, " ").trim();
  if (cleaned === "") return null;
  const points = Array.from(cleaned);
  return points.length <= maxChars ? cleaned : `${points.slice(0, maxChars - 1).join("")}…`;
}
