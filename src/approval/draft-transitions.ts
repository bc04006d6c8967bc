/**
 * The owner's decisions on a draft, as guarded state transitions (`UPDATE ... WHERE status IN (...)`). Each is one
 * statement that also records the Telegram update that caused it (processed_updates), so the update acts at
 * most once: a redelivered update finds its id already recorded and changes nothing, and since a statement
 * commits whole or not at all, a crash never leaves the decision without its claim or the claim without it. One
 * statement is one round trip: this is on every approval's path.
 *
 * Why a double tap cannot schedule two posts: both taps' UPDATEs target the same row; the second blocks on the
 * first's row lock, then re-checks `status = 'pending_review'` against the committed row and matches nothing.
 * Why two drafts cannot take one slot: drafts_one_post_per_slot_idx is unique on (brand_id, scheduled_for)
 * for scheduled and published posts. When two approvals compute the same free slot, the later insert into the
 * index waits for the earlier statement and fails with a unique violation once it commits; the statement is
 * then run again with the slots read afresh, and sees the slot as taken.
 */

import type { Sql } from "../database/connect.ts";
import { isUniqueViolation, ONE_POST_PER_SLOT } from "../database/postgres-errors.ts";
import { nextFreeSlot } from "../publishing/posting-slots.ts";
import { takenSlots } from "../publishing/taken-slots.ts";
import { type DraftRow, loadDraftCard, type StoredDraftCard, withDraftRow } from "./draft-card-queries.ts";
import type { DraftStatus } from "./render-draft-card.ts";

export type DecisionOutcome =
  /** The transition happened; the card as it is now. */
  | { kind: "done"; card: StoredDraftCard }
  /** The draft was not in a state that allows it (decided elsewhere, double tap); the card as it is now. */
  | { kind: "stale"; card: StoredDraftCard }
  /** The brand has no posting times, so there is no slot to schedule into. */
  | { kind: "no_slots"; card: StoredDraftCard }
  /** No such draft for this owner (deleted, its brand deleted, or never theirs). */
  | { kind: "gone" }
  /** This Telegram update was already acted on. */
  | { kind: "redelivered" };

export interface DecisionInput {
  draftId: number;
  ownerId: number;
  /** The Telegram update that asked for it; recorded with the effect. */
  updateId: number;
  now: Date;
  /**
   * The card as the caller read it just before: saves reading it again. The guarded UPDATE still decides.
   */
  known?: StoredDraftCard | undefined;
  /** The brand's taken slots, read together with `known`; a lost race for a slot reads them again. */
  takenSlots?: Date[] | undefined;
  /** Who decided, named on the card ("✅ Approved by Anna"): set for presses in a group, where it matters. */
  decidedBy?: string | null | undefined;
}

type Changes = Record<string, string | number | boolean | Date | null>;

/** Transitions that pick the next free posting slot may lose a race for it; each loss is one slot further. */
const MAX_SLOT_ATTEMPTS = 25;

/** pending_review → approved, into the brand's next free posting slot. */
export function approveDraft(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return scheduleIntoNextSlot(sql, input, "pending_review", { decided_by: input.decidedBy ?? null });
}

/** failed → approved, into the next free slot; the failure's bookkeeping starts afresh. */
export function retryDraft(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return scheduleIntoNextSlot(sql, input, "failed", {
    publish_attempts: 0,
    next_attempt_at: null,
    last_error: null,
    decided_by: input.decidedBy ?? null,
  });
}

/** approved → pending_review, while the publisher has not started on it. */
export function undoApproval(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return decide(sql, input, ["approved"], async () => ({
    status: "pending_review",
    scheduled_for: null,
    decided_at: null,
    decided_by: input.decidedBy ?? null,
  }));
}

/** An approved post becomes due now; the publisher picks it up on its next run. */
export function postDraftNow(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return decide(sql, input, ["approved"], async () => ({
    scheduled_for: input.now,
    decided_by: input.decidedBy ?? null,
  }));
}

