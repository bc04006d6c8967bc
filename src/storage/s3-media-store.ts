/**
 * MediaStore on S3 or an S3-compatible server (MinIO, R2, Garage, Ceph RGW, ...). Objects must
 * be publicly readable at {@link S3MediaStoreOptions.publicUrl} (a bucket policy or a CDN in
 * front); no ACLs are set, because most buckets today have ACLs disabled.
 */

import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { assertValidMediaKey, joinUrl, type MediaStore, MediaStoreError } from "./media-store.ts";

export interface S3MediaStoreOptions {
  bucket: string;
  /** For S3-compatible servers, e.g. "http://127.0.0.1:9000". Implies path-style addressing. */
  endpoint?: string | undefined;
  /** Defaults to "us-east-1", which most S3-compatible servers accept whatever their location. */
  region?: string | undefined;
  /**
   * Public base URL objects are served at (a CDN, or the bucket's public domain); the object
   * URL is `<publicUrl>/<key>`. Without it: a path-style URL on the endpoint, or the bucket's
   * AWS virtual-hosted URL.
   */
  publicUrl?: string | undefined;
  /** Omit to use the SDK's default credential chain (instance roles, profiles). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface S3MediaStore extends MediaStore {
  /** Closes the client's pooled connections. */
  close(): Promise<void>;
}

export function createS3MediaStore(options: S3MediaStoreOptions): S3MediaStore {
  const { bucket, endpoint } = options;
  const region = options.region ?? "us-east-1";
  const client = new S3Client({
    region,
    endpoint,
    // S3-compatible servers rarely have wildcard DNS for <bucket>.<host>.
    forcePathStyle: endpoint !== undefined,
    credentials: options.credentials,
    // Since v3.729.0 (January 2025) the SDK adds a CRC32 checksum to every upload by default
    // and validates checksums on downloads (github.com/aws/aws-sdk-js-v3/issues/6810). Many
    // S3-compatible servers mishandle that: R2 and Backblaze B2 answered uploads with
    // "501 NotImplemented: Header 'x-amz-checksum-crc32'", and a streamed body goes out
    // aws-chunked with a trailer that s3rver stores inside the object (a 1000-byte upload reads
    // back as 1043 bytes; toolchain.md §5). "WHEN_REQUIRED" restores plain uploads. We also
    // always pass a Buffer, so there is a fixed Content-Length and never a chunked body.
    // Integrity is still checked where the server can: put() sends Content-MD5, which S3
    // and most compatible servers verify (s3rver ignores it).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  const urlBase =
    options.publicUrl ??
    (endpoint !== undefined ? joinUrl(endpoint, bucket) : `https://${bucket}.s3.${region}.amazonaws.com`);

  return {
    async put(key, body, contentType) {
      assertValidMediaKey(key, "put");
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            ContentLength: body.length,
            ContentMD5: createHash("md5").update(body).digest("base64"),
          }),
        );
      } catch (error) {
        throw s3Failed("put", bucket, key, error);
      }
      return { key, url: joinUrl(urlBase, key) };
    },

    async get(key) {
      assertValidMediaKey(key, "get");
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const bytes = await response.Body?.transformToByteArray();
        return {
          body: bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.alloc(0),
          contentType: response.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw s3Failed("get", bucket, key, error);
      }
    },

    async delete(key) {
      assertValidMediaKey(key, "delete");
      try {
        // S3 answers 204 for a missing key too, so this is idempotent without a check.
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        throw s3Failed("delete", bucket, key, error);
      }
    },

    publicUrl(key) {
      assertValidMediaKey(key, "publicUrl");
      return joinUrl(urlBase, key);
    },

    async close() {
      client.destroy();
    },
  };
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404)
  );
}

/** Names the operation, bucket and key, and S3's own error code and status. */
function s3Failed(operation: MediaStoreError["operation"], bucket: string, key: string, cause: unknown) {
  const remote =
    cause instanceof S3ServiceException
      ? `${cause.name} (HTTP ${cause.$metadata.httpStatusCode ?? "?"}): ${cause.message}`
      : cause instanceof Error
        ? cause.message
        : String(cause);
  return new MediaStoreError(
    "storage_failed",
    `S3 ${operation} of ${key} in bucket ${bucket} failed: ${remote}`,
    operation,
    key,
    { cause },
  );
}
