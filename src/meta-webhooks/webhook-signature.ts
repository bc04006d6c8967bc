/**
 * Meta's webhook signature: every notification carries `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of
 * the raw request body under the app secret. It must be computed over the bytes exactly as received (parsing and
 * re-serialising the JSON would change escapes such as `\/` and break it). Pure: no I/O.
 *
 * Source: developers.facebook.com/docs/graph-api/webhooks/getting-started ("Validating payloads"), summarised in
 * production-and-v2-apis.md, Webhooks.
 */

import { createHmac, timingSafeEqual } from "node:crypto";

export type WebhookSignatureFailure =
  /** No X-Hub-Signature-256 header: nothing says the body comes from Meta. */
  | "unsigned"
  /** A header that is not `sha256=` and 64 hex digits. */
  | "malformed"
  /** Well formed, but not the HMAC of this body under our app secret: forged, altered or another app's. */
  | "mismatch";

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

/** Checks the header against the body in constant time; the failure, or undefined when it is Meta's. */
export function checkWebhookSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): WebhookSignatureFailure | undefined {
  if (appSecret === "") throw new TypeError("checkWebhookSignature needs the app secret");
  if (header === undefined || header.trim() === "") return "unsigned";
  const hex = HEADER.exec(header.trim())?.[1];
  if (!hex) return "malformed";
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, "hex"), expected) ? undefined : "mismatch";
}

/** The header Meta would send with this body, for fakes and tests. */
export function signWebhookBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}
