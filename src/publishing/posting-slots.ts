import { quoteInput } from "../shared/telegram-text-limits.ts";
/**
 * Posting slots: the local times at which a brand publishes, and the UTC instants they fall on. Pure: no I/O,
 * no clock (callers pass `after` / `now`).
 *
 * Time-zone arithmetic uses `Intl.DateTimeFormat` only. Two daylight-saving rules decide what a slot means on
 * the days clocks change, and both exist so that one slot on one local date is always exactly one instant:
 * - a local time that does not exist (spring forward, e.g. 02:30 in Berlin on the last Sunday of March) moves
 *   to the first instant after the gap, the moment the clocks jump (03:00 local);
 * - a local time that happens twice (fall back, e.g. 02:30 in Berlin on the last Sunday of October) is the
 *   first occurrence only. The second one is never offered, even when `after` lies between the two.
 */

/** A time of day ("HH:MM", 24-hour) and the ISO weekdays (1 = Monday … 7 = Sunday) it applies to. */
export interface PostingSlot {
  time: string;
  days: number[];
}

/** Either a value or a sentence the owner can read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

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

const DAY_MS = 86_400_000;
/** Instagram allows 50–100 API posts a day (platform-apis.md §B.3); more times than this is a typo. */
const MAX_TIMES_PER_DAY = 24;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY_ABBREVIATIONS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const OWNER_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const OWNER_MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

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

/** The zone's canonical id as ICU resolves it, or null when ICU does not know the name. */
const resolvedTimeZones = new Map<string, string | null>();

/** Building an Intl.DateTimeFormat costs far more than the slot arithmetic around it, so answers are kept. */
function resolveTimeZone(name: string): string | null {
  let resolved = resolvedTimeZones.get(name);
  if (resolved === undefined) {
    try {
      resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
    if (resolvedTimeZones.size > 1000) resolvedTimeZones.clear();
    resolvedTimeZones.set(name, resolved);
  }
  return resolved;
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

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** What a wall clock in `timeZone` shows at the instant `ms`, as Intl computes it (the slow part). */
function intlWallClockAt(timeZone: string, ms: number): WallClock {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour! % 24,
    minute: fields.minute!,
    second: fields.second!,
  };
}

/** What a wall clock in `timeZone` shows at the instant `ms`. */
function wallClockAt(timeZone: string, ms: number): WallClock {
  const wall = new Date(ms + offsetAt(timeZone, ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Offsets by zone, then by quarter-hour since the epoch. */
const offsetCache = new Map<string, Map<number, number>>();
let cachedOffsets = 0;

/**
 * The zone's UTC offset at an instant, in milliseconds (Berlin in summer: +7 200 000). Every time-zone
 * transition since 1970 falls on a quarter-hour of UTC, so the offset is constant within one quarter-hour and is
 * computed once per zone and quarter-hour: formatting with Intl is the slow part of slot arithmetic, and an
 * approval asks for the same offsets again and again.
 */
function offsetAt(timeZone: string, ms: number): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = offsetCache.get(timeZone)?.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const wall = intlWallClockAt(timeZone, start);
    offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - start;
    if (++cachedOffsets > 50_000) {
      offsetCache.clear();
      cachedOffsets = 1;
    }
    let zone = offsetCache.get(timeZone);
    if (!zone) offsetCache.set(timeZone, (zone = new Map()));
    zone.set(quarter, offset);
  }
  return offset;
}

/**
 * The instant at which the local date and time occur in `timeZone`: the earlier one when it occurs twice, the
 * end of the gap when it does not occur at all.
 */
function instantOfLocalTime(
  timeZone: string,
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets a day either side cover any single transition near this date (no zone changes twice in a day).
  const dayBefore = offsetAt(timeZone, wallAsUtc - DAY_MS);
  const dayAfter = offsetAt(timeZone, wallAsUtc + DAY_MS);
  // Almost always: no transition near, and the one offset places the wall time.
  if (dayBefore === dayAfter && offsetAt(timeZone, wallAsUtc - dayBefore) === dayBefore) {
    return wallAsUtc - dayBefore;
  }
  const offsets = new Set([dayBefore, offsetAt(timeZone, wallAsUtc), dayAfter]);
  const candidates = [...offsets].map((offset) => wallAsUtc - offset).sort((a, b) => a - b);
  const occurrences = candidates.filter((instant) => offsetAt(timeZone, instant) === wallAsUtc - instant);
  if (occurrences.length > 0) return occurrences[0]!;

  // Spring forward: the wall time is skipped. Find the transition between the earliest and latest candidate.
  let before = Math.floor(candidates[0]! / 1000);
  let after = Math.ceil(candidates[candidates.length - 1]! / 1000);
  const offsetAfterGap = offsetAt(timeZone, after * 1000);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(timeZone, middle * 1000) === offsetAfterGap) after = middle;
    else before = middle;
  }
  return after * 1000;
}

