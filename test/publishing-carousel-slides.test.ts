import { describe, expect, it } from "vitest";
import { checkCarouselSlides, forSlide } from "../src/publishing/carousel-slides.ts";
import type { ClaimedSlide } from "../src/publishing/claim-due-posts.ts";
import { classifyInstagramFailure, describeFailure } from "../src/publishing/publish-errors.ts";

/** What a carousel must be before Instagram is asked, and how a slide's failure reads to the owner. */

function slides(count: number, withoutImage: number[] = []): ClaimedSlide[] {
  return Array.from({ length: count }, (_, position) => ({
    position,
    imageKey: null,
    imageUrl: withoutImage.includes(position) ? null : `https://media.example.com/${position}.jpg`,
    altText: null,
    containerId: null,
    containerCreatedAt: null,
  }));
}

const urlOf = (slide: ClaimedSlide) => slide.imageUrl;

describe("a carousel Instagram can take", () => {
  it.each([2, 6, 10])("accepts %i slides with an image each", (count) => {
    expect(checkCarouselSlides(slides(count), urlOf)).toBeNull();
  });

  it.each([
    [0, "This carousel has 0 slides; Instagram takes 2 to 10."],
    [1, "This carousel has 1 slide; Instagram takes 2 to 10."],
    [11, "This carousel has 11 slides; Instagram takes 2 to 10."],
  ])("refuses %i slides before any call, in plain words", (count, message) => {
    const failure = checkCarouselSlides(slides(count), urlOf);
    expect(failure).toMatchObject({ kind: "permanent" });
    expect(describeFailure(failure!)).toBe(message);
  });

  it("names the first slide without an image", () => {
    expect(describeFailure(checkCarouselSlides(slides(6, [4, 5]), urlOf)!)).toBe(
      "Slide 5 of 6: It has no image, and Instagram needs one.",
    );
  });
});

describe("a slide's failure, as the owner reads it", () => {
  const png = classifyInstagramFailure({
    step: "create_carousel_item",
    origin: "meta",
    httpStatus: 400,
    code: 36001,
    subcode: 2207005,
  });

  it("names the slide, counting from 1, and says when it is the cover", () => {
    expect(describeFailure(forSlide(png, 2, 6))).toBe(
      "Slide 3 of 6: Instagram only accepts JPEG images, and this image is in another format.",
    );
    expect(describeFailure(forSlide(png, 0, 6))).toMatch(/^Slide 1 of 6 \(the cover\): /);
  });

  it("leaves a failure of the account as it is, whichever slide met it", () => {
    const quota = classifyInstagramFailure({
      step: "create_carousel_item",
      origin: "meta",
      httpStatus: 400,
      code: 9,
      subcode: 2207042,
    });
    expect(forSlide(quota, 2, 6)).toEqual(quota);
  });
});
