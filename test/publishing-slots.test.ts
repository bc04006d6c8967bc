import { describe, expect, it } from "vitest";
import { englishTexts, textsFor } from "../src/i18n/texts.ts";
import { formatSlotsFor } from "../src/owner-settings/schedule/day-words.ts";
import {
  formatSlotForOwner,
  nextFreeSlot,
  type PostingSlot,
  upcomingSlots,
} from "../src/publishing/posting-slots.ts";
import {
  type ParsedInput,
  formatSlots,
  parseSlotsSpec,
  validateTimeZone,
} from "../src/publishing/posting-times-parser.ts";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const daily = (time: string): PostingSlot => ({ time, days: EVERY_DAY });

function upcoming(slots: PostingSlot[], timeZone: string, after: string, count: number): string[] {
  return upcomingSlots({ slots, timeZone, after: new Date(after), count }).map((date) => date.toISOString());
}

function parsed(spec: string): PostingSlot[] {
  const result = parseSlotsSpec(spec);
  if (!result.ok) throw new Error(`expected "${spec}" to parse, got: ${result.problem.key}`);
  return result.value;
}

function parseError(spec: string): string {
  const result = parseSlotsSpec(spec);
  if (result.ok) throw new Error(`expected "${spec}" to be refused, got ${JSON.stringify(result.value)}`);
  return englishTexts().t(result.problem.key, result.problem.args);
}

/** A parser's answer with its problem as the English sentence the owner reads. */
function inEnglish<T>(result: ParsedInput<T>) {
  return result.ok ? result : { ok: false, error: englishTexts().t(result.problem.key, result.problem.args) };
}

describe("upcoming slots across daylight-saving changes", () => {
  it("moves a Berlin slot inside the spring-forward gap to 03:00, the moment clocks jump", () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 02:30 does not exist that night.
    expect(upcoming([daily("02:30")], "Europe/Berlin", "2026-03-28T12:00:00Z", 3)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
      "2026-03-31T00:30:00.000Z",
    ]);
  });

  it("keeps a Berlin 09:00 slot at 09:00 local on both sides of spring forward", () => {
    expect(upcoming([daily("09:00")], "Europe/Berlin", "2026-03-28T00:00:00Z", 2)).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
    ]);
  });

  it("gives two slots that both fall into the gap one instant, not two posts at once", () => {
    const slots = [daily("02:15"), daily("02:45"), daily("03:00")];
    expect(upcoming(slots, "Europe/Berlin", "2026-03-29T00:00:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:15:00.000Z",
    ]);
  });

  it("uses a Berlin slot in the repeated fall-back hour once, at its first occurrence", () => {
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET (01:00 UTC); 02:30 happens at 00:30 and 01:30 UTC.
    expect(upcoming([daily("02:30")], "Europe/Berlin", "2026-10-24T12:00:00Z", 3)).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
      "2026-10-27T01:30:00.000Z",
    ]);
  });

  it("does not offer the second 02:30 when asked between the two occurrences", () => {
    expect(upcoming([daily("02:30")], "Europe/Berlin", "2026-10-25T00:45:00Z", 1)).toEqual([
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("moves a New York slot inside the spring-forward gap to 03:00 EDT", () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    expect(upcoming([daily("02:30"), daily("09:00")], "America/New_York", "2026-03-07T12:00:00Z", 4)).toEqual(
      [
        "2026-03-07T14:00:00.000Z",
        "2026-03-08T07:00:00.000Z",
        "2026-03-08T13:00:00.000Z",
        "2026-03-09T06:30:00.000Z",
      ],
    );
  });

  it("uses a New York slot in the repeated 01:00 hour once, at the EDT occurrence", () => {
    // 1 November 2026: 02:00 EDT falls back to 01:00 EST (06:00 UTC); 01:30 happens at 05:30 and 06:30 UTC.
    const slots = upcoming([daily("01:30")], "America/New_York", "2026-10-31T12:00:00Z", 2);
    expect(slots).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    expect(slots).not.toContain("2026-11-01T06:30:00.000Z");
  });

  it("never gives one local date two instants for the same slot over a whole year of changes", () => {
    for (const timeZone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]) {
      const instants = upcomingSlots({
        slots: [daily("01:30"), daily("02:30")],
        timeZone,
        after: new Date("2026-01-01T00:00:00Z"),
        count: 730,
      });
      const perSlotAndDate = new Map<string, number>();
      for (const instant of instants) {
        const local = new Intl.DateTimeFormat("en-CA", {
          timeZone,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }).format(instant);
        perSlotAndDate.set(local, (perSlotAndDate.get(local) ?? 0) + 1);
      }
      expect(
        [...perSlotAndDate.values()].every((n) => n === 1),
        timeZone,
      ).toBe(true);
      const sorted = [...instants].sort((a, b) => a.getTime() - b.getTime());
      expect(instants).toEqual(sorted);
      expect(new Set(instants.map((instant) => instant.getTime())).size).toBe(instants.length);
    }
  });

  it("handles Kolkata's half-hour offset, including a slot that is the previous day in UTC", () => {
    expect(upcoming([daily("09:00")], "Asia/Kolkata", "2026-06-01T00:00:00Z", 2)).toEqual([
      "2026-06-01T03:30:00.000Z",
      "2026-06-02T03:30:00.000Z",
    ]);
    // Monday 00:15 in Kolkata is Sunday 18:45 UTC.
    expect(upcoming([{ time: "00:15", days: [1] }], "Asia/Kolkata", "2026-05-30T00:00:00Z", 1)).toEqual([
      "2026-05-31T18:45:00.000Z",
    ]);
  });

  it("only uses the weekdays a slot lists", () => {
    // Friday 5 June 2026, after the 09:00 slot: the next weekday slot is Monday 8 June.
    expect(upcoming(parsed("09:00 mon-fri"), "Europe/Berlin", "2026-06-05T12:00:00Z", 2)).toEqual([
      "2026-06-08T07:00:00.000Z",
      "2026-06-09T07:00:00.000Z",
    ]);
    expect(upcoming(parsed("10:00 weekends"), "Europe/Berlin", "2026-06-01T00:00:00Z", 3)).toEqual([
      "2026-06-06T08:00:00.000Z",
      "2026-06-07T08:00:00.000Z",
      "2026-06-13T08:00:00.000Z",
    ]);
  });

  it("returns slots strictly after the given instant", () => {
    expect(upcoming([daily("09:00")], "UTC", "2026-06-01T09:00:00Z", 1)).toEqual([
      "2026-06-02T09:00:00.000Z",
    ]);
  });

  it("returns nothing for a brand without slots", () => {
    expect(upcoming([], "Europe/Berlin", "2026-06-01T00:00:00Z", 3)).toEqual([]);
  });
});

