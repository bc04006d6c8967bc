/**
 * What an Instagram failure means for a post: retry, wait, rebuild the container, give up, or disconnect the
 * brand; and the words the owner sees, as messages of notices.ftl (kept in drafts.last_error, shown in the
 * reader's language). Pure: no I/O.
 *
 * Source: Meta's publishing error codes and Graph API error handling, as tabulated in platform-apis.md §B.5,
 * plus the double-posting rules of §B.6 (after an ambiguous publish failure, read the container's status_code
 * before anything else: PUBLISHED means it went out).
 */

import { englishTexts, type Texts } from "../i18n/texts.ts";
import { describeMessage, type StoredMessage } from "../i18n/stored-message.ts";
import type { InstagramFailureOrigin } from "../instagram/instagram-api-error.ts";

/**
 * - transient: the post can still go out; try again later as `recovery` says.
 * - permanent: this post cannot go out as it is; tell the owner.
 * - token_invalid: the account's token is dead (code 190); disconnect the brand and ask the owner to reconnect.
 */
export type PublishFailureKind = "transient" | "permanent" | "token_invalid";

export type PublishRecovery =
  /** Send the same call again after a short backoff. */
  | "retry"
  /** Rate limited: send it again after a long pause. */
  | "back_off"
  /** The account's 24-hour publishing quota is used up: try when the window frees a post. */
  | "wait_for_quota"
  /** The container is still processing: poll its status_code, publish when FINISHED. */
  | "wait_for_container"
  /** This container is dead (expired, failed): create a new one from the same image and caption. */
  | "new_container"
  /**
   * The publish call may have gone through (no answer, 5xx, 4/2207051). Read the container's status_code first:
   * PUBLISHED is success, FINISHED may be published again, IN_PROGRESS waits, ERROR/EXPIRED need a new one.
   */
  | "check_container"
  /** The image breaks Instagram's rules; a new image is needed. */
  | "fix_media"
  /** The caption breaks Instagram's rules; it must be edited. */
  | "fix_caption"
  /** Something only the owner can fix in the Instagram app (restricted account). */
  | "owner_action"
  /** The owner must connect Instagram again (dead token, or a permission was not granted). */
  | "reconnect"
  /** Nothing to do but report it (a bug on our side, or an error we do not know). */
  | "give_up";

export interface PublishFailureClass {
  kind: PublishFailureKind;
  recovery: PublishRecovery;
  /**
   * Plain words for the owner, free of codes they cannot act on: a `publish-reason-*` or `ig-reason-*` message,
   * wrapped in a `publish-then-*` one when a sentence promises what Greenlight does next.
   */
  reason: StoredMessage;
  /**
   * How many attempts this failure deserves in total, where Meta's guidance says so ("retry 1–2 times");
   * null leaves it to the publisher's normal backoff policy. Always 1 for permanent failures.
   */
  attemptLimit: number | null;
}

/** The facts an `InstagramApiError` carries; a structural type so the classifier needs no adapter instance. */
export interface InstagramFailureFacts {
  step: string;
  origin: InstagramFailureOrigin;
  httpStatus: number | null;
  code: number | null;
  subcode: number | null;
  metaTransient?: boolean | null;
}

/** The messages that add what Greenlight does next to a reason (`$reason`); dropped once it stopped trying. */
export const PROMISE_KEYS = new Set([
  "publish-then-retry-soon",
  "publish-then-retry-later",
  "publish-then-checking",
  "publish-then-checking-before-retry",
  "publish-then-when-window-allows",
]);

/** The `publish-reason-*` message `name`, followed by the promise `then` (a `publish-then-*` name) if given. */
export function publishReason(name: string, then?: string): StoredMessage {
  const reason = { key: `publish-reason-${name}` };
  return then ? { key: `publish-then-${then}`, args: { reason } } : reason;
}

const WILL_RETRY = "retry-soon";

/** The failure's words in `texts`' language; English, as the operator reads them, when none is given. */
export function describeFailure(failure: PublishFailureClass, texts: Texts = englishTexts()): string {
  return describeMessage(failure.reason, texts);
}

function transient(
  recovery: PublishRecovery,
  reason: StoredMessage,
  attemptLimit: number | null = null,
): PublishFailureClass {
  return { kind: "transient", recovery, reason, attemptLimit };
}

