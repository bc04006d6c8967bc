/**
 * A reason kept in the database and shown later, as data: a message of the catalogue and its arguments, so that
 * whoever reads it reads it in their own language. An argument may itself be such a message ("Slide 2 of 5:
 * <why>"). Rows written before reasons were kept this way hold an English sentence, which is shown as it is.
 * Pure: no I/O.
 */

import type { Texts } from "./texts.ts";

/** Stored in rows that outlive a release: never rename a key or take away an argument one is stored with. */
export interface StoredMessage {
  key: string;
  args?: StoredArgs;
}

export type StoredArgs = Record<string, string | number | StoredMessage>;

/** The message in the reader's language; a message given as an argument is written out first. */
export function describeMessage(message: StoredMessage, texts: Texts): string {
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.args ?? {})) {
    args[name] = typeof value === "object" ? describeMessage(value, texts) : value;
  }
  return texts.t(message.key, args);
}

/** The message as a text column keeps it. */
export function storeMessage(message: object): string {
  return JSON.stringify(message);
}

/** What a stored reason holds when it was stored as JSON; null for an older row's English sentence. */
export function parseStoredJson(stored: string): unknown {
  // An English sentence never starts with "{", so older rows are never mistaken for JSON.
  if (!stored.startsWith("{")) return null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return null;
  }
}

/**
 * A stored reason in the reader's language: a message stored as JSON whose key `keyPattern` allows (at every
 * level), or, for anything else (an older row's English sentence), the text as it is.
 */
export function describeStoredMessage(stored: string, texts: Texts, keyPattern: RegExp): string {
  const value = parseStoredJson(stored);
  return isStoredMessage(value, keyPattern) ? describeMessage(value, texts) : stored;
}

export function isStoredMessage(value: unknown, keyPattern: RegExp): value is StoredMessage {
  if (typeof value !== "object" || value === null) return false;
  const { key, args } = value as Record<string, unknown>;
  return (
    typeof key === "string" &&
    keyPattern.test(key) &&
    (args === undefined ||
      (typeof args === "object" &&
        args !== null &&
        Object.values(args).every(
          (arg) => typeof arg === "string" || typeof arg === "number" || isStoredMessage(arg, keyPattern),
        )))
  );
}
