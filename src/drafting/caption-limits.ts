/**
 * Instagram's caption limits, checked on the final posted text (caption body + hashtags).
 *
 * Graph API: "Maximum 2200 characters, 30 hashtags, and 20 @ tags" — error 36004/2207010 for a caption that is
 * too long, 100/2207040 for too many @ tags (platform-apis.md §B.4). Instagram does not document how it counts
 * characters; we count Unicode code points, so an emoji is one character (a ZWJ sequence such as a family emoji
 * counts as each of its code points, which errs towards too long, never too short for that case).
 */

export const INSTAGRAM_CAPTION_LIMITS = { characters: 2200, hashtags: 30, mentions: 20 } as const;

export type CaptionViolationCode = "too_long" | "too_many_hashtags" | "too_many_mentions";

export interface CaptionViolation {
  code: CaptionViolationCode;
  actual: number;
  limit: number;
  /** Plain words, fit to show the owner as-is. */
  message: string;
}

/** A '#' that starts a tag: not preceded by a word character or '&' (HTML entities, URL fragments). */
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&/])#[\p{L}\p{N}\p{M}_]+/gu;
/** An '@' that tags an account: not inside an e-mail address or a URL. */
const MENTION = /(?<![\p{L}\p{N}\p{M}_.@/])@[A-Za-z0-9._]+/gu;

/** Characters as we count them for Instagram: Unicode code points. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Every hashtag occurrence in the text, in order ('#' included). Repeats count, as they may for Instagram. */
export function findHashtags(text: string): string[] {
  return text.match(HASHTAG) ?? [];
}

/** Every @mention occurrence in the text, in order ('@' included). */
export function findMentions(text: string): string[] {
  return text.match(MENTION) ?? [];
}

/**
 * Text from elsewhere with its '#' and '@' sigils removed, so it neither adds hashtags nor tags accounts. A feed's
 * "@handle" names an account on another network; on Instagram the same handle may be a stranger's.
 */
export function removeTagSigils(text: string): string {
  return text.replace(HASHTAG, (tag) => tag.slice(1)).replace(MENTION, (mention) => mention.slice(1));
}

/**
 * A hashtag in the form we post: '#' plus letters, digits and underscores only — Instagram ends a tag at the
 * first other character, so "#e-bikes" would post as "#e". Returns undefined when nothing usable is left.
 */
export function normalizeHashtag(tag: string): string | undefined {
  const body = tag.replace(/[^\p{L}\p{N}\p{M}_]/gu, "");
  return body.length > 0 ? `#${body}` : undefined;
}

/**
 * Normalized hashtags without repeats (case-insensitive, first spelling kept), leaving out any already in the
 * caption body so composing never doubles a tag.
 */
export function normalizeHashtags(tags: readonly string[], captionBody = ""): string[] {
  const seen = new Set(findHashtags(captionBody).map((tag) => tag.toLocaleLowerCase()));
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normalizeHashtag(raw);
    if (!tag || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    result.push(tag);
  }
  return result;
}

/** The text Instagram receives: the caption body, a blank line, then the hashtags on one line. */
export function composePostText(caption: string, hashtags: readonly string[]): string {
  const body = caption.trim();
  const tags = normalizeHashtags(hashtags, body).join(" ");
  if (!tags) return body;
  return body ? `${body}\n\n${tags}` : tags;
}

/** What in the final posted text Instagram would reject; empty when it can be posted. */
export function checkInstagramLimits(text: string): CaptionViolation[] {
  const violations: CaptionViolation[] = [];
  const { characters, hashtags, mentions } = INSTAGRAM_CAPTION_LIMITS;
  const length = countCharacters(text);
  if (length > characters) {
    violations.push({
      code: "too_long",
      actual: length,
      limit: characters,
      message: `The caption is ${formatCount(length)} characters; Instagram allows ${formatCount(characters)}.`,
    });
  }
  const tagCount = findHashtags(text).length;
  if (tagCount > hashtags) {
    violations.push({
      code: "too_many_hashtags",
      actual: tagCount,
      limit: hashtags,
      message: `The caption has ${formatCount(tagCount)} hashtags; Instagram allows ${hashtags}.`,
    });
  }
  const mentionCount = findMentions(text).length;
  if (mentionCount > mentions) {
    violations.push({
      code: "too_many_mentions",
      actual: mentionCount,
      limit: mentions,
      message: `The caption tags ${formatCount(mentionCount)} accounts with @; Instagram allows ${mentions}.`,
    });
  }
  return violations;
}

export type FitResult =
  | { ok: true; caption: string; hashtags: string[]; text: string; droppedHashtags: string[] }
  | { ok: false; violations: CaptionViolation[] };

/**
 * Makes *generated* output postable by dropping hashtags — never by rewriting the caption body: keeps the first
 * hashtags up to the limit of 30 (counting tags already in the body), then drops from the end until the text
 * fits 2,200 characters. Fails with the remaining violations when the body alone breaks a limit.
 *
 * Only for AI or template output. An owner's edit is checked with `checkInstagramLimits` and shown to them,
 * never trimmed behind their back.
 */
export function fitToInstagramLimits(caption: string, hashtags: readonly string[]): FitResult {
  const body = caption.trim();
  const bodyProblems = checkInstagramLimits(body);
  if (bodyProblems.length > 0) return { ok: false, violations: bodyProblems };

  const all = normalizeHashtags(hashtags, body);
  const room = INSTAGRAM_CAPTION_LIMITS.hashtags - findHashtags(body).length;
  const kept = all.slice(0, Math.max(0, room));
  while (
    kept.length > 0 &&
    countCharacters(composePostText(body, kept)) > INSTAGRAM_CAPTION_LIMITS.characters
  ) {
    kept.pop();
  }
  const droppedHashtags = all.slice(kept.length);
  return { ok: true, caption: body, hashtags: kept, text: composePostText(body, kept), droppedHashtags };
}

/**
 * Shortens text to at most `maxCharacters` code points, cutting at the last word boundary and ending with '…'.
 * For text we generate (a feed summary in a template caption), never for an owner's words.
 */
export function truncateToCharacters(text: string, maxCharacters: number): string {
  const points = Array.from(text);
  if (points.length <= maxCharacters) return text;
  if (maxCharacters <= 1) return maxCharacters === 1 ? "…" : "";
  const cut = points.slice(0, maxCharacters - 1).join("");
  const atWord = cut.replace(/\s+\S*$/u, "");
  // A single very long word: cut inside it rather than return nothing.
  const kept = atWord.length >= cut.length / 2 ? atWord : cut;
  return `${kept.replace(/[\s.,;:!?–—-]+$/u, "")}…`;
}

/**
 * The banned terms the text uses, matched case-insensitively as whole words or phrases, and inside hashtags as
 * whole tags ("#crypto" for "crypto", "#CryptoNews" is not matched). Whole words only, so banning "car" does not
 * reject a caption about carbon; the prompt asks the model to avoid inflected forms too.
 */
export function findBannedTerms(text: string, bannedTerms: readonly string[]): string[] {
  const tags = new Set(findHashtags(text).map((tag) => tag.slice(1).toLocaleLowerCase()));
  return bannedTerms.filter((term) => {
    const trimmed = term.trim();
    if (!trimmed) return false;
    const words = trimmed.split(/\s+/u).map(escapeRegExp).join("\\s+");
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${words}(?![\\p{L}\\p{N}\\p{M}_])`, "iu");
    return pattern.test(text) || tags.has(trimmed.replace(/\s+/gu, "").toLocaleLowerCase());
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