function permanent(recovery: PublishRecovery, reason: StoredMessage): PublishFailureClass {
  return { kind: "permanent", recovery, reason, attemptLimit: 1 };
}

/** Instagram publishing errors by subcode (each subcode belongs to one code). Source: §B.5's table. */
const BY_SUBCODE: Record<number, PublishFailureClass> = {
  2207001: transient("retry", publishReason("instagram-internal", WILL_RETRY)),
  2207003: transient("retry", publishReason("download-timed-out", WILL_RETRY), 3),
  2207004: permanent("fix_media", publishReason("image-too-large")),
  2207005: permanent("fix_media", publishReason("not-jpeg")),
  2207006: transient("new_container", publishReason("container-lost", WILL_RETRY), 2),
  2207008: transient("retry", publishReason("not-ready", WILL_RETRY), 3),
  2207009: permanent("fix_media", publishReason("aspect-ratio")),
  2207010: permanent("fix_caption", publishReason("caption-too-long")),
  2207020: transient("new_container", publishReason("container-expired", WILL_RETRY), 2),
  2207023: permanent("give_up", publishReason("unknown-media-type")),
  2207026: permanent("fix_media", publishReason("video-format")),
  2207027: transient("wait_for_container", publishReason("still-processing", WILL_RETRY)),
  2207028: permanent("give_up", publishReason("carousel-size-bug")),
  2207032: transient("new_container", publishReason("not-prepared", WILL_RETRY), 3),
  2207035: permanent("fix_caption", publishReason("product-tag")),
  2207036: permanent("fix_caption", publishReason("product-tag")),
  2207037: permanent("fix_caption", publishReason("tagged-account")),
  2207040: permanent("fix_caption", publishReason("too-many-mentions")),
  2207042: transient("wait_for_quota", publishReason("daily-limit", "when-window-allows")),
  2207050: permanent("owner_action", publishReason("account-restricted")),
  // "We restrict certain activity": the post may have gone live anyway (§B.6, postiz-app PR #1681).
  2207051: transient("check_container", publishReason("flagged-automated", "checking-before-retry"), 2),
  2207052: transient("retry", publishReason("download-failed"), 2),
  2207053: transient("new_container", publishReason("upload-failed", WILL_RETRY), 3),
};

/** The same errors when Meta sends the code without a subcode. */
const BY_CODE: Record<number, PublishFailureClass> = {
  [-2]: BY_SUBCODE[2207003]!,
  [-1]: BY_SUBCODE[2207001]!,
  24: BY_SUBCODE[2207006]!,
  25: BY_SUBCODE[2207050]!,
  352: BY_SUBCODE[2207026]!,
  9004: BY_SUBCODE[2207052]!,
  9007: BY_SUBCODE[2207027]!,
  36000: BY_SUBCODE[2207004]!,
  36001: BY_SUBCODE[2207005]!,
  36003: BY_SUBCODE[2207009]!,
  36004: BY_SUBCODE[2207010]!,
};

/** Code 190 subcodes (Graph API error handling): their `ig-reason-*` messages. */
const TOKEN_REASONS: Record<number, string> = {
  458: "ig-reason-removed",
  459: "ig-reason-confirm-in-app",
  460: "ig-reason-password-changed",
  463: "ig-reason-expired",
  464: "ig-reason-confirm-account",
};

/**
 * Graph API codes to retry with backoff: 4, 17, 32, 341, 613 throttling; 368 temporary block; 80002 too many
 * calls to this Instagram account (its Business Use Case limit, reported in X-Business-Use-Case-Usage).
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 368, 613, 80002]);

/**
 * Classifies a failed Instagram call. Order matters: dead tokens first (they need the owner whatever the call),
 * then Meta's subcode, then its code, then HTTP and transport facts.
 */
