import { quoteInput } from "../shared/telegram-text-limits.ts";
import {
  DAY_PHRASES,
  DAY_WORDS,
  FILLER_WORDS,
  RANGE_WORDS,
  RANGE_WORDS_BETWEEN_DAYS,
} from "./posting-day-words.ts";
import { checkSlot, type PostingSlot, resolveTimeZone } from "./posting-slots.ts";

/**
 * Posting times as an owner types and reads them: the /schedule text ("09:00, 18:00 mon-fri; 11:00 weekends")
 * and time-zone names, checked and turned into {@link PostingSlot}s, and slots written back in that syntax.
 * Pure. The slot arithmetic itself (which instants a slot falls on) is in posting-slots.ts.
 */

/**
 * What is wrong with what the owner typed, as a message of the catalogue (locales/<locale>/schedule.ftl) and its
 * arguments: the view renders it in the owner's language. Kept as data so this module stays pure.
 */
export interface InputProblem {
  key: string;
  args?: Record<string, string | number>;
}

/** Either a value or the problem with the input. */
export type ParsedInput<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** Instagram allows 50–100 API posts a day (platform-apis.md §B.3); more times than this is a typo. */
const MAX_TIMES_PER_DAY = 24;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

// ---------------------------------------------------------------------------------------------------------------
// Time zones

/**
 * Checks a time-zone name an owner typed and returns the name to store (the IANA spelling when only the case
 * was off: "europe/berlin" → "Europe/Berlin").
 */
export function validateTimeZone(name: string): ParsedInput<string> {
  const typed = name.trim();
  if (typed === "") return { ok: false, problem: { key: "schedule-error-zone-missing" } };
  if (/^(utc|gmt|z|etc\/utc|etc\/gmt)$/i.test(typed)) return { ok: true, value: "UTC" };
  if (!typed.includes("/")) return { ok: false, problem: explainBareTimeZone(typed) };
  const resolved = resolveTimeZone(typed);
  if (resolved === null) {
    const suggestion = suggestTimeZone(typed);
    return {
      ok: false,
      problem: suggestion
        ? { key: "schedule-error-zone-unknown-suggest", args: { input: quoteInput(typed), suggestion } }
        : { key: "schedule-error-zone-unknown", args: { input: quoteInput(typed) } },
    };
  }
  return { ok: true, value: spellTimeZone(typed, resolved) };
}

/**
 * Names without a region are refused even where tzdb has them: "EST" and "CET" are abbreviations that name an
 * offset rather than a place ("EST" stays at UTC−5 all summer, never what a New York owner means), and
 * "Japan"-style aliases are legacy. Point the owner at the Region/City name instead.
 */
function explainBareTimeZone(typed: string): InputProblem {
  const city = typed.toLowerCase().replace(/\s+/g, "_");
  const byCity = knownTimeZones().filter((zone) => zone.toLowerCase().split("/").pop() === city);
  const suggestion = byCity.length === 1 ? byCity[0]! : null;
  if (suggestion === null && /^[A-Z]{2,5}(\d{1,2}([A-Z]{2,5})?)?$/.test(typed)) {
    return { key: "schedule-error-zone-abbreviation", args: { input: quoteInput(typed) } };
  }
  const alias = suggestion ?? resolveTimeZone(typed);
  return alias?.includes("/") && !alias.startsWith("Etc/")
    ? { key: "schedule-error-zone-region-city-suggest", args: { suggestion: alias } }
    : { key: "schedule-error-zone-region-city" };
}

/**
 * ICU canonicalises to legacy ids ("Asia/Kolkata" resolves to "Asia/Calcutta", "Europe/Kyiv" to "Europe/Kiev"
 * on Node 20), so the resolved id is not what the owner should see. Keep what they typed, fixing only case.
 */
function spellTimeZone(typed: string, resolved: string): string {
  const exact = knownTimeZones().find((zone) => zone.toLowerCase() === typed.toLowerCase());
  if (exact) return exact;
  if (resolved.toLowerCase() === typed.toLowerCase()) return resolved;
  const titled = typed
    .split("/")
    .map((part) =>
      part.replace(/(^|[_-])([a-z])/g, (_m, sep: string, letter: string) => sep + letter.toUpperCase()),
    )
    .join("/");
  return resolveTimeZone(titled) === resolved ? titled : typed;
}

