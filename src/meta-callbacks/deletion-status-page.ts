import { englishTexts, type Texts } from "../i18n/texts.ts";
import { renderSimplePage } from "../instagram-auth/html-page.ts";
import type { DeletionRequest } from "./deletion-requests.ts";

/**
 * The page behind the URL Meta shows the user: what happened to their request, in words, as Meta requires
 * ("a human-readable explanation of the status of their request", platform-apis.md §C.2), in the visitor's
 * language. Times stay in UTC: the visitor's time zone is unknown. Pure.
 */
export function renderDeletionStatusPage(request: DeletionRequest, texts: Texts = englishTexts()): string {
  const status =
    request.status === "completed" && request.completedAt
      ? texts.t("web-deletion-completed", { date: formatUtc(request.completedAt) })
      : texts.t("web-deletion-pending", { date: formatUtc(request.requestedAt) });
  return renderSimplePage({
    lang: texts.locale,
    title: texts.t("web-deletion-title"),
    paragraphs: [
      texts.t("web-deletion-code", { code: request.confirmationCode }),
      status,
      texts.t("web-deletion-kept"),
    ],
  });
}

export function renderUnknownDeletionPage(texts: Texts = englishTexts()): string {
  return renderSimplePage({
    lang: texts.locale,
    title: texts.t("web-deletion-unknown-title"),
    paragraphs: [texts.t("web-deletion-unknown")],
  });
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
