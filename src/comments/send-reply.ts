/**
 * 💬 Send: posting a comment's reply to Instagram exactly once.
 *
 * Instagram's reply call takes no idempotency key, so "exactly once" is built around it with the database:
 * 1. the send is claimed first (open → sending, with a lease and a fence: claimReplySend), so of two taps, or
 *    the same tap on two instances, one goes on and the other is told what is happening;
 * 2. the reply is posted and its Instagram id recorded under the fence;
 * 3. when the outcome is unknown — no answer, a timeout, a 5xx, or a crash between the call and the record — the
 *    row stays 'sending'. After its lease, the recovery job (or another instance) takes it over with a new fence
 *    and first looks the reply up on the comment's replies (`GET /<comment-id>/replies`): found, it is recorded;
 *    not there, it is posted. Only a refusal Meta states (an error body with a 4xx status) means nothing was
 *    posted and reopens the comment for the owner.
 * A later claim always looks first, so even a refused-then-retried send cannot post the same text twice.
 */

import type { StoredMessage } from "../i18n/stored-message.ts";
import { loadAccessToken } from "../instagram-auth/access-token.ts";
import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import type { InstagramClient } from "../instagram/instagram-client.ts";
import type { Services } from "../services.ts";
import {
  claimUncertainSend,
  deferReplySend,
  recordReplySent,
  releaseReplySend,
  type StoredComment,
} from "./comment-queries.ts";

/** A send's lease: longer than the Instagram client's 20 s timeout, so its claimer is done when it runs out. */
export const SEND_LEASE_MS = 60_000;
/** After an unknown outcome, how soon the reply is looked up (and finished) again. */
const RECHECK_MS = 30_000;
/** Instagram's own words on a refused reply, as the card quotes them. */
const INSTAGRAM_WORDS_CHARS = 250;

export interface ReplySenderDeps {
  services: Pick<Services, "sql" | "vault" | "logger" | "clock">;
  instagram: InstagramClient | undefined;
}

export type SendOutcome =
  | { kind: "replied"; replyId: string }
  /** Instagram said no: nothing was posted, and the comment is open again with `reason` (a comment-send-* message). */
  | { kind: "refused"; reason: StoredMessage }
  /** No answer: the reply may or may not be on Instagram; it is looked up and finished later. */
  | { kind: "uncertain" }
  /** Another claimer took the send over meanwhile; theirs is the outcome. */
  | { kind: "taken_over" };

/** Carries out a claimed send: looks the reply up first when an earlier attempt may have posted it. */
export async function carryOutSend(deps: ReplySenderDeps, claimed: StoredComment): Promise<SendOutcome> {
  const { sql, logger, clock } = deps.services;
  const refuse = async (reason: StoredMessage): Promise<SendOutcome> =>
    (await releaseReplySend(sql, claimed, reason)) ? { kind: "refused", reason } : { kind: "taken_over" };
  const record = async (replyId: string): Promise<SendOutcome> =>
    (await recordReplySent(sql, claimed, replyId)) ? { kind: "replied", replyId } : { kind: "taken_over" };

  if (!deps.instagram) return refuse({ key: "comment-send-no-instagram" });
  const access = await loadAccessToken(deps.services, claimed.brandId);
  if (!access) return refuse({ key: "comment-send-not-connected" });
  const replyText = claimed.replyText!;
  try {
    if (claimed.sendAttempts > 1) {
      const replies = await deps.instagram.listCommentReplies({
        commentId: claimed.commentId,
        token: access.token,
      });
      const ours = replies.find(
        (reply) =>
          reply.text.trim() === replyText.trim() &&
          (reply.username === null || reply.username === access.username),
      );
      if (ours) {
        logger.info(
          { commentRowId: claimed.id },
          "comment reply found on Instagram after an unknown outcome",
        );
        return record(ours.id);
      }
    }
    const { replyId } = await deps.instagram.replyToComment({
      commentId: claimed.commentId,
      token: access.token,
      message: replyText,
    });
    return record(replyId);
  } catch (error) {
    if (error instanceof InstagramApiError && isStatedRefusal(error)) {
      logger.warn({ commentRowId: claimed.id, err: error }, "instagram refused a comment reply");
      // Instagram's own words stay as it wrote them: an argument of the message.
      const words = (error.userMessage ?? error.metaMessage ?? error.message).slice(0, INSTAGRAM_WORDS_CHARS);
      return refuse({ key: "comment-send-refused", args: { words } });
    }
    logger.warn({ commentRowId: claimed.id, err: error }, "comment reply outcome unknown; will look it up");
    await deferReplySend(sql, claimed, new Date(clock().getTime() + RECHECK_MS));
    return { kind: "uncertain" };
  }
}

/** Meta answered with an error body and a 4xx status: the call was refused, nothing was posted. */
function isStatedRefusal(error: InstagramApiError): boolean {
  return error.origin === "meta" && error.httpStatus !== null && error.httpStatus < 500;
}

/**
 * The recovery job: finishes every send whose outcome is unknown and whose lease ran out (its claimer got no
 * answer, or its instance died mid-send). Returns the comments whose card should now be updated.
 */
export async function finishUncertainSends(deps: ReplySenderDeps): Promise<number[]> {
  const { sql, clock } = deps.services;
  const settled: number[] = [];
  for (;;) {
    const now = clock();
    const claimed = await claimUncertainSend(sql, now, new Date(now.getTime() + SEND_LEASE_MS));
    if (!claimed) return settled;
    const outcome = await carryOutSend(deps, claimed);
    if (outcome.kind === "replied" || outcome.kind === "refused") settled.push(claimed.id);
  }
}
