import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { quoteInput, shortenText } from "../../shared/telegram-text-limits.ts";
import type { Parsed, PostingSlot } from "../../publishing/posting-slots.ts";
import {
  type InputProblem,
  type ParsedInput,
  parseSlotsSpec,
  validateTimeZone,
} from "../../publishing/posting-times-parser.ts";

/**
 * Everything an owner types into a setting, checked before anything is stored. Pure: each function returns the
 * value to store or one specific sentence saying what to send instead.
 */

export const BRAND_NAME_MAX_CHARS = 60;
export const TOPIC_MAX_CHARS = 500;
export const VOICE_MAX_CHARS = 1_000;
/** Instagram refuses a post with more than 30 hashtags (platform-apis.md §B, caption rules). */
export const MAX_HASHTAGS = 30;
const HASHTAG_MAX_CHARS = 100;
/** A sane ceiling for one brand's monthly AI spend: a typo like 50000 should not lift the guard rail. */
export const MAX_MONTHLY_BUDGET_USD = 10_000;
const FEED_URL_MAX_CHARS = 2_000;

export function parseBrandName(text: string, texts: Texts = englishTexts()): Parsed<string> {
  const name = collapse(text);
  if (name === "") return { ok: false, error: texts.t("brand-name-empty") };
  if ([...name].length > BRAND_NAME_MAX_CHARS) {
    return {
      ok: false,
      error: texts.t("brand-name-too-long", { length: [...name].length, limit: BRAND_NAME_MAX_CHARS }),
    };
  }
  return { ok: true, value: name };
}

export function parseTopic(text: string, texts: Texts = englishTexts()): Parsed<string> {
  const topic = collapse(text);
  if ([...topic].length < 3) return { ok: false, error: texts.t("topic-too-short") };
  if ([...topic].length > TOPIC_MAX_CHARS) {
    return {
      ok: false,
      error: texts.t("topic-too-long", { length: [...topic].length, limit: TOPIC_MAX_CHARS }),
    };
  }
  return { ok: true, value: topic };
}

export function parseVoiceDescription(text: string, texts: Texts = englishTexts()): Parsed<string> {
  // Line breaks may structure a longer description, so only runs of spaces are collapsed.
  const voice = text
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if ([...voice].length < 3) return { ok: false, error: texts.t("voice-too-short") };
  if ([...voice].length > VOICE_MAX_CHARS) {
    return {
      ok: false,
      error: texts.t("voice-too-long", { length: [...voice].length, limit: VOICE_MAX_CHARS }),
    };
  }
  return { ok: true, value: voice };
}

/**
 * Hashtags separated by spaces or commas, each `#` followed by letters, digits or underscores (what Instagram
 * links as a hashtag). "none" clears them. Repeats (ignoring case) are dropped; more than 30 are refused.
 */
export function parseHashtags(text: string, texts: Texts = englishTexts()): Parsed<string[]> {
  const trimmed = text.trim();
  if (/^(none|clear|no|-)$/i.test(trimmed)) return { ok: true, value: [] };
  const words = trimmed.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { ok: false, error: texts.t("hashtags-empty") };
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (!word.startsWith("#"))
      return {
        ok: false,
        error: texts.t("hashtags-needs-hash", {
          input: quoteInput(word),
          example: `#${shortenText(word, 40)}`,
        }),
      };
    const body = word.slice(1);
    if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(body)) {
      return {
        ok: false,
        error: texts.t("hashtags-not-a-hashtag", { input: quoteInput(word) }),
      };
    }
    if (!/[\p{L}_]/u.test(body))
      return {
        ok: false,
        error: texts.t("hashtags-needs-letter", { input: quoteInput(word) }),
      };
    if ([...body].length > HASHTAG_MAX_CHARS)
      return { ok: false, error: texts.t("hashtags-too-long", { input: quoteInput(word, 20) }) };
    const key = body.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(word);
  }
  if (tags.length > MAX_HASHTAGS) {
    return {
      ok: false,
      error: texts.t("hashtags-too-many", { count: tags.length, limit: MAX_HASHTAGS }),
    };
  }
  return { ok: true, value: tags };
}