describe("the next free slot", () => {
  const slots = parsed("09:00, 18:00 daily");

  it("skips slots already taken by other posts", () => {
    const taken = [
      new Date("2026-06-01T07:00:00Z"),
      new Date("2026-06-01T16:00:00Z"),
      new Date("2030-01-01T00:00:00Z"),
    ];
    const next = nextFreeSlot({
      slots,
      timeZone: "Europe/Berlin",
      after: new Date("2026-06-01T00:00:00Z"),
      taken,
    });
    expect(next?.toISOString()).toBe("2026-06-02T07:00:00.000Z");
  });

  it("is the first slot when nothing is taken", () => {
    const next = nextFreeSlot({
      slots,
      timeZone: "Europe/Berlin",
      after: new Date("2026-06-01T00:00:00Z"),
      taken: [],
    });
    expect(next?.toISOString()).toBe("2026-06-01T07:00:00.000Z");
  });

  it("is none for a brand without slots", () => {
    expect(nextFreeSlot({ slots: [], timeZone: "UTC", after: new Date(), taken: [] })).toBeNull();
  });
});

describe("reading posting times an owner typed", () => {
  it("reads times with days after them", () => {
    expect(parsed("09:00, 18:00 mon-fri")).toEqual([
      { time: "09:00", days: [1, 2, 3, 4, 5] },
      { time: "18:00", days: [1, 2, 3, 4, 5] },
    ]);
  });

  it("treats times without days as every day", () => {
    expect(parsed("9:00 18:30")).toEqual([daily("09:00"), daily("18:30")]);
  });

  it("reads several schedules in either order", () => {
    const expected = [
      { time: "09:00", days: [1, 2, 3, 4, 5] },
      { time: "11:00", days: [6, 7] },
    ];
    expect(parsed("09:00 weekdays, 11:00 weekends")).toEqual(expected);
    expect(parsed("weekdays at 9, weekends at 11am")).toEqual(expected);
    expect(parsed("9:00 weekdays; 11:00 sat, sun")).toEqual(expected);
    expect(parsed("Weekdays 09:00\nWeekends 11:00")).toEqual(expected);
  });

  it("understands 12-hour times, compact times, noon and day names", () => {
    expect(parsed("6:30pm monday, wednesday and friday")).toEqual([{ time: "18:30", days: [1, 3, 5] }]);
    expect(parsed("0930 sat")).toEqual([{ time: "09:30", days: [6] }]);
    expect(parsed("noon daily")).toEqual([daily("12:00")]);
    expect(parsed("12am every day")).toEqual([daily("00:00")]);
    expect(parsed("7.45 Tuesdays")).toEqual([{ time: "07:45", days: [2] }]);
  });

  it("reads ranges that wrap past Sunday", () => {
    expect(parsed("20:00 fri-mon")).toEqual([{ time: "20:00", days: [1, 5, 6, 7] }]);
    expect(parsed("20:00 fri to mon")).toEqual([{ time: "20:00", days: [1, 5, 6, 7] }]);
  });

  it("merges the days of a time given twice", () => {
    expect(parsed("09:00 mon; 09:00 tue")).toEqual([{ time: "09:00", days: [1, 2] }]);
  });

  it("explains what is wrong in plain words", () => {
    expect(parseError("")).toMatch(/at least one posting time/);
    expect(parseError("25:00")).toBe("“25:00” is not a time of day. Write times like 09:00, 18:30 or 6pm.");
    expect(parseError("9:60 daily")).toMatch(/“9:60” is not a time of day/);
    expect(parseError("13pm")).toMatch(/“13pm” is not a time of day/);
    expect(parseError("09:00 mnday")).toMatch(/I don't know “mnday”/);
    expect(parseError("mon-fri")).toBe("“mon-fri” needs a time, for example “09:00 mon-fri”.");
    expect(parseError("9:00-17:00")).toMatch(/goes between two days/);
    expect(parseError("09:00 weekdays-sun")).toMatch(/day range/);
    expect(parseError("09:00 @ mon")).toMatch(/I don't understand “@”/);
  });
});

describe("posting times in Spanish, Portuguese and German", () => {
  const english: Record<string, string> = {
    "09:00, 18:00 mon-fri; 11:00 weekends": "09:00, 18:00 mon-fri; 11:00 weekends",
    "weekdays at 9": "weekdays at 9",
    "09:00 daily": "09:00 daily",
    "07:15 mon, wed, fri": "07:15 mon, wed, fri",
    "20:00 fri-mon": "20:00 fri-mon",
    "10:00 sat, sun": "10:00 sat, sun",
  };
  const translations: Record<string, Record<string, string>> = {
    es: {
      "09:00, 18:00 mon-fri; 11:00 weekends": "09:00, 18:00 lun-vie; 11:00 fines de semana",
      "weekdays at 9": "Entre semana a las 9",
      "09:00 daily": "todos los días a las 09:00",
      "07:15 mon, wed, fri": "7:15 lunes, miércoles y viernes",
      "20:00 fri-mon": "20:00 de viernes a lunes",
      "10:00 sat, sun": "10:00 SÁB, dom",
    },
    "pt-BR": {
      "09:00, 18:00 mon-fri; 11:00 weekends": "09:00, 18:00 seg-sex; 11:00 fins de semana",
      "weekdays at 9": "dias úteis às 9",
      "09:00 daily": "todos os dias as 09:00",
      "07:15 mon, wed, fri": "7:15 segunda-feira, quarta e sexta",
      "20:00 fri-mon": "20:00 de sexta a segunda",
      "10:00 sat, sun": "10:00 sábado e domingo",
    },
    de: {
      "09:00, 18:00 mon-fri; 11:00 weekends": "09:00, 18:00 Mo-Fr; 11:00 am Wochenende",
      "weekdays at 9": "werktags um 9 Uhr",
      "09:00 daily": "täglich um 09:00",
      "07:15 mon, wed, fri": "7:15 Montag, Mittwoch und Freitag",
      "20:00 fri-mon": "20:00 Fr bis Mo",
      "10:00 sat, sun": "10:00 Sa, So",
    },
  };

  it("reads each language's day words as the English ones, accents optional", () => {
    for (const [locale, specs] of Object.entries(translations)) {
      for (const [englishSpec, spec] of Object.entries(specs)) {
        expect(parsed(spec), `${locale}: ${spec}`).toEqual(parsed(english[englishSpec]!));
      }
    }
    expect(parsed("9:00 mie, sab")).toEqual(parsed("9:00 mié, sáb"));
    expect(parsed("9:00 taeglich")).toEqual(parsed("9:00 daily"));
    expect(parsed("9:00 dias uteis")).toEqual(parsed("9:00 weekdays"));
    expect(parsed("an Werktagen um 9")).toEqual(parsed("9:00 weekdays"));
  });

  it('keeps English as it was: "9 am" is still a time, "to" still a range', () => {
    expect(parsed("9 am mon to fri")).toEqual(parsed("09:00 mon-fri"));
    expect(parsed("9:00 mondays, tuesdays and sundays")).toEqual(parsed("09:00 mon, tue, sun"));
  });

  it("writes day words in the owner's language, which read back as the same slots", () => {
    const slots = parsed(
      "09:00, 18:00 mon-fri; 11:00 weekends; 12:00 daily; 07:15 mon, wed, fri; 20:00 fri-mon",
    );
    expect(formatSlotsFor(parsed("09:00 mon-fri; 11:00 weekends"), textsFor("es"))).toBe(
      "09:00 entre semana; 11:00 fines de semana",
    );
    expect(formatSlotsFor([{ time: "09:00", days: [1, 2, 3] }], textsFor("es"))).toBe("09:00 lun-mié");
    expect(formatSlotsFor([{ time: "20:00", days: [1, 5, 6, 7] }], textsFor("pt-BR"))).toBe("20:00 sex-seg");
    expect(formatSlotsFor([daily("09:00")], textsFor("de"))).toBe("09:00 täglich");
    expect(formatSlotsFor([{ time: "07:00", days: [1, 3, 5] }], textsFor("de"))).toBe("07:00 Mo, Mi, Fr");
    expect(formatSlotsFor(slots, englishTexts())).toBe(formatSlots(slots));
    for (const locale of ["es", "pt-BR", "de"] as const) {
      const written = formatSlotsFor(slots, textsFor(locale));
      expect(parsed(written), `${locale}: ${written}`).toEqual(slots);
    }
  });
});

describe("showing posting times", () => {
  it("groups times that share days and names common day sets", () => {
    expect(formatSlots(parsed("09:00 weekdays, 18:00 weekdays, 11:00 weekends"))).toBe(
      "09:00, 18:00 weekdays; 11:00 weekends",
    );
    expect(formatSlots([daily("09:00")])).toBe("09:00 daily");
    expect(formatSlots([{ time: "07:00", days: [1, 3, 5] }])).toBe("07:00 mon, wed, fri");
    expect(formatSlots([{ time: "20:00", days: [1, 5, 6, 7] }])).toBe("20:00 fri-mon");
    expect(formatSlots([])).toBe("none");
  });

  it("round-trips: what formatSlots writes, parseSlotsSpec reads back unchanged", () => {
    const specs = [
      "09:00, 18:00 mon-fri; 11:00 weekends",
      "07:15 mon, wed, fri; 12:00 daily",
      "20:00 fri-mon; 08:00 tue-thu",
      "06:00 sun; 23:59 sat",
      "9am weekdays, 10:30 sat, 5pm sun",
    ];
    for (const spec of specs) {
      const slots = parsed(spec);
      const written = formatSlots(slots);
      expect(parsed(written), `${spec} → ${written}`).toEqual(slots);
      expect(formatSlots(parsed(written))).toBe(written);
    }
  });

  it("shows a slot as weekday, local time and zone, with the date when more than six days away", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(formatSlotForOwner(new Date("2026-06-02T07:00:00Z"), "Europe/Berlin", now)).toBe(
      "Tue 09:00, Europe/Berlin",
    );
    expect(formatSlotForOwner(new Date("2026-06-11T07:00:00Z"), "Europe/Berlin", now)).toBe(
      "Thu 11 Jun 09:00, Europe/Berlin",
    );
    expect(formatSlotForOwner(new Date("2027-01-05T08:00:00Z"), "Europe/Berlin", now)).toBe(
      "Tue 5 Jan 2027 09:00, Europe/Berlin",
    );
    expect(formatSlotForOwner(new Date("2026-05-31T18:45:00Z"), "Asia/Kolkata", now)).toBe(
      "Mon 00:15, Asia/Kolkata",
    );
  });
});

describe("checking a time zone", () => {
  it("accepts IANA names and fixes only their case", () => {
    expect(validateTimeZone("Europe/Berlin")).toEqual({ ok: true, value: "Europe/Berlin" });
    expect(validateTimeZone(" europe/berlin ")).toEqual({ ok: true, value: "Europe/Berlin" });
    expect(validateTimeZone("america/new_york")).toEqual({ ok: true, value: "America/New_York" });
    expect(validateTimeZone("utc")).toEqual({ ok: true, value: "UTC" });
  });

  it("keeps the modern name the owner typed rather than ICU's legacy id", () => {
    expect(validateTimeZone("Asia/Kolkata")).toEqual({ ok: true, value: "Asia/Kolkata" });
    expect(validateTimeZone("asia/kolkata")).toEqual({ ok: true, value: "Asia/Kolkata" });
  });

  it("explains unknown names, abbreviations and bare city names", () => {
    expect(inEnglish(validateTimeZone("Europe/Berln"))).toEqual({
      ok: false,
      error: "“Europe/Berln” is not a time zone I know. Did you mean Europe/Berlin?",
    });
    expect(inEnglish(validateTimeZone("Mars/Olympus_Mons"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a time zone I know/),
    });
    expect(inEnglish(validateTimeZone("EST"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/abbreviation/),
    });
    expect(inEnglish(validateTimeZone("Berlin"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Did you mean Europe\/Berlin\?/),
    });
    expect(inEnglish(validateTimeZone(""))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Please give a time zone/),
    });
  });
});
