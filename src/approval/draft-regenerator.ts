/**
 * What the 🖼 New image and 🔁 Rewrite buttons need from the drafting pipeline. The pipeline implements it (with
 * the same cost ledger and budget check as any AI call) and the composition root hands it to `draftDecisions`.
 */

export type RegenerationOutcome =
  | { ok: true }
  /** Nothing changed; `reason` is in plain words for the owner ("This month's AI budget is used up."). */
  | { ok: false; reason: string };

/**
 * Both take a signal that is aborted when shutdown gives up on the run and has told the owner to tap again:
 * a result arriving after that is not stored, so the owner never gets both the result and the "tap again" note.
 */
export interface DraftRegenerator {
  /** Writes a new caption for a draft awaiting review and stores it on the draft. */
  rewriteCaption(draftId: number, cutShort?: AbortSignal): Promise<RegenerationOutcome>;
  /** Makes a new image for a draft awaiting review and stores it (image_key / image_url) on the draft. */
  regenerateImage(draftId: number, cutShort?: AbortSignal): Promise<RegenerationOutcome>;
}

export const CUT_SHORT_REASON = "The run was cut short by a restart of the service.";