/** A monthly cap in US dollars: "25", "12.50", "$25", "25 usd", "12,5". Returns whole cents as dollars. */
export function parseBudgetAmount(text: string, texts: Texts = englishTexts()): Parsed<number> {
  const typed = text.trim();
  const cleaned = typed
    .replace(/^(us)?\$\s*/i, "")
    .replace(/\s*(usd|\$|dollars?)$/i, "")
    .trim();
  if (/^-\s*\d/.test(cleaned)) return { ok: false, error: texts.t("budget-amount-negative") };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) {
    return { ok: false, error: texts.t("budget-amount-thousands") };
  }
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match)
    return { ok: false, error: texts.t("budget-amount-not-a-number", { input: quoteInput(typed) }) };
  const [, whole, fraction = ""] = match as unknown as [string, string, string | undefined];
  if (fraction.length > 2) return { ok: false, error: texts.t("budget-amount-decimals") };
  const amount = Number(`${whole}.${fraction.padEnd(2, "0")}`);
  if (amount <= 0) return { ok: false, error: texts.t("budget-amount-zero") };
  if (amount > MAX_MONTHLY_BUDGET_USD) {
    // English keeps its short "$10,000"; other locales write the amount their way (as the prompt does).
    const max =
      texts.locale === "en"
        ? `$${MAX_MONTHLY_BUDGET_USD.toLocaleString("en-US")}`
        : texts.usd(MAX_MONTHLY_BUDGET_USD);
    return { ok: false, error: texts.t("budget-amount-too-high", { max }) };
  }
  return { ok: true, value: amount };
}

/**
 * A feed address: http(s), with a host, no credentials. A bare "example.com/feed" gets https:// in front.
 * Whether it really is a feed is checked by fetching it (feed-check.ts).
 */
export function parseFeedUrl(text: string, texts: Texts = englishTexts()): Parsed<string> {
  let typed = text.trim().replace(/^<(.*)>$/, "$1");
  if (typed === "") return { ok: false, error: texts.t("feed-url-empty") };
  if (/\s/.test(typed)) return { ok: false, error: texts.t("feed-url-spaces") };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(typed)) typed = `https://${typed}`;
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, error: texts.t("feed-url-invalid", { input: quoteInput(typed, 80) }) };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, error: texts.t("feed-url-not-http") };
  }
  if (!url.hostname.includes(".") && url.hostname !== "localhost" && !url.hostname.startsWith("[")) {
    return { ok: false, error: texts.t("feed-url-incomplete-host", { input: quoteInput(url.hostname) }) };
  }
  if (url.username || url.password) return { ok: false, error: texts.t("feed-url-credentials") };
  const normalised = url.toString();
  if (normalised.length > FEED_URL_MAX_CHARS) return { ok: false, error: texts.t("feed-url-too-long") };
  return { ok: true, value: normalised };
}

export interface ScheduleChange {
  slots?: PostingSlot[];
  timeZone?: string;
}

/**
 * New posting times, a time zone, or both in one line: "09:00, 18:00 weekdays", "Europe/Berlin",
 * "9am mon-fri America/New_York". A time zone is a Region/City word (or UTC); the rest is read as posting
 * times by `parseSlotsSpec`.
 */
export function parseScheduleChange(text: string, texts: Texts = englishTexts()): Parsed<ScheduleChange> {
  const zoneWords: string[] = [];
  const rest: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const bare = word.replace(/[,;.]+$/, "");
    if (/^[A-Za-z][\w+-]*(\/[\w+-]+)+$/.test(bare) || /^(utc|gmt)$/i.test(bare)) zoneWords.push(bare);
    else rest.push(word);
  }
  if (zoneWords.length > 1)
    return { ok: false, error: texts.t("schedule-error-two-zones", { count: zoneWords.length }) };
  const change: ScheduleChange = {};
  if (zoneWords.length === 1) {
    const zone = inOwnersWords(validateTimeZone(zoneWords[0]!), texts);
    if (!zone.ok) return zone;
    change.timeZone = zone.value;
  }
  const slotsText = rest.join(" ").trim();
  if (slotsText !== "" || zoneWords.length === 0) {
    const slots = inOwnersWords(parseSlotsSpec(slotsText), texts);
    if (!slots.ok) return slots;
    change.slots = slots.value;
  }
  return { ok: true, value: change };
}

/** A time zone the owner typed alone (as /start's set-up asks for it), refused in their language. */
export function parseTimeZone(text: string, texts: Texts = englishTexts()): Parsed<string> {
  return inOwnersWords(validateTimeZone(text), texts);
}

/** A parser's problem as the sentence the owner reads. */
export function describeProblem(problem: InputProblem, texts: Texts): string {
  return texts.t(problem.key, problem.args);
}

function inOwnersWords<T>(parsed: ParsedInput<T>, texts: Texts): Parsed<T> {
  return parsed.ok ? parsed : { ok: false, error: describeProblem(parsed.problem, texts) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
