/**
 * The publish state machine for one claimed post, a single image or a carousel: quota → container → status polls →
 * media_publish → permalink (platform-apis.md §B.1), each result recorded before the next call, and every attempt
 * after the first starting from what was recorded. For a carousel, "container" is two steps: a child per slide,
 * each saved before the next and all FINISHED (carousel-children.ts), then the parent (`media_type=CAROUSEL`,
 * `children`, caption), which is the post's container from then on; everything after it is the same for both.
 * The rule that keeps a post from going out twice (§B.6): media_publish is only ever called on a container whose
 * status_code this attempt has just read as FINISHED, by the worker that holds the post's lease; a container that
 * may have been published is asked first, and PUBLISHED means it went out.
 *
 * | recorded when the attempt starts        | what it does first                                                |
 * |-----------------------------------------|-------------------------------------------------------------------|
 * | instagram_media_id                      | it went out: read the permalink, mark published                   |
 * | container_id, claimed from 'publishing' | status_code: PUBLISHED → recover the media id, mark published;    |
 * |                                         | FINISHED/IN_PROGRESS → reuse it; ERROR/EXPIRED → a new one        |
 * | container_id, claimed from 'approved'   | status_code: PUBLISHED → recover, mark published; otherwise drop  |
 * |                                         | it (the owner may have edited the caption since) and start afresh |
 * | nothing                                 | quota, then a new container                                       |
 *
 * A carousel with no parent yet reuses the children its slides have saved when claimed from 'publishing' (the
 * publisher's own interrupted work), and forgets them when claimed from 'approved' (the owner may have changed a
 * slide since). It never makes a second set blindly: a child whose creation went unanswered is made again, and
 * the first stays an orphan that no parent lists, so it can never be published (carousel-children.ts).
 *
 * Once the post is live and before it is recorded as published, the brand's first comment (if any) is the last
 * step, with the same rule: 'sending' is recorded before POST /<media-id>/comments, and an attempt that finds
 * 'sending' (a crash, a lost answer) reads the post's comments for its text before posting again. The comment
 * never holds the post back: whatever happens to it, the post ends up published, the failure told with it.
 */

import type { Sql } from "../database/connect.ts";
import { composePostText } from "../drafting/caption-limits.ts";
import { describeMessage, type StoredMessage } from "../i18n/stored-message.ts";
import { englishTexts } from "../i18n/texts.ts";
import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import type { ContainerStatus, InstagramClient } from "../instagram/instagram-client.ts";
import { pauseForUsage } from "../instagram/rate-usage.ts";
import { loadAccessToken, markTokenInvalid, TokenUnreadableError } from "../instagram-auth/access-token.ts";
import type { Services } from "../services.ts";
import type { Logger } from "../shared/logger.ts";
import { prepareCarouselChildren } from "./carousel-children.ts";
import { checkCarouselSlides, forSlide } from "./carousel-slides.ts";
import type { ClaimedPost, ClaimedSlide } from "./claim-due-posts.ts";
import { keepPostLease, type PostLeaseKeeper } from "./publish-lease.ts";
import {
  classifyCommentFailure,
  classifyContainerStatus,
  classifyInstagramFailure,
  commentMayExist,
  describeFailure,
  type PublishFailureClass,
  publishReason,
} from "./publish-errors.ts";
import {
  type FirstCommentOutcome,
  failureText,
  type InstagramWords,
  QUOTA_USED_UP_REASON,
} from "./publish-messages.ts";
import {
  clearSlideContainers,
  type Lease,
  LeaseLostError,
  markFailed,
  markPublished,
  pauseInstagramCalls,
  postponeForQuota,
  recordContainer,
  recordFirstComment,
  recordMediaId,
  renewLease,
  returnToApproved,
  scheduleRetry,
} from "./publish-queries.ts";
import { CONTAINER_POLL_DELAYS_MS, decideRetry, PUBLISH_LEASE_MS } from "./publish-retry-policy.ts";

