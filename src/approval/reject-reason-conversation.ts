/**
 * "Other…" on the rejection reasons: the owner types why (or /cancel), the draft is rejected with that reason
 * for the drafter to learn from, and the card is archived. Replay rules as in draft-text-dialog.ts.
 */

import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../bot/bot-context.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import { commandOf } from "./dialog-input.ts";
import { restoreCardButtons, showCardAfterPress } from "./draft-card-telegram.ts";
import { rejectDraft } from "./draft-transitions.ts";
import type { DialogDeps, DraftDialogTarget } from "./draft-text-dialog.ts";
import { normaliseTypedReason } from "./rejection-reasons.ts";
import { describeDraftState, draftGoneText } from "./render-draft-card.ts";

export const REJECT_REASON_CONVERSATION = "approval-reject-reason";

export function rejectReasonConversation(deps: DialogDeps) {
  return async function askRejectionReason(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    target: DraftDialogTarget,
  ): Promise<void> {
    await replyInDialog(ctx, ctx.t("dialog-reject-prompt"));
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) return conversation.skip({ next: true });
      const command = commandOf(message);
      if (command === "help") return conversation.skip({ next: true });
      if (command === "cancel") {
        await conversation.external((outer) => restoreCardButtons(deps, outer.api, target));
        await answer.reply(answer.t("dialog-reject-kept"));
        return;
      }
      if (command !== null) {
        await conversation.external((outer) => restoreCardButtons(deps, outer.api, target));
        await answer.reply(answer.t("dialog-reject-kept"));
        return conversation.halt({ next: true });
      }
      const reason = message.text === undefined ? null : normaliseTypedReason(message.text);
      if (reason === null) {
        await replyInDialog(answer, answer.t("dialog-reject-text-only"));
        continue;
      }
      const { texts } = answer;
      const done = await conversation.external(async (outer) => {
        const now = deps.clock();
        const outcome = await rejectDraft(deps.sql, {
          ...target,
          reason,
          updateId: answer.update.update_id,
          now,
        });
        if (outcome.kind === "gone") return draftGoneText(texts);
        if (outcome.kind === "redelivered") return texts.t("dialog-rejected");
        await showCardAfterPress(deps, outer.api, outcome.card);
        return outcome.kind === "done"
          ? texts.t("dialog-rejected-thanks")
          : texts.t("dialog-not-rejected", { state: describeDraftState(outcome.card, now, texts) });
      });
      await answer.reply(done);
      return;
    }
  };
}
