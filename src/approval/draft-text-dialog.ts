/**
 * A card dialog that replaces one text of a draft: the owner sends the new text (or /cancel), it is checked with
 * each problem explained, saved, and the card is updated in place. ✏️ Edit (the caption), 🦯 Alt text and a slide's
 * text are this dialog with their own words (dialogs.ftl), check and save; it speaks the language of whoever answers.
 *
 * @grammyjs/conversations v2 replays the dialog from the top for every update, so everything that reads or
 * writes the world runs inside `conversation.external` (its result is stored with the dialog and replayed), and
 * what externals return is plain JSON. Replies go through the conversation's `ctx`, which the plugin replays.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Sql } from "../database/connect.ts";
import type { Texts } from "../i18n/texts.ts";
import type { Logger } from "../shared/logger.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard, type StoredDraftCard } from "./draft-card-queries.ts";
import { showCardAfterPress } from "./draft-card-telegram.ts";
import type { DecisionInput, DecisionOutcome } from "./draft-transitions.ts";
import { describeDraftState, draftGoneText } from "./render-draft-card.ts";

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
  /**
   * The dialog's messages in dialogs.ftl are `dialog-<messages>-…`: -cancelled (/cancel), -left (another command
   * ends the dialog), -saved, -saved-before (a redelivered answer that was saved before), -nothing-to-skip,
   * -text-only and -not-changed.
   */
  messages: "caption" | "alt-text" | "slide";
  /** The dialog's opening message (HTML), from the draft as it is. */
  prompt(card: StoredDraftCard, target: DraftDialogTarget, texts: Texts): string;
  /** The owner's text as it would be saved, or what is wrong with it (the whole reply). */
  check(
    text: string,
    start: DraftTextStart,
    texts: Texts,
  ): { ok: true; value: string } | { ok: false; reply: string };
  save(sql: Sql, input: DecisionInput & { value: string; position?: number }): Promise<DecisionOutcome>;
}

/** One of the dialog's messages: `dialog-caption-saved`, `dialog-slide-left`… */
function messageKey(dialog: DraftTextDialog, name: string): string {
  return `dialog-${dialog.messages}-${name}`;
}

export function draftTextDialog(deps: DialogDeps, dialog: DraftTextDialog) {
  const key = (name: string) => messageKey(dialog, name);
  return async function editDraftText(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    const start = await conversation.external(() => loadStart(deps, dialog, target, ctx.texts));
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
        await answer.reply(answer.t(key("cancelled")));
        return;
      }
      // /help is answered by the help handler further down while the dialog keeps waiting.
      if (command === "help") return conversation.skip({ next: true });
      if (command === "skip") {
        await replyInDialog(answer, answer.t(key("nothing-to-skip")));
        continue;
      }
      if (command !== null) {
        await answer.reply(answer.t(key("left")));
        return conversation.halt({ next: true });
      }
      if (message.text === undefined) {
        await replyInDialog(answer, answer.t(key("text-only")));
        continue;
      }
      const checked = dialog.check(message.text, start, answer.texts);
      if (!checked.ok) {
        await replyInDialog(answer, checked.reply);
        continue;
      }
      const saved = await conversation.external((outer) =>
        saveAndShow(
          deps,
          dialog,
          outer,
          { ...target, value: checked.value, updateId: answer.update.update_id },
          answer.texts,
        ),
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
  texts: Texts,
): Promise<DraftTextStart | { message: string }> {
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return { message: draftGoneText(texts) };
  if (card.status !== "pending_review") return { message: describeDraftState(card, deps.clock(), texts) };
  return { prompt: dialog.prompt(card, target, texts), hashtags: card.hashtags };
}

async function saveAndShow(
  deps: DialogDeps,
  dialog: DraftTextDialog,
  outer: BotContext,
  input: DraftDialogTarget & { value: string; updateId: number },
  texts: Texts,
): Promise<string> {
  const key = (name: string) => messageKey(dialog, name);
  const now = deps.clock();
  const outcome = await dialog.save(deps.sql, { ...input, now });
  switch (outcome.kind) {
    case "done":
      await showCardAfterPress(deps, outer.api, outcome.card);
      return texts.t(key("saved"));
    case "redelivered":
      return texts.t(key("saved-before"));
    case "gone":
      return draftGoneText(texts);
    case "stale":
    case "no_slots":
      return texts.t(key("not-changed"), { state: describeDraftState(outcome.card, now, texts) });
  }
}
