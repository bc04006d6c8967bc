/**
 * The draft card's buttons. A decision (Approve, Undo, Post now, Retry, a rejection reason) is one guarded
 * statement (draft-transitions.ts), so the press is answered right after it with what happened ("✅ Scheduled for
 * Tue 09:00, Europe/Berlin"), and then the card is edited in place. In webhook mode the answer travels in the
 * webhook's own response (telegram-webhook-route.ts), so the owner sees it without waiting for the card edit.
 * A button on a stale card answers with what happened to the draft instead of acting.
 */

import { Composer, GrammyError } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { createDialog } from "../bot/dialog-messages.ts";
import type { Services } from "../services.ts";
import { DRAFT_CALLBACK_PATTERN, type DraftCallback, parseDraftCallback } from "./callback-data.ts";
import { DIALOG_TIMEOUT_MS } from "./dialog-input.ts";
import { loadDraftCard, loadPressedDraftCard, type StoredDraftCard } from "./draft-card-queries.ts";
import { showCardAfterPress } from "./draft-card-telegram.ts";
import {
  approveDraft,
  type DecisionInput,
  type DecisionOutcome,
  postDraftNow,
  rejectDraft,
  retryDraft,
  undoApproval,
} from "./draft-transitions.ts";
import { EDIT_ALT_TEXT_CONVERSATION, editAltTextConversation } from "./edit-alt-text-conversation.ts";
import { EDIT_CAPTION_CONVERSATION, editCaptionConversation } from "./edit-caption-conversation.ts";
import { EDIT_SLIDE_CONVERSATION, editSlideConversation } from "./edit-slide-conversation.ts";
import { REJECT_REASON_CONVERSATION, rejectReasonConversation } from "./reject-reason-conversation.ts";
import { REJECTION_REASONS } from "./rejection-reasons.ts";
import {
  REWRITE_INSTRUCTION_CONVERSATION,
  rewriteInstructionConversation,
} from "./rewrite-instruction-conversation.ts";
import { REWRITE_CHOICES } from "./rewrite-choices.ts";
import type { VoiceInstructionDeps } from "./voice-instruction.ts";
import { type CardMoment, describeDraftState, draftGoneText } from "./render-draft-card.ts";
import { type Texts, textsFor } from "../i18n/texts.ts";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import { type RegenerationKind, requestRegeneration } from "./regeneration-requests.ts";
import { groupOf, isGroupCardAction, personName } from "../teams/group-card-press.ts";

export interface DraftDecisionsDeps {
  services: Pick<Services, "sql" | "logger" | "clock" | "scheduler" | "inFlight" | "metrics">;
  /** The job that runs regeneration requests; without it 🖼 New image and 🔁 Rewrite say they are not available. */
  regenerationJob?: string | undefined;
}

/** What 🔁 Rewrite's dialog needs beyond the card's own: the regeneration job, and OpenAI for voice notes. */
export interface DraftDialogsDeps extends Pick<DraftDecisionsDeps, "services"> {
  regenerationJob: string;
  voice: Omit<VoiceInstructionDeps, "sql" | "logger">;
}

/** Catalogue keys of the answer to a second 🖼 or 🔁 while one runs. */
const ALREADY_WORKING: Record<RegenerationKind, string> = {
  image: "already-making-image",
  rewrite: "already-rewriting",
  format: "already-changing-format",
  slide: "already-redrawing-slide",
};

const REQUESTED: Record<RegenerationKind, (card: StoredDraftCard) => string> = {
  image: () => "toast-making-image",
  rewrite: () => "toast-rewriting",
  format: (card) => (card.format === "carousel" ? "toast-making-single" : "toast-making-carousel"),
  slide: () => "toast-redrawing-slide",
};

/** The publisher's job; Post now runs it at once instead of waiting for its next tick. */
const PUBLISH_JOB = "publish";

/**
 * The card's dialogs (✏️ Edit, 🦯 Alt text, "Other…" as a rejection reason, 🔁 Rewrite's own words). Register them first among the features: an
 * open dialog must see the owner's next message before any command handler does, or "/queue" typed mid-edit
 * would run while the dialog stays open and takes the owner's next message as the caption. Each dialog passes
 * on what it does not consume (button presses, /help, other commands).
 */
