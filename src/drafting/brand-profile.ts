/**
 * The plain inputs of drafting: who the brand is, the article to consider and what the owner has taught us.
 * The database layer maps its rows onto these; nothing in drafting reads the database.
 */

export interface BrandProfile {
  name: string;
  /** What the account posts about, in the owner's words ("urban cycling in Berlin"). */
  topic: string;
  /** How captions should sound ("warm, witty, no jargon"); may be derived from examples by `voiceFromExamples`. */
  voice: string;
  audience: string;
  /** The language captions are written in, as the owner gave it ("en", "German", "pt-BR"). */
  language: string;
  /** Added to every post; with or without the leading '#'. */
  defaultHashtags: string[];
  /** Words and phrases that must never appear in a caption. */
  bannedTerms: string[];
  /** For images, not captions: kept out of caption prompts so a change of style does not invalidate their cache. */
  visualStyle: string;
}

export interface ArticleForAi {
  id: string;
  title: string;
  summary: string;
  /** May be empty when the feed item had no link. */
  link: string;
  /** The publication's name ("The Guardian"), when the feed gave one. */
  source?: string;
}

export interface OwnerExamples {
  /** Captions the owner approved, most recent first; the owner-edited version where edited. */
  approvedCaptions: string[];
  /** Why the owner rejected drafts, most recent first, in the owner's words. */
  rejectionReasons: string[];
  /** Captions of the brand's posts that drew the most views, best first (none until enough were measured). */
  bestPerformingCaptions?: string[];
  /** Which stories did better or worse than the brand's median views, for relevance scoring; "" when unknown. */
  performanceSummary?: string;
  /**
   * What the owner asked for when they had a draft rewritten ("Make it shorter.", "focus on the price"), most
   * recent first: standing wishes the next drafts can meet without being asked.
   */
  rewriteInstructions?: string[];
}

export const NO_EXAMPLES: OwnerExamples = { approvedCaptions: [], rejectionReasons: [] };
