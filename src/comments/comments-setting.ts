/** The per-brand setting of which Instagram comments reach the chat (brands.comments_to_telegram). Pure. */

export type CommentsSetting = "all" | "questions" | "none";

export const SETTING_WORDS: Record<CommentsSetting, string> = {
  all: "every comment gets a card",
  questions: "only comments that ask something get a card",
  none: "no comment cards",
};

/** "/comments all" → "all"; anything else → null. Pure. */
export function parseCommentsSetting(text: string): CommentsSetting | null {
  const word = text.trim().toLowerCase();
  return word === "all" || word === "questions" || word === "none" ? word : null;
}

/** One line for /status: which comments reach the chat. Pure. */
export function describeCommentsSetting(setting: CommentsSetting): string {
  return `Comments: ${SETTING_WORDS[setting]} (/comments)`;
}