export interface PublishPostDeps {
  services: Pick<Services, "sql" | "vault" | "media" | "logger" | "clock" | "metrics">;
  instagram: InstagramClient;
  /** Defaults to PUBLISH_LEASE_MS; must match the lease the post was claimed with. */
  leaseMs?: number;
}

export type PublishOutcome =
  /** It is live (or was found to be live already) and recorded as published. */
  | "published"
  /** A transient problem; next_attempt_at says when the next attempt is. */
  | "retry_scheduled"
  /** It cannot go out as it is, or transient problems outlasted the attempts; the card shows why. */
  | "failed"
  /** Instagram's 24-hour limit is used up; moved to the next free slot. */
  | "waiting_for_quota"
  /** The account cannot publish (token dead, disconnected, unreadable); back to approved, nothing lost. */
  | "waiting_for_account"
  /** Another worker claimed the post after this one's lease ran out; this one stopped. */
  | "lease_lost";

/** The post's container, just made and saved; or how the attempt ended when it could not be. */
type MadeContainer = { containerId: string } | { outcome: PublishOutcome };

/** A token we cannot decrypt is an operator problem (ENCRYPTION_KEY); ask again later rather than every tick. */
const UNREADABLE_TOKEN_RETRY_MS = 15 * 60_000;

const NO_IMAGE: PublishFailureClass = {
  kind: "permanent",
  recovery: "fix_media",
  reason: publishReason("post-without-image"),
  attemptLimit: 1,
};

/**
 * Takes one claimed post as far as it can go in this attempt and records where it stopped. Instagram failures
 * are handled here; anything else (the database gone, a bug) is thrown, and the lease brings the post back.
 */
export async function publishClaimedPost(deps: PublishPostDeps, post: ClaimedPost): Promise<PublishOutcome> {
  const { sql, logger } = deps.services;
  const clock = () => deps.services.clock();
  const counted = <T extends PublishOutcome | "crashed">(outcome: T) => {
    deps.services.metrics.publishes.inc({ outcome });
    return outcome;
  };
  const keeper = keepPostLease({ sql, logger, clock, post, leaseMs: deps.leaseMs ?? PUBLISH_LEASE_MS });
  try {
    return counted(await new PostAttempt(deps, post, keeper).run());
  } catch (error) {
    if (error instanceof LeaseLostError) {
      deps.services.logger.warn(
        { draftId: post.id, attempt: post.attempt },
        "publish attempt lost its lease",
      );
      return counted("lease_lost");
    }
    counted("crashed");
    throw error;
  } finally {
    await keeper.release();
  }
}

class PostAttempt {
  private readonly sql: Sql;
  private readonly logger: Logger;
  private readonly ig: InstagramClient;
  private readonly lease: Lease;
  /** The text Instagram receives, as composed for the card (caption, blank line, hashtags). */
  private readonly caption: string;
  private igUserId = "";
  private token = "";
  /** The container this attempt works with; kept in step with drafts.container_id. */
  private containerId: string | null;
  /** When that container was made, as recorded with it. */
  private containerCreatedAt: Date | null;
  /** A carousel's slides, their child containers kept in step with draft_slides. */
  private readonly slides: ClaimedSlide[];
  /** How long Meta's rate-usage headers on this attempt's calls say to leave the account alone (rate-usage.ts). */
  private pauseMs = 0;

  constructor(
    private readonly deps: PublishPostDeps,
    private readonly post: ClaimedPost,
    keeper: PostLeaseKeeper,
  ) {
    this.sql = deps.services.sql;
    this.logger = deps.services.logger.child({
      draftId: post.id,
      brandId: post.brandId,
      attempt: post.attempt,
    });
    this.ig = deps.instagram.observingRateUsage((usage) => {
      this.pauseMs = Math.max(this.pauseMs, pauseForUsage(usage));
    });
    this.lease = {
      draftId: post.id,
      attempt: post.attempt,
      leaseMs: deps.leaseMs ?? PUBLISH_LEASE_MS,
      settle: () => keeper.settle(),
    };
    // Hashtags that go in the first comment are left out of the caption.
    this.caption = composePostText(post.caption, post.firstComment?.hashtagsInComment ? [] : post.hashtags);
    this.containerId = post.containerId;
    this.containerCreatedAt = post.containerCreatedAt;
    this.slides = post.slides.map((slide) => ({ ...slide }));
  }

