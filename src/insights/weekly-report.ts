import { InputFile } from "grammy";
import { localeOfRow } from "../i18n/language-queries.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales.ts";
import { textsFor } from "../i18n/texts.ts";
import { reconnectKeyboard } from "../instagram-auth/owner-notices.ts";
import type { OutboxSender } from "../notifications/deliver-outbox.ts";
import { enqueueTelegramMessage } from "../notifications/telegram-outbox.ts";
import type { Services } from "../services.ts";
import { type LoadedReport, loadPerformanceReport } from "./load-report.ts";
import { renderReportChartPng } from "./report-chart.ts";
import { renderReportText } from "./report-text.ts";
import { weeklyReportDue } from "./weekly-schedule.ts";

export const WEEKLY_REPORT_JOB = "weekly-report";
const REPORT_MESSAGE_KIND = "performance_report";

interface ReportPayload extends LoadedReport {
  brandId: number;
  brandName: string;
  timeZone: string;
  /** The owner's language when the report was queued; absent in reports queued before it was kept (English). */
  locale?: Locale;
}

/**
 * Queues each brand's weekly report once its Monday 09:00 has come in its time zone. Once per brand per ISO
 * week across instances: the report's outbox message is queued in the same transaction as the insert of the
 * (brand, week) key, so of two instances racing for the same brand one inserts and queues, the other finds the
 * key taken and queues nothing. Brands that never connected Instagram get none. The report is written in the owner's
 * language as it is when queued (kept in the payload, as the numbers are).
 */
export async function queueWeeklyReports(
  services: Pick<Services, "sql" | "clock" | "logger">,
): Promise<number> {
  const { sql } = services;
  const now = services.clock();
  const brands = await sql<
    {
      id: number;
      name: string;
      time_zone: string;
      chat_id: number;
      chosen_locale: string | null;
      telegram_language_code: string | null;
    }[]
  >`
    select b.id, b.name, b.time_zone, o.telegram_chat_id as chat_id,
           lang.chosen_locale, lang.telegram_language_code
      from brands b join owners o on o.id = b.owner_id
      left join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id
     where exists (select from instagram_accounts ia where ia.brand_id = b.id)
     order by b.id`;
  let queued = 0;
  for (const brand of brands) {
    const week = weeklyReportDue(now, brand.time_zone);
    if (!week) continue;
    const [done] =
      await sql`select 1 from weekly_reports where brand_id = ${brand.id} and iso_week = ${week}`;
    if (done) continue;
    const loaded = await loadPerformanceReport(sql, brand.id, 7, now);
    const payload: ReportPayload = {
      ...loaded,
      brandId: brand.id,
      brandName: brand.name,
      timeZone: brand.time_zone,
      locale: localeOfRow(brand),
    };
    const sent = await sql.begin(async (tx) => {
      const [claimed] = await tx`
        insert into weekly_reports (brand_id, iso_week) values (${brand.id}, ${week})
        on conflict do nothing
        returning brand_id`;
      if (!claimed) return false;
      await enqueueTelegramMessage(tx, {
        chatId: brand.chat_id,
        kind: REPORT_MESSAGE_KIND,
        payload: payload as unknown as Record<string, unknown>,
        dedupeKey: `weekly-report:${brand.id}:${week}`,
      });
      return true;
    });
    if (sent) {
      queued++;
      services.logger.info({ brandId: brand.id, week }, "weekly report queued");
    }
  }
  return queued;
}

/** Sends a queued report: the chart as a photo with the numbers as its caption (text alone without posts). */
export const sendPerformanceReport: OutboxSender = async (row, api) => {
  const payload = row.payload as unknown as ReportPayload;
  const texts = textsFor(isLocale(payload.locale) ? payload.locale : DEFAULT_LOCALE);
  const text = renderReportText({
    report: payload.report,
    brandName: payload.brandName,
    timeZone: payload.timeZone,
    lacksInsights: payload.lacksInsights,
    texts,
  });
  const reply_markup = payload.lacksInsights ? reconnectKeyboard(payload.brandId, texts) : undefined;
  if (payload.report.posts === 0) {
    await api.sendMessage(row.chat_id, text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup,
    });
    return;
  }
  const png = await renderReportChartPng(payload.report, payload.brandName, payload.timeZone, texts);
  await api.sendPhoto(row.chat_id, new InputFile(png, "report.png"), {
    caption: text,
    parse_mode: "HTML",
    reply_markup,
  });
};

export const reportOutboxSenders = { [REPORT_MESSAGE_KIND]: sendPerformanceReport };
