import type { Hono } from "hono";
import { isValidMediaKey, type MediaStore } from "../storage/media-store.ts";
import type { AppEnv } from "./http-app.ts";

/**
 * GET /media/<key>: serves locally stored images (when no S3 bucket is configured) so Instagram and Telegram
 * can download them from PUBLIC_URL. Keys are validated by the store's rules, so no path outside the media
 * folder can be named.
 */
export function mediaRoute(store: MediaStore) {
  return (app: Hono<AppEnv>) => {
    app.on(["GET", "HEAD"], "/media/*", async (c) => {
      let key: string;
      try {
        key = decodeURIComponent(c.req.path.slice("/media/".length));
      } catch {
        key = ""; // Malformed percent-encoding names no stored object.
      }
      const object = isValidMediaKey(key) ? await store.get(key) : null;
      if (!object) return c.json({ error: "not_found", message: "No such media" }, 404);
      const headers = {
        "content-type": object.contentType,
        "content-length": String(object.body.length),
        // Keys are random and never reused, so a stored image never changes.
        "cache-control": "public, max-age=31536000, immutable",
      };
      return c.req.method === "HEAD"
        ? c.body(null, 200, headers)
        : c.body(new Uint8Array(object.body), 200, headers);
    });
  };
}
