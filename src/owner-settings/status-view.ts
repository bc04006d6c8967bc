import { describeCommentsSetting } from "../comments/comments-setting.ts";
import { formatSlotForOwner } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandScope } from "./brand-queries.ts";
import { withBrandHeading } from "./brand-views.ts";
import { formatUsd } from "./budget-view.ts";
import type { BrandStatus } from "./status-queries.ts";
import { daysUntil, formatLocalDate } from "./time-text.ts";

/** Instagram long-lived tokens last 60 days and are refreshed automatically; warn when one is about to lapse. */
const TOKEN_WARNING_DAYS = 7;

export function renderStatus(scope: BrandScope, status: BrandStatus, spentUsd: number, now: Date): string {
  const { brand } = scope;
  const lines = [`<b>Status</b>`];
  if (brand.paused) lines.push("⏸ Paused: no drafting or publishing until /resume.");
  lines.push(`📷 Instagram: ${describeInstagram(status, brand.time_zone, now)}`);
  lines.push(`📰 Feeds: ${describeFeeds(status)}`);
  lines.push(`📝 Drafts waiting for review: ${status.draftsWaiting}`);
  lines.push(
    status.nextPostAt
      ? `🗓 Next post: ${escapeHtml(formatSlotForOwner(status.nextPostAt, brand.time_zone, now))} (${status.queued} in /queue)`
      : "🗓 Next post: none scheduled",
  );
  const cap = brand.monthly_budget_usd;
  const percent = cap > 0 ? ` (${Math.round((spentUsd / cap) * 100)}%)` : "";
  lines.push(`💬 ${describeCommentsSetting(status.commentsToTelegram)}`);
  lines.push(`💰 AI spend this month: ${formatUsd(spentUsd)} of ${formatUsd(cap)}${percent} (/budget)`);
  return withBrandHeading(scope, lines.join("\n"));
}

function describeInstagram(status: BrandStatus, timeZone: string, now: Date): string {
  const account = status.instagram;
  if (!account) return "not connected (/connect)";
  const name = `@${escapeHtml(account.username)}`;
  if (account.status !== "connected" || !account.has_token) return `${name} disconnected (/connect)`;
  const connection = describeConnection(name, account.token_expires_at, timeZone, now);
  const paused = account.calls_paused_until;
  if (!paused || paused.getTime() <= now.getTime()) return connection;
  return `${connection}. Instagram asked Greenlight to slow down: posting resumes after ${escapeHtml(formatSlotForOwner(paused, timeZone, now))}`;
}

function describeConnection(name: string, expiresAt: Date | null, timeZone: string, now: Date): string {
  if (!expiresAt) return `connected as ${name}`;
  const days = daysUntil(expiresAt, now);
  if (days < 0)
    return `connected as ${name}, but the token expired on ${formatLocalDate(expiresAt, timeZone)}: /connect again`;
  const warning = days < TOKEN_WARNING_DAYS ? " ⚠️" : "";
  return `connected as ${name}; token valid until ${formatLocalDate(expiresAt, timeZone)} (${days} day${days === 1 ? "" : "s"})${warning}`;
}

function describeFeeds(status: BrandStatus): string {
  const { total, failing, lastError } = status.feeds;
  if (total === 0) return "none (/feeds)";
  if (failing === 0) return `${total}, all healthy`;
  const error = lastError
    ? `: ${escapeHtml(lastError.length > 120 ? `${lastError.slice(0, 119)}…` : lastError)}`
    : "";
  return `${total}, ${failing} failing${error} (/feeds)`;
}
