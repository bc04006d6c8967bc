import type { ArticleForAi, BrandProfile } from "./brand-profile.ts";
import {
  composePostText,
  countCharacters,
  fitToInstagramLimits,
  INSTAGRAM_CAPTION_LIMITS,
  normalizeHashtags,
  removeTagSigils,
  truncateToCharacters,
} from "./caption-limits.ts";
import { fitAltText } from "./alt-text.ts";
import {
  decideFormat,
  type DraftFormat,
  type PostFormatSetting,
  type SlidePlan,
  templateSlidePlan,
} from "./slide-plan.ts";
import type { ArticleScore } from "./claude-drafter.ts";

/**
 * The stand-in when no Anthropic API key is configured: captions from the article's own title and summary, and
 * relevance from keyword overlap with the brand's topic. No network, no cost, deterministic — and every caption
 * passes checkInstagramLimits.
 */

export interface TemplateDraft {
  caption: string;
  hashtags: string[];
  /** The headline: without a model to describe the picture, the story it illustrates is the best alt text. */
  altText: string;
  /** Single unless the brand forces carousels: without a model nothing judges which stories deserve one. */
  format: DraftFormat;
  slidePlan: SlidePlan;
}

/** Longest title and credit we put in a caption; feeds occasionally carry whole paragraphs in a title. */
const MAX_TITLE_CHARACTERS = 300;
const MAX_LINK_CHARACTERS = 300;
/** Below this, a summary cut to fit says nothing; leave it out. */
const MIN_SUMMARY_CHARACTERS = 40;

/**
 * "Title", a blank line, the summary shortened to fit, a blank line, "Source: <publication> — <link>" (the word
 * "Source" in the brand's language where we know it), then the brand's default hashtags.
 *
 * '#' and '@' are removed from the article's text: a feed's hashtags and handles belong to other networks, and
 * an "@handle" on Instagram may tag a stranger.
 */
export function writeTemplateDraft(input: {
  profile: BrandProfile;
  article: ArticleForAi;
  postFormat?: PostFormatSetting;
}): TemplateDraft {
  const { profile, article } = input;
  const title = truncateToCharacters(removeTagSigils(oneLine(article.title)), MAX_TITLE_CHARACTERS);
  const credit = sourceCredit(profile.language, article);
  const hashtags = normalizeHashtags(profile.defaultHashtags).slice(0, INSTAGRAM_CAPTION_LIMITS.hashtags);

  const withoutSummary = composePostText([title, credit].filter(Boolean).join("\n\n"), hashtags);
  // The summary gets what is left of 2,200 characters, less the blank line that sets it apart.
  const room = INSTAGRAM_CAPTION_LIMITS.characters - countCharacters(withoutSummary) - 2;
  const summaryText = removeTagSigils(article.summary.trim());
  const summary = room >= MIN_SUMMARY_CHARACTERS ? truncateToCharacters(summaryText, room) : "";

  const caption = [title, summary, credit].filter(Boolean).join("\n\n");
  const fitted = fitToInstagramLimits(caption, hashtags);
  if (!fitted.ok) {
    // Unreachable by construction (every part is bounded above); kept so a future change cannot post a bad caption.
    throw new Error(
      `Template caption breaks Instagram's limits: ${fitted.violations.map((v) => v.message).join(" ")}`,
    );
  }
  const slidePlan = templateSlidePlan({ title, summary: summaryText, credit });
  const format = decideFormat(input.postFormat === "carousel" ? "carousel" : "single", "single", slidePlan);
  return {
    caption: fitted.caption,
    hashtags: fitted.hashtags,
    altText: fitAltText(title, profile.name),
    // Too short a summary for two slides stays a single image even when the brand asks for carousels.
    format: format.ok ? format.format : "single",
    slidePlan,
  };
}

/**
 * Relevance without AI: the topic words (from the brand's topic and default hashtags) the article's title and
 * summary mention. Two topic words — or the only one, for a one-word topic — make 70, the draft threshold;
 * each further word adds 10; one of several makes 40; none makes 0.
 */
export function scoreArticlesByKeywords(input: {
  profile: BrandProfile;
  articles: readonly ArticleForAi[];
}): ArticleScore[] {
  const keywords = topicKeywords(input.profile);
  return input.articles.map((article) => {
    if (keywords.length === 0) {
      return { articleId: article.id, score: 50, reason: "The brand has no topic set, so nothing to match." };
    }
    const words = new Set(wordsOf(`${article.title} ${article.summary}`));
    const found = keywords.filter((keyword) => [...words].some((word) => matchesKeyword(word, keyword)));
    const needed = Math.min(2, keywords.length);
    const score =
      found.length >= needed ? Math.min(100, 70 + 10 * (found.length - needed)) : found.length > 0 ? 40 : 0;
    const reason =
      found.length > 0
        ? `Mentions: ${found.join(", ")}`
        : `Mentions none of the topic words (${keywords.slice(0, 5).join(", ")}).`;
    return { articleId: article.id, score, reason };
  });
}

/** Distinct topic words: the topic's words and the default hashtags' parts ("#BerlinCycling" → berlin, cycling). */
export function topicKeywords(profile: BrandProfile): string[] {
  const fromTags = profile.defaultHashtags.map((tag) =>
    tag.replace(/^#+/, "").replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2"),
  );
  return [...new Set(wordsOf([profile.topic, ...fromTags].join(" ")))].filter(
    (word) => !STOP_WORDS.has(word),
  );
}

/** "bike" matches "bikes" and "biking"? Only by prefix: a word starting with a keyword of 4+ letters. */
function matchesKeyword(word: string, keyword: string): boolean {
  return word === keyword || (keyword.length >= 4 && word.startsWith(keyword));
}

function wordsOf(text: string): string[] {
  return (text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => Array.from(word).length >= 3,
  );
}

const CREDIT_WORD: Record<string, string> = {
  en: "Source:",
  de: "Quelle:",
  fr: "Source :",
  es: "Fuente:",
  pt: "Fonte:",
  it: "Fonte:",
  nl: "Bron:",
};

const LANGUAGE_NAMES: Record<string, string> = {
  english: "en",
  german: "de",
  deutsch: "de",
  french: "fr",
  français: "fr",
  francais: "fr",
  spanish: "es",
  español: "es",
  espanol: "es",
  portuguese: "pt",
  português: "pt",
  portugues: "pt",
  italian: "it",
  italiano: "it",
  dutch: "nl",
  nederlands: "nl",
};

function sourceCredit(language: string, article: ArticleForAi): string {
  const normalized = language.trim().toLocaleLowerCase();
  // "pt-BR" and "de-AT" take their language's word; "fil" is not "fi".
  const code = LANGUAGE_NAMES[normalized] ?? normalized.split(/[-_]/)[0]!;
  const word = CREDIT_WORD[code] ?? "Source:";
  const link = article.link.trim();
  const name = removeTagSigils(oneLine(article.source?.trim() || hostname(link) || ""));
  const shownLink = link && Array.from(link).length <= MAX_LINK_CHARACTERS ? link : "";
  if (!name && !shownLink) return "";
  const parts = [name && truncateToCharacters(name, 100), shownLink].filter(Boolean).join(" — ");
  return `${word} ${parts}`;
}

function hostname(link: string): string | undefined {
  try {
    return new URL(link).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

const STOP_WORDS = new Set(
  (
    "the and for with from about into over under this that these those their your our you are was were will " +
    "news new all any how what why who when where more most less best its his her they them not but " +
    "und der die das mit von für über ein eine einer den dem des auf aus bei nach wie les des une pour avec dans sur"
  ).split(" "),
);
