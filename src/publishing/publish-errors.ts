/**
 * What an Instagram failure means for a post: retry, wait, rebuild the container, give up, or disconnect the
 * brand; and the sentence the owner sees. Pure: no I/O.
 *
 * Source: Meta's publishing error codes and Graph API error handling, as tabulated in platform-apis.md §B.5,
 * plus the double-posting rules of §B.6 (after an ambiguous publish failure, read the container's status_code
 * before anything else: PUBLISHED means it went out).
 */

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
  /** Plain words for the owner, free of codes they cannot act on. */
  ownerMessage: string;
  /**
   * For a dead token: the same words' message in notices.ftl, so that the notice the owner gets is in their
   * language (ownerMessage, in English, is what is stored for the operator).
   */
  ownerMessageKey?: string;
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

const WILL_RETRY = "Greenlight will try again shortly.";
const RECONNECT = "Reconnect Instagram in Greenlight to keep posting.";

function transient(recovery: PublishRecovery, ownerMessage: string, attemptLimit: number | null = null) {
  return { kind: "transient", recovery, ownerMessage, attemptLimit } satisfies PublishFailureClass;
}

function permanent(recovery: PublishRecovery, ownerMessage: string): PublishFailureClass {
  return { kind: "permanent", recovery, ownerMessage, attemptLimit: 1 };
}

