import { Composer, InputFile } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { reconnectKeyboard } from "../instagram-auth/owner-notices.ts";
import { withSelectedBrand } from "../owner-settings/shared/selected-brand.ts";
import { replyHtml } from "../owner-settings/shared/telegram-replies.ts";
import type { Services } from "../services.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
import { loadPerformanceReport } from "./load-report.ts";
import { parseReportPeriod } from "./performance-report.ts";
import { renderReportChartPng } from "./report-chart.ts";
import { renderReportText } from "./report-text.ts";

/** /report and /report 30: the selected brand's performance, as a chart with the numbers as its caption. */
export function reportCommands(deps: { services: Pick<Services, "sql" | "clock"> }): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("report", (ctx) =>
    withSelectedBrand(ctx, deps.services.sql, async (scope) => {
      const argument = typeof ctx.match === "string" ? ctx.match : "";
      const days = parseReportPeriod(argument);
      if (!days) {
        await replyHtml(ctx, ctx.t("report-unknown-period", { input: quoteInputHtml(argument) }));
        return;
      }
      const { brand } = scope;
      const loaded = await loadPerformanceReport(deps.services.sql, brand.id, days, deps.services.clock());
      const { texts } = ctx;
      const text = renderReportText({ ...loaded, brandName: brand.name, timeZone: brand.time_zone, texts });
      const keyboard = loaded.lacksInsights ? reconnectKeyboard(brand.id, texts) : undefined;
      if (loaded.report.posts === 0) {
        await ctx.reply(text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard,
        });
        return;
      }
      const png = await renderReportChartPng(loaded.report, brand.name, brand.time_zone, texts);
      await ctx.replyWithPhoto(new InputFile(png, "report.png"), {
        caption: text,
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
    }),
  );
  return composer;
}