  private now(): Date {
    return this.deps.services.clock();
  }

  async run(): Promise<PublishOutcome> {
    if (!(await this.loadAccount())) return "waiting_for_account";
    try {
      return await this.publish();
    } catch (error) {
      if (!(error instanceof InstagramApiError)) throw error;
      return this.handleFailure(error);
    } finally {
      await this.pauseCallsIfAsked();
    }
  }

  /**
   * Near or at its rate limit, the account gets no calls for a while, from any worker. The post in hand is
   * finished first: it needs only a few more calls, and stopping halfway would cost more of them later.
   */
  private async pauseCallsIfAsked(): Promise<void> {
    if (this.pauseMs === 0) return;
    const until = new Date(this.now().getTime() + this.pauseMs);
    try {
      await pauseInstagramCalls(this.sql, this.post.brandId, until);
      this.logger.warn({ until }, "Instagram rate usage is high; no calls for this account until then");
    } catch (error) {
      // The attempt's own outcome is already recorded; losing the pause costs a few calls Meta may refuse.
      this.logger.error({ err: error, until }, "could not record the pause Instagram asked for");
    }
  }

  private async loadAccount(): Promise<boolean> {
    try {
      const account = await loadAccessToken(this.deps.services, this.post.brandId);
      if (account) {
        this.igUserId = account.igUserId;
        this.token = account.token;
        return true;
      }
      await returnToApproved(this.sql, this.lease, { error: publishReason("not-connected") });
      return false;
    } catch (error) {
      if (!(error instanceof TokenUnreadableError)) throw error;
      this.logger.error({ err: error }, "publishing waits: the stored Instagram token cannot be decrypted");
      await returnToApproved(this.sql, this.lease, {
        error: publishReason("token-unreadable"),
        retryAt: new Date(this.now().getTime() + UNREADABLE_TOKEN_RETRY_MS),
      });
      return false;
    }
  }

  private async publish(): Promise<PublishOutcome> {
    if (this.post.instagramMediaId) return this.finish(this.post.instagramMediaId);

    let status: ContainerStatus | null = null;
    if (this.containerId) {
      const earlier = await this.checkEarlierContainer(this.containerId);
      if ("outcome" in earlier) return earlier.outcome;
      status = earlier.status;
    }

    const limit = await this.ig.getPublishingLimit(this.igUserId, this.token);
    if (limit.quotaTotal !== null && limit.quotaUsage >= limit.quotaTotal) {
      return this.waitForQuota(QUOTA_USED_UP_REASON);
    }

    let containerId = this.containerId;
    if (!containerId) {
      const made =
        this.post.format === "carousel"
          ? await this.createCarouselContainer()
          : await this.createImageContainer();
      if ("outcome" in made) return made.outcome;
      containerId = made.containerId;
    }

    status = await this.pollContainer(containerId, status);
    if (status.statusCode === "PUBLISHED") return this.finishFromPublishedContainer();
    if (status.statusCode !== "FINISHED") return this.containerNotReady(status);

    // The publish marker: proves this worker still holds the post and renews the lease for the call.
    await renewLease(this.sql, this.lease, this.now());
    let mediaId: string;
    try {
      ({ mediaId } = await this.ig.publishContainer({
        igUserId: this.igUserId,
        token: this.token,
        containerId,
      }));
    } catch (error) {
      if (!(error instanceof InstagramApiError)) throw error;
      return this.afterFailedPublish(error);
    }
    await recordMediaId(this.sql, this.lease, mediaId, this.now());
    return this.finish(mediaId);
  }

