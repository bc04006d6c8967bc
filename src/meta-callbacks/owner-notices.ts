import type { TextPayload } from "../notifications/telegram-outbox.ts";
import type { Texts } from "../i18n/texts.ts";
import { escapeHtml } from "../shared/telegram-html.ts";

/** What the owner reads in Telegram when Meta acts for the Instagram user. Telegram HTML, values escaped. Pure. */

/** Shown after "Instagram disconnected @name." when Meta's deauthorize callback arrives. */
export const DEAUTHORIZED_REASON = "Greenlight was removed from the Instagram account's apps and websites.";

export function dataDeletedNotice(
  input: { brandName: string; username: string; drafts: number; articles: number },
  texts: Texts,
): TextPayload {
  const text = [
    `🏷 <b>${escapeHtml(input.brandName)}</b>`,
    texts.t("data-deleted-request", { username: escapeHtml(input.username) }),
    texts.t("data-deleted-done", { drafts: input.drafts, articles: input.articles }),
    texts.t("data-deleted-kept"),
  ].join("\n");
  return { text, parse_mode: "HTML", link_preview_options: { is_disabled: true } };
}