/** pending_review → rejected, keeping the reason for the drafter to learn from. */
export function rejectDraft(sql: Sql, input: DecisionInput & { reason: string }): Promise<DecisionOutcome> {
  return decide(sql, input, ["pending_review"], async () => ({
    status: "rejected",
    rejection_reason: input.reason,
    decided_at: input.now,
    decided_by: input.decidedBy ?? null,
  }));
}

/**
 * The owner's own caption replaces the draft's (the generated one stays in generated_caption, and `edited`
 * marks the draft as an example of the owner's voice). Allowed until publishing starts.
 */
export function saveEditedCaption(
  sql: Sql,
  input: DecisionInput & { caption: string },
): Promise<DecisionOutcome> {
  return decide(sql, input, ["pending_review", "approved"], async () => ({
    caption: input.caption,
    edited: true,
  }));
}

/** The owner's alt text for the image, from the 🦯 Alt text dialog (already checked: checkAltText). */
export function saveEditedAltText(
  sql: Sql,
  input: DecisionInput & { altText: string },
): Promise<DecisionOutcome> {
  return decide(sql, input, ["pending_review", "approved"], async () => ({ alt_text: input.altText }));
}

function scheduleIntoNextSlot(
  sql: Sql,
  input: DecisionInput,
  from: DraftStatus,
  extra: Changes,
): Promise<DecisionOutcome> {
  return decide(sql, input, [from], async (card, attempt) => {
    const taken =
      attempt === 1 && input.takenSlots ? input.takenSlots : await takenSlots(sql, card.brandId, input.now);
    const slot = nextFreeSlot({ slots: card.postingSlots, timeZone: card.timeZone, after: input.now, taken });
    if (!slot) return "no_slots";
    return { ...extra, status: "approved", scheduled_for: slot, decided_at: input.now };
  });
}

async function decide(
  sql: Sql,
  input: DecisionInput,
  from: DraftStatus[],
  plan: (card: StoredDraftCard, attempt: number) => Promise<Changes | "no_slots">,
): Promise<DecisionOutcome> {
  const before = input.known ?? (await loadDraftCard(sql, input.draftId, input.ownerId));
  if (!before) return { kind: "gone" };
  if (!from.includes(before.status)) return { kind: "stale", card: before };
  for (let attempt = 1; ; attempt++) {
    const changes = await plan(before, attempt);
    if (changes === "no_slots") return { kind: "no_slots", card: before };
    let outcome: (Partial<DraftRow> & { claimed: boolean }) | undefined;
    // Assignments as fragments and the statuses as one array parameter, not sql(changes) and sql(from):
    // postgres.js places those helpers by searching the statement text, which costs more than the rest of it.
    const assignments = Object.entries(changes).map(([column, value]) => sql`${sql(column)} = ${value}, `);
    try {
      [outcome] = await sql<(Partial<DraftRow> & { claimed: boolean })[]>`
        with claim as (
          insert into processed_updates (update_id) values (${input.updateId})
          on conflict (update_id) do nothing
          returning update_id
        ), changed as (
          update drafts set ${assignments} updated_at = now()
           where id = ${input.draftId} and status = any(${from}) and exists (select from claim)
          returning id, status, caption, hashtags, edited, source_title, source_link, relevance_reason,
                    rejection_reason, scheduled_for, permalink, last_error, image_key, image_url, telegram_chat_id,
                    telegram_photo_message_id, telegram_text_message_id, brand_id, alt_text, first_comment,
                    hashtags_in_comment, first_comment_state, first_comment_error, decided_by
        )
        select exists (select from claim) as claimed, changed.*
          from (select) as one left join changed on true`;
    } catch (error) {
      if (isUniqueViolation(error, ONE_POST_PER_SLOT) && attempt < MAX_SLOT_ATTEMPTS) continue;
      throw error;
    }
    if (!outcome?.claimed) return { kind: "redelivered" };
    if (outcome.id != null) return { kind: "done", card: withDraftRow(before, outcome as DraftRow) };
    // Decided meanwhile (a double tap, another device) or deleted: report the draft as it is now.
    const current = await loadDraftCard(sql, input.draftId, input.ownerId);
    return current ? { kind: "stale", card: current } : { kind: "gone" };
  }
}
