/**
 * What a carousel must be before Instagram is asked for anything, and how a slide's failure is told to the owner.
 * Pure: no I/O.
 */

import type { ClaimedSlide } from "./claim-due-posts.ts";
import { publishReason, type PublishFailureClass } from "./publish-errors.ts";

/** Instagram's carousel takes 2 to 10 images (error 2207028 otherwise; platform-apis.md §B.1). */
export const MIN_CAROUSEL_SLIDES = 2;
export const MAX_CAROUSEL_SLIDES = 10;

/**
 * Why these slides cannot become a carousel, or null when they can: 2 to 10 of them, each with an image. Checked
 * before the first child is made, so a broken draft costs no call and leaves nothing behind on Instagram.
 */
export function checkCarouselSlides(
  slides: readonly ClaimedSlide[],
  imageUrlOf: (slide: ClaimedSlide) => string | null,
): PublishFailureClass | null {
  if (slides.length < MIN_CAROUSEL_SLIDES || slides.length > MAX_CAROUSEL_SLIDES) {
    return {
      kind: "permanent",
      recovery: "give_up",
      reason: { key: "publish-reason-carousel-size", args: { count: slides.length } },
      attemptLimit: 1,
    };
  }
  const missing = slides.find((slide) => !imageUrlOf(slide));
  if (missing) {
    return forSlide(
      {
        kind: "permanent",
        recovery: "fix_media",
        reason: publishReason("slide-without-image"),
        attemptLimit: 1,
      },
      missing.position,
      slides.length,
    );
  }
  return null;
}

/** Failures that come from the slide itself (its image, its container), rather than the account or Meta's limits. */
const ABOUT_THE_SLIDE = new Set(["fix_media", "retry", "new_container", "wait_for_container", "give_up"]);

/**
 * The same failure, told about one slide: "Slide 3 of 6: Instagram only accepts JPEG images, …". Slides are
 * numbered from 1 as the owner sees them in the card, the cover first. A failure of the account (a dead token,
 * the daily limit, throttling) is the same whichever slide met it, and is told as it is.
 */
export function forSlide(failure: PublishFailureClass, position: number, count: number): PublishFailureClass {
  if (!ABOUT_THE_SLIDE.has(failure.recovery)) return failure;
  const key = position === 0 ? "publish-reason-cover-slide" : "publish-reason-slide";
  return { ...failure, reason: { key, args: { position: position + 1, count, reason: failure.reason } } };
}
