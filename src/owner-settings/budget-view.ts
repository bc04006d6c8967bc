import { InlineKeyboard } from "grammy";
import type { MonthSpend } from "../budget/ledger.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { settingsCallback } from "./settings-callbacks.ts";
import { MAX_MONTHLY_BUDGET_USD } from "./settings-input.ts";

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

export function renderBudget(scope: BrandScope, spend: MonthSpend): string {
  const { brand } = scope;
  const committed = committedUsd(spend);
  const cap = brand.monthly_budget_usd;
  const percent = cap > 0 ? ` (${Math.round((committed / cap) * 100)}%)` : "";
  const lines = [
    `<b>AI budget · ${formatLedgerMonth(spend.month)}</b> (${escapeHtml(brand.time_zone)})`,
    `Spent so far: <b>${formatUsd(committed)}</b> of ${formatUsd(cap)}${percent}`,
  ];
  if (spend.reservedUsd > 0) lines.push(`Of which in progress (reserved): ${formatUsd(spend.reservedUsd)}`);
  lines.push(`Projected by the end of the month: ${formatUsd(spend.projectedUsd)}`);
  if (spend.projectedUsd > cap)
    lines.push("⚠️ At this pace the cap is reached before the month ends; drafting stops then.");
  lines.push("");
  const operations = sortedEntries(spend.byOperation);
  if (operations.length === 0) {
    lines.push(spend.reservedUsd > 0 ? "Nothing settled yet this month." : "Nothing spent yet this month.");
  } else {
    lines.push(
      "By operation:",
      ...operations.map(([name, usd]) => `• ${escapeHtml(name)}: ${formatUsd(usd)}`),
    );
    lines.push(
      "By provider:",
      ...sortedEntries(spend.byProvider).map(([name, usd]) => `• ${escapeHtml(name)}: ${formatUsd(usd)}`),
    );
  }
  lines.push("", "Change the monthly cap with the buttons, or send e.g. /budget 25.");
  return withBrandHeading(scope, lines.join("\n"));
}

/** +$5, +$20 and ×2 from the current cap (each only while it stays within the maximum), and a typed amount. */
export function budgetKeyboard(brandId: number, capUsd: number): InlineKeyboard {
  const fromCents = Math.round(capUsd * 100);
  const options = [
    { label: "+$5", toCents: fromCents + 500 },
    { label: "+$20", toCents: fromCents + 2_000 },
    { label: "×2", toCents: fromCents * 2 },
  ].filter((option) => option.toCents <= MAX_MONTHLY_BUDGET_USD * 100);
  const keyboard = new InlineKeyboard();
  for (const option of options)
    keyboard.text(option.label, settingsCallback.budgetSet(brandId, fromCents, option.toCents));
  return keyboard.row().text("✏️ Type an amount", settingsCallback.budgetEdit(brandId));
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record)
    .filter(([, usd]) => usd > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}