function suggestTimeZone(typed: string): string | null {
  const wanted = typed.toLowerCase().replace(/[\s-]+/g, "_");
  const zones = knownTimeZones();
  const byCity = zones.filter((zone) => zone.toLowerCase().split("/").pop() === wanted);
  if (byCity.length === 1) return byCity[0]!;
  let best: { zone: string; distance: number } | null = null;
  for (const zone of zones) {
    const distance = editDistance(wanted, zone.toLowerCase());
    if (best === null || distance < best.distance) best = { zone, distance };
  }
  return best !== null && best.distance <= 2 ? best.zone : null;
}

let timeZoneList: readonly string[] | undefined;
function knownTimeZones(): readonly string[] {
  timeZoneList ??= Intl.supportedValuesOf("timeZone");
  return timeZoneList;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Showing slots to owners

/**
 * The words {@link formatSlots} writes days with. The views take them from the owner's catalogue
 * (locales/<locale>/schedule.ftl), so an owner reads words they can type back; {@link parseSlotsSpec} reads every
 * locale's words.
 */
export interface DayWords {
  daily: string;
  weekdays: string;
  weekends: string;
  /** Monday first, as {@link PostingSlot} numbers days. */
  abbreviations: readonly [string, string, string, string, string, string, string];
  none: string;
}

export const ENGLISH_DAY_WORDS: DayWords = {
  daily: "daily",
  weekdays: "weekdays",
  weekends: "weekends",
  abbreviations: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  none: "none",
};

/**
 * Slots in the syntax {@link parseSlotsSpec} reads, grouping times that share their days:
 * "09:00, 18:00 weekdays; 11:00 weekends". Empty slots read "none".
 */
export function formatSlots(slots: readonly PostingSlot[], words: DayWords = ENGLISH_DAY_WORDS): string {
  const groups = new Map<string, { days: number[]; times: string[] }>();
  for (const slot of normaliseSlots(slots)) {
    const key = slot.days.join(",");
    const group = groups.get(key) ?? { days: slot.days, times: [] };
    group.times.push(slot.time);
    groups.set(key, group);
  }
  if (groups.size === 0) return words.none;
  return [...groups.values()]
    .sort((a, b) => a.times[0]!.localeCompare(b.times[0]!))
    .map((group) => `${group.times.join(", ")} ${formatDays(group.days, words)}`)
    .join("; ");
}

function formatDays(days: readonly number[], words: DayWords): string {
  const set = new Set(days);
  if (set.size === 7) return words.daily;
  if (set.size === 5 && [1, 2, 3, 4, 5].every((day) => set.has(day))) return words.weekdays;
  if (set.size === 2 && set.has(6) && set.has(7)) return words.weekends;
  const name = (day: number) => words.abbreviations[day - 1]!;
  // Walk the week from a day that starts a run, so runs through Sunday into Monday stay one ("fri-mon").
  const start = ALL_DAYS.find((day) => set.has(day) && !set.has(day === 1 ? 7 : day - 1)) ?? 1;
  const runs: number[][] = [];
  for (let offset = 0; offset < 7; offset++) {
    const day = ((start - 1 + offset) % 7) + 1;
    if (!set.has(day)) continue;
    const previous = day === 1 ? 7 : day - 1;
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === previous) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3 ? [`${name(run[0]!)}-${name(run[run.length - 1]!)}`] : run.map((day) => name(day)),
    )
    .join(", ");
}

