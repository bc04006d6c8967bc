import type { InstagramApiError } from "../instagram/instagram-api-error.ts";
import type { ConnectFailureReason } from "./owner-notices.ts";

/**
 * Why an Instagram login could not be completed: in plain English words for the page, as a reason the Telegram
 * message names in the owner's language (ig-failure-* in notices.ftl), and the HTTP status the callback answers.
 * Pure.
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
): ConnectFailureDescription {
  const upstream =
    error.origin === "network" ||
    error.origin === "timeout" ||
    (error.httpStatus !== null && error.httpStatus >= 500) ||
    error.code === 1 ||
    error.code === 2;
  if (upstream)
    return {
      status: 502,
      detail: "Instagram could not be reached or had a temporary problem.",
      reason: "unreachable",
    };
  if (error.origin === "unexpected_body" || error.origin === "http") {
    return {
      status: 502,
      detail: "Instagram gave an answer Greenlight could not read.",
      reason: "unreadable",
    };
  }
  switch (error.step) {
    case "exchange_code":
      return {
        status: 400,
        detail: "Instagram refused the login code (it works once, for one hour).",
        reason: "code-refused",
      };
    case "get_profile":
      return {
        status: 400,
        detail:
          "Instagram did not let Greenlight read the account. Only professional (business or creator) accounts can be connected.",
        reason: "not-professional",
      };
    default:
      return {
        status: 400,
        detail: "Instagram refused to issue a lasting access token.",
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
