import { englishTexts, type Texts } from "../i18n/texts.ts";
import { quoteInput, shortenText } from "../shared/telegram-text-limits.ts";
import {
  type Parsed,
  type PostingSlot,
  parseSlotsSpec,
  validateTimeZone,
} from "../publishing/posting-slots.ts";

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

export function parseBrandName(text: string): Parsed<string> {
  const name = collapse(text);
  if (name === "")
    return { ok: false, error: "Please send the brand's name, for example “Berlin Bike News”." };
  if ([...name].length > BRAND_NAME_MAX_CHARS) {
    return {
      ok: false,
      error: `That name is ${[...name].length} characters; keep it to ${BRAND_NAME_MAX_CHARS} or fewer.`,
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
export function parseBudgetAmount(text: string): Parsed<number> {
  const typed = text.trim();
  const cleaned = typed
    .replace(/^(us)?\$\s*/i, "")
    .replace(/\s*(usd|\$|dollars?)$/i, "")
    .trim();
  if (/^-\s*\d/.test(cleaned)) return { ok: false, error: "The budget must be more than $0." };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) {
    return { ok: false, error: "Please write the amount without thousands separators, like 1500." };
  }
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) {
    return {
      ok: false,
      error: `${quoteInput(typed)} is not an amount. Send a number of US dollars, like 25 or 12.50.`,
    };
  }
  const [, whole, fraction = ""] = match as unknown as [string, string, string | undefined];
  if (fraction.length > 2)
    return { ok: false, error: "Please use at most two decimals (whole cents), like 12.50." };
  const amount = Number(`${whole}.${fraction.padEnd(2, "0")}`);
  if (amount <= 0)
    return { ok: false, error: "The budget must be more than $0. To stop spending, use /pause." };
  if (amount > MAX_MONTHLY_BUDGET_USD) {
    return {
      ok: false,
      error: `The monthly budget can be at most $${MAX_MONTHLY_BUDGET_USD.toLocaleString("en-US")}.`,
    };
  }
  return { ok: true, value: amount };
}

/**
 * A feed address: http(s), with a host, no credentials. A bare "example.com/feed" gets https:// in front.
 * Whether it really is a feed is checked by fetching it (feed-check.ts).
 */
export function parseFeedUrl(text: string): Parsed<string> {
  let typed = text.trim().replace(/^<(.*)>$/, "$1");
  if (typed === "")
    return { ok: false, error: "Please send the feed's address, like https://example.com/feed.xml." };
  if (/\s/.test(typed)) return { ok: false, error: "Please send just one address, without spaces." };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(typed)) typed = `https://${typed}`;
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return {
      ok: false,
      error: `${quoteInput(typed, 80)} is not a web address. Send one like https://example.com/feed.xml.`,
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, error: "Feeds must be web addresses starting with https:// or http://." };
  }
  if (!url.hostname.includes(".") && url.hostname !== "localhost" && !url.hostname.startsWith("[")) {
    return {
      ok: false,
      error: `${quoteInput(url.hostname)} is not a complete host name. Send the whole address, like https://example.com/feed.xml.`,
    };
  }
  if (url.username || url.password)
    return { ok: false, error: "Addresses with a user name or password are not supported." };
  const normalised = url.toString();
  if (normalised.length > FEED_URL_MAX_CHARS) return { ok: false, error: "That address is too long." };
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
export function parseScheduleChange(text: string): Parsed<ScheduleChange> {
  const zoneWords: string[] = [];
  const rest: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const bare = word.replace(/[,;.]+$/, "");
    if (/^[A-Za-z][\w+-]*(\/[\w+-]+)+$/.test(bare) || /^(utc|gmt)$/i.test(bare)) zoneWords.push(bare);
    else rest.push(word);
  }
  if (zoneWords.length > 1)
    return { ok: false, error: `Please give one time zone, not ${zoneWords.length}.` };
  const change: ScheduleChange = {};
  if (zoneWords.length === 1) {
    const zone = validateTimeZone(zoneWords[0]!);
    if (!zone.ok) return zone;
    change.timeZone = zone.value;
  }
  const slotsText = rest.join(" ").trim();
  if (slotsText !== "" || zoneWords.length === 0) {
    const slots = parseSlotsSpec(slotsText);
    if (!slots.ok) return slots;
    change.slots = slots.value;
  }
  return { ok: true, value: change };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
