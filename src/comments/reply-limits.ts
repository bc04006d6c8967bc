import { englishTexts, type Texts } from "../i18n/texts.ts";

/**
 * Instagram's limits on a comment (IG Media Comments reference, "Limitations": at most 300 characters, at most 4
 * hashtags, at most 1 URL, not all capital letters). A reply is a comment, so the owner's edit is checked against
 * them before it is saved, each problem said plainly (comments.ftl), rather than failing at Send. Pure.
 */

export const MAX_REPLY_CHARACTERS = 300;
const MAX_REPLY_HASHTAGS = 4;
const MAX_REPLY_URLS = 1;

/**
 * What keeps a reply from Instagram, one sentence each, in `texts`' language: the owner's in the edit dialog,
 * English (the default) when the model is told what to fix.
 */
export function replyProblems(text: string, texts: Texts = englishTexts()): string[] {
  const { t } = texts;
  const trimmed = text.trim();
  if (trimmed === "") return [t("comment-problem-empty")];
  const problems: string[] = [];
  const length = [...trimmed].length;
  if (length > MAX_REPLY_CHARACTERS)
    problems.push(t("comment-problem-too-long", { length, limit: MAX_REPLY_CHARACTERS }));
  const hashtags = trimmed.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > MAX_REPLY_HASHTAGS)
    problems.push(t("comment-problem-hashtags", { count: hashtags, limit: MAX_REPLY_HASHTAGS }));
  const urls = trimmed.match(/\bhttps?:\/\/\S+|\bwww\.\S+/giu)?.length ?? 0;
  if (urls > MAX_REPLY_URLS)
    problems.push(t("comment-problem-links", { count: urls, limit: MAX_REPLY_URLS }));
  const letters = trimmed.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    problems.push(t("comment-problem-capitals"));
  return problems;
}
