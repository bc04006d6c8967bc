/**
 * Where post images live. Instagram fetches each image from a public URL when a post is
 * published (platform-apis.md §B.1), so every stored object also has one.
 */

import { randomBytes } from "node:crypto";

export interface StoredMedia {
  key: string;
  url: string;
}

export interface MediaObject {
  body: Buffer;
  contentType: string;
}

export interface MediaStore {
  /** Stores (or replaces) the object and returns its public URL. */
  put(key: string, body: Buffer, contentType: string): Promise<StoredMedia>;
  /** Null when there is no such object. */
  get(key: string): Promise<MediaObject | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** The URL the object is (or would be) served at. Does not check that it exists. */
  publicUrl(key: string): string;
}

export type MediaStoreErrorCode = "invalid_key" | "content_type_mismatch" | "storage_failed";

/** A media store operation failed; says which operation and key, and keeps the cause. */
export class MediaStoreError extends Error {
  override readonly name = "MediaStoreError";

  constructor(
    readonly code: MediaStoreErrorCode,
    message: string,
    readonly operation: "put" | "get" | "delete" | "publicUrl",
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MAX_KEY_LENGTH = 512;
/** One path segment: letters, digits, dot, dash, underscore; not starting with a dot. */
const KEY_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Keys are relative slash-separated paths of plain segments. Anything else — "..", empty
 * segments, a leading slash, backslashes, percent signs, non-ASCII — is refused, which keeps
 * keys safe as file paths and identical in every URL form (Instagram wants US-ASCII URLs).
 */
export function isValidMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => KEY_SEGMENT.test(segment));
}

/** @throws MediaStoreError `invalid_key` */
export function assertValidMediaKey(key: string, operation: MediaStoreError["operation"]): void {
  if (!isValidMediaKey(key)) {
    throw new MediaStoreError("invalid_key", `Refusing media key ${JSON.stringify(key)}.`, operation, key);
  }
}

/**
 * A fresh key for one of a draft's images: `drafts/<draftId>/<random>.<extension>`. The random
 * part makes URLs unguessable and never reused, so caches can keep them forever.
 */
export function newDraftMediaKey(
  draftId: string | number,
  options: { extension?: string; random?: () => string } = {},
): string {
  const { extension = "jpg", random = () => randomBytes(12).toString("base64url") } = options;
  if (!KEY_SEGMENT.test(String(draftId))) {
    throw new MediaStoreError(
      "invalid_key",
      `Refusing draft id ${JSON.stringify(draftId)} in a media key.`,
      "put",
      String(draftId),
    );
  }
  const key = `drafts/${draftId}/${random()}.${extension}`;
  assertValidMediaKey(key, "put");
  return key;
}

const CONTENT_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  json: "application/json",
};

/** The content type implied by the key's extension, as a static file server would infer it. */
export function contentTypeForKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return CONTENT_TYPES_BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** Joins a base URL and a key with exactly one slash. */
export function joinUrl(base: string, key: string): string {
  return `${base.replace(/\/+$/, "")}/${key}`;
}
