/**
 * The children of a carousel: one child container (`is_carousel_item=true`) per slide, each saved before the next
 * is asked for, until every one is FINISHED and the parent can be made (platform-apis.md §B.1–B.2). A step of the
 * publish state machine (publish-post.ts), which decides what its outcomes mean for the post.
 *
 * What an attempt finds and does, slide by slide:
 *
 * | the slide's saved child  | status_code              | what happens                                          |
 * |--------------------------|--------------------------|-------------------------------------------------------|
 * | none                     | –                        | a new child, saved (fenced by the lease) at once       |
 * | an id                    | FINISHED or IN_PROGRESS  | reused                                                |
 * | an id                    | EXPIRED, or ERROR that a | forgotten, then a new child                           |
 * |                          | new container can fix    |                                                       |
 * | an id                    | ERROR the image causes   | the post fails, naming the slide                      |
 *
 * A child whose creation was never answered (the process died, the answer was lost) is not looked for: Instagram
 * has no way to list an account's unpublished containers. The next attempt makes that slide's child again, and the
 * first one stays an orphan. That is safe: a child appears on Instagram only through a parent whose `children`
 * lists it, and the parent is only ever made from the ids saved here, so an orphan can never be published; it
 * expires after 24 hours. It does count against the account's 400 containers a day (§B.1): at most one orphan per
 * interrupted attempt, since the children are made one at a time.
 *
 * One at a time rather than side by side, although the children are independent and the parent's `children` would
 * keep their order anyway: at most one creation is ever in flight (so at most one orphan per crash, and a crash
 * leaves a clean prefix of saved children), the account never has two of Greenlight's calls at once (as for single
 * posts, so a slow account holds up only itself and Meta's per-account limits see no bursts), and Meta downloads
 * each image during its call, one download at a time from our media host. The cost is wall time, on a post that
 * waited for its slot anyway: with Instagram answering each call after 1 s, 6 slides take 17 calls and 18.4 s one
 * at a time, against 8.8 s with the children made and checked side by side (`npm run bench carousel-publishing`).
 */

import type { Sql } from "../database/connect.ts";
import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import type { ContainerStatus, InstagramClient } from "../instagram/instagram-client.ts";
import type { Logger } from "../shared/logger.ts";
import type { ClaimedSlide } from "./claim-due-posts.ts";
import { classifyContainerStatus, type PublishFailureClass, publishReason } from "./publish-errors.ts";
import { type Lease, recordSlideContainer, renewLease } from "./publish-queries.ts";
import { CONTAINER_POLL_DELAYS_MS } from "./publish-retry-policy.ts";

export interface CarouselChildrenContext {
  sql: Sql;
  lease: Lease;
  ig: InstagramClient;
  igUserId: string;
  token: string;
  logger: Logger;
  now: () => Date;
  /** The public URL Instagram downloads the slide's image from. */
  imageUrlOf: (slide: ClaimedSlide) => string | null;
  altTextOf: (slide: ClaimedSlide) => string | null;
}

export type CarouselChildrenOutcome =
  /** Every slide has a FINISHED child: the parent may be made from these, in this order. */
  | { kind: "ready"; childIds: string[] }
  /**
   * A slide's child is not ready: still processing after the polls (kept for the next attempt), or dead (already
   * forgotten, so the next attempt makes a new one), or refused for its image (the post cannot go out as it is).
   */
  | { kind: "child_not_ready"; slide: ClaimedSlide; failure: PublishFailureClass }
  /** An Instagram call about this slide failed; what that means is the publisher's to decide. */
  | { kind: "call_failed"; slide: ClaimedSlide; error: InstagramApiError };

type Verdict = "use" | "replace" | "refused";

/**
 * Brings every slide of the carousel to a FINISHED child, reusing what earlier attempts saved. `slides` are the
 * post's, in order; each one's `containerId` is kept in step with draft_slides as children are made or forgotten.
 * Throws LeaseLostError (from the fenced writes) when another worker has taken the post over.
 */
export async function prepareCarouselChildren(
  ctx: CarouselChildrenContext,
  slides: ClaimedSlide[],
): Promise<CarouselChildrenOutcome> {
  try {
    return await prepare(ctx, slides);
  } catch (error) {
    if (error instanceof SlideCallError) {
      return { kind: "call_failed", slide: error.slide, error: error.cause };
    }
    throw error;
  }
}