  /** Makes the single image's container and saves it, or says why the post cannot go further now. */
  private async createImageContainer(): Promise<MadeContainer> {
    const imageUrl = this.imageUrl();
    if (!imageUrl) return { outcome: await this.fail(NO_IMAGE, null) };
    // A worker that lost its lease stops here rather than leaving an orphan container behind.
    await renewLease(this.sql, this.lease, this.now());
    // Read before asking: the container cannot be older than this.
    const asked = this.now();
    const created = await this.ig.createImageContainer({
      igUserId: this.igUserId,
      token: this.token,
      imageUrl,
      caption: this.caption,
      altText: this.post.altText ?? undefined,
    });
    return this.saveContainer(created.containerId, asked);
  }

  /**
   * A carousel's container: its children (made or reused, all FINISHED), then the parent with the caption, saved
   * as the post's container; or why the post cannot go further now.
   */
  private async createCarouselContainer(): Promise<MadeContainer> {
    const problem = checkCarouselSlides(this.slides, (slide) => this.slideImageUrl(slide));
    if (problem) return { outcome: await this.fail(problem, null) };
    if (this.post.claimedFrom === "approved" && this.slides.some((slide) => slide.containerId)) {
      for (const slide of this.slides) Object.assign(slide, { containerId: null, containerCreatedAt: null });
      await clearSlideContainers(this.sql, this.lease, this.now());
    }

    const children = await prepareCarouselChildren(
      {
        sql: this.sql,
        lease: this.lease,
        ig: this.ig,
        igUserId: this.igUserId,
        token: this.token,
        logger: this.logger,
        now: () => this.now(),
        imageUrlOf: (slide) => this.slideImageUrl(slide),
        // The cover is the draft's own image: without alt text of its own, it takes the draft's.
        altTextOf: (slide) => slide.altText ?? (slide.position === 0 ? this.post.altText : null),
      },
      this.slides,
    );
    if (children.kind === "call_failed") {
      return { outcome: await this.handleFailure(children.error, children.slide) };
    }
    if (children.kind === "child_not_ready") {
      const failure = forSlide(children.failure, children.slide.position, this.slides.length);
      this.logger.info({ position: children.slide.position, failure }, "carousel child not ready");
      return {
        outcome: await (failure.kind === "permanent"
          ? this.fail(failure, null)
          : this.retryLater(failure, null)),
      };
    }

    await renewLease(this.sql, this.lease, this.now());
    const asked = this.now();
    const created = await this.ig.createCarouselContainer({
      igUserId: this.igUserId,
      token: this.token,
      childIds: children.childIds,
      caption: this.caption,
    });
    return this.saveContainer(created.containerId, asked);
  }

  private async saveContainer(containerId: string, createdAt: Date): Promise<{ containerId: string }> {
    this.containerId = containerId;
    this.containerCreatedAt = createdAt;
    await recordContainer(this.sql, this.lease, { id: containerId, createdAt }, this.now());
    return { containerId };
  }

  /**
   * An earlier attempt got as far as this container, and may have got further than it recorded: ask before
   * acting (§B.6). PUBLISHED: it went out. The publisher's own container (claimed from 'publishing'), FINISHED
   * or IN_PROGRESS: carry on with it. A container from before the post was last approved (Retry, a quota or
   * token wait): the owner may have changed the caption since, so it is dropped unless it went out.
   */
  private async checkEarlierContainer(
    containerId: string,
  ): Promise<{ outcome: PublishOutcome } | { status: ContainerStatus | null }> {
    const ownWork = this.post.claimedFrom === "publishing";
    let status: ContainerStatus;
    try {
      status = await this.ig.getContainerStatus(containerId, this.token);
    } catch (error) {
      // Instagram no longer knows an old container (a permanent error such as 100/33). For the publisher's own
      // work that stays a failure the owner sees; once the owner has sent the post again, start afresh, or
      // Retry would meet the same error forever.
      const gone = error instanceof InstagramApiError && classifyInstagramFailure(error).kind === "permanent";
      if (ownWork || !gone) throw error;
      this.logger.warn(
        { err: error, containerId },
        "earlier container unknown to Instagram; starting afresh",
      );
      await this.dropContainer();
      return { status: null };
    }
    if (status.statusCode === "PUBLISHED") return { outcome: await this.finishFromPublishedContainer() };
    if (ownWork && (status.statusCode === "FINISHED" || status.statusCode === "IN_PROGRESS"))
      return { status };
    const dead = classifyContainerStatus(status);
    if (ownWork && dead?.kind === "permanent") return { outcome: await this.fail(dead, null) };
    await this.dropContainer();
    return { status: null };
  }