/** Instagram publishing errors by subcode (each subcode belongs to one code). Source: §B.5's table. */
const BY_SUBCODE: Record<number, PublishFailureClass> = {
  2207001: transient("retry", `Instagram had an internal error. ${WILL_RETRY}`),
  2207003: transient("retry", `Instagram timed out downloading the image. ${WILL_RETRY}`, 3),
  2207004: permanent(
    "fix_media",
    "The image is larger than Instagram's 8 MB limit. It needs a smaller image.",
  ),
  2207005: permanent("fix_media", "Instagram only accepts JPEG images, and this image is in another format."),
  2207006: transient("new_container", `Instagram lost the prepared post. ${WILL_RETRY}`, 2),
  2207008: transient("retry", `Instagram was not ready for the post yet. ${WILL_RETRY}`, 3),
  2207009: permanent(
    "fix_media",
    "The image's shape is outside what Instagram allows: it must be between 4:5 (portrait) and 1.91:1 (landscape).",
  ),
  2207010: permanent(
    "fix_caption",
    "Instagram rejected the caption: it allows at most 2,200 characters and 30 hashtags. Please shorten it.",
  ),
  2207020: transient("new_container", `The prepared post expired before it went out. ${WILL_RETRY}`, 2),
  2207023: permanent(
    "give_up",
    "Instagram did not recognise the kind of media Greenlight sent. This is a Greenlight bug.",
  ),
  2207026: permanent("fix_media", "Instagram could not read the video format; it needs MP4 or MOV."),
  2207027: transient("wait_for_container", `Instagram is still processing the image. ${WILL_RETRY}`),
  2207028: permanent("give_up", "Instagram needs 2 to 10 items in a carousel. This is a Greenlight bug."),
  2207032: transient("new_container", `Instagram could not prepare the post. ${WILL_RETRY}`, 3),
  2207035: permanent("fix_caption", "Instagram rejected a product tag on the post."),
  2207036: permanent("fix_caption", "Instagram rejected a product tag on the post."),
  2207037: permanent("fix_caption", "Instagram rejected a tagged account on the post."),
  2207040: permanent(
    "fix_caption",
    "The caption mentions more than 20 accounts (@); Instagram allows at most 20.",
  ),
  2207042: transient(
    "wait_for_quota",
    "The account reached Instagram's daily limit of posts made by apps. The post will go out as soon as the 24-hour window allows.",
  ),
  2207050: permanent(
    "owner_action",
    "Instagram has restricted this account. Open the Instagram app, deal with any notice there, then try the post again.",
  ),
  // "We restrict certain activity": the post may have gone live anyway (§B.6, postiz-app PR #1681).
  2207051: transient(
    "check_container",
    "Instagram flagged the post as possibly automated. Greenlight is checking whether it went out before trying again.",
    2,
  ),
  2207052: transient(
    "retry",
    "Instagram could not download the image (it must be a public JPEG, without redirects or a login).",
    2,
  ),
  2207053: transient("new_container", `Instagram failed to upload the media. ${WILL_RETRY}`, 3),
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

/** Code 190 subcodes (Graph API error handling). */
const TOKEN_MESSAGES: Record<number, { message: string; key: string }> = {
  458: {
    message: `Greenlight was removed from the Instagram account's connected apps. ${RECONNECT}`,
    key: "ig-reason-removed",
  },
  459: {
    message:
      "Instagram wants the account owner to confirm something in the Instagram app. Open Instagram, then reconnect it in Greenlight.",
    key: "ig-reason-confirm-in-app",
  },
  460: {
    message: `The Instagram password was changed, which signed Greenlight out. ${RECONNECT}`,
    key: "ig-reason-password-changed",
  },
  463: { message: `The Instagram connection expired. ${RECONNECT}`, key: "ig-reason-expired" },
  464: {
    message:
      "Instagram needs the account to be confirmed first. Open the Instagram app, then reconnect it in Greenlight.",
    key: "ig-reason-confirm-account",
  },
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
    const silence = facts.origin === "timeout" ? "did not answer in time" : "could not be reached";
    return publishing
      ? transient(
          "check_container",
          `Instagram ${silence} while publishing. Greenlight is checking whether the post went out.`,
        )
      : transient("retry", `Instagram ${silence}. ${WILL_RETRY}`);
  }

  if (code === 190) {
    const known = TOKEN_MESSAGES[subcode ?? -1];
    return {
      kind: "token_invalid",
      recovery: "reconnect",
      ownerMessage:
        known?.message ?? `Instagram no longer accepts Greenlight's access to this account. ${RECONNECT}`,
      ownerMessageKey: known?.key ?? "ig-reason-refused",
      attemptLimit: 1,
    };
  }

  const known =
    (subcode !== null ? BY_SUBCODE[subcode] : undefined) ?? (code !== null ? BY_CODE[code] : undefined);
  if (known) return publishing && known.recovery === "retry" ? asCheckContainer(known) : known;

  if (code === 9) return transient("wait_for_quota", BY_SUBCODE[2207042]!.ownerMessage);
  if (code !== null && RATE_LIMIT_CODES.has(code)) {
    return transient("back_off", "Instagram asked Greenlight to slow down. Greenlight will try again later.");
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return permanent(
      "reconnect",
      "Greenlight does not have Instagram's permission to publish. Reconnect Instagram and allow publishing.",
    );
  }
  if (code === 506)
    return permanent("give_up", "Instagram rejected the post as a duplicate of an earlier one.");

  const serverSide = facts.httpStatus !== null && (facts.httpStatus >= 500 || facts.httpStatus === 429);
  if (code === 1 || code === 2 || serverSide || facts.metaTransient === true) {
    const outage = transient("retry", `Instagram had a temporary problem. ${WILL_RETRY}`);
    return publishing ? asCheckContainer(outage) : outage;
  }
  if (facts.origin === "unexpected_body") {
    return publishing
      ? transient(
          "check_container",
          "Instagram gave an unreadable answer while publishing. Greenlight is checking whether the post went out.",
        )
      : transient("retry", `Instagram gave an unreadable answer. ${WILL_RETRY}`, 2);
  }
  const reference = code !== null ? ` (Instagram error ${code}${subcode !== null ? `/${subcode}` : ""})` : "";
  return permanent(
    "give_up",
    `Instagram refused the request for a reason Greenlight does not recognise${reference}.`,
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
        known?.ownerMessage ?? `Instagram could not process the image. ${WILL_RETRY}`,
        known?.attemptLimit ?? 2,
      );
    }
  }
}

/** Comments need instagram_business_manage_comments, which accounts connected before Greenlight asked for it lack. */
export const COMMENT_PERMISSION_MESSAGE =
  "Instagram did not let Greenlight comment: the account was connected without the permission to manage comments. Reconnect Instagram to allow it.";

/**
 * What a failed `POST /<media-id>/comments` means. The post is live whatever this says: a transient failure is
 * tried again, anything else is reported with the post. A missing permission (10, 200–299) has its own words.
 */
export function classifyCommentFailure(facts: InstagramFailureFacts): PublishFailureClass {
  const failure = classifyInstagramFailure(facts);
  if (failure.kind === "permanent" && failure.recovery === "reconnect") {
    return { ...failure, ownerMessage: COMMENT_PERMISSION_MESSAGE };
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
    ownerMessage:
      "Instagram had a problem while publishing. Greenlight is checking whether the post went out.",
  };
}
