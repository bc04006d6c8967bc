/**
 * The brand's first comment: what it is set to, and what comment a post gets from it. Pure: no I/O.
 *
 * The claim (claim-due-posts.ts) makes the same choice in SQL when it takes an approved post, and records it on
 * the post; the card uses this to show what a post not yet claimed will get.
 */

import { quoteInput } from "../shared/telegram-text-limits.ts";

export type FirstCommentMode = "off" | "hashtags" | "text";

/** brands.first_comment_mode and first_comment_text. */
export interface FirstCommentSetting {
  mode: FirstCommentMode;
  /** The owner's line, for mode 'text'. */
  text: string | null;
}

export interface PlannedFirstComment {
  text: string;
  /** The draft's hashtags are the comment, so the caption goes without them. */
  hashtagsInComment: boolean;
}

/** Instagram allows a comment as long as a caption (2,200 characters). */
export const MAX_FIRST_COMMENT_CHARACTERS = 2200;

/** The comment a post with these hashtags gets under `setting`, or null for none. */
export function plannedFirstComment(
  setting: FirstCommentSetting,
  hashtags: readonly string[],
): PlannedFirstComment | null {
  if (setting.mode === "hashtags" && hashtags.length > 0) {
    return { text: hashtags.join(" "), hashtagsInComment: true };
  }
  const line = setting.text?.trim();
  if (setting.mode === "text" && line) return { text: line, hashtagsInComment: false };
  return null;
}

/**
 * Reads what the owner sent after /firstcomment: `hashtags`, `off`, or the line itself. Returns the setting, or
 * a specific reason it cannot be one.
 */
export function parseFirstCommentSetting(
  input: string,
): { ok: true; setting: FirstCommentSetting } | { ok: false; problem: string } {
  const text = input.trim();
  const word = text.toLowerCase();
  if (word === "off" || word === "none") return { ok: true, setting: { mode: "off", text: null } };
  if (word === "hashtags") return { ok: true, setting: { mode: "hashtags", text: null } };
  if (!text) return { ok: false, problem: "The first comment cannot be empty." };
  const length = Array.from(text).length;
  if (length > MAX_FIRST_COMMENT_CHARACTERS) {
    return {
      ok: false,
      problem: `That line is ${length.toLocaleString("en-US")} characters; Instagram allows ${MAX_FIRST_COMMENT_CHARACTERS.toLocaleString("en-US")} in a comment.`,
    };
  }
  return { ok: true, setting: { mode: "text", text } };
}

/** The setting in a few words (plain text), for /brand and the command's answer. */
export function describeFirstComment(setting: FirstCommentSetting): string {
  if (setting.mode === "hashtags") return "the post's hashtags (they leave the caption)";
  if (setting.mode === "text" && setting.text?.trim()) return quoteInput(setting.text, 80);
  return "off";
}