function isoWeekday(date: { year: number; month: number; day: number }): number {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

// ---------------------------------------------------------------------------------------------------------------
// Computing slots

/**
 * The next `count` slot instants strictly after `after`, earliest first. Two slots landing on the same instant
 * (both inside a spring-forward gap) count once.
 */
export function upcomingSlots(input: {
  slots: readonly PostingSlot[];
  timeZone: string;
  after: Date;
  count: number;
}): Date[] {
  const result: Date[] = [];
  if (input.count <= 0) return result;
  for (const instant of slotInstantsAfter(input)) {
    result.push(new Date(instant));
    if (result.length >= input.count) break;
  }
  return result;
}

/**
 * The first slot instant after `after` that is not in `taken`, or null when the brand has no slots.
 * `taken` holds the instants already given to other posts (compared to the millisecond).
 */
export function nextFreeSlot(input: {
  slots: readonly PostingSlot[];
  timeZone: string;
  after: Date;
  taken: readonly Date[];
}): Date | null {
  const taken = new Set(input.taken.map((date) => date.getTime()));
  for (const instant of slotInstantsAfter(input)) {
    if (!taken.has(instant)) return new Date(instant);
  }
  return null;
}

/**
 * Slot instants strictly after `after`, earliest first, without end (none when no slot has a day). Within a
 * local date, slots sorted by time of day give instants in order, a gap's slots collapsing onto one instant.
 */
function* slotInstantsAfter(input: {
  slots: readonly PostingSlot[];
  timeZone: string;
  after: Date;
}): Generator<number> {
  const { timeZone } = input;
  const slots = input.slots.map(checkSlot).sort((a, b) => a.minutes - b.minutes);
  assertTimeZone(timeZone);
  const afterMs = input.after.getTime();
  if (Number.isNaN(afterMs)) throw new TypeError("slot arithmetic: `after` is an invalid Date");
  if (slots.every((slot) => slot.days.size === 0)) return;

  // Slots on earlier local dates happen before local midnight of after's date, hence before `after`.
  const start = wallClockAt(timeZone, afterMs);
  const firstDay = Date.UTC(start.year, start.month - 1, start.day);
  let last = afterMs;
  for (let dayIndex = 0; ; dayIndex++) {
    const calendar = new Date(firstDay + dayIndex * DAY_MS);
    const date = {
      year: calendar.getUTCFullYear(),
      month: calendar.getUTCMonth() + 1,
      day: calendar.getUTCDate(),
    };
    const weekday = isoWeekday(date);
    for (const slot of slots) {
      if (!slot.days.has(weekday)) continue;
      const instant = instantOfLocalTime(timeZone, date, Math.floor(slot.minutes / 60), slot.minutes % 60);
      if (instant > last) {
        last = instant;
        yield instant;
      }
    }
  }
}

function checkSlot(slot: PostingSlot): { minutes: number; days: Set<number> } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(slot.time);
  if (!match) throw new TypeError(`Posting slot time "${slot.time}" is not HH:MM`);
  for (const day of slot.days) {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      throw new TypeError(`Posting slot day ${day} is not 1–7`);
  }
  return { minutes: Number(match[1]) * 60 + Number(match[2]), days: new Set(slot.days) };
}

function assertTimeZone(timeZone: string): void {
  if (resolveTimeZone(timeZone) === null) throw new RangeError(`Unknown time zone "${timeZone}"`);
}

// ---------------------------------------------------------------------------------------------------------------
// Showing slots to owners

/**
 * A slot instant as the owner thinks of it: "Tue 09:00, Europe/Berlin", with the date when the instant is more
 * than six days from `now` ("Tue 14 Apr 09:00, Europe/Berlin"), and the year when it is not the current one.
 */
export function formatSlotForOwner(date: Date, timeZone: string, now: Date = new Date()): string {
  assertTimeZone(timeZone);
  const wall = wallClockAt(timeZone, date.getTime());
  const weekday = OWNER_WEEKDAYS[isoWeekday(wall) - 1]!;
  const time = `${pad2(wall.hour)}:${pad2(wall.minute)}`;
  if (Math.abs(date.getTime() - now.getTime()) <= 6 * DAY_MS) return `${weekday} ${time}, ${timeZone}`;
  const year = wallClockAt(timeZone, now.getTime()).year === wall.year ? "" : ` ${wall.year}`;
  return `${weekday} ${wall.day} ${OWNER_MONTHS[wall.month - 1]}${year} ${time}, ${timeZone}`;
}

