/**
 * 🎞 Slides, once a slide is picked: the owner sends the slide's new text (or /cancel), it is checked against the
 * slide limit with the problem explained, and a durable 'slide' regeneration request redraws that slide (any
 * instance runs it; regeneration-requests.ts). The slide's text changes together with its image, in the request's
 * storing transaction, so the text the card lists and the picture Instagram gets never disagree.
 */

import type { Sql } from "../database/connect.ts";
import { countCharacters } from "../drafting/caption-limits.ts";
import { MAX_SLIDE_CHARACTERS, oneLineSlideText, slideTextProblem } from "../drafting/slide-plan.ts";
import type { Scheduler } from "../scheduler/scheduler.ts";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import { escapeHtml, visibleLength } from "../shared/telegram-html.ts";
import { loadDraftCard } from "./draft-card-queries.ts";
import { type DialogDeps, draftTextDialog } from "./draft-text-dialog.ts";
import type { DecisionInput, DecisionOutcome } from "./draft-transitions.ts";
import { requestRegeneration } from "./regeneration-requests.ts";
import { TELEGRAM_TEXT_LIMIT } from "./render-draft-card.ts";

export const EDIT_SLIDE_CONVERSATION = "approval-edit-slide";

export interface SlideDialogDeps extends DialogDeps {
  scheduler: Pick<Scheduler, "runNow">;
  regenerationJob: string | undefined;
}

/** What a 'slide' request carries in its instruction column. */
export interface SlideEdit {
  position: number;
  text: string;
}

export function editSlideConversation(deps: SlideDialogDeps) {
  return draftTextDialog(deps, {
    messages: "slide",
    prompt: (card, target, texts) => {
      const slide = card.slides.find((s) => s.position === target.position);
      const ask = texts.t("dialog-slide-prompt", {
        number: (target.position ?? 0) + 1,
        limit: MAX_SLIDE_CHARACTERS,
      });
      if (!slide) return ask;
      const withCurrent = `${ask}\n\n${texts.t("dialog-current-slide")}\n<code>${escapeHtml(slide.body)}</code>`;
      return visibleLength(withCurrent) <= TELEGRAM_TEXT_LIMIT ? withCurrent : ask;
    },
    check(text, _start, texts) {
      if (!slideTextProblem(text)) return { ok: true, value: oneLineSlideText(text) };
      const length = countCharacters(oneLineSlideText(text));
      const reply =
        length === 0
          ? texts.t("dialog-slide-empty")
          : texts.t("dialog-slide-too-long", {
              length,
              limit: MAX_SLIDE_CHARACTERS,
              over: length - MAX_SLIDE_CHARACTERS,
            });
      return { ok: false, reply };
    },
    save: (sql, input) => requestSlideRedraw(deps, sql, input),
  });
}

async function requestSlideRedraw(
  deps: SlideDialogDeps,
  sql: Sql,
  input: DecisionInput & { value: string; position?: number },
): Promise<DecisionOutcome> {
  const edit: SlideEdit = { position: input.position ?? -1, text: input.value };
  const requested = await requestRegeneration(sql, {
    draftId: input.draftId,
    kind: "slide",
    requestedBy: input.ownerId,
    updateId: input.updateId,
    instruction: JSON.stringify(edit),
  });
  if (requested.outcome === "redelivered") return { kind: "redelivered" };
  if (requested.outcome === "requested" && deps.regenerationJob)
    runJobSoon(deps.scheduler, deps.logger, deps.regenerationJob);
  const card = await loadDraftCard(sql, input.draftId, input.ownerId);
  if (!card) return { kind: "gone" };
  return requested.outcome === "requested" ? { kind: "done", card } : { kind: "stale", card };
}

/** The instruction of a 'slide' request, or null when it is not one. */
export function readSlideEdit(instruction: string | null): SlideEdit | null {
  if (!instruction) return null;
  try {
    const parsed = JSON.parse(instruction) as Partial<SlideEdit>;
    return typeof parsed.position === "number" && typeof parsed.text === "string"
      ? { position: parsed.position, text: parsed.text }
      : null;
  } catch {
    return null;
  }
}
