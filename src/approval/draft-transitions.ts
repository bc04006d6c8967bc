/**
 * The owner's decisions on a draft, as guarded state transitions (`UPDATE ... WHERE status IN (...)`). Each runs
 * in one transaction with `claimUpdate`, so the Telegram update that caused it acts at most once: a redelivered
 * update finds its id already recorded and changes nothing, and a crash before the commit leaves neither the
 * decision nor the claim behind.
 *
 * Why a double tap cannot schedule two posts: both taps' UPDATEs target the same row; the second blocks on the
 * first's row lock, then re-checks `status = 'pending_review'` against the committed row and matches nothing.
 * Why two drafts cannot take one slot: drafts_one_post_per_slot_idx is unique on (brand_id, scheduled_for)
 * for scheduled and published posts. When two approvals compute the same free slot, the later insert into the
 * index waits for the earlier transaction and fails with a unique violation once it commits; the whole
 * transaction is then run again, and sees the slot as taken.
 */

import { claimUpdate } from "../bot/processed-updates.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { nextFreeSlot } from "../publishing/posting-slots.ts";
import { type DraftRow, loadDraftCard, type StoredDraftCard, withDraftRow } from "./draft-card-queries.ts";
import type { DraftStatus } from "./render-draft-card.ts";
import { isUniqueViolation, ONE_POST_PER_SLOT } from "../database/postgres-errors.ts";

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
   * The card as the caller read it just before, already checked to be in a state the decision starts from:
   * saves reading it again inside the transaction. The guarded UPDATE still decides.
   */
  known?: StoredDraftCard | undefined;
}

type Changes = Record<string, string | number | boolean | Date | null>;

/** Transitions that pick the next free posting slot may lose a race for it; each loss is one slot further. */
const MAX_SLOT_ATTEMPTS = 25;

/** pending_review → approved, into the brand's next free posting slot. */
export function approveDraft(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return scheduleIntoNextSlot(sql, input, "pending_review", {});
}

/** failed → approved, into the next free slot; the failure's bookkeeping starts afresh. */
export function retryDraft(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return scheduleIntoNextSlot(sql, input, "failed", {
    publish_attempts: 0,
    next_attempt_at: null,
    last_error: null,
  });
}

/** approved → pending_review, while the publisher has not started on it. */
export function undoApproval(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return decide(sql, input, ["approved"], async () => ({
    status: "pending_review",
    scheduled_for: null,
    decided_at: null,
  }));
}

/** An approved post becomes due now; the publisher picks it up on its next run. */
export function postDraftNow(sql: Sql, input: DecisionInput): Promise<DecisionOutcome> {
  return decide(sql, input, ["approved"], async () => ({ scheduled_for: input.now }));
}

/** pending_review → rejected, keeping the reason for the drafter to learn from. */
export function rejectDraft(sql: Sql, input: DecisionInput & { reason: string }): Promise<DecisionOutcome> {
  return decide(sql, input, ["pending_review"], async () => ({
    status: "rejected",
    rejection_reason: input.reason,
    decided_at: input.now,
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

function scheduleIntoNextSlot(
  sql: Sql,
  input: DecisionInput,
  from: DraftStatus,
  extra: Changes,
): Promise<DecisionOutcome> {
  return decide(sql, input, [from], async (tx, card) => {
    const taken = await tx<{ scheduled_for: Date }[]>`
      select scheduled_for from drafts
       where brand_id = ${card.brandId} and status in ('approved', 'publishing', 'published')
         and scheduled_for > ${input.now}`;
    const slot = nextFreeSlot({
      slots: card.postingSlots,
      timeZone: card.timeZone,
      after: input.now,
      taken: taken.map((row) => row.scheduled_for),
    });
    if (!slot) return "no_slots";
    return { ...extra, status: "approved", scheduled_for: slot, decided_at: input.now };
  });
}

async function decide(
  sql: Sql,
  input: DecisionInput,
  from: DraftStatus[],
  plan: (tx: Transaction, card: StoredDraftCard) => Promise<Changes | "no_slots">,
): Promise<DecisionOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.begin(async (tx): Promise<DecisionOutcome> => {
        if (!(await claimUpdate(tx, input.updateId))) return { kind: "redelivered" };
        const before = input.known ?? (await loadDraftCard(tx, input.draftId, input.ownerId));
        if (!before) return { kind: "gone" };
        if (from.includes(before.status)) {
          const changes = await plan(tx, before);
          if (changes === "no_slots") return { kind: "no_slots", card: before };
          const [changed] = await tx<DraftRow[]>`
            update drafts set ${tx(changes)}, updated_at = now()
             where id = ${input.draftId} and status in ${tx(from)}
            returning *`;
          if (changed) return { kind: "done", card: withDraftRow(before, changed) };
        }
        // Decided meanwhile (a double tap, another device) or deleted: report the draft as it is now.
        const current = await loadDraftCard(tx, input.draftId, input.ownerId);
        return current ? { kind: "stale", card: current } : { kind: "gone" };
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_POST_PER_SLOT) && attempt < MAX_SLOT_ATTEMPTS) continue;
      throw error;
    }
  }
}