/**
 * Slots in the syntax {@link parseSlotsSpec} reads, grouping times that share their days:
 * "09:00, 18:00 weekdays; 11:00 weekends". Empty slots read "none".
 */
export function formatSlots(slots: readonly PostingSlot[]): string {
  const groups = new Map<string, { days: number[]; times: string[] }>();
  for (const slot of normaliseSlots(slots)) {
    const key = slot.days.join(",");
    const group = groups.get(key) ?? { days: slot.days, times: [] };
    group.times.push(slot.time);
    groups.set(key, group);
  }
  if (groups.size === 0) return "none";
  return [...groups.values()]
    .sort((a, b) => a.times[0]!.localeCompare(b.times[0]!))
    .map((group) => `${group.times.join(", ")} ${formatDays(group.days)}`)
    .join("; ");
}

function formatDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return "daily";
  if (set.size === 5 && [1, 2, 3, 4, 5].every((day) => set.has(day))) return "weekdays";
  if (set.size === 2 && set.has(6) && set.has(7)) return "weekends";
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
      run.length >= 3
        ? [`${DAY_ABBREVIATIONS[run[0]! - 1]}-${DAY_ABBREVIATIONS[run[run.length - 1]! - 1]}`]
        : run.map((day) => DAY_ABBREVIATIONS[day - 1]!),
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
 *   "mon, wed, fri", "daily" / "every day", "weekdays", "weekends"; no days means every day;
 * - several schedules one after another: "09:00 weekdays, 11:00 weekends" or "weekdays at 9, weekends at 11";
 *   ";" or a new line always starts a new schedule, for when it reads ambiguously.
 * Fillers "at", "on", "and", "every" and commas are ignored. Result: one slot per time, sorted, days merged.
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

const DAY_WORDS: Record<string, number[]> = {
  daily: [...ALL_DAYS],
  everyday: [...ALL_DAYS],
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  weekend: [6, 7],
};
const SINGLE_DAYS: readonly (readonly string[])[] = [
  ["mo", "mon", "monday"],
  ["tu", "tue", "tues", "tuesday"],
  ["we", "wed", "weds", "wednesday"],
  ["th", "thu", "thur", "thurs", "thursday"],
  ["fr", "fri", "friday"],
  ["sa", "sat", "saturday"],
  ["su", "sun", "sunday"],
];
SINGLE_DAYS.forEach((names, index) => {
  for (const name of names) DAY_WORDS[name] = [index + 1];
  DAY_WORDS[`${names[names.length - 1]}s`] = [index + 1];
});
const FILLER_WORDS = new Set([
  "at",
  "on",
  "and",
  "every",
  "each",
  "day",
  "days",
  "of",
  "the",
  "week",
  "h",
  "hrs",
]);
const RANGE_WORDS = new Set(["to", "through", "thru", "till", "until"]);
/** A run of digits with ":", "." or "h" between them and an optional am/pm: everything that may be a time. */
const TIME_PATTERN = /^\d+(?:[:.h]\d+)*(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?![a-z\d])/;

function tokenise(spec: string): ParsedInput<Token[]> {
  const text = spec.toLowerCase().replace(/[\u2013\u2014]/g, "-");
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    // A whole code point, so an emoji is quoted whole rather than as half of its surrogate pair.
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    if (/\s/.test(char) && char !== "\n") {
      index++;
    } else if (char === "\n" || char === ";") {
      tokens.push({ kind: "break" });
      index++;
    } else if (char === "," || char === "&" || char === "+" || char === ".") {
      index++;
    } else if (char === "-") {
      tokens.push({ kind: "range" });
      index++;
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
    } else if (/[a-z]/.test(char)) {
      const word = /^[a-z]+/.exec(rest)![0];
      index += word.length;
      if (word === "noon") tokens.push({ kind: "time", time: "12:00" });
      else if (word === "midnight") tokens.push({ kind: "time", time: "00:00" });
      else if (DAY_WORDS[word]) tokens.push({ kind: "days", days: DAY_WORDS[word]!, text: word });
      else if (RANGE_WORDS.has(word)) tokens.push({ kind: "range" });
      else if (word === "every" && /^\s*day\b/.test(text.slice(index))) {
        tokens.push({ kind: "days", days: [...ALL_DAYS], text: "every day" });
        index += /^\s*day/.exec(text.slice(index))![0].length;
      } else if (!FILLER_WORDS.has(word)) {
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
