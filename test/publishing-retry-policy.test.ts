import { describe, expect, it } from "vitest";
import { classifyContainerStatus, classifyInstagramFailure } from "../src/publishing/publish-errors.ts";
import { describeMessage } from "../src/i18n/stored-message.ts";
import { englishTexts } from "../src/i18n/texts.ts";
import { failureText, postedText } from "../src/publishing/publish-messages.ts";
import { decideRetry, MAX_PUBLISH_ATTEMPTS, retryDelayMs } from "../src/publishing/publish-retry-policy.ts";

const outage = classifyInstagramFailure({
  step: "create_container",
  origin: "meta",
  httpStatus: 500,
  code: 2,
  subcode: null,
});
const throttled = classifyInstagramFailure({
  step: "create_container",
  origin: "meta",
  httpStatus: 400,
  code: 4,
  subcode: null,
});
const downloadFailed = classifyInstagramFailure({
  step: "create_container",
  origin: "meta",
  httpStatus: 400,
  code: 9004,
  subcode: 2207052,
});
const notJpeg = classifyInstagramFailure({
  step: "create_container",
  origin: "meta",
  httpStatus: 400,
  code: 36001,
  subcode: 2207005,
});

describe("retry policy", () => {
  it("backs off exponentially from 30 seconds and never waits more than an hour", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(outage, attempt))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(outage, 20)).toBe(3_600_000);
  });

  it("waits longer when Instagram throttles than after an outage", () => {
    expect(retryDelayMs(throttled, 1)).toBe(300_000);
    expect(retryDelayMs(throttled, 2)).toBe(600_000);
  });

  it("asks a container that is still processing again after half a minute, whatever the attempt", () => {
    const processing = classifyContainerStatus({ statusCode: "IN_PROGRESS" })!;
    expect(retryDelayMs(processing, 1)).toBe(30_000);
    expect(retryDelayMs(processing, 6)).toBe(30_000);
  });

  it("gives up a transient failure on the last allowed attempt", () => {
    expect(decideRetry(outage, MAX_PUBLISH_ATTEMPTS - 1)).toEqual({
      kind: "retry",
      delayMs: expect.any(Number),
    });
    expect(decideRetry(outage, MAX_PUBLISH_ATTEMPTS)).toEqual({ kind: "give_up" });
  });

  it("honours Meta's own stricter limit (an image download failure is retried once)", () => {
    expect(decideRetry(downloadFailed, 1).kind).toBe("retry");
    expect(decideRetry(downloadFailed, 2)).toEqual({ kind: "give_up" });
  });

  it("never retries a permanent failure", () => {
    expect(decideRetry(notJpeg, 1)).toEqual({ kind: "give_up" });
  });
});

/** The failure's reason as an owner reading English sees it. */
function failureWords(...args: Parameters<typeof failureText>): string {
  return describeMessage(failureText(...args), englishTexts());
}

describe("what the owner reads", () => {
  it("links the live post, or says the link is still missing", () => {
    expect(postedText("https://www.instagram.com/p/abc/")).toBe("Posted ✅ https://www.instagram.com/p/abc/");
    expect(postedText(null)).toBe("Posted ✅ (Instagram has not given the link yet)");
  });

  it("explains a permanent failure in plain words, without codes", () => {
    expect(failureWords(notJpeg, { userMessage: null, metaMessage: "(#36001) Invalid image format" })).toBe(
      "Instagram only accepts JPEG images, and this image is in another format.",
    );
  });

  it("quotes Instagram when it did not recognise the error, since that is all there is to go on", () => {
    const unknown = classifyInstagramFailure({
      step: "create_container",
      origin: "meta",
      httpStatus: 400,
      code: 100,
      subcode: 2207999,
    });
    expect(failureWords(unknown, { userMessage: null, metaMessage: "Something odd happened" })).toBe(
      "Instagram refused the request for a reason Greenlight does not recognise (Instagram error 100/2207999). " +
        "Instagram said: “Something odd happened”",
    );
  });

  it("quotes the message Instagram wrote for users when there is one", () => {
    expect(failureWords(notJpeg, { userMessage: "Use a JPEG photo.", metaMessage: null })).toBe(
      "Instagram only accepts JPEG images, and this image is in another format. Instagram said: “Use a JPEG photo.”",
    );
  });

  it("drops the promise to try again once Greenlight has stopped trying", () => {
    const text = failureWords(outage, null, 8);
    expect(text).toBe(
      "Instagram had a temporary problem. Greenlight tried 8 times and stopped; tap 🔁 Retry to try again.",
    );
    expect(text).not.toMatch(/will try again shortly/);
  });
});
