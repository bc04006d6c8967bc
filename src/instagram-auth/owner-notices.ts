import type { TextPayload } from "../notifications/telegram-outbox.ts";
import { withBrandHeading } from "../owner-settings/brand-views.ts";
import { settingsCallback } from "../owner-settings/settings-callbacks.ts";
import { escapeHtml } from "../shared/telegram-html.ts";

/**
 * What the owner reads in Telegram about their Instagram connection. Telegram HTML, every dynamic value
 * escaped; never a token, a code or a state. Pure.
 */

/** Which brand a notice is about, named only when the owner has several (as every reply about a brand). */
interface NoticeBrand {
  brandName: string;
  brandCount: number;
}

function aboutBrand(brand: NoticeBrand, body: string): string {
  return withBrandHeading({ brandCount: brand.brandCount, brand: { name: brand.brandName } }, body);
}

function html(text: string, reply_markup?: TextPayload["reply_markup"]): TextPayload {
  return { text, parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup };
}

/** A button that makes a fresh /connect link (a link in the message itself would have expired by the time it is read). */
export function reconnectKeyboard(brandId: number) {
  return {
    inline_keyboard: [
      [{ text: "🔗 Reconnect Instagram", callback_data: settingsCallback.instagramConnect(brandId) }],
    ],
  };
}

export function connectedNotice(input: NoticeBrand & { username: string }): TextPayload {
  return html(
    aboutBrand(
      input,
      `✅ Instagram connected: approved posts now go out as <b>@${escapeHtml(input.username)}</b>.`,
    ),
  );
}

export type ConnectFailure =
  { kind: "denied" } | { kind: "expired" } | { kind: "used" } | { kind: "exchange_failed"; detail: string };

export function connectFailedNotice(brand: NoticeBrand, failure: ConnectFailure): TextPayload {
  const why = {
    denied: "You did not allow Greenlight to use the Instagram account, so nothing was connected.",
    expired: "The connection link expired (links work for 10 minutes), so nothing was connected.",
    used: "A connection link that had already been used was opened again. It was refused; nothing changed.",
    exchange_failed: `Instagram did not complete the connection: ${escapeHtml(failure.kind === "exchange_failed" ? failure.detail : "")} Nothing was stored.`,
  }[failure.kind];
  return html(aboutBrand(brand, `⚠️ ${why}\nSend /connect to try again.`));
}

/** The token is gone; publishing waits for a reconnect and nothing queued is lost. */
export function reconnectNotice(
  input: NoticeBrand & { brandId: number; username: string; reason: string },
): TextPayload {
  return html(
    aboutBrand(
      input,
      [
        `🔌 Instagram disconnected <b>@${escapeHtml(input.username)}</b>. ${escapeHtml(input.reason)}`,
        "Greenlight deleted its access token. Approved posts wait and nothing is lost; reconnect to publish again.",
      ].join("\n"),
    ),
    reconnectKeyboard(input.brandId),
  );
}
