import { createLocalMediaStore } from "./local-media-store.ts";
import type { MediaStore } from "./media-store.ts";
import type { S3MediaStoreOptions } from "./s3-media-store.ts";

export interface CreateMediaStoreOptions {
  /** When given, media goes to S3; otherwise to `<dataDir>/media/` on this machine. */
  s3?: S3MediaStoreOptions | undefined;
  dataDir: string;
  /** The service's public origin; the local store's URLs hang off it. */
  publicBaseUrl: string;
}

/**
 * Picks the media store from config. Call once, from the composition root, and close it on shutdown. The AWS
 * SDK is loaded only when a bucket is configured.
 */
export async function createMediaStore(
  options: CreateMediaStoreOptions,
): Promise<MediaStore & { close(): Promise<void> }> {
  if (options.s3) {
    const { createS3MediaStore } = await import("./s3-media-store.ts");
    return createS3MediaStore(options.s3);
  }
  const local = createLocalMediaStore({ dataDir: options.dataDir, publicBaseUrl: options.publicBaseUrl });
  return { ...local, close: async () => {} };
}
