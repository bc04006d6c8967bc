import crypto, { createHmac } from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  SignedRequestError,
  type SignedRequestFailure,
  signSignedRequest,
  verifySignedRequest,
} from "../src/meta-callbacks/signed-request.ts";

const SECRET = "instagram-app-secret-for-tests";

/** Builds a signed_request by hand, independently of signSignedRequest, the way Meta's docs describe it. */
function metaStyle(payload: unknown, secret = SECRET, rawPayload?: string): string {
  const body = Buffer.from(rawPayload ?? JSON.stringify(payload)).toString("base64url");
  const signature = createHmac("sha256", secret).update(body).digest("base64url");
  return `${signature}.${body}`;
}

function failure(signedRequest: unknown, secret = SECRET): SignedRequestFailure {
  try {
    verifySignedRequest(signedRequest, secret);
  } catch (error) {
    expect(error).toBeInstanceOf(SignedRequestError);
    return (error as SignedRequestError).reason;
  }
  throw new Error("expected the signed_request to be refused");
}

const MetaExample = {
  algorithm: "HMAC-SHA256",
  expires: 1291840400,
  issued_at: 1291836800,
  user_id: "218471",
};

describe("verifying Meta's signed_request", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  it("accepts a request signed with the app secret and returns the payload", () => {
    expect(verifySignedRequest(metaStyle(MetaExample), SECRET)).toEqual(MetaExample);
  });

  it("accepts the algorithm name in any case", () => {
    const payload = { ...MetaExample, algorithm: "hmac-sha256" };
    expect(verifySignedRequest(metaStyle(payload), SECRET).user_id).toBe("218471");
  });

  it("agrees with the helper that signs requests for fakes", () => {
    const signed = signSignedRequest({ user_id: "26000000000000007", issued_at: 1_800_000_000 }, SECRET);
    expect(verifySignedRequest(signed, SECRET)).toEqual({
      algorithm: "HMAC-SHA256",
      user_id: "26000000000000007",
      issued_at: 1_800_000_000,
    });
  });

  it("refuses a request signed with another secret", () => {
    expect(failure(metaStyle(MetaExample, "someone-elses-secret"))).toBe("bad_signature");
  });

  it("refuses a payload changed after signing", () => {
    const [signature] = metaStyle(MetaExample).split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...MetaExample, user_id: "1" })).toString("base64url");
    expect(failure(`${signature}.${forgedPayload}`)).toBe("bad_signature");
  });

  it("refuses truncated requests", () => {
    const signed = metaStyle(MetaExample);
    const [signature, payload] = signed.split(".") as [string, string];
    expect(failure(`${signature.slice(0, -4)}.${payload}`)).toBe("bad_signature");
    expect(failure(`${signature}.${payload.slice(0, -6)}`)).toBe("bad_signature");
    expect(failure(signed.slice(0, signature.length))).toBe("malformed");
  });

  it("refuses requests that are not two base64url parts", () => {
    expect(failure("no-dot-here")).toBe("malformed");
    expect(failure("a.b.c")).toBe("malformed");
    expect(failure(".payload")).toBe("malformed");
    expect(failure("sig+/.payload")).toBe("malformed");
  });

  it("refuses correctly signed payloads that are not Meta's JSON object", () => {
    expect(failure(metaStyle(null, SECRET, "not json"))).toBe("malformed");
    expect(failure(metaStyle(["HMAC-SHA256"]))).toBe("malformed");
    expect(failure(metaStyle({ algorithm: "HMAC-SHA256", issued_at: 1 }))).toBe("malformed");
    expect(failure(metaStyle({ ...MetaExample, issued_at: "yesterday" }))).toBe("malformed");
  });

  it("refuses any algorithm but HMAC-SHA256, even when correctly signed", () => {
    expect(failure(metaStyle({ ...MetaExample, algorithm: "HMAC-SHA1" }))).toBe("unsupported_algorithm");
    expect(failure(metaStyle({ ...MetaExample, algorithm: "none" }))).toBe("unsupported_algorithm");
    const { algorithm: _omitted, ...withoutAlgorithm } = MetaExample;
    expect(failure(metaStyle(withoutAlgorithm))).toBe("unsupported_algorithm");
  });

  it("reports a missing signed_request as missing", () => {
    for (const value of [undefined, null, "", "   ", 42, { signed_request: "x" }]) {
      expect(failure(value)).toBe("missing");
    }
  });

  it("compares signatures in constant time, and never hands it buffers of unequal length", () => {
    const spy = vi.spyOn(crypto, "timingSafeEqual");
    syncBuiltinESMExports();

    verifySignedRequest(metaStyle(MetaExample), SECRET);
    expect(spy).toHaveBeenCalledTimes(1);

    // Same length, wrong bytes: decided by timingSafeEqual.
    expect(failure(metaStyle(MetaExample, "another-secret"))).toBe("bad_signature");
    expect(spy).toHaveBeenCalledTimes(2);

    // Wrong length: refused before timingSafeEqual, which would throw a RangeError instead.
    const [signature, payload] = metaStyle(MetaExample).split(".") as [string, string];
    expect(failure(`${signature}AAAA.${payload}`)).toBe("bad_signature");
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
