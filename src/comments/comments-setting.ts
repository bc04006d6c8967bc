/** The per-brand setting of which Instagram comments reach the chat (brands.comments_to_telegram). Pure. */

import type { Texts } from "../i18n/texts.ts";

export type CommentsSetting = "all" | "questions" | "none";

/** The setting in the owner's words ("every comment gets a card"). */
export function commentsSettingWords(setting: CommentsSetting, texts: Texts): string {
  return texts.t(`comments-setting-${setting}`);
}

/** "/comments all" → "all"; anything else → null. Pure. */
export function parseCommentsSetting(text: string): CommentsSetting | null {
  const word = text.trim().toLowerCase();
  return word === "all" || word === "questions" || word === "none" ? word : null;
}
