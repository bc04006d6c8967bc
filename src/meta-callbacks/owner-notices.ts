import type { TextPayload } from "../notifications/telegram-outbox.ts";
import { countNoun } from "../shared/count-noun.ts";
import { escapeHtml } from "../shared/telegram-html.ts";

/** What the owner reads in Telegram when Meta acts for the Instagram user. Telegram HTML, values escaped. Pure. */

/** Shown after "Instagram disconnected @name." when Meta's deauthorize callback arrives. */
export const DEAUTHORIZED_REASON = "Greenlight was removed from the Instagram account's apps and websites.";

export function dataDeletedNotice(input: {
  brandName: string;
  username: string;
  drafts: number;
  articles: number;
}): TextPayload {
  const text = [
    `🏷 <b>${escapeHtml(input.brandName)}</b>`,
    `🗑 Instagram asked Greenlight to delete the data it holds for <b>@${escapeHtml(input.username)}</b> (a data deletion request made on Instagram or Facebook).`,
    `Done: the Instagram connection and its token, ${countNoun(input.drafts, "draft or post", "drafts and posts")} with their images, ${countNoun(input.articles, "article", "articles")} and the AI usage records of this brand are deleted.`,
    "The brand's settings and feeds stay. /connect links an Instagram account again.",
  ].join("\n");
  return { text, parse_mode: "HTML", link_preview_options: { is_disabled: true } };
}
