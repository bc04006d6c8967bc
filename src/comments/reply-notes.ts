/**
 * Why a comment has no drafted reply, as its card says it (reply_note). Stored as the message's key in
 * comments.ftl with its arguments, so each card says it in the owner's language whenever it is rendered; a note
 * stored as plain words (before notes were kept this way) is shown as it is. Pure.
 */

import { parseStoredJson } from "../i18n/stored-message.ts";
import type { Texts } from "../i18n/texts.ts";

export type ReplyNote =
  | { key: "comment-note-no-claude" | "comment-note-flagged" | "comment-note-over-limit" }
  | { key: "comment-note-read-as"; as: "spam" | "abuse" | "ordinary" }
  | { key: "comment-note-over-budget"; budgetUsd: number }
  | { key: "comment-note-failed"; error: string };

/** The stored form of a note (instagram_comments.reply_note). */
export function storedReplyNote(note: ReplyNote): string {
  return JSON.stringify(note);
}

/** The note stored for comments opened from a summary, as SQL writes it. */
export const OVER_LIMIT_NOTE = storedReplyNote({ key: "comment-note-over-limit" });

/** The note in the owner's words, plain text (escape it for HTML). */
export function renderReplyNote(stored: string, texts: Texts): string {
  const note = parse(stored);
  if (!note) return stored;
  switch (note.key) {
    case "comment-note-read-as":
      return texts.t(note.key, { as: note.as });
    case "comment-note-over-budget":
      return texts.t(note.key, { cap: texts.usd(note.budgetUsd) });
    case "comment-note-failed":
      return texts.t(note.key, { error: note.error });
    default:
      return texts.t(note.key);
  }
}

function parse(stored: string): ReplyNote | null {
  const note = parseStoredJson(stored) as Partial<ReplyNote> | null;
  return typeof note?.key === "string" && note.key.startsWith("comment-note-") ? (note as ReplyNote) : null;
}
