import { describe, expect, it } from "vitest";
import {
  classifyContainerStatus,
  classifyInstagramFailure,
  describeFailure,
  type InstagramFailureFacts,
} from "../src/publishing/publish-errors.ts";

function meta(code: number, subcode: number | null = null, step = "create_container"): InstagramFailureFacts {
  return { step, origin: "meta", httpStatus: 400, code, subcode };
}

describe("classifying Instagram failures", () => {
  it.each([
    ["an image download timeout", meta(-2, 2207003), "transient", "retry"],
    ["an expired container", meta(-2, 2207020), "transient", "new_container"],
    ["an Instagram server error", meta(-1, 2207001), "transient", "retry"],
    ["a failed container creation", meta(-1, 2207032), "transient", "new_container"],
    ["a suspected-spam restriction", meta(4, 2207051, "publish"), "transient", "check_container"],
    ["the daily publishing quota", meta(9, 2207042, "publish"), "transient", "wait_for_quota"],
    ["a media builder that expired", meta(24, 2207008), "transient", "retry"],
    ["a restricted account", meta(25, 2207050), "permanent", "owner_action"],
    ["an image Instagram could not fetch", meta(9004, 2207052), "transient", "retry"],
    ["a container not ready yet", meta(9007, 2207027, "publish"), "transient", "wait_for_container"],
    ["an image over 8 MB", meta(36000, 2207004), "permanent", "fix_media"],
    ["a PNG", meta(36001, 2207005), "permanent", "fix_media"],
    ["a bad aspect ratio", meta(36003, 2207009), "permanent", "fix_media"],
    ["a caption that is too long", meta(36004, 2207010), "permanent", "fix_caption"],
    ["too many @-mentions", meta(100, 2207040), "permanent", "fix_caption"],
    ["a PNG reported without subcode", meta(36001), "permanent", "fix_media"],
    ["app-level throttling", meta(4), "transient", "back_off"],
    ["user-level throttling", meta(17), "transient", "back_off"],
    ["custom throttling", meta(613), "transient", "back_off"],
    ["a service error", meta(2), "transient", "retry"],
    ["a missing permission", meta(10), "permanent", "reconnect"],
    ["a missing publish permission", meta(200), "permanent", "reconnect"],
    ["an unknown request error", meta(100, 33), "permanent", "give_up"],
  ] as const)("treats %s as %s, %s", (_label, facts, kind, recovery) => {
    expect(classifyInstagramFailure(facts)).toMatchObject({ kind, recovery });
  });

  it("treats code 190 as a dead token whatever the step, and says why in plain words", () => {
    const expired = classifyInstagramFailure(meta(190, 463, "publish"));
    expect(expired).toEqual({
      kind: "token_invalid",
      recovery: "reconnect",
      reason: { key: "ig-reason-expired" },
      attemptLimit: 1,
    });
    expect(describeFailure(classifyInstagramFailure(meta(190, 458)))).toMatch(
      /removed from the Instagram account/,
    );
    expect(describeFailure(classifyInstagramFailure(meta(190)))).toMatch(/no longer accepts/);
  });

  it("tells the owner in plain words why an image was refused", () => {
    expect(describeFailure(classifyInstagramFailure(meta(9004, 2207052)))).toBe(
      "Instagram could not download the image (it must be a public JPEG, without redirects or a login).",
    );
    expect(describeFailure(classifyInstagramFailure(meta(36001, 2207005)))).toBe(
      "Instagram only accepts JPEG images, and this image is in another format.",
    );
  });

  it("checks the container before retrying a publish that may have gone through", () => {
    const publish = (facts: Partial<InstagramFailureFacts>): InstagramFailureFacts => ({
      step: "publish",
      origin: "meta",
      httpStatus: null,
      code: null,
      subcode: null,
      ...facts,
    });
    for (const facts of [
      publish({ origin: "network" }),
      publish({ origin: "timeout" }),
      publish({ origin: "http", httpStatus: 502 }),
      publish({ httpStatus: 500, code: 2 }),
      publish({ httpStatus: 500, code: -1, subcode: 2207001 }),
      publish({ origin: "unexpected_body", httpStatus: 200 }),
    ]) {
      expect(classifyInstagramFailure(facts), JSON.stringify(facts)).toMatchObject({
        kind: "transient",
        recovery: "check_container",
      });
    }
  });

  it("simply retries transport failures on calls that change nothing", () => {
    const facts: InstagramFailureFacts = {
      step: "container_status",
      origin: "timeout",
      httpStatus: null,
      code: null,
      subcode: null,
    };
    expect(classifyInstagramFailure(facts)).toMatchObject({ kind: "transient", recovery: "retry" });
  });

  it("trusts Meta's is_transient flag for codes it does not know", () => {
    expect(classifyInstagramFailure({ ...meta(12345), metaTransient: true })).toMatchObject({
      kind: "transient",
    });
    const unknown = classifyInstagramFailure(meta(12345, 67));
    expect(unknown).toMatchObject({ kind: "permanent", recovery: "give_up", attemptLimit: 1 });
    expect(describeFailure(unknown)).toMatch(/\(Instagram error 12345\/67\)/);
  });
});

describe("classifying container states", () => {
  it("has nothing to report for FINISHED and PUBLISHED", () => {
    expect(classifyContainerStatus({ statusCode: "FINISHED" })).toBeNull();
    expect(classifyContainerStatus({ statusCode: "PUBLISHED" })).toBeNull();
  });

  it("waits while IN_PROGRESS and starts over when EXPIRED", () => {
    expect(classifyContainerStatus({ statusCode: "IN_PROGRESS" })).toMatchObject({
      recovery: "wait_for_container",
    });
    expect(classifyContainerStatus({ statusCode: "EXPIRED" })).toMatchObject({ recovery: "new_container" });
  });

  it("reads the subcode from an ERROR status", () => {
    expect(
      classifyContainerStatus({
        statusCode: "ERROR",
        status: "Error: Media upload has failed with error code 2207009",
      }),
    ).toMatchObject({
      kind: "permanent",
      recovery: "fix_media",
    });
    // A retryable cause still needs a fresh container: this one is dead.
    expect(classifyContainerStatus({ statusCode: "ERROR", status: "2207001" })).toMatchObject({
      kind: "transient",
      recovery: "new_container",
    });
    expect(classifyContainerStatus({ statusCode: "ERROR", status: null })).toMatchObject({
      kind: "transient",
      recovery: "new_container",
      attemptLimit: 2,
    });
  });
});
