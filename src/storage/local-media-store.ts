/**
 * MediaStore on the local disk, for single-machine installs: files under `<dataDir>/media/`,
 * served by our own HTTP server at `<publicBaseUrl>/media/<key>`.
 */

import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  assertValidMediaKey,
  contentTypeForKey,
  joinUrl,
  type MediaStore,
  MediaStoreError,
} from "./media-store.ts";

export interface LocalMediaStoreOptions {
  dataDir: string;
  /** The service's public origin, e.g. "https://greenlight.example.com". */
  publicBaseUrl: string;
}

/**
 * Disk files carry no content type, so it comes from the key's extension — the same rule a
 * static file server applies when Instagram fetches the URL. `put` refuses a content type that
 * disagrees with the extension, so what `get` reports is what was stored.
 */
export function createLocalMediaStore(options: LocalMediaStoreOptions): MediaStore {
  const root = path.resolve(options.dataDir, "media");
  const urlBase = joinUrl(options.publicBaseUrl, "media");

  /** Key validation already excludes "..", but the resolved path is checked too, as a second wall. */
  function filePathFor(key: string, operation: MediaStoreError["operation"]): string {
    assertValidMediaKey(key, operation);
    const filePath = path.resolve(root, ...key.split("/"));
    if (!filePath.startsWith(root + path.sep)) {
      throw new MediaStoreError(
        "invalid_key",
        `Media key ${JSON.stringify(key)} escapes the media folder.`,
        operation,
        key,
      );
    }
    return filePath;
  }

  return {
    async put(key, body, contentType) {
      const filePath = filePathFor(key, "put");
      const expected = contentTypeForKey(key);
      if (mediaType(contentType) !== expected) {
        throw new MediaStoreError(
          "content_type_mismatch",
          `Content type ${contentType} does not match the key's extension (${expected}).`,
          "put",
          key,
        );
      }
      try {
        await mkdir(path.dirname(filePath), { recursive: true });
        // Write then rename: a fetch that races the write (Instagram, a Telegram preview) sees
        // either no file or the whole file, never half of one.
        const temporaryPath = `${filePath}.${randomBytes(6).toString("hex")}.tmp`;
        await writeFile(temporaryPath, body);
        await rename(temporaryPath, filePath);
      } catch (error) {
        throw storageFailed("put", key, error);
      }
      return { key, url: joinUrl(urlBase, key) };
    },

    async get(key) {
      const filePath = filePathFor(key, "get");
      try {
        return { body: await readFile(filePath), contentType: contentTypeForKey(key) };
      } catch (error) {
        if (isErrnoCode(error, "ENOENT")) return null;
        throw storageFailed("get", key, error);
      }
    },

    async delete(key) {
      const filePath = filePathFor(key, "delete");
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw storageFailed("delete", key, error);
      }
    },

    publicUrl(key) {
      assertValidMediaKey(key, "publicUrl");
      return joinUrl(urlBase, key);
    },
  };
}

function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function storageFailed(
  operation: MediaStoreError["operation"],
  key: string,
  cause: unknown,
): MediaStoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MediaStoreError(
    "storage_failed",
    `Local media ${operation} of ${key} failed: ${reason}`,
    operation,
    key,
    {
      cause,
    },
  );
}
