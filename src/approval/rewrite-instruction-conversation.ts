/**
 * 🔁 Rewrite's dialog: while the card shows the quick choices, the owner may instead say what to change in their
 * own words, typed ("focus on the price") or as a voice note, which is transcribed and shown back ("🎙 Heard: …").
 * The instruction then goes into a durable rewrite request, as a quick choice does (regeneration-requests.ts).
 * A quick choice, Back, /cancel or another command ends the dialog. Replay rules as in edit-caption-conversation.ts.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import type { Texts } from "../i18n/texts.ts";
import type { Scheduler } from "../scheduler/scheduler.ts";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import { quoteInput } from "../shared/telegram-text-limits.ts";
import { commandOf } from "./dialog-input.ts";
import { loadDraftCard } from "./draft-card-queries.ts";
import { restoreCardButtons, showCardAfterPress } from "./draft-card-telegram.ts";
import type { DialogDeps, DraftDialogTarget } from "./draft-text-dialog.ts";
import { requestRegeneration } from "./regeneration-requests.ts";
import { describeDraftState, draftGoneText } from "./render-draft-card.ts";
import { normaliseInstruction } from "./rewrite-choices.ts";
import { transcribeVoiceInstruction, type VoiceInstructionDeps } from "./voice-instruction.ts";

export const REWRITE_INSTRUCTION_CONVERSATION = "approval-rewrite-instruction";

export interface RewriteDialogDeps extends DialogDeps {
  scheduler: Pick<Scheduler, "runNow">;
  /** The job that runs regeneration requests. */
  regenerationJob: string;
  voice: VoiceInstructionDeps;
}

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
        await answer.reply(answer.t("dialog-rewrite-kept"));
        return command === "cancel" ? undefined : conversation.halt({ next: true });
      }
      let instruction: string | null;
      if (message.voice) {
        const voice = message.voice;
        const { texts } = answer;
        const heard = await conversation.external(async (outer) => {
          // Nothing is paid for a draft that is gone or was decided meanwhile (on another device, say).
          const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
          if (!card) return { ok: false as const, message: draftGoneText(texts), ended: true };
          if (card.status !== "pending_review") {
            const state = describeDraftState(card, deps.clock(), texts);
            return { ok: false as const, message: texts.t("dialog-not-rewritten", { state }), ended: true };
          }
          return transcribeVoiceInstruction(deps.voice, outer.api, {
            brandId: card.brandId,
            draftId: card.id,
            voice,
            texts,
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
        await answer.reply(answer.t("voice-note-heard", { instruction: quoteInput(heard.text, 300) }));
        instruction = heard.text;
      } else {
        instruction = message.text === undefined ? null : normaliseInstruction(message.text);
        if (instruction === null) {
          await replyInDialog(answer, answer.t("dialog-rewrite-text-only"));
          continue;
        }
      }
      const said = instruction;
      const done = await conversation.external((outer) =>
        requestRewrite(deps, outer, target, said, answer.update.update_id, answer.texts),
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
  texts: Texts,
): Promise<string> {
  const requested = await requestRegeneration(deps.sql, {
    draftId: target.draftId,
    kind: "rewrite",
    requestedBy: outer.from?.id ?? target.ownerId,
    updateId,
    instruction,
  });
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (!card) return draftGoneText(texts);
  switch (requested.outcome) {
    case "requested":
      runJobSoon(deps.scheduler, deps.logger, deps.regenerationJob);
      await showCardAfterPress(deps, outer.api, { ...card, regenerating: "rewrite" });
      return texts.t("dialog-rewriting", { instruction: quoteInput(instruction, 100) });
    case "busy":
    case "redelivered":
      await showCardAfterPress(deps, outer.api, card);
      return texts.t(requested.open === "image" ? "already-making-image" : "already-rewriting");
    case "stale":
      await showCardAfterPress(deps, outer.api, card);
      return texts.t("dialog-not-rewritten", { state: describeDraftState(card, deps.clock(), texts) });
  }
}