export function draftDialogs(deps: DraftDialogsDeps): Composer<BotContext> {
  const { sql, logger, clock, scheduler } = deps.services;
  const dialogDeps = { sql, logger, clock };
  const composer = new Composer<BotContext>();
  composer.use(
    createDialog(editCaptionConversation(dialogDeps), {
      id: EDIT_CAPTION_CONVERSATION,
      maxMillisecondsToWait: DIALOG_TIMEOUT_MS,
    }),
    createDialog(rejectReasonConversation(dialogDeps), {
      id: REJECT_REASON_CONVERSATION,
      maxMillisecondsToWait: DIALOG_TIMEOUT_MS,
    }),
    createDialog(editAltTextConversation(dialogDeps), {
      id: EDIT_ALT_TEXT_CONVERSATION,
      maxMillisecondsToWait: DIALOG_TIMEOUT_MS,
    }),
    createDialog(editSlideConversation({ ...dialogDeps, scheduler, regenerationJob: deps.regenerationJob }), {
      id: EDIT_SLIDE_CONVERSATION,
      maxMillisecondsToWait: DIALOG_TIMEOUT_MS,
    }),
    createDialog(
      rewriteInstructionConversation({
        ...dialogDeps,
        scheduler,
        regenerationJob: deps.regenerationJob,
        voice: { ...deps.voice, sql, logger },
      }),
      { id: REWRITE_INSTRUCTION_CONVERSATION, maxMillisecondsToWait: DIALOG_TIMEOUT_MS },
    ),
  );
  return composer;
}

/** Buttons whose press is one guarded statement and opens no dialog: they need no dialog state. */
const DIRECT_ACTIONS = new Set<DraftCallback["action"]>(["approve", "undo", "postNow", "retry"]);

export interface DraftButtons {
  /**
   * Approve, Undo, Post now and Retry, ahead of the owner gate and the dialogs (see createBot's `direct`): the
   * press is read with its owner check and the brand's taken slots in one query, and skips reading dialog state
   * it has no use for. Anything else, or a press this cannot place (a stranger, a deleted draft), goes on.
   */
  direct: Composer<BotContext>;
  /** Every card button, after the owner gate. Needs `draftDialogs` earlier in the chain for Edit and "Other…". */
  buttons: Composer<BotContext>;
}

