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

const DAY_MS = 86_400_000;
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

/** The zone's canonical id as ICU resolves it, or null when ICU does not know the name. */
const resolvedTimeZones = new Map<string, string | null>();

/** Building an Intl.DateTimeFormat costs far more than the slot arithmetic around it, so answers are kept. */
export function resolveTimeZone(name: string): string | null {
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

export function checkSlot(slot: PostingSlot): { minutes: number; days: Set<number> } {
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

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
