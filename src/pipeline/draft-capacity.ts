import { type PostingSlot, upcomingSlots } from "../publishing/posting-slots.ts";

/** Drafts beyond the coming slots, so the owner can reject a few and still fill every slot. */
export const DRAFT_BUFFER = 2;
/** How far ahead "the coming slots" reach. */
export const PLANNING_HORIZON_HOURS = 48;

/**
 * How many new drafts the brand can use now. Generation follows the schedule instead of running ahead of it:
 * the slots in the next 48 hours that no approved post holds yet, plus a small buffer, minus the drafts
 * already waiting for review or being generated.
 */
export function draftCapacity(input: {
  slots: readonly PostingSlot[];
  timeZone: string;
  now: Date;
  /** Approved posts scheduled inside the horizon. */
  approvedInHorizon: number;
  /** Drafts in pending_review or generating. */
  waiting: number;
}): number {
  const horizon = input.now.getTime() + PLANNING_HORIZON_HOURS * 3_600_000;
  const coming = upcomingSlots({
    slots: [...input.slots],
    timeZone: input.timeZone,
    after: input.now,
    count: 200,
  }).filter((slot) => slot.getTime() <= horizon).length;
  const open = Math.max(0, coming - input.approvedInHorizon);
  return Math.max(0, open + DRAFT_BUFFER - input.waiting);
}
