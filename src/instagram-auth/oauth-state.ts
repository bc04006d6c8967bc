import { createHash, randomBytes } from "node:crypto";

/**
 * The OAuth `state` for Instagram Login: 32 random bytes, sent as base64url in the /connect link and echoed
 * back by Instagram on the redirect. Only its SHA-256 is stored, so a database dump cannot be turned into a
 * working link; the row binds it to one owner and brand, expires after ten minutes and is used once. Pure.
 */

export const OAUTH_STATE_TTL_MINUTES = 10;

/** 32 bytes in unpadded base64url are exactly 43 characters. */
const STATE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface NewOAuthState {
  /** Goes into the link; never stored. */
  state: string;
  /** Goes into the database. */
  hash: string;
}

export function newOAuthState(random: (size: number) => Buffer = randomBytes): NewOAuthState {
  const state = random(32).toString("base64url");
  return { state, hash: hashOAuthState(state) };
}

export function hashOAuthState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

/** Rejects junk before it reaches the database (and keeps odd values out of the lookup entirely). */
export function isWellFormedOAuthState(value: unknown): value is string {
  return typeof value === "string" && STATE_FORMAT.test(value);
}
