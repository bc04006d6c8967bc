import type { TextPayload } from "../notifications/telegram-outbox.ts";
import { settingsCallback } from "../owner-settings/settings-callbacks.ts";
import { escapeHtml } from "../shared/telegram-html.ts";

/**
 * What the owner reads in Telegram about their Instagram connection. Telegram HTML, every dynamic value
 * escaped; never a token, a code or a state. Pure.
 */

function brandLine(brandName: string): string {
  return `🏷 <b>${escapeHtml(brandName)}</b>`;
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

export function connectedNotice(input: { brandName: string; username: string }): TextPayload {
  return html(
    `${brandLine(input.brandName)}\n✅ Instagram connected: approved posts now go out as <b>@${escapeHtml(input.username)}</b>.`,
  );
}

export type ConnectFailure =
  { kind: "denied" } | { kind: "expired" } | { kind: "used" } | { kind: "exchange_failed"; detail: string };

export function connectFailedNotice(brandName: string, failure: ConnectFailure): TextPayload {
  const why = {
    denied: "You did not allow Greenlight to use the Instagram account, so nothing was connected.",
    expired: "The connection link expired (links work for 10 minutes), so nothing was connected.",
    used: "A connection link that had already been used was opened again. It was refused; nothing changed.",
    exchange_failed: `Instagram did not complete the connection: ${escapeHtml(failure.kind === "exchange_failed" ? failure.detail : "")} Nothing was stored.`,
  }[failure.kind];
  return html(`${brandLine(brandName)}\n⚠️ ${why}\nSend /connect to try again.`);
}

/** The token is gone; publishing waits for a reconnect and nothing queued is lost. */
export function reconnectNotice(input: {
  brandId: number;
  brandName: string;
  username: string;
  reason: string;
}): TextPayload {
  return html(
    [
      brandLine(input.brandName),
      `🔌 Instagram disconnected <b>@${escapeHtml(input.username)}</b>. ${escapeHtml(input.reason)}`,
      "Greenlight deleted its access token. Approved posts wait and nothing is lost; reconnect to publish again.",
    ].join("\n"),
    reconnectKeyboard(input.brandId),
  );
}