  /** Instagram downloads the image itself, so it gets the public URL of the stored image (S3 or /media/). */
  private imageUrl(): string | null {
    if (this.post.imageKey) return this.deps.services.media.publicUrl(this.post.imageKey);
    return this.post.imageUrl;
  }

  private slideImageUrl(slide: ClaimedSlide): string | null {
    if (slide.imageKey) return this.deps.services.media.publicUrl(slide.imageKey);
    return slide.imageUrl;
  }

  /** Polls status_code a bounded number of times while it is IN_PROGRESS; `known` is a status just read. */
  private async pollContainer(containerId: string, known: ContainerStatus | null): Promise<ContainerStatus> {
    let status = known ?? (await this.ig.getContainerStatus(containerId, this.token));
    for (const delayMs of CONTAINER_POLL_DELAYS_MS) {
      if (status.statusCode !== "IN_PROGRESS") break;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      status = await this.ig.getContainerStatus(containerId, this.token);
    }
    return status;
  }

  /** IN_PROGRESS after the polls: a later attempt asks again. ERROR/EXPIRED: give up or start a new container. */
  private async containerNotReady(status: ContainerStatus): Promise<PublishOutcome> {
    const failure = classifyContainerStatus(status)!;
    this.logger.info({ containerId: this.containerId, status }, "container not ready to publish");
    if (failure.kind === "permanent") return this.fail(failure, null);
    if (failure.recovery === "new_container") await this.dropContainer();
    return this.retryLater(failure, null);
  }

  /**
   * media_publish failed. When the failure leaves it open whether the post went out (no answer, 5xx, 4/2207051),
   * the container's status_code settles it before anything else happens (§B.6).
   */
  private async afterFailedPublish(error: InstagramApiError): Promise<PublishOutcome> {
    const failure = classifyInstagramFailure(error);
    if (failure.recovery !== "check_container") return this.handleFailure(error);
    this.logger.warn({ err: error }, "media_publish outcome unknown; checking the container");
    let status: ContainerStatus;
    try {
      status = await this.ig.getContainerStatus(this.containerId!, this.token);
    } catch (checkError) {
      if (!(checkError instanceof InstagramApiError)) throw checkError;
      // Still unknown. The container id is recorded, so the next attempt asks again before publishing.
      return this.retryLater(failure, error);
    }
    if (status.statusCode === "PUBLISHED") return this.finishFromPublishedContainer();
    // FINISHED: it did not go out, and the next attempt may publish it again after a pause.
    if (status.statusCode === "FINISHED") return this.retryLater(failure, error);
    return this.containerNotReady(status);
  }

  /** Published, media id known: read the permalink, then record the post as published. */
  private async finish(mediaId: string): Promise<PublishOutcome> {
    let permalink: string | null = null;
    try {
      permalink = (await this.ig.getMedia(mediaId, this.token)).permalink;
    } catch (error) {
      if (!(error instanceof InstagramApiError)) throw error;
      const failure = classifyInstagramFailure(error);
      const retry = decideRetry(failure, this.post.attempt);
      // The post is live whatever happens now: it is never marked failed, at worst published without its link.
      if (retry.kind === "retry") {
        await scheduleRetry(this.sql, this.lease, {
          retryAt: new Date(this.now().getTime() + retry.delayMs),
          error: publishReason("no-link-yet"),
        });
        return "retry_scheduled";
      }
      this.logger.warn({ err: error, mediaId }, "published without a permalink");
    }
    const firstComment = await this.postFirstComment(mediaId);
    if (firstComment === "retry_scheduled") return firstComment;
    await markPublished(this.sql, this.lease, { mediaId, permalink, now: this.now(), firstComment });
    this.logger.info({ mediaId, permalink, firstComment: firstComment.kind }, "post published");
    return "published";
  }