/** The card's buttons. */
export function draftDecisions(deps: DraftDecisionsDeps): DraftButtons {
  const { sql, logger, clock, scheduler } = deps.services;
  const direct = new Composer<BotContext>();
  const buttons = new Composer<BotContext>();

  direct.callbackQuery(DRAFT_CALLBACK_PATTERN, async function pressDecisionButton(ctx, next) {
    const callback = parseDraftCallback(ctx.callbackQuery.data);
    // In a group (src/teams/), the brand's approvers decide too, and without dialogs: their presses are all
    // taken here, and every decision names who made it.
    const group = groupOf(ctx);
    if (!callback || !(group ? isGroupCardAction(callback) : DIRECT_ACTIONS.has(callback.action)))
      return next();
    const now = clock();
    const pressed = await loadPressedDraftCard(sql, callback.draftId, ctx.callbackQuery.from.id, now, group);
    if (!pressed) return next();
    const { card, takenSlots } = pressed;
    const input: DecisionInput = {
      draftId: card.id,
      ownerId: card.ownerId,
      updateId: ctx.update.update_id,
      now,
      known: card,
      takenSlots,
      decidedBy: group === undefined ? null : personName(ctx.callbackQuery.from),
    };
    return handlePress({ ctx, card, callback, input, texts: textsFor(card.locale) });
  });

  buttons.callbackQuery(DRAFT_CALLBACK_PATTERN, async function pressDraftButton(ctx) {
    const callback = parseDraftCallback(ctx.callbackQuery.data);
    if (!callback) return answer(ctx, ctx.t("button-inactive"));
    const owner = ctx.owner;
    if (!owner) return answer(ctx, ctx.t("send-start-first"));

    const card = await loadDraftCard(sql, callback.draftId, owner.id);
    if (!card) {
      await answer(ctx, draftGoneText(ctx.texts));
      await removeButtons(ctx);
      return;
    }
    const input: DecisionInput = {
      draftId: card.id,
      ownerId: owner.id,
      updateId: ctx.update.update_id,
      now: clock(),
      known: card,
    };
    return handlePress({ ctx, card, callback, input, texts: ctx.texts });
  });

  async function handlePress(press: Press): Promise<void> {
    const { ctx, card, callback, input, texts } = press;
    switch (callback.action) {
      case "approve":
        if (card.postingSlots.every((slot) => slot.days.length === 0))
          return answer(ctx, texts.t("no-slots"));
        return decide(press, scheduledToast(texts, "toast-scheduled"), () => approveDraft(sql, input));
      case "undo":
        return decide(
          press,
          () => texts.t("toast-back-to-review"),
          () => undoApproval(sql, input),
        );
      case "postNow":
        return decide(
          press,
          () => texts.t("toast-sending-now"),
          async () => {
            const outcome = await postDraftNow(sql, input);
            if (outcome.kind === "done") runJobSoon(scheduler, logger, PUBLISH_JOB);
            return outcome;
          },
        );
      case "retry":
        return decide(press, scheduledToast(texts, "toast-scheduled-again"), () => retryDraft(sql, input));
      case "reject":
        if (!(await stillPending(press))) return;
        await answer(ctx, texts.t("toast-why-reject"));
        return show(ctx, card, "choosing_reject_reason");
      case "keep":
        if (!(await stillPending(press))) return;
        await answer(ctx, texts.t("toast-kept"));
        await leaveDialog(ctx, REJECT_REASON_CONVERSATION);
        await leaveDialog(ctx, REWRITE_INSTRUCTION_CONVERSATION);
        return show(ctx, card);
      case "rejectBecause": {
        const stored = REJECTION_REASONS[callback.reason].stored;
        if (stored === null) {
          if (!(await stillPending(press))) return;
          await answer(ctx, texts.t("toast-type-reason"));
          await ctx.conversation.exitAll();
          await ctx.conversation.enter(REJECT_REASON_CONVERSATION, {
            draftId: card.id,
            ownerId: card.ownerId,
          });
          return;
        }
        await leaveDialog(ctx, REJECT_REASON_CONVERSATION);
        return decide(
          press,
          () => texts.t("toast-rejected"),
          () => rejectDraft(sql, { ...input, reason: stored }),
        );
      }
      case "edit":
        if (!(await stillPending(press))) return;
        await answer(ctx, texts.t("toast-send-caption"));
        await ctx.conversation.exitAll();
        await ctx.conversation.enter(EDIT_CAPTION_CONVERSATION, { draftId: card.id, ownerId: card.ownerId });
        return;
      case "altText":
        if (!(await stillPending(press))) return;
        await answer(ctx, texts.t("toast-send-alt-text"));
        await ctx.conversation.exitAll();
        await ctx.conversation.enter(EDIT_ALT_TEXT_CONVERSATION, { draftId: card.id, ownerId: card.ownerId });
        return;
      case "newImage":
        return regenerate(press, "image");
      case "rewrite":
        // The choices on the card, and a dialog for the owner's own words (typed or a voice note).
        if (!(await stillPending(press))) return;
        if (!deps.regenerationJob) return answer(ctx, texts.t("rewrites-unavailable"));
        await answer(ctx, texts.t("toast-pick-rewrite"));
        await ctx.conversation.exitAll();
        await ctx.conversation.enter(REWRITE_INSTRUCTION_CONVERSATION, {
          draftId: card.id,
          ownerId: card.ownerId,
        });
        return show(ctx, card, "choosing_rewrite");
      case "rewriteAs":
        await leaveDialog(ctx, REWRITE_INSTRUCTION_CONVERSATION);
        return regenerate(press, "rewrite", REWRITE_CHOICES[callback.choice].instruction);
      case "format":
        return regenerate(press, "format");
      case "slides":
        if (!(await stillPending(press))) return;
        if (card.format !== "carousel" || card.slides.length === 0)
          return answer(ctx, texts.t("toast-no-slides"));
        await answer(ctx, texts.t("toast-pick-slide"));
        return show(ctx, card, "choosing_slide");
      case "slide": {
        if (!(await stillPending(press))) return;
        const slide = card.slides.find((s) => s.position === callback.position && s.kind === "facts");
        if (!slide) return answer(ctx, texts.t("toast-slide-gone"));
        await answer(ctx, texts.t("toast-send-slide-text", { number: callback.position + 1 }));
        await ctx.conversation.exitAll();
        await ctx.conversation.enter(EDIT_SLIDE_CONVERSATION, {
          draftId: card.id,
          ownerId: card.ownerId,
          position: callback.position,
        });
        return show(ctx, card);
      }
    }
  }

  /** "✅ Scheduled for Tue 09:00, Europe/Berlin": the toast of a decision that gave the post a slot. */
  function scheduledToast(texts: Texts, key: string) {
    return (card: StoredDraftCard) =>
      card.scheduledFor
        ? texts.t(key, { when: texts.slot(card.scheduledFor, card.timeZone, clock()) })
        : describeDraftState(card, clock(), texts);
  }

  interface Press {
    ctx: BotContext;
    card: StoredDraftCard;
    callback: DraftCallback;
    input: DecisionInput;
    /** The presser's language (the card's owner's, read with the card, on the direct path). */
    texts: Texts;
  }

  /** Answers with what happened when the draft is no longer awaiting review; true when it still is. */
  async function stillPending({ ctx, card, texts }: Press): Promise<boolean> {
    if (card.status === "pending_review") return true;
    await answer(ctx, describeDraftState(card, clock(), texts));
    await show(ctx, card);
    return false;
  }

  /**
   * Runs a decision and answers the press with its outcome, then shows the card as it is now. The decision is
   * one short statement, so the answer still comes well within Telegram's wait, and it says what happened.
   */
  async function decide(
    { ctx, callback, texts }: Press,
    toastWhenDone: (card: StoredDraftCard) => string,
    transition: () => Promise<DecisionOutcome>,
  ): Promise<void> {
    // A draft no longer in a state the decision starts from comes back as "stale", answered with what happened.
    const outcome = await transition();
    deps.services.metrics.draftDecisions.inc({ action: callback.action, outcome: outcome.kind });
    // A refused toast must not keep the card from showing the decision: it is reported after the edit.
    const answered = await answer(ctx, toastFor(outcome, toastWhenDone, texts)).then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    await showOutcome(ctx, outcome, texts);
    if (answered) throw answered.error;
  }

  function toastFor(
    outcome: DecisionOutcome,
    toastWhenDone: (card: StoredDraftCard) => string,
    texts: Texts,
  ): string {
    switch (outcome.kind) {
      case "done":
        return toastWhenDone(outcome.card);
      case "stale":
        return describeDraftState(outcome.card, clock(), texts);
      case "gone":
        return draftGoneText(texts);
      case "no_slots":
        return texts.t("no-slots");
      case "redelivered":
        // Telegram sent this update again after it was acted on: the first delivery showed the outcome.
        return texts.t("toast-done");
    }
  }

  async function showOutcome(ctx: BotContext, outcome: DecisionOutcome, texts: Texts): Promise<void> {
    switch (outcome.kind) {
      case "done":
      case "stale":
        return show(ctx, outcome.card);
      case "gone":
        return removeButtons(ctx);
      case "no_slots":
        await ctx.reply(texts.t("no-slots"));
        return;
      case "redelivered":
        return;
    }
  }

  /**
   * 🖼 New image and 🔁 Rewrite record a request (with the update's id, so a double tap or a redelivery makes one)
   * and answer at once; the card shows the work in progress until the request closes. Any instance runs it, so a
   * restart or a deploy meanwhile delays it but does not lose it (see regeneration-worker.ts).
   */
  async function regenerate(
    { ctx, card, input, texts }: Press,
    kind: RegenerationKind,
    instruction: string | null = null,
  ): Promise<void> {
    if (card.status !== "pending_review") {
      await answer(ctx, describeDraftState(card, clock(), texts));
      return show(ctx, card);
    }
    if (!deps.regenerationJob) {
      return answer(ctx, texts.t(kind === "rewrite" ? "rewrites-unavailable" : "images-unavailable"));
    }
    const requested = await requestRegeneration(sql, {
      draftId: card.id,
      kind,
      requestedBy: ctx.callbackQuery?.from.id ?? card.ownerId,
      updateId: input.updateId,
      instruction,
    });
    switch (requested.outcome) {
      case "busy":
        return answer(ctx, texts.t(ALREADY_WORKING[requested.open]));
      case "redelivered":
        return answer(ctx, texts.t(requested.open ? ALREADY_WORKING[requested.open] : "toast-done"));
      case "stale": {
        const now = await loadDraftCard(sql, card.id, card.ownerId);
        if (!now) return answer(ctx, draftGoneText(texts));
        await answer(ctx, describeDraftState(now, clock(), texts));
        return show(ctx, now);
      }
      case "requested":
        runJobSoon(scheduler, logger, deps.regenerationJob);
        await answer(ctx, texts.t(REQUESTED[kind](card)));
        await ctx.replyWithChatAction(kind === "rewrite" ? "typing" : "upload_photo").catch(() => undefined);
        return show(ctx, { ...card, regenerating: kind });
    }
  }

  function show(ctx: BotContext, card: StoredDraftCard, moment?: CardMoment): Promise<void> {
    const message = ctx.callbackQuery?.message;
    return showCardAfterPress(deps.services, ctx.api, card, {
      moment,
      pressedMessage: message ? { chatId: message.chat.id, messageId: message.message_id } : undefined,
    });
  }

  return { direct, buttons };
}

/**
 * Answers a button press. Telegram refuses a second or late answer ("query is too old … or query ID is
 * invalid"), which a redelivered update meets: the work still goes ahead, guarded by the update's claim.
 */
async function answer(ctx: BotContext, text: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery({ text });
  } catch (error) {
    const tooLate =
      error instanceof GrammyError && /query is too old|query ID is invalid/i.test(error.description);
    if (!tooLate) throw error;
  }
}

/** The draft is gone: its card's buttons can do nothing any more. */
async function removeButtons(ctx: BotContext): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
}

async function leaveDialog(ctx: BotContext, name: string): Promise<void> {
  // Presses taken ahead of the dialogs (a group's, see pressDecisionButton) have no dialog to leave.
  if (!("conversation" in ctx)) return;
  if (ctx.conversation.active(name) > 0) await ctx.conversation.exit(name);
}
