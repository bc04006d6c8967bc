/**
 * What the 🖼 New image and 🔁 Rewrite requests need from the drafting pipeline. The pipeline implements it (with
 * the same cost ledger and budget check as any AI call) and the regeneration worker calls it for each request it
 * claims (see regeneration-worker.ts).
 */

import type { ClaimedRegeneration } from "./regeneration-requests.ts";

export type RegenerationOutcome =
  /** The result is on the draft; the request was closed and the card's update queued in the same transaction. */
  | { kind: "stored" }
  /** The draft was decided (or deleted) before the result could be stored; nothing was changed. */
  | { kind: "decided" }
  /**
   * A real failure that trying again now would not cure; `reason` is in plain words for the owner ("This month's
   * AI budget is used up…").
   */
  | { kind: "refused"; reason: string }
  /** The request is no longer this worker's (its lease was taken over): nothing was stored. */
  | { kind: "taken_over" };

/**
 * Each stores its result only while the request still carries the claim's fence and the draft is still awaiting
 * review, and closes the request in the same transaction. A throw is a failed attempt, tried again later.
 */
export interface DraftRegenerator {
  /** Writes a new caption for the request's draft. */
  rewriteCaption(request: ClaimedRegeneration): Promise<RegenerationOutcome>;
  /**
   * Makes a new image for the request's draft, or uses the one an earlier attempt already stored
   * (`request.resultKey`), so a retry after a crash does not pay for a second image.
   */
  regenerateImage(request: ClaimedRegeneration): Promise<RegenerationOutcome>;
  /**
   * Turns a single image into a carousel (its slides rendered from the plan the caption call made, no AI call) or
   * a carousel back into a single image (its slides removed).
   */
  switchFormat(request: ClaimedRegeneration): Promise<RegenerationOutcome>;
  /** Redraws one slide with the new text the owner sent (the request's instruction, see edit-slide-conversation). */
  redrawSlide(request: ClaimedRegeneration): Promise<RegenerationOutcome>;
}
