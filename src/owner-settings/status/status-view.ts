import type { CommentsSetting } from "../../comments/comments-setting.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { describeStoredFeedProblem } from "../../ingest/feed-problem.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import type { BrandScope } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import type { BrandStatus } from "./status-queries.ts";
import { daysUntil } from "../shared/time-text.ts";

/** Instagram long-lived tokens last 60 days and are refreshed automatically; warn when one is about to lapse. */
const TOKEN_WARNING_DAYS = 7;

export function renderStatus(
  scope: BrandScope,
  status: BrandStatus,
  spentUsd: number,
  now: Date,
  texts: Texts = englishTexts(),
): string {
  const { brand } = scope;
  const { t } = texts;
  const lines = [t("status-title")];
  if (brand.paused) lines.push(t("status-paused"));
  lines.push(t("status-instagram", { state: describeInstagram(status, brand.time_zone, now, texts) }));
  lines.push(t("status-feeds", { state: describeFeeds(status, texts) }));
  lines.push(t("status-drafts-waiting", { count: Number(status.draftsWaiting) }));
  lines.push(
    status.nextPostAt
      ? t("status-next-post", {
          when: escapeHtml(texts.slot(status.nextPostAt, brand.time_zone, now)),
          queued: Number(status.queued),
        })
      : t("status-next-post-none"),
  );
  const cap = brand.monthly_budget_usd;
  const percent = cap > 0 ? ` (${texts.percent(spentUsd / cap)})` : "";
  lines.push(t("status-comments", { setting: status.commentsToTelegram satisfies CommentsSetting }));
  lines.push(t("status-spend", { spent: texts.usd(spentUsd), cap: texts.usd(cap), percent }));
  return withBrandHeading(scope, lines.join("\n"));
}

function describeInstagram(status: BrandStatus, timeZone: string, now: Date, texts: Texts): string {
  const account = status.instagram;
  if (!account) return texts.t("status-instagram-none");
  const name = `@${escapeHtml(account.username)}`;
  if (account.status !== "connected" || !account.has_token)
    return texts.t("status-instagram-disconnected", { account: name });
  const connection = describeConnection(name, account.token_expires_at, timeZone, now, texts);
  const paused = account.calls_paused_until;
  if (!paused || paused.getTime() <= now.getTime()) return connection;
  return texts.t("status-instagram-slowed", {
    connection,
    when: escapeHtml(texts.slot(paused, timeZone, now)),
  });
}

function describeConnection(
  name: string,
  expiresAt: Date | null,
  timeZone: string,
  now: Date,
  texts: Texts,
): string {
  if (!expiresAt) return texts.t("status-instagram-connected", { account: name });
  const days = daysUntil(expiresAt, now);
  const date = texts.date(expiresAt, timeZone);
  if (days < 0) return texts.t("status-instagram-expired", { account: name, date });
  const warn = days < TOKEN_WARNING_DAYS ? "yes" : "no";
  return texts.t("status-instagram-valid", { account: name, date, days, warn });
}

function describeFeeds(status: BrandStatus, texts: Texts): string {
  const { total, failing, lastError } = status.feeds;
  if (Number(total) === 0) return texts.t("status-feeds-none");
  if (Number(failing) === 0) return texts.t("status-feeds-healthy", { total: Number(total) });
  const reason = lastError ? describeStoredFeedProblem(lastError, texts) : "";
  const error = reason ? `: ${escapeHtml(reason.length > 120 ? `${reason.slice(0, 119)}…` : reason)}` : "";
  return texts.t("status-feeds-failing", { total: Number(total), failing: Number(failing), error });
}
