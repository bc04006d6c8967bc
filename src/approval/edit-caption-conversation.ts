/**
 * The ✏️ Edit dialog: the owner sends a new caption (or /cancel), it is checked against Instagram's limits with
 * each problem explained, saved, and the card is updated in place.
 *
 * @grammyjs/conversations v2 replays this function from the top for every update, so everything that reads or
 * writes the world runs inside `conversation.external` (its result is stored with the dialog and replayed), and
 * what externals return is plain JSON. Replies go through the conversation's `ctx`, which the plugin replays.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Sql } from "../database/connect.ts";
import { type CaptionViolation, checkInstagramLimits, composePostText } from "../drafting/caption-limits.ts";
import type { Logger } from "../shared/logger.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard } from "./draft-card-queries.ts";
import { showCardAfterPress } from "./draft-card-telegram.ts";
import { saveEditedCaption } from "./draft-transitions.ts";
import { DRAFT_GONE_TEXT, describeDraftState, TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_CAPTION_CONVERSATION = "approval-edit-caption";

export interface DialogDeps {
  sql: Sql;
  logger: Logger;
  clock: () => Date;
}

export interface DraftDialogTarget {
  draftId: number;
  ownerId: number;
}

type EditStart =
  { editable: true; caption: string; hashtags: string[] } | { editable: false; message: string };

export function editCaptionConversation(deps: DialogDeps) {
  return async function editCaption(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    const start = await conversation.external(() => loadEditStart(deps, target));
    if (!start.editable) {
      await ctx.reply(start.message);
      return;
    }
    await replyInDialog(ctx, editPrompt(start.caption, start.hashtags), { parse_mode: "HTML" });

    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses (this card's or another's) are not answers: they go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "cancel") {
        await answer.reply("Edit cancelled: the caption is unchanged.");
        return;
      }
      // /help is answered by the help handler further down while the edit keeps waiting.
      if (command === "help") return conversation.skip({ next: true });
      if (command === "skip") {
        await replyInDialog(
          answer,
          "There is nothing to skip: send the new caption, or /cancel to keep the current one.",
        );
        continue;
      }
      if (command !== null) {
        await answer.reply("Left the caption edit: the caption is unchanged.");
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(
          answer,
          "Please send the new caption as a text message, or /cancel to keep the current one.",
        );
        continue;
      }
      const caption = message.text.trim();
      const problems = checkInstagramLimits(composePostText(caption, start.hashtags));
      if (problems.length > 0) {
        await replyInDialog(answer, explainProblems(problems, start.hashtags.length > 0));
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(deps, outer, { ...target, caption, updateId: answer.update.update_id }),
      );
      await answer.reply(saved);
      return;
    }
  };
}

async function loadEditStart(deps: DialogDeps, target: DraftDialogTarget): Promise<EditStart> {
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return { editable: false, message: DRAFT_GONE_TEXT };
  if (card.status !== "pending_review")
    return { editable: false, message: describeDraftState(card, deps.clock()) };
  return { editable: true, caption: card.caption, hashtags: card.hashtags };
}

async function saveAndShow(
  deps: DialogDeps,
  outer: BotContext,
  input: DraftDialogTarget & { caption: string; updateId: number },
): Promise<string> {
  const now = deps.clock();
  const outcome = await saveEditedCaption(deps.sql, { ...input, now });
  switch (outcome.kind) {
    case "done":
      await showCardAfterPress(deps, outer.api, outcome.card);
      return "✅ Caption updated: the card shows it as it will be posted.";
    case "redelivered":
      return "✅ Caption updated.";
    case "gone":
      return DRAFT_GONE_TEXT;
    case "stale":
    case "no_slots":
      return `The caption was not changed. ${describeDraftState(outcome.card, now)}`;
  }
}

function editPrompt(caption: string, hashtags: string[]): string {
  const tags =
    hashtags.length > 0 ? ` The hashtags stay as they are: ${escapeHtml(hashtags.join(" "))}.` : "";
  const ask = `✏️ Send me the new caption, or /cancel to keep the current one.${tags}`;
  const withCurrent = `${ask}\n\nCurrent caption (tap to copy):\n<code>${escapeHtml(caption)}</code>`;
  return caption.trim() && visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
}

function explainProblems(problems: CaptionViolation[], hasHashtags: boolean): string {
  const counted = hasHashtags ? " (counting the draft's hashtags)" : "";
  return [
    `That caption can't go to Instagram as it is${counted}:`,
    ...problems.map((problem) => `• ${problem.message}`),
    "",
    "Send a shorter version, or /cancel to keep the current caption.",
  ].join("\n");
}
