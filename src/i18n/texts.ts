/**
 * Texts in one locale: its messages, and numbers, money and times written the way that locale writes them.
 * What the views take, so a view renders the same in a handler, in a job, and in a test. Pure apart from reading
 * the catalogue once.
 */

import { formatSlotForOwner } from "../publishing/posting-slots.ts";
import { type MessageArgs, translate } from "./catalogue.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

export interface Texts {
  locale: Locale;
  /** The message `key` with its arguments (escape what goes into an HTML message first). */
  t(key: string, args?: MessageArgs): string;
  /** 1,234 / 1.234 / 1 234 as the locale writes it. */
  number(value: number): string;
  /** A share as a whole percentage: "12%", "12 %". */
  percent(ratio: number): string;
  /**
   * US dollars, as the locale writes them ("$1,234.50", "1.234,50 $", "US$ 1.234,50"), in cents; amounts under a
   * cent keep four decimals ("$0.0042") so small spend does not read as nothing.
   */
  usd(amount: number): string;
  /** A draft's cost: under a dollar, up to four decimals ("$0.0042", "$0.0123", "$0.25"), as a draft costs cents. */
  usdFine(amount: number): string;
  /** A post's time as the owner thinks of it: weekday and time in the brand's zone, the date when it is far. */
  slot(date: Date, timeZone: string, now: Date): string;
  /** "12 May 2026" in the time zone. */
  date(date: Date, timeZone: string): string;
  /** A language as this locale names it: "es-MX" is "Spanish (Mexico)", "español (México)", "Spanisch (Mexiko)". */
  languageName(tag: string): string;
  /** "March 2026" for the month `date` falls in. */
  month(date: Date, timeZone: string): string;
}

const cache = new Map<Locale, Texts>();

export function textsFor(locale: Locale): Texts {
  let texts = cache.get(locale);
  if (!texts) {
    texts = createTexts(locale);
    cache.set(locale, texts);
  }
  return texts;
}

/** English: the default wherever no locale is known. */
export function englishTexts(): Texts {
  return textsFor(DEFAULT_LOCALE);
}

const DAY_MS = 24 * 60 * 60_000;

function createTexts(locale: Locale): Texts {
  const numbers = new Intl.NumberFormat(locale);
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const dollars = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const fractions = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  const tenthsOfCents = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  });
  const slotFormats = new Map<string, { near: Intl.DateTimeFormat; far: Intl.DateTimeFormat }>();
  const slotFormat = (timeZone: string) => {
    let formats = slotFormats.get(timeZone);
    if (!formats) {
      const time = { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
      formats = {
        near: new Intl.DateTimeFormat(locale, { ...time, weekday: "short" }),
        far: new Intl.DateTimeFormat(locale, { ...time, weekday: "short", day: "numeric", month: "short" }),
      };
      slotFormats.set(timeZone, formats);
    }
    return formats;
  };
  return {
    locale,
    t: (key, args) => translate(locale, key, args),
    number: (value) => numbers.format(value),
    percent: (ratio) => percents.format(ratio),
    usd: (amount) => (amount > 0 && amount < 0.01 ? tenthsOfCents : dollars).format(amount),
    usdFine: (amount) => (amount > 0 && amount < 1 ? fractions : dollars).format(amount),
    slot(date, timeZone, now) {
      // English keeps the compact form owners know ("Tue 09:00, Europe/Berlin"); others get Intl's.
      if (locale === DEFAULT_LOCALE) return formatSlotForOwner(date, timeZone, now);
      const { near, far } = slotFormat(timeZone);
      const format = Math.abs(date.getTime() - now.getTime()) <= 6 * DAY_MS ? near : far;
      return `${format.format(date)}, ${timeZone}`;
    },
    languageName: (tag) => languageNames.of(tag) ?? tag,
    date: (date, timeZone) =>
      new Intl.DateTimeFormat(locale === DEFAULT_LOCALE ? "en-GB" : locale, {
        timeZone,
        day: "numeric",
        month: "short",
        year: "numeric",
      }).format(date),
    month: (date, timeZone) =>
      new Intl.DateTimeFormat(locale === DEFAULT_LOCALE ? "en-GB" : locale, {
        timeZone,
        month: "long",
        year: "numeric",
      }).format(date),
  };
}
