/**
 * What the 🖼 New image and 🔁 Rewrite buttons need from the drafting pipeline. The pipeline implements it (with
 * the same cost ledger and budget check as any AI call) and the composition root hands it to `draftDecisions`.
 */

export type RegenerationOutcome =
  | { ok: true }
  /** Nothing changed; `reason` is in plain words for the owner ("This month's AI budget is used up."). */
  | { ok: false; reason: string };

export interface DraftRegenerator {
  /** Writes a new caption for a draft awaiting review and stores it on the draft. */
  rewriteCaption(draftId: number): Promise<RegenerationOutcome>;
  /** Makes a new image for a draft awaiting review and stores it (image_key / image_url) on the draft. */
  regenerateImage(draftId: number): Promise<RegenerationOutcome>;
}