export function classifyInstagramFailure(facts: InstagramFailureFacts): PublishFailureClass {
  const { code, subcode, step } = facts;
  const publishing = step === "publish";

  if (facts.origin === "network" || facts.origin === "timeout") {
    const silence = facts.origin === "timeout" ? "no-answer" : "unreachable";
    return publishing
      ? transient("check_container", publishReason(`${silence}-while-publishing`, "checking"))
      : transient("retry", publishReason(silence, WILL_RETRY));
  }

  if (code === 190) {
    return {
      kind: "token_invalid",
      recovery: "reconnect",
      reason: { key: TOKEN_REASONS[subcode ?? -1] ?? "ig-reason-refused" },
      attemptLimit: 1,
    };
  }

  const known =
    (subcode !== null ? BY_SUBCODE[subcode] : undefined) ?? (code !== null ? BY_CODE[code] : undefined);
  if (known) return publishing && known.recovery === "retry" ? asCheckContainer(known) : known;

  if (code === 9) return transient("wait_for_quota", BY_SUBCODE[2207042]!.reason);
  if (code !== null && RATE_LIMIT_CODES.has(code)) {
    return transient("back_off", publishReason("slow-down", "retry-later"));
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return permanent("reconnect", publishReason("no-publish-permission"));
  }
  if (code === 506) return permanent("give_up", publishReason("duplicate"));

  const serverSide = facts.httpStatus !== null && (facts.httpStatus >= 500 || facts.httpStatus === 429);
  if (code === 1 || code === 2 || serverSide || facts.metaTransient === true) {
    const outage = transient("retry", publishReason("temporary-problem", WILL_RETRY));
    return publishing ? asCheckContainer(outage) : outage;
  }
  if (facts.origin === "unexpected_body") {
    return publishing
      ? transient("check_container", publishReason("unreadable-answer-while-publishing", "checking"))
      : transient("retry", publishReason("unreadable-answer", WILL_RETRY), 2);
  }
  // Meta's own code stays as it is, an argument: it is what the operator looks up.
  return permanent(
    "give_up",
    code !== null
      ? {
          key: "publish-reason-unrecognised-code",
          args: { code: `${code}${subcode !== null ? `/${subcode}` : ""}` },
        }
      : publishReason("unrecognised"),
  );
}

/**
 * Classifies a container that is not ready to publish (status_code from `GET /<container>?fields=status_code,
 * status`). Returns null for FINISHED (publish it) and PUBLISHED (it went out: record success, never publish
 * it again). For ERROR, Meta puts the error subcode in `status`.
 */
export function classifyContainerStatus(container: {
  statusCode: string;
  status?: string | null;
}): PublishFailureClass | null {
  switch (container.statusCode) {
    case "FINISHED":
    case "PUBLISHED":
      return null;
    case "IN_PROGRESS":
      return BY_SUBCODE[2207027]!;
    case "EXPIRED":
      return BY_SUBCODE[2207020]!;
    default: {
      const subcode = Number(/\b(2207\d{3})\b/.exec(container.status ?? "")?.[1] ?? Number.NaN);
      const known = BY_SUBCODE[subcode];
      if (known?.kind === "permanent") return known;
      // The container itself is dead; whatever went wrong, only a new container can succeed.
      return transient(
        "new_container",
        known?.reason ?? publishReason("image-not-processed", WILL_RETRY),
        known?.attemptLimit ?? 2,
      );
    }
  }
}

/** Comments need instagram_business_manage_comments, which accounts connected before Greenlight asked for it lack. */
export const COMMENT_PERMISSION_REASON = publishReason("no-comment-permission");

/**
 * What a failed `POST /<media-id>/comments` means. The post is live whatever this says: a transient failure is
 * tried again, anything else is reported with the post. A missing permission (10, 200–299) has its own words.
 */
export function classifyCommentFailure(facts: InstagramFailureFacts): PublishFailureClass {
  const failure = classifyInstagramFailure(facts);
  if (failure.kind === "permanent" && failure.recovery === "reconnect") {
    return { ...failure, reason: COMMENT_PERMISSION_REASON };
  }
  return failure;
}

/**
 * Whether a comment call that failed may have been carried out all the same: no answer, a server error or an
 * unreadable answer. Then the post's comments are read before the comment is asked for again.
 */
export function commentMayExist(facts: InstagramFailureFacts): boolean {
  return (
    facts.origin === "network" ||
    facts.origin === "timeout" ||
    facts.origin === "unexpected_body" ||
    (facts.httpStatus !== null && facts.httpStatus >= 500)
  );
}

function asCheckContainer(failure: PublishFailureClass): PublishFailureClass {
  return {
    ...failure,
    recovery: "check_container",
    reason: publishReason("problem-while-publishing", "checking"),
  };
}
