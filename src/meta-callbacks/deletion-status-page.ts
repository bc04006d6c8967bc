import { renderSimplePage } from "../instagram-auth/html-page.ts";
import type { DeletionRequest } from "./deletion-requests.ts";

/**
 * The page behind the URL Meta shows the user: what happened to their request, in words, as Meta requires
 * ("a human-readable explanation of the status of their request", platform-apis.md §C.2). Pure.
 */
export function renderDeletionStatusPage(request: DeletionRequest): string {
  const what =
    "the Instagram connection and its access token, and the drafts, posts, images, news articles and AI usage records of every brand that used this Instagram account";
  const status =
    request.status === "completed" && request.completedAt
      ? `Status: completed on ${formatUtc(request.completedAt)}. Greenlight deleted ${what}.`
      : `Status: in progress, received on ${formatUtc(request.requestedAt)}. Greenlight is deleting ${what}; this usually takes less than a minute. Reload this page to see when it is done.`;
  return renderSimplePage({
    title: "Data deletion request",
    paragraphs: [
      `Confirmation code: ${request.confirmationCode}`,
      status,
      "Greenlight keeps nothing else from your Instagram account. The business owner's own brand settings (name, topic, news feeds, posting schedule) stay with them, as they are not data from Instagram.",
    ],
  });
}

export function renderUnknownDeletionPage(): string {
  return renderSimplePage({
    title: "No such deletion request",
    paragraphs: [
      "Greenlight has no data deletion request with this confirmation code. Check the link Meta gave you.",
    ],
  });
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