  /**
   * The brand's first comment on the live post, exactly once: 'sending' is recorded before the call, and found
   * there by a later attempt (this one crashed, or its answer was lost), it means "look before posting again".
   * A transient failure is tried again by a later attempt (the post waits in 'publishing'); anything else, or too
   * many tries, ends with the post published and the failure told.
   */
  private async postFirstComment(mediaId: string): Promise<FirstCommentOutcome | "retry_scheduled"> {
    const step = this.post.firstComment;
    if (!step || step.state === "failed") return { kind: "none" };
    if (step.state === "posted") return { kind: "posted" };
    try {
      if (step.state === "sending" && (await this.findFirstComment(mediaId, step.text)))
        return { kind: "posted" };
      await recordFirstComment(this.sql, this.lease, { state: "sending" }, this.now());
      const { commentId } = await this.ig.postComment({ mediaId, token: this.token, message: step.text });
      await recordFirstComment(this.sql, this.lease, { state: "posted", commentId }, this.now());
      return { kind: "posted" };
    } catch (error) {
      if (!(error instanceof InstagramApiError)) throw error;
      return this.afterFailedComment(mediaId, step.text, error);
    }
  }

  private async afterFailedComment(
    mediaId: string,
    text: string,
    error: InstagramApiError,
  ): Promise<FirstCommentOutcome | "retry_scheduled"> {
    this.logger.warn({ err: error, mediaId }, "first comment failed");
    const failure = classifyCommentFailure(error);
    if (commentMayExist(error)) {
      try {
        if (await this.findFirstComment(mediaId, text)) return { kind: "posted" };
      } catch (lookupError) {
        if (!(lookupError instanceof InstagramApiError)) throw lookupError;
        // Still unknown; 'sending' stays recorded, so the next attempt looks again before posting.
      }
    }
    const reason = failureText(failure, wordsOf(error));
    if (failure.kind === "transient") {
      const retry = decideRetry(failure, this.post.attempt);
      if (retry.kind === "retry") {
        await scheduleRetry(this.sql, this.lease, {
          retryAt: new Date(this.now().getTime() + Math.max(retry.delayMs, this.pauseMs)),
          error: { key: "publish-reason-first-comment-waits", args: { reason } },
        });
        return "retry_scheduled";
      }
    }
    return { kind: "failed", reason, reconnect: failure.recovery === "reconnect" };
  }

  /** Whether the account's own comment with `text` is on the post; records it as posted when it is. */
  private async findFirstComment(mediaId: string, text: string): Promise<boolean> {
    const comments = await this.ig.listComments({ mediaId, token: this.token });
    const ours = comments.find(
      (comment) => comment.fromId === this.igUserId && comment.text.trim() === text.trim(),
    );
    if (!ours) return false;
    this.logger.info({ mediaId, commentId: ours.commentId }, "first comment found already posted");
    await recordFirstComment(
      this.sql,
      this.lease,
      { state: "posted", commentId: ours.commentId },
      this.now(),
    );
    return true;
  }

  /**
   * The container is PUBLISHED but this post has no media id: an earlier attempt published it and never heard
   * back. status_code gives no media id, so look for the caption among the account's posts since the container
   * was made (every page of them, however busy the account). Exactly one match is taken; none or several leave
   * the id empty rather than attaching someone else's post (§B.6, trypost PR #281).
   */
  private async finishFromPublishedContainer(): Promise<PublishOutcome> {
    this.logger.warn(
      { containerId: this.containerId },
      "container already published; recording it, not publishing",
    );
    let mediaId: string | null = null;
    let permalink: string | null = null;
    try {
      const matches = await this.ig.findRecentMediaByCaption({
        igUserId: this.igUserId,
        token: this.token,
        caption: this.caption,
        // A container saved before its creation time was recorded: the draft is older still, so this is safe.
        publishedAfter: this.containerCreatedAt ?? this.post.createdAt,
      });
      if (matches.length === 1) {
        mediaId = matches[0]!.mediaId;
        permalink = matches[0]!.permalink;
      } else {
        this.logger.warn({ matches: matches.length }, "could not tell which Instagram post is this one");
      }
    } catch (error) {
      if (!(error instanceof InstagramApiError)) throw error;
      this.logger.warn({ err: error }, "could not look up the published post");
    }
    // Without the media id there is nothing to comment on; the owner is told rather than left guessing.
    const firstComment: FirstCommentOutcome | "retry_scheduled" = mediaId
      ? await this.postFirstComment(mediaId)
      : this.post.firstComment
        ? {
            kind: "failed",
            reason: publishReason("post-not-found"),
            reconnect: false,
          }
        : { kind: "none" };
    if (firstComment === "retry_scheduled") return firstComment;
    await markPublished(this.sql, this.lease, { mediaId, permalink, now: this.now(), firstComment });
    return "published";
  }

