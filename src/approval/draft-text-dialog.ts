/**
 * A card dialog that replaces one text of a draft: the owner sends the new text (or /cancel), it is checked with
 * each problem explained, saved, and the card is updated in place. ✏️ Edit (the caption) and 🦯 Alt text are
 * this dialog with their own words, check and save.
 *
 * @grammyjs/conversations v2 replays the dialog from the top for every update, so everything that reads or
 * writes the world runs inside `conversation.external` (its result is stored with the dialog and replayed), and
 * what externals return is plain JSON. Replies go through the conversation's `ctx`, which the plugin replays.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard, type StoredDraftCard } from "./draft-card-queries.ts";
import { showCardAfterPress } from "./draft-card-telegram.ts";
import type { DecisionInput, DecisionOutcome } from "./draft-transitions.ts";
import { DRAFT_GONE_TEXT, describeDraftState } from "./render-draft-card.ts";

export interface DialogDeps {
  sql: Sql;
  logger: Logger;
  clock: () => Date;
}

export interface DraftDialogTarget {
  draftId: number;
  ownerId: number;
  /** For 🎞 Slides: the slide whose text is edited. */
  position?: number;
}

/** What the dialog knows of the draft once it opened: plain JSON, as conversation externals must return. */
export interface DraftTextStart {
  /** The opening message (HTML). */
  prompt: string;
  hashtags: string[];
}

export interface DraftTextDialog {
  /** The text edited, as the owner reads it: "caption", "alt text". */
  noun: string;
  /** The answer to /cancel, before ": the <noun> is unchanged." */
  cancelled: string;
  /** The answer to another command, which leaves the dialog, before ": the <noun> is unchanged." */
  left: string;
  /** The answer once saved, and the shorter one to a redelivered answer that was saved before. */
  saved: string;
  savedBefore: string;
  /** The dialog's opening message (HTML), from the draft as it is. */
  prompt(card: StoredDraftCard, target: DraftDialogTarget): string;
  /** The owner's text as it would be saved, or what is wrong with it (the whole reply). */
  check(text: string, start: DraftTextStart): { ok: true; value: string } | { ok: false; reply: string };
  save(sql: Sql, input: DecisionInput & { value: string; position?: number }): Promise<DecisionOutcome>;
}

export function draftTextDialog(deps: DialogDeps, dialog: DraftTextDialog) {
  const unchanged = `the ${dialog.noun} is unchanged.`;
  return async function editDraftText(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    const start = await conversation.external(() => loadStart(deps, dialog, target));
    if ("message" in start) {
      await ctx.reply(start.message);
      return;
    }
    await replyInDialog(ctx, start.prompt, { parse_mode: "HTML" });

    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses (this card's or another's) are not answers: they go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "cancel") {
        await answer.reply(`${dialog.cancelled}: ${unchanged}`);
        return;
      }
      // /help is answered by the help handler further down while the dialog keeps waiting.
      if (command === "help") return conversation.skip({ next: true });
      if (command === "skip") {
        await replyInDialog(
          answer,
          `There is nothing to skip: send the new ${dialog.noun}, or /cancel to keep the current one.`,
        );
        continue;
      }
      if (command !== null) {
        await answer.reply(`${dialog.left}: ${unchanged}`);
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(
          answer,
          `Please send the new ${dialog.noun} as a text message, or /cancel to keep the current one.`,
        );
        continue;
      }
      const checked = dialog.check(message.text, start);
      if (!checked.ok) {
        await replyInDialog(answer, checked.reply);
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(deps, dialog, outer, {
          ...target,
          value: checked.value,
          updateId: answer.update.update_id,
        }),
      );
      await answer.reply(saved);
      return;
    }
  };
}

async function loadStart(
  deps: DialogDeps,
  dialog: DraftTextDialog,
  target: DraftDialogTarget,
): Promise<DraftTextStart | { message: string }> {
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return { message: DRAFT_GONE_TEXT };
  if (card.status !== "pending_review") return { message: describeDraftState(card, deps.clock()) };
  return { prompt: dialog.prompt(card, target), hashtags: card.hashtags };
}

async function saveAndShow(
  deps: DialogDeps,
  dialog: DraftTextDialog,
  outer: BotContext,
  input: DraftDialogTarget & { value: string; updateId: number },
): Promise<string> {
  const now = deps.clock();
  const outcome = await dialog.save(deps.sql, { ...input, now });
  switch (outcome.kind) {
    case "done":
      await showCardAfterPress(deps, outer.api, outcome.card);
      return dialog.saved;
    case "redelivered":
      return dialog.savedBefore;
    case "gone":
      return DRAFT_GONE_TEXT;
    case "stale":
    case "no_slots":
      return `The ${dialog.noun} was not changed. ${describeDraftState(outcome.card, now)}`;
  }
}
