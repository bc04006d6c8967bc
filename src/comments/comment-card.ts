import { escapeHtml, htmlLink } from "../shared/telegram-html.ts";
import type { TextPayload } from "../notifications/telegram-outbox.ts";

export interface CommentCard {
  brandName: string;
  /** The post's caption, shortened on the card to say which post it is. */
  caption: string;
  permalink: string | null;
  commenterUsername: string | null;
  text: string;
  isReply: boolean;
}

const CAPTION_EXCERPT = 60;

/**
 * The small card a new comment makes in the brand's chat: which post, who, what they wrote. Text from Instagram
 * is escaped (Telegram refuses a whole message over one stray `<`). Pure.
 */
export function renderCommentCard(card: CommentCard): TextPayload {
  const firstLine = card.caption.split("\n")[0]!.trim();
  const excerpt =
    firstLine.length > CAPTION_EXCERPT ? `${firstLine.slice(0, CAPTION_EXCERPT - 1).trimEnd()}…` : firstLine;
  const post = htmlLink(card.permalink, `“${excerpt || "your post"}”`);
  const who = card.commenterUsername ? `@${card.commenterUsername}` : "Someone";
  const what = card.isReply ? "replied to a comment on" : "commented on";
  const text = card.text.trim() === "" ? "<i>(no text)</i>" : escapeHtml(card.text);
  return {
    text: `💬 <b>${escapeHtml(card.brandName)}</b>: ${escapeHtml(who)} ${what} ${post}\n\n${text}`,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  };
}
