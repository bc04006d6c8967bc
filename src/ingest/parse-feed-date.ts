const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** RFC 822 §5.1 zone names, in minutes east of UTC. Military single letters are too unreliable to honour. */
const ZONE_OFFSETS: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// "Thu, 01 Jan 2004 19:48:21 GMT", with the weekday optional and the seconds and zone tolerated.
const RFC_822 =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{4}|\d{2})(?!\d)(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;

/**
 * Parses a feed date (RFC 822 for RSS, RFC 3339/ISO 8601 for Atom and Dublin Core, plus the usual
 * sloppy variants). Returns undefined for anything unreadable: a bad date must not sink the item.
 * A date without a zone is taken as UTC, so the result never depends on the server's time zone.
 */
export function parseFeedDate(raw: string | undefined): Date | undefined {
  const text = raw?.replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  return parseIso8601(text) ?? parseRfc822(text) ?? parseWithEngine(text);
}

function parseIso8601(text: string): Date | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "0", zone] = match;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  return validDate(utc - zoneOffsetMinutes(zone) * 60_000, Number(month), Number(day));
}

function parseRfc822(text: string): Date | undefined {
  const match = RFC_822.exec(text);
  if (!match) return undefined;
  const [, day, monthName, yearText, hour = "0", minute = "0", second = "0", zone = ""] = match;
  const month = MONTHS[monthName!.toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(yearText);
  // RFC 822 allowed two-digit years; RFC 2822 §4.3 says 00–49 are 2000–2049.
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(zone.trim().split(" ")[0]);
  const utc = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second));
  return validDate(utc - offset * 60_000, month + 1, Number(day));
}

/**
 * Last resort for formats we do not know ("2004/01/01 10:00 +0100", "January 1, 2004"). V8 reads
 * almost anything as some date, so results outside 1970–2200 are treated as unreadable.
 */
function parseWithEngine(text: string): Date | undefined {
  // V8 reads a zoneless date as local time; pin it to UTC so the server's zone never leaks in.
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T))\s*$/i.test(text);
  const time = hasZone ? Date.parse(text) : Date.parse(`${text} UTC`) || Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 2200 ? date : undefined;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const named = ZONE_OFFSETS[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** Rejects out-of-range months and days, which Date.UTC would otherwise roll over silently. */
function validDate(time: number, month: number, day: number): Date | undefined {
  if (Number.isNaN(time) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
