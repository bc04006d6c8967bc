import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { TextPayload } from "../notifications/telegram-outbox.ts";
import { withBrandHeading } from "../owner-settings/brands/brand-views.ts";
import { settingsCallback } from "../owner-settings/shared/settings-callbacks.ts";
import { escapeHtml } from "../shared/telegram-html.ts";

/**
 * What the owner reads in Telegram about their Instagram connection, in their language (notices.ftl). Telegram
 * HTML, every dynamic value escaped; never a token, a code or a state. Pure.
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
export function reconnectKeyboard(brandId: number, texts: Texts = englishTexts()) {
  return {
    inline_keyboard: [
      [{ text: texts.t("ig-reconnect-button"), callback_data: settingsCallback.instagramConnect(brandId) }],
    ],
  };
}

export function connectedNotice(
  input: NoticeBrand & { username: string },
  texts: Texts = englishTexts(),
): TextPayload {
  return html(aboutBrand(input, texts.t("ig-connected", { username: escapeHtml(input.username) })));
}

/** Why a login could not be completed, as the owner is told it: each has its ig-failure-* message. */
export type ConnectFailureReason =
  | "unreachable"
  | "unreadable"
  | "code-refused"
  | "not-professional"
  | "token-refused"
  | "no-code"
  | "no-publish-permission";

export type ConnectFailure =
  | { kind: "denied" }
  | { kind: "expired" }
  | { kind: "used" }
  | { kind: "exchange_failed"; reason: ConnectFailureReason }
  /** Instagram sent the callback with an `error` of its own (not a refusal): `error` is its code. */
  | { kind: "instagram_error"; error: string };

export function connectFailedNotice(
  brand: NoticeBrand,
  failure: ConnectFailure,
  texts: Texts = englishTexts(),
): TextPayload {
  const why =
    failure.kind === "exchange_failed"
      ? texts.t("ig-connect-failed", { detail: texts.t(`ig-failure-${failure.reason}`) })
      : failure.kind === "instagram_error"
        ? texts.t("ig-connect-failed", {
            detail: texts.t("ig-failure-error", { error: escapeHtml(failure.error) }),
          })
        : texts.t(`ig-connect-${failure.kind}`);
  return html(aboutBrand(brand, `${why}\n${texts.t("ig-connect-try-again")}`));
}

/** The token is gone; publishing waits for a reconnect and nothing queued is lost. */
export function reconnectNotice(
  input: NoticeBrand & { brandId: number; username: string; reason: string; reasonKey?: string | undefined },
  texts: Texts = englishTexts(),
): TextPayload {
  return html(
    aboutBrand(
      input,
      texts.t("ig-disconnected-notice", {
        username: escapeHtml(input.username),
        reason: input.reasonKey ? texts.t(input.reasonKey) : escapeHtml(input.reason),
      }),
    ),
    reconnectKeyboard(input.brandId, texts),
  );
}
