/**
 * Instagram's limits on a comment (IG Media Comments reference, "Limitations": at most 300 characters, at most 4
 * hashtags, at most 1 URL, not all capital letters). A reply is a comment, so the owner's edit is checked against
 * them before it is saved, each problem said plainly, rather than failing at Send. Pure.
 */

export const MAX_REPLY_CHARACTERS = 300;
const MAX_REPLY_HASHTAGS = 4;
const MAX_REPLY_URLS = 1;

export function replyProblems(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return ["The reply is empty."];
  const problems: string[] = [];
  const length = [...trimmed].length;
  if (length > MAX_REPLY_CHARACTERS)
    problems.push(
      `It is ${length} characters long; Instagram takes at most ${MAX_REPLY_CHARACTERS} in a comment.`,
    );
  const hashtags = trimmed.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > MAX_REPLY_HASHTAGS)
    problems.push(`It has ${hashtags} hashtags; Instagram takes at most ${MAX_REPLY_HASHTAGS} in a comment.`);
  const urls = trimmed.match(/\bhttps?:\/\/\S+|\bwww\.\S+/giu)?.length ?? 0;
  if (urls > MAX_REPLY_URLS)
    problems.push(`It has ${urls} links; Instagram takes at most ${MAX_REPLY_URLS} in a comment.`);
  const letters = trimmed.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    problems.push("It is all in capital letters, which Instagram refuses in a comment.");
  return problems;
}
