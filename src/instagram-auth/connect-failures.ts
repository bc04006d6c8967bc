import type { InstagramApiError } from "../instagram/instagram-api-error.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { ConnectFailureReason } from "./owner-notices.ts";

/**
 * Why an Instagram login could not be completed: as a reason (its ig-failure-* message in notices.ftl), that
 * message in the visitor's language for the page, and the HTTP status the callback answers. Pure.
 *
 * A refused code or token is the request's problem (400: the code is single-use and lives an hour, §A.2);
 * Instagram being unreachable or failing is an upstream problem (502), which the owner can simply retry.
 */
export interface ConnectFailureDescription {
  status: 400 | 502;
  detail: string;
  reason: ConnectFailureReason;
}

export function describeConnectFailure(
  error: Pick<InstagramApiError, "step" | "origin" | "httpStatus" | "code">,
  texts: Texts = englishTexts(),
): ConnectFailureDescription {
  const { status, reason } = classify(error);
  return { status, reason, detail: texts.t(`ig-failure-${reason}`) };
}

function classify(
  error: Pick<InstagramApiError, "step" | "origin" | "httpStatus" | "code">,
): Omit<ConnectFailureDescription, "detail"> {
  const upstream =
    error.origin === "network" ||
    error.origin === "timeout" ||
    (error.httpStatus !== null && error.httpStatus >= 500) ||
    error.code === 1 ||
    error.code === 2;
  if (upstream)
    return {
      status: 502,
      reason: "unreachable",
    };
  if (error.origin === "unexpected_body" || error.origin === "http") {
    return {
      status: 502,
      reason: "unreadable",
    };
  }
  switch (error.step) {
    case "exchange_code":
      return {
        status: 400,
        reason: "code-refused",
      };
    case "get_profile":
      return {
        status: 400,
        reason: "not-professional",
      };
    default:
      return {
        status: 400,
        reason: "token-refused",
      };
  }
}

/** The permission Greenlight cannot work without; Instagram reports the granted list with the code exchange. */
export const PUBLISH_PERMISSION = "instagram_business_content_publish";

/**
 * True when Instagram says which permissions were granted and publishing is not among them. An empty list is
 * taken as "not reported" rather than "none granted".
 */
export function lacksPublishPermission(granted: readonly string[]): boolean {
  return granted.length > 0 && !granted.includes(PUBLISH_PERMISSION);
}