  /** `slide`: the carousel slide the failed call was about, named in what the owner is told. */
  private async handleFailure(error: InstagramApiError, slide?: ClaimedSlide): Promise<PublishOutcome> {
    const classified = classifyInstagramFailure(error);
    const failure = slide ? forSlide(classified, slide.position, this.slides.length) : classified;
    this.logger.warn({ err: error, kind: failure.kind, recovery: failure.recovery }, "instagram call failed");
    if (failure.kind === "token_invalid") {
      // Before the transaction: on the embedded database a renewal waiting for the one connection would never end.
      await this.lease.settle?.();
      await this.sql.begin(async (tx) => {
        await returnToApproved(tx, this.lease, { error: failure.reason });
        await markTokenInvalid(tx, this.post.brandId, describeFailure(failure), failure.reason.key);
      });
      return "waiting_for_account";
    }
    if (failure.kind === "permanent") return this.fail(failure, error);
    if (failure.recovery === "wait_for_quota") return this.waitForQuota(failure.reason);
    if (failure.recovery === "new_container" && this.containerId) await this.dropContainer();
    return this.retryLater(failure, error);
  }

  private async retryLater(
    failure: PublishFailureClass,
    error: InstagramApiError | null,
  ): Promise<PublishOutcome> {
    const decision = decideRetry(failure, this.post.attempt);
    // Throttled without usage headers to say for how long: the whole account waits out the backoff, not only
    // this post, or each of its other posts would spend a call (and an attempt) on a refusal.
    if (failure.recovery === "back_off" && decision.kind === "retry") {
      this.pauseMs = Math.max(this.pauseMs, decision.delayMs);
    }
    if (decision.kind === "give_up") return this.fail(failure, error, this.post.attempt);
    await scheduleRetry(this.sql, this.lease, {
      // Never before Meta answers again: a throttled account's calls fail and lengthen the block.
      retryAt: new Date(this.now().getTime() + Math.max(decision.delayMs, this.pauseMs)),
      error: failureText(failure, wordsOf(error)),
    });
    return "retry_scheduled";
  }

  private async fail(
    failure: PublishFailureClass,
    error: InstagramApiError | null,
    gaveUpAfterAttempts?: number,
  ): Promise<PublishOutcome> {
    const reason = failureText(failure, wordsOf(error), gaveUpAfterAttempts);
    await markFailed(this.sql, this.lease, { error: reason });
    this.logger.warn({ reason: describeMessage(reason, englishTexts()) }, "publishing failed");
    return "failed";
  }

  private async waitForQuota(reason: StoredMessage): Promise<PublishOutcome> {
    const slot = await postponeForQuota(this.sql, this.lease, { now: this.now(), reason });
    this.logger.info({ nextSlot: slot }, "publishing quota used up; post moved to the next slot");
    return "waiting_for_quota";
  }

  /** Forgets a container that will never be published, before a new one is made (so a crash cannot revive it). */
  private async dropContainer(): Promise<void> {
    this.containerId = null;
    this.containerCreatedAt = null;
    await recordContainer(this.sql, this.lease, null, this.now());
  }
}

function wordsOf(error: InstagramApiError | null): InstagramWords | null {
  return error ? { userMessage: error.userMessage, metaMessage: error.metaMessage } : null;
}
