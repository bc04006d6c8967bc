/**
 * Meta's `signed_request`, sent with the deauthorize and data-deletion callbacks: `<sig>.<payload>`, both
 * base64url, where sig = HMAC-SHA256(app secret, payload segment exactly as received). Pure: no I/O.
 *
 * Source: https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback
 * (Meta's PHP sample), summarised in platform-apis.md §C.1.
 */

import { createHmac, timingSafeEqual } from "node:crypto";

export type SignedRequestFailure =
  /** No signed_request at all (absent, empty or not a string). */
  | "missing"
  /** Not `<base64url>.<base64url>`, or a correctly signed payload that is not the JSON Meta sends. */
  | "malformed"
  /** The signature does not match the payload under this secret: forged, truncated or another app's. */
  | "bad_signature"
  /** Correctly signed, but the payload names an algorithm other than HMAC-SHA256. */
  | "unsupported_algorithm";

/** A signed_request that must not be trusted, with the reason as a stable code for logs and responses. */
export class SignedRequestError extends Error {
  override readonly name = "SignedRequestError";

  constructor(
    readonly reason: SignedRequestFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The decoded payload. `user_id` is the app-scoped id as a string, exactly as Meta sends it, so it can be
 * matched against the ids stored at login. Meta's example:
 * `{"algorithm":"HMAC-SHA256","expires":1291840400,"issued_at":1291836800,"user_id":"218471"}`.
 */
export interface SignedRequestPayload {
  user_id: string;
  algorithm: string;
  issued_at?: number;
  expires?: number;
  [field: string]: unknown;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const SIGNATURE_BYTES = 32;

/**
 * Verifies a signed_request and returns its payload. The signature is checked before the payload is parsed,
 * so nothing an attacker sends is interpreted until it is proven to come from Meta.
 *
 * @throws SignedRequestError with `reason` missing, malformed, bad_signature or unsupported_algorithm.
 */
export function verifySignedRequest(signedRequest: unknown, appSecret: string): SignedRequestPayload {
  if (appSecret === "") throw new TypeError("verifySignedRequest needs the app secret");
  if (typeof signedRequest !== "string" || signedRequest.trim() === "") {
    throw new SignedRequestError("missing", "No signed_request was sent");
  }
  const parts = signedRequest.trim().split(".");
  if (parts.length !== 2 || !BASE64URL.test(parts[0]!) || !BASE64URL.test(parts[1]!)) {
    throw new SignedRequestError("malformed", "signed_request is not two base64url parts joined by a dot");
  }
  const [signaturePart, payloadPart] = parts as [string, string];

  const signature = Buffer.from(signaturePart, "base64url");
  const expected = createHmac("sha256", appSecret).update(payloadPart).digest();
  // timingSafeEqual throws on unequal lengths; a wrong length says nothing secret, so it may fail fast.
  if (signature.length !== SIGNATURE_BYTES || !timingSafeEqual(signature, expected)) {
    throw new SignedRequestError("bad_signature", "signed_request signature does not match");
  }

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    throw new SignedRequestError("malformed", "signed_request payload is not JSON");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new SignedRequestError("malformed", "signed_request payload is not a JSON object");
  }
  const fields = payload as Record<string, unknown>;
  if (typeof fields.algorithm !== "string" || fields.algorithm.toUpperCase() !== "HMAC-SHA256") {
    throw new SignedRequestError(
      "unsupported_algorithm",
      `signed_request algorithm ${JSON.stringify(fields.algorithm ?? null)} is not HMAC-SHA256`,
    );
  }
  // Meta sends user_id as a string; a number is tolerated only while JSON.parse kept every digit of it.
  if (typeof fields.user_id === "number" && Number.isSafeInteger(fields.user_id) && fields.user_id > 0) {
    fields.user_id = String(fields.user_id);
  }
  if (typeof fields.user_id !== "string" || fields.user_id === "") {
    throw new SignedRequestError("malformed", "signed_request payload has no user_id");
  }
  for (const key of ["issued_at", "expires"] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== "number") {
      throw new SignedRequestError("malformed", `signed_request payload field ${key} is not a number`);
    }
  }
  return fields as SignedRequestPayload;
}

/** Builds a signed_request the way Meta does, for fakes and tests. `algorithm` defaults to HMAC-SHA256. */
export function signSignedRequest(payload: Record<string, unknown>, secret: string): string {
  const body = Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA256", ...payload }), "utf8").toString(
    "base64url",
  );
  const signature = createHmac("sha256", secret).update(body).digest("base64url");
  return `${signature}.${body}`;
}
