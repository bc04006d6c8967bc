/**
 * The words of posting times an owner may type, in English, Spanish, Portuguese and German, lower case and without
 * accents (the parser drops them before matching). Read by posting-times-parser.ts.
 */

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKENDS = [6, 7];
// English, Spanish, Portuguese and German words, read whatever the owner's language: none of them means another
// day in another of these languages ("mo", "fr", "sa" are Monday, Friday, Saturday in English and German alike;
// "sab", "dom" in Spanish and Portuguese). Accents are dropped before matching, so "mié" and "mie" both read.
export const DAY_WORDS: Record<string, number[]> = {
  daily: EVERY_DAY,
  everyday: EVERY_DAY,
  weekdays: WEEKDAYS,
  weekday: WEEKDAYS,
  weekends: WEEKENDS,
  weekend: WEEKENDS,
  diario: EVERY_DAY,
  diariamente: EVERY_DAY,
  laborables: WEEKDAYS,
  taglich: EVERY_DAY,
  taeglich: EVERY_DAY,
  werktags: WEEKDAYS,
  werktage: WEEKDAYS,
  werktagen: WEEKDAYS,
  wochentags: WEEKDAYS,
  wochenende: WEEKENDS,
  wochenenden: WEEKENDS,
};
/** Each language's names of Monday…Sunday, abbreviations first; plurals ("lunes", "sábados", "montags") too. */
const SINGLE_DAYS: Record<"en" | "es" | "pt" | "de", readonly (readonly string[])[]> = {
  en: [
    ["mo", "mon", "monday"],
    ["tu", "tue", "tues", "tuesday"],
    ["we", "wed", "weds", "wednesday"],
    ["th", "thu", "thur", "thurs", "thursday"],
    ["fr", "fri", "friday"],
    ["sa", "sat", "saturday"],
    ["su", "sun", "sunday"],
  ],
  es: [
    ["lun", "lunes"],
    ["mar", "martes"],
    ["mie", "miercoles"],
    ["jue", "jueves"],
    ["vie", "viernes"],
    ["sab", "sabado", "sabados"],
    ["dom", "domingo", "domingos"],
  ],
  pt: [
    ["seg", "segunda", "segundas"],
    ["ter", "terca", "tercas"],
    ["qua", "quarta", "quartas"],
    ["qui", "quinta", "quintas"],
    ["sex", "sexta", "sextas"],
    ["sab", "sabado", "sabados"],
    ["dom", "domingo", "domingos"],
  ],
  de: [
    ["mo", "montag", "montags"],
    ["di", "dienstag", "dienstags"],
    ["mi", "mittwoch", "mittwochs"],
    ["do", "donnerstag", "donnerstags"],
    ["fr", "freitag", "freitags"],
    ["sa", "samstag", "samstags", "sonnabend"],
    ["so", "sonntag", "sonntags"],
  ],
};
for (const days of Object.values(SINGLE_DAYS)) {
  days.forEach((names, index) => {
    for (const name of names) {
      DAY_WORDS[name] = [index + 1];
      // English plurals ("mondays"); the other languages' plurals are listed.
      if (name.endsWith("day")) DAY_WORDS[`${name}s`] = [index + 1];
    }
  });
}
/** Days written in more than one word: "every day", "entre semana", "fines de semana", "dias úteis", "jeden Tag". */
export const DAY_PHRASES: readonly { pattern: RegExp; days: number[] }[] = [
  { pattern: /^every\s+day\b/, days: EVERY_DAY },
  { pattern: /^tod[oa]s\s+(?:los|las|os|as)\s+dias\b/, days: EVERY_DAY },
  { pattern: /^cada\s+dia\b/, days: EVERY_DAY },
  { pattern: /^jeden\s+tag\b/, days: EVERY_DAY },
  { pattern: /^entre\s+semana\b/, days: WEEKDAYS },
  { pattern: /^dias?\s+(?:uteis|util|laborables|laborable|de\s+semana)\b/, days: WEEKDAYS },
  { pattern: /^(?:fin|fines|fim|fins)\s+de\s+semana\b/, days: WEEKENDS },
];
export const FILLER_WORDS = new Set([
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
  // Spanish and Portuguese: "a las 9", "às 9", "los lunes", "y", "e", "de".
  "las",
  "los",
  "la",
  "el",
  "as",
  "os",
  "o",
  "y",
  "e",
  "de",
  "en",
  "em",
  "no",
  "nos",
  "na",
  "nas",
  "feira",
  "hs",
  // German: "um 9 Uhr", "am Wochenende", "an Werktagen", "und".
  "um",
  "uhr",
  "am",
  "an",
  "und",
]);
export const RANGE_WORDS = new Set(["to", "through", "thru", "till", "until", "bis", "hasta", "ate"]);
/** "a" is "to" between two days ("de lunes a viernes") and a filler elsewhere ("a las 9", "a diario"). */
export const RANGE_WORDS_BETWEEN_DAYS = new Set(["a", "al"]);
