/**
 * What a comment is, read without AI: spam, abuse, a question, or an ordinary comment. Pure.
 *
 * The heuristics are cheap and deliberately narrow, because a false "spam" costs the owner a reply they wanted
 * to give (the card still arrives, marked, with a ✍️ Draft a reply button), while a miss costs one Claude call
 * whose answer also classifies the comment (comment-reply-prompt.ts asks for an assessment with the reply). What
 * marks a comment here:
 * - a link (http://, www., or a bare domain with a path) — Instagram comments from real fans rarely carry one;
 * - one character repeated 8 or more times ("🔥🔥🔥🔥🔥🔥🔥🔥", "!!!!!!!!!!") or nothing but emoji and
 *   mentions, which bots post in bulk — only when the comment also asks for something (see below);
 * - the phrases of the usual Instagram spam: "DM me", "check my page", "promote it on", follower, crypto and
 *   investment offers, in English and the most common other languages;
 * - a short list of insults and slurs (abuse).
 */

export type CommentFlag = "spam" | "abuse";

export interface CommentAssessment {
  flag: CommentFlag | null;
  /** Why, in plain words for the card ("a link", "“DM me”"). */
  reason: string | null;
}

const LINK =
  /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|co|xyz|info|biz|me|ly|link|site|shop)\/\S*/iu;
const REPEATED = /(\P{M})\1{7,}/u;

/** Lowercase fragments of the usual comment spam, matched as substrings. */
const SPAM_PHRASES = [
  "dm me",
  "dm us",
  "send me a dm",
  "check my page",
  "check my profile",
  "check out my page",
  "visit my page",
  "visit my profile",
  "link in my bio",
  "follow me",
  "follow back",
  "follow for follow",
  "f4f",
  "promote it on",
  "promote your",
  "collab? dm",
  "free followers",
  "buy followers",
  "get followers",
  "real followers",
  "cheap followers",
  "more followers",
  "bitcoin",
  "crypto",
  "forex",
  "binary option",
  "investment plan",
  "passive income",
  "earn $",
  "make money from home",
  "whatsapp +",
  "escríbeme al dm",
  "mira mi perfil",
  "schreib mir eine dm",
  "schau auf meinem profil",
  "regarde mon profil",
  "écris-moi en dm",
  "confira meu perfil",
  "me chama no direct",
];

/** Insults and slurs that mark a comment as abuse. Short on purpose; Claude's reading covers the rest. */
const ABUSE_WORDS = [
  "idiot",
  "idiots",
  "moron",
  "stupid",
  "scum",
  "loser",
  "losers",
  "retard",
  "retarded",
  "fuck you",
  "fuck off",
  "kill yourself",
  "kys",
  "piece of shit",
  "bitch",
  "cunt",
  "arschloch",
  "idiota",
  "pendejo",
  "connard",
  "salope",
];

export function assessComment(text: string): CommentAssessment {
  const lower = text.toLowerCase();
  if (LINK.test(text)) return { flag: "spam", reason: "it carries a link" };
  const phrase = SPAM_PHRASES.find((candidate) => lower.includes(candidate));
  if (phrase) return { flag: "spam", reason: `it says “${phrase}”` };
  const abuse = ABUSE_WORDS.find((word) =>
    new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}($|[^\\p{L}])`, "u").test(lower),
  );
  if (abuse) return { flag: "abuse", reason: `it says “${abuse}”` };
  if (REPEATED.test(text) && /@\w/.test(text))
    return { flag: "spam", reason: "repeated characters and a mention" };
  return { flag: null, reason: null };
}

/** Question marks in the scripts brands write in: Latin ?, Spanish ¿, Arabic/Persian/Urdu ؟, full-width ？. */
const QUESTION_MARKS = /[?¿؟？⸮]/u;

/**
 * Words a question opens with, per language (the brand's language tag, base part). Enough for comments, which
 * are short and informal: a commenter who writes "how much is it" without a question mark is still asking.
 */
const QUESTION_WORDS: Record<string, readonly string[]> = {
  en: [
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "can",
    "could",
    "is",
    "are",
    "do",
    "does",
    "did",
    "will",
    "would",
    "should",
    "any",
  ],
  de: [
    "wer",
    "was",
    "wann",
    "wo",
    "woher",
    "wohin",
    "warum",
    "wieso",
    "weshalb",
    "wie",
    "welche",
    "welcher",
    "welches",
    "kann",
    "gibt",
    "ist",
    "sind",
    "habt",
    "hast",
  ],
  fr: ["qui", "que", "quoi", "quand", "où", "pourquoi", "comment", "combien", "quel", "quelle", "est-ce"],
  es: [
    "qué",
    "que",
    "quién",
    "cuándo",
    "dónde",
    "donde",
    "por qué",
    "cómo",
    "como",
    "cuánto",
    "cuanto",
    "cuál",
    "hay",
  ],
  pt: ["quem", "o que", "quando", "onde", "por que", "porque", "como", "quanto", "qual", "tem"],
  it: ["chi", "che", "cosa", "quando", "dove", "perché", "come", "quanto", "quale", "c'è"],
  nl: ["wie", "wat", "wanneer", "waar", "waarom", "hoe", "welke", "kan", "is", "zijn"],
  pl: ["kto", "co", "kiedy", "gdzie", "dlaczego", "jak", "ile", "który", "czy"],
  tr: ["ne", "kim", "nerede", "neden", "nasıl", "hangi", "kaç"],
  ru: ["кто", "что", "когда", "где", "почему", "зачем", "как", "сколько", "какой", "ли"],
  uk: ["хто", "що", "коли", "де", "чому", "як", "скільки", "який", "чи"],
  id: ["apa", "siapa", "kapan", "di mana", "mengapa", "kenapa", "bagaimana", "berapa"],
};

/**
 * Whether a comment asks something: a question mark of any script, or (in the brand's language, and in English,
 * which commenters everywhere fall back to) an opening question word. Pure.
 */
export function isQuestion(text: string, languageTag: string): boolean {
  if (QUESTION_MARKS.test(text)) return true;
  const opening = text
    .trim()
    .toLowerCase()
    .replace(/^[@#]\S+\s+/u, "");
  const base = (languageTag || "en").split("-")[0]!.toLowerCase();
  const words = [...(QUESTION_WORDS[base] ?? []), ...(base === "en" ? [] : QUESTION_WORDS.en!)];
  return words.some(
    (word) => opening === word || opening.startsWith(`${word} `) || opening.startsWith(`${word},`),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