async function prepare(
  ctx: CarouselChildrenContext,
  slides: ClaimedSlide[],
): Promise<CarouselChildrenOutcome> {
  const known = new Map<number, ContainerStatus>();

  // Children saved by an earlier attempt: reuse the live ones, forget the dead ones before making new ones.
  for (const slide of slides) {
    if (!slide.containerId) continue;
    const status = await statusOf(ctx, slide);
    const verdict = judge(status);
    if (verdict === "refused") return notReady(slide, status);
    if (verdict === "replace") {
      ctx.logger.info(
        { position: slide.position, status },
        "carousel child no longer usable; making a new one",
      );
      await forget(ctx, slide);
      continue;
    }
    known.set(slide.position, status);
  }

  for (const slide of slides) {
    if (slide.containerId) continue;
    // A worker that lost its lease stops here rather than leaving an orphan behind.
    await renewLease(ctx.sql, ctx.lease, ctx.now());
    // Read before asking: the child cannot be older than this.
    const asked = ctx.now();
    const created = await call(slide, () =>
      ctx.ig.createCarouselItem({
        igUserId: ctx.igUserId,
        token: ctx.token,
        imageUrl: ctx.imageUrlOf(slide)!,
        altText: ctx.altTextOf(slide) ?? undefined,
      }),
    );
    slide.containerId = created.containerId;
    slide.containerCreatedAt = asked;
    await recordSlideContainer(
      ctx.sql,
      ctx.lease,
      slide.position,
      { id: created.containerId, createdAt: asked },
      ctx.now(),
    );
  }

  // Every child FINISHED before the parent (§B.2): rounds of status reads, the same waits as for one container.
  let pending = slides.filter((slide) => known.get(slide.position)?.statusCode !== "FINISHED");
  const waits = [0, ...CONTAINER_POLL_DELAYS_MS];
  for (const [round, delayMs] of waits.entries()) {
    if (pending.length === 0) break;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const processing: { slide: ClaimedSlide; status: ContainerStatus }[] = [];
    for (const slide of pending) {
      const status = await statusOf(ctx, slide);
      const verdict = judge(status);
      if (verdict === "replace") await forget(ctx, slide);
      if (verdict !== "use") return notReady(slide, status);
      if (status.statusCode === "IN_PROGRESS") processing.push({ slide, status });
    }
    // Still processing after the last wait: a later attempt asks again, with the children kept.
    if (processing.length > 0 && round === waits.length - 1) {
      return notReady(processing[0]!.slide, processing[0]!.status);
    }
    pending = processing.map((entry) => entry.slide);
  }
  return { kind: "ready", childIds: slides.map((slide) => slide.containerId!) };
}

/**
 * FINISHED and IN_PROGRESS children are used. An EXPIRED one, or one in ERROR that a new container can fix, is
 * replaced. PUBLISHED cannot happen to a child of a carousel that did not go out (the parent is checked first,
 * publish-post.ts); should it, the child belongs to a post that is not this one, and is replaced too.
 */
function judge(status: ContainerStatus): Verdict {
  if (status.statusCode === "FINISHED" || status.statusCode === "IN_PROGRESS") return "use";
  if (status.statusCode === "ERROR" && classifyContainerStatus(status)?.kind === "permanent")
    return "refused";
  return "replace";
}

function notReady(slide: ClaimedSlide, status: ContainerStatus): CarouselChildrenOutcome {
  const failure: PublishFailureClass = classifyContainerStatus(status) ?? {
    kind: "transient",
    recovery: "new_container",
    reason: publishReason("image-not-prepared", "retry-soon"),
    attemptLimit: 2,
  };
  return { kind: "child_not_ready", slide, failure };
}

async function statusOf(ctx: CarouselChildrenContext, slide: ClaimedSlide): Promise<ContainerStatus> {
  return call(slide, () => ctx.ig.getContainerStatus(slide.containerId!, ctx.token));
}

/** Forgets a dead child before a new one is made, so a crash cannot bring it back. */
async function forget(ctx: CarouselChildrenContext, slide: ClaimedSlide): Promise<void> {
  slide.containerId = null;
  slide.containerCreatedAt = null;
  await recordSlideContainer(ctx.sql, ctx.lease, slide.position, null, ctx.now());
}

/** An Instagram failure, tagged with the slide it was about. */
class SlideCallError extends Error {
  constructor(
    readonly slide: ClaimedSlide,
    override readonly cause: InstagramApiError,
  ) {
    super(cause.message);
  }
}

async function call<T>(slide: ClaimedSlide, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InstagramApiError) throw new SlideCallError(slide, error);
    throw error;
  }
}
