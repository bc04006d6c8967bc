import { InlineKeyboard } from "grammy";
import type { MonthSpend } from "../../budget/ledger.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";
import { MAX_MONTHLY_BUDGET_USD } from "../shared/settings-input.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "$12.30"; amounts under a cent keep four decimals ("$0.0042") so small spend does not read as nothing. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.01) return `$${amount.toFixed(4)}`;
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** What counts against the cap: settled costs plus calls in flight (reservations), as the budget guard counts. */
export function committedUsd(spend: Pick<MonthSpend, "spentUsd" | "reservedUsd">): number {
  return spend.spentUsd + spend.reservedUsd;
}

/** "2026-03" → "March 2026". */
export function formatLedgerMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return `${MONTHS[(monthNumber ?? 1) - 1] ?? month} ${year}`;
}

/** "March 2026", "marzo de 2026", "März 2026": a ledger month ("2026-03") in the locale. */
export function formatLedgerMonthIn(month: string, texts: Texts): string {
  if (texts.locale === "en") return formatLedgerMonth(month);
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  // Mid-month at noon UTC: the same month in every time zone.
  return texts.month(new Date(Date.UTC(year, monthNumber - 1, 15, 12)), "UTC");
}

export function renderBudget(scope: BrandScope, spend: MonthSpend, texts: Texts = englishTexts()): string {
  const { brand } = scope;
  const { t, usd } = texts;
  const committed = committedUsd(spend);
  const cap = brand.monthly_budget_usd;
  const percent = cap > 0 ? ` (${texts.percent(committed / cap)})` : "";
  const lines = [
    t("budget-title", {
      month: formatLedgerMonthIn(spend.month, texts),
      timeZone: escapeHtml(brand.time_zone),
    }),
    t("budget-spent", { spent: usd(committed), cap: usd(cap), percent }),
  ];
  if (spend.reservedUsd > 0) lines.push(t("budget-reserved", { reserved: usd(spend.reservedUsd) }));
  lines.push(t("budget-projected", { projected: usd(spend.projectedUsd) }));
  if (spend.projectedUsd > cap) lines.push(t("budget-over-pace"));
  lines.push("");
  const operations = sortedEntries(spend.byOperation);
  if (operations.length === 0) {
    lines.push(t(spend.reservedUsd > 0 ? "budget-nothing-settled" : "budget-nothing-spent"));
  } else {
    lines.push(
      t("budget-by-operation"),
      ...operations.map(([name, amount]) => `• ${escapeHtml(name)}: ${usd(amount)}`),
    );
    lines.push(
      t("budget-by-provider"),
      ...sortedEntries(spend.byProvider).map(([name, amount]) => `• ${escapeHtml(name)}: ${usd(amount)}`),
    );
  }
  lines.push("", t("budget-hint"));
  return withBrandHeading(scope, lines.join("\n"));
}

/** +$5, +$20 and ×2 from the current cap (each only while it stays within the maximum), and a typed amount. */
export function budgetKeyboard(
  brandId: number,
  capUsd: number,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const fromCents = Math.round(capUsd * 100);
  const options = [
    { label: `+${texts.locale === "en" ? "$5" : texts.usd(5)}`, toCents: fromCents + 500 },
    { label: `+${texts.locale === "en" ? "$20" : texts.usd(20)}`, toCents: fromCents + 2_000 },
    { label: "×2", toCents: fromCents * 2 },
  ].filter((option) => option.toCents <= MAX_MONTHLY_BUDGET_USD * 100);
  const keyboard = new InlineKeyboard();
  for (const option of options)
    keyboard.text(option.label, settingsCallback.budgetSet(brandId, fromCents, option.toCents));
  return keyboard.row().text(texts.t("budget-type-amount"), settingsCallback.budgetEdit(brandId));
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record)
    .filter(([, usd]) => usd > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}
