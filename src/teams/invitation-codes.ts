/**
 * Invitation codes: made from 24 random bytes, shown once in a t.me link, stored only as their SHA-256. Pure
 * apart from the random source.
 */

import { createHash, randomBytes } from "node:crypto";

/** How long a link works unless it is used first. A week covers a client who opens it after the weekend. */
export const INVITATION_VALID_DAYS = 7;

/**
 * 24 random bytes as base64url: 32 characters of [A-Za-z0-9_-], which is exactly what Telegram allows in a
 * deep-link start parameter (1–64 characters, Bot API "Deep linking"). 192 bits cannot be guessed.
 */
const CODE_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newInvitationCode(random: (size: number) => Buffer = randomBytes): string {
  return random(24).toString("base64url");
}

/** Whether a /start parameter has the shape of an invitation code (it may still be unknown or used). */
export function looksLikeInvitationCode(payload: string): boolean {
  return CODE_PATTERN.test(payload);
}

export function hashInvitationCode(code: string): Buffer {
  return createHash("sha256").update(code, "utf8").digest();
}

/** The link that opens a private chat with the bot and sends it `/start <code>`. */
export function invitationLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

export function invitationExpiry(now: Date, days = INVITATION_VALID_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60_000);
}