function normaliseSlots(slots: readonly PostingSlot[]): PostingSlot[] {
  const byTime = new Map<string, Set<number>>();
  for (const slot of slots) {
    checkSlot(slot);
    const days = byTime.get(slot.time) ?? new Set<number>();
    for (const day of slot.days) days.add(day);
    byTime.set(slot.time, days);
  }
  return [...byTime.entries()]
    .filter(([, days]) => days.size > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([time, days]) => ({ time, days: [...days].sort((a, b) => a - b) }));
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

// ---------------------------------------------------------------------------------------------------------------
// Reading slots from owners

/**
 * Reads posting times an owner typed. The syntax:
 * - times: "09:00", "9:30", "9.30", "0930", "9", "9am", "6:30 pm", "noon", "midnight";
 * - days after (or before) the times they apply to: "mon", "monday", "mon-fri", "fri-mon" (wraps),
 *   "mon, wed, fri", "daily" / "every day", "weekdays", "weekends"; no days means every day; the same in
 *   Spanish, Portuguese and German ("lun-vie", "entre semana", "seg-sex", "fins de semana", "Mo-Fr", "täglich");
 *   accents optional;
 * - several schedules one after another: "09:00 weekdays, 11:00 weekends" or "weekdays at 9, weekends at 11";
 *   ";" or a new line always starts a new schedule, for when it reads ambiguously.
 * Fillers "at", "on", "and", "every" (and "a las", "às", "um", "Uhr"…) and commas are ignored.
 * Result: one slot per time, sorted, days merged.
 */
export function parseSlotsSpec(spec: string): ParsedInput<PostingSlot[]> {
  const tokens = tokenise(spec);
  if (!tokens.ok) return tokens;
  if (tokens.value.every((token) => token.kind === "break")) {
    return { ok: false, problem: { key: "schedule-error-no-times" } };
  }

  const slots: PostingSlot[] = [];
  let times: string[] = [];
  let days: Set<number> | null = null;
  let daysCameFirst = false;
  let pendingDayText = "";

  const closeSchedule = (): ParsedInput<null> => {
    if (times.length === 0 && days !== null) {
      return {
        ok: false,
        problem: {
          key: "schedule-error-day-needs-time",
          args: { input: quoteInput(pendingDayText), example: quoteInput(`09:00 ${pendingDayText}`) },
        },
      };
    }
    const scheduleDays = days ? [...days].sort((a, b) => a - b) : [...ALL_DAYS];
    for (const time of times) slots.push({ time, days: scheduleDays });
    times = [];
    days = null;
    daysCameFirst = false;
    pendingDayText = "";
    return { ok: true, value: null };
  };

  const list = tokens.value;
  for (let index = 0; index < list.length; index++) {
    const token = list[index]!;
    if (token.kind === "break") {
      const closed = closeSchedule();
      if (!closed.ok) return closed;
    } else if (token.kind === "range") {
      return { ok: false, problem: { key: "schedule-error-range-alone" } };
    } else if (token.kind === "time") {
      // Days already followed this schedule's times, so this time starts the next schedule.
      if (days !== null && times.length > 0 && !daysCameFirst) {
        const closed = closeSchedule();
        if (!closed.ok) return closed;
      }
      if (days !== null && times.length === 0) daysCameFirst = true;
      times.push(token.time);
    } else {
      // Days after times that themselves followed days belong to the next schedule ("weekdays at 9, weekends at 11").
      if (daysCameFirst && times.length > 0) {
        const closed = closeSchedule();
        if (!closed.ok) return closed;
      }
      let spec = token.days;
      let text = token.text;
      const next = list[index + 1];
      if (next?.kind === "range") {
        const end = list[index + 2];
        if (token.days.length !== 1 || end?.kind !== "days" || end.days.length !== 1) {
          return {
            ok: false,
            problem: { key: "schedule-error-range-unreadable", args: { input: quoteInput(token.text) } },
          };
        }
        spec = dayRange(token.days[0]!, end.days[0]!);
        text = `${token.text}-${end.text}`;
        index += 2;
      }
      days ??= new Set<number>();
      for (const day of spec) days.add(day);
      pendingDayText = pendingDayText ? `${pendingDayText}, ${text}` : text;
    }
  }
  const closed = closeSchedule();
  if (!closed.ok) return closed;

  const normalised = normaliseSlots(slots);
  if (normalised.length > MAX_TIMES_PER_DAY) {
    return {
      ok: false,
      problem: {
        key: "schedule-error-too-many-times",
        args: { count: normalised.length, limit: MAX_TIMES_PER_DAY },
      },
    };
  }
  return { ok: true, value: normalised };
}

function dayRange(first: number, last: number): number[] {
  const days = [first];
  for (let day = first; day !== last;) {
    day = (day % 7) + 1;
    days.push(day);
  }
  return days;
}

type Token =
  | { kind: "time"; time: string }
  | { kind: "days"; days: number[]; text: string }
  | { kind: "range" }
  | { kind: "break" };
/** As read, before a word that is "to" only between two days is settled. */
type RawToken = Token | { kind: "range-between-days" };

/** A run of digits with ":", "." or "h" between them and an optional am/pm: everything that may be a time. */
const TIME_PATTERN = /^\d+(?:[:.h]\d+)*(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?![a-z\d])/;

function tokenise(spec: string): ParsedInput<Token[]> {
  const tokens = readTokens(spec);
  if (!tokens.ok) return tokens;
  const list = tokens.value;
  const resolved: Token[] = [];
  list.forEach((token, index) => {
    if (token.kind !== "range-between-days") resolved.push(token);
    else if (list[index - 1]?.kind === "days" && list[index + 1]?.kind === "days")
      resolved.push({ kind: "range" });
  });
  return { ok: true, value: resolved };
}

/** Lower case and without accents ("Mié" → "mie", "täglich" → "taglich"), so accents are optional. */
function plainText(spec: string): string {
  return spec
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-");
}

function readTokens(spec: string): ParsedInput<RawToken[]> {
  const text = plainText(spec);
  const tokens: RawToken[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    // A whole code point, so an emoji is quoted whole rather than as half of its surrogate pair.
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    const phrase = /[a-z]/.test(char) ? matchPhrase(rest) : null;
    if (/\s/.test(char) && char !== "\n") {
      index++;
    } else if (char === "\n" || char === ";") {
      tokens.push({ kind: "break" });
      index++;
    } else if (char === "," || char === "&" || char === "+" || char === ".") {
      index++;
    } else if (char === "-") {
      // "segunda-feira": the Portuguese day name with its suffix, not a range.
      if (tokens[tokens.length - 1]?.kind === "days" && /^-feira\b/.test(rest)) index += "-feira".length;
      else {
        tokens.push({ kind: "range" });
        index++;
      }
    } else if (/\d/.test(char)) {
      const raw = TIME_PATTERN.exec(rest)?.[0] ?? /^[\w:.]+/.exec(rest)![0];
      const time = readTime(raw);
      if (time === null) {
        return {
          ok: false,
          problem: { key: "schedule-error-not-a-time", args: { input: quoteInput(raw) } },
        };
      }
      tokens.push({ kind: "time", time });
      index += raw.length;
    } else if (phrase) {
      tokens.push({ kind: "days", days: phrase.days, text: phrase.text.replace(/\s+/g, " ") });
      index += phrase.text.length;
    } else if (/[a-z]/.test(char)) {
      const word = /^[a-z]+/.exec(rest)![0];
      index += word.length;
      if (word === "noon") tokens.push({ kind: "time", time: "12:00" });
      else if (word === "midnight") tokens.push({ kind: "time", time: "00:00" });
      else if (DAY_WORDS[word]) tokens.push({ kind: "days", days: DAY_WORDS[word]!, text: word });
      else if (RANGE_WORDS.has(word)) tokens.push({ kind: "range" });
      else if (RANGE_WORDS_BETWEEN_DAYS.has(word)) tokens.push({ kind: "range-between-days" });
      else if (!FILLER_WORDS.has(word)) {
        return {
          ok: false,
          problem: { key: "schedule-error-unknown-word", args: { input: quoteInput(word) } },
        };
      }
    } else {
      return {
        ok: false,
        problem: { key: "schedule-error-unknown-character", args: { input: quoteInput(char) } },
      };
    }
  }
  return { ok: true, value: tokens };
}

function matchPhrase(rest: string): { text: string; days: number[] } | null {
  for (const { pattern, days } of DAY_PHRASES) {
    const match = pattern.exec(rest);
    if (match) return { text: match[0], days };
  }
  return null;
}

/** "9", "09:30", "9.30", "9h30", "0930", "930", each optionally with am/pm; null when not a time of day. */
function readTime(raw: string): string | null {
  const match = /^(?:(\d{1,2})(?:[:.h](\d{2}))?|(\d{1,2})(\d{2}))\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(raw.trim());
  if (!match) return null;
  let hour = Number(match[1] ?? match[3]);
  const minuteText = match[2] ?? match[4];
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const meridiem = match[5];
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.startsWith("p") ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${pad2(hour)}:${pad2(minute)}`;
}
