/**
 * The 🦯 Alt text dialog: the owner sends the image's new alt text (or /cancel), it is checked against
 * Instagram's 1,000 characters with the problem explained, saved, and the card is updated in place. Replay rules
 * as in edit-caption-conversation.ts: everything that touches the world runs inside `conversation.external`.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import { checkAltText } from "../drafting/alt-text.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard } from "./draft-card-queries.ts";
import { showCardAfterPress } from "./draft-card-telegram.ts";
import { saveEditedAltText } from "./draft-transitions.ts";
import type { DialogDeps, DraftDialogTarget } from "./edit-caption-conversation.ts";
import { DRAFT_GONE_TEXT, describeDraftState, TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_ALT_TEXT_CONVERSATION = "approval-edit-alt-text";

const KEPT = "the alt text is unchanged.";

type AltTextStart = { editable: true; altText: string | null } | { editable: false; message: string };

export function editAltTextConversation(deps: DialogDeps) {
  return async function editAltText(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    const start = await conversation.external(() => loadAltTextStart(deps, target));
    if (!start.editable) {
      await ctx.reply(start.message);
      return;
    }
    await replyInDialog(ctx, altTextPrompt(start.altText), { parse_mode: "HTML" });

    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses are not answers: they go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "cancel") {
        await answer.reply(`Alt text edit cancelled: ${KEPT}`);
        return;
      }
      if (command === "help") return conversation.skip({ next: true });
      if (command !== null) {
        await answer.reply(`Left the alt text edit: ${KEPT}`);
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(
          answer,
          "Please send the alt text as a text message, or /cancel to keep the current one.",
        );
        continue;
      }
      const checked = checkAltText(message.text);
      if (!checked.ok) {
        await replyInDialog(answer, `${checked.problem} Send it again, or /cancel to keep the current one.`);
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(deps, outer, { ...target, altText: checked.altText, updateId: answer.update.update_id }),
      );
      await answer.reply(saved);
      return;
    }
  };
}

async function loadAltTextStart(deps: DialogDeps, target: DraftDialogTarget): Promise<AltTextStart> {
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return { editable: false, message: DRAFT_GONE_TEXT };
  if (card.status !== "pending_review")
    return { editable: false, message: describeDraftState(card, deps.clock()) };
  return { editable: true, altText: card.altText };
}

async function saveAndShow(
  deps: DialogDeps,
  outer: BotContext,
  input: DraftDialogTarget & { altText: string; updateId: number },
): Promise<string> {
  const now = deps.clock();
  const outcome = await saveEditedAltText(deps.sql, { ...input, now });
  switch (outcome.kind) {
    case "done":
      await showCardAfterPress(deps, outer.api, outcome.card);
      return "✅ Alt text updated: Instagram gets it with the image.";
    case "redelivered":
      return "✅ Alt text updated.";
    case "gone":
      return DRAFT_GONE_TEXT;
    case "stale":
    case "no_slots":
      return `The alt text was not changed. ${describeDraftState(outcome.card, now)}`;
  }
}

function altTextPrompt(altText: string | null): string {
  const ask =
    "🦯 Send me the alt text for the image: one short sentence saying what it shows, for people who use a screen reader (at most 1,000 characters). Or /cancel to keep the current one.";
  if (!altText?.trim()) return ask;
  const withCurrent = `${ask}\n\nCurrent alt text (tap to copy):\n<code>${escapeHtml(altText)}</code>`;
  return visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}
