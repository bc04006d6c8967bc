/**
 * 🔁 Rewrite's dialog: while the card shows the quick choices, the owner may instead say what to change in their
 * own words, typed ("focus on the price") or as a voice note, which is transcribed and shown back ("🎙 Heard: …").
 * The instruction then goes into a durable rewrite request, as a quick choice does (regeneration-requests.ts).
 * A quick choice, Back, /cancel or another command ends the dialog. Replay rules as in edit-caption-conversation.ts.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Scheduler } from "../scheduler/scheduler.ts";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import { quoteInput } from "../shared/telegram-text-limits.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard } from "./draft-card-queries.ts";
import { restoreCardButtons, showCardAfterPress } from "./draft-card-telegram.ts";
import type { DialogDeps, DraftDialogTarget } from "./draft-text-dialog.ts";
import { requestRegeneration } from "./regeneration-requests.ts";
import { DRAFT_GONE_TEXT, describeDraftState } from "./render-draft-card.ts";
import { normaliseInstruction } from "./rewrite-choices.ts";
import { transcribeVoiceInstruction, type VoiceInstructionDeps } from "./voice-instruction.ts";

export const REWRITE_INSTRUCTION_CONVERSATION = "approval-rewrite-instruction";

export interface RewriteDialogDeps extends DialogDeps {
  scheduler: Pick<Scheduler, "runNow">;
  /** The job that runs regeneration requests. */
  regenerationJob: string;
  voice: VoiceInstructionDeps;
}

const KEPT = "Not rewritten: the caption is unchanged.";

export function rewriteInstructionConversation(deps: RewriteDialogDeps) {
  return async function askRewriteInstruction(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      // Button presses (a quick choice, Back, another card) go on to the card handlers.
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "help") return conversation.skip({ next: true });
      if (command !== null) {
        await conversation.external((outer) => restoreCardButtons(deps, outer.api, target));
        await answer.reply(KEPT);
        return command === "cancel" ? undefined : conversation.halt({ next: true });
      }
      let instruction: string | null;
      if (message.voice) {
        const voice = message.voice;
        const heard = await conversation.external(async (outer) => {
          // Nothing is paid for a draft that is gone or was decided meanwhile (on another device, say).
          const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
          if (!card) return { ok: false as const, message: DRAFT_GONE_TEXT, ended: true };
          if (card.status !== "pending_review") {
            const state = describeDraftState(card, deps.clock());
            return { ok: false as const, message: `Not rewritten. ${state}`, ended: true };
          }
          return transcribeVoiceInstruction(deps.voice, outer.api, {
            brandId: card.brandId,
            draftId: card.id,
            voice,
          });
        });
        if (!heard.ok && "ended" in heard) {
          await answer.reply(heard.message);
          return;
        }
        if (!heard.ok) {
          await replyInDialog(answer, heard.message);
          continue;
        }
        await answer.reply(`🎙 Heard: ${quoteInput(heard.text, 300)}`);
        instruction = heard.text;
      } else {
        instruction = message.text === undefined ? null : normaliseInstruction(message.text);
        if (instruction === null) {
          await replyInDialog(
            answer,
            "Please send what to change as a message or a voice note, pick a choice on the card, or /cancel.",
          );
          continue;
        }
      }
      const said = instruction;
      const done = await conversation.external((outer) =>
        requestRewrite(deps, outer, target, said, answer.update.update_id),
      );
      await answer.reply(done);
      return;
    }
  };
}

/** Records the rewrite with the owner's instruction and shows the card working on it; returns the reply. */
async function requestRewrite(
  deps: RewriteDialogDeps,
  outer: BotContext,
  target: DraftDialogTarget,
  instruction: string,
  updateId: number,
): Promise<string> {
  const requested = await requestRegeneration(deps.sql, {
    draftId: target.draftId,
    kind: "rewrite",
    requestedBy: outer.from?.id ?? target.ownerId,
    updateId,
    instruction,
  });
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return DRAFT_GONE_TEXT;
  switch (requested.outcome) {
    case "requested":
      runJobSoon(deps.scheduler, deps.logger, deps.regenerationJob);
      await showCardAfterPress(deps, outer.api, { ...card, regenerating: "rewrite" });
      return `🔁 Rewriting the caption: ${quoteInput(instruction, 100)}`;
    case "busy":
    case "redelivered":
      await showCardAfterPress(deps, outer.api, card);
      return requested.open === "image" ? "Already making a new image…" : "Already rewriting the caption…";
    case "stale":
      await showCardAfterPress(deps, outer.api, card);
      return `Not rewritten. ${describeDraftState(card, deps.clock())}`;
  }
}
