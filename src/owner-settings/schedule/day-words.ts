import type { Texts } from "../../i18n/texts.ts";
import { type DayWords, formatSlots } from "../../publishing/posting-times-parser.ts";
import type { PostingSlot } from "../../publishing/posting-slots.ts";

/**
 * Posting times as the owner reads them and can type them back: "09:00 lun-vie; 11:00 fines de semana" for a
 * Spanish owner, "09:00 mon-fri; 11:00 weekends" in English. The parser reads every locale's words.
 */
export function formatSlotsFor(slots: readonly PostingSlot[], texts: Texts): string {
  return formatSlots(slots, dayWordsIn(texts));
}

function dayWordsIn({ t }: Texts): DayWords {
  return {
    daily: t("schedule-days-daily"),
    weekdays: t("schedule-days-weekdays"),
    weekends: t("schedule-days-weekends"),
    abbreviations: [
      t("schedule-day-abbrev-1"),
      t("schedule-day-abbrev-2"),
      t("schedule-day-abbrev-3"),
      t("schedule-day-abbrev-4"),
      t("schedule-day-abbrev-5"),
      t("schedule-day-abbrev-6"),
      t("schedule-day-abbrev-7"),
    ],
    none: t("schedule-days-none"),
  };
}
