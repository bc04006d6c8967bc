/**
 * An S3-compatible server for tests: s3rver on 127.0.0.1:0 with its data in a fresh temporary
 * folder and one bucket already created. s3rver was the only S3 server installable here
 * (toolchain.md §5); clients must send plain (not aws-chunked) uploads.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createS3MediaStore, type S3MediaStore } from "../../src/storage/s3-media-store.ts";

/** The part of s3rver's API we use; the package ships no type declarations. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

export interface TestS3Server {
  /** e.g. "http://127.0.0.1:40123"; use with forcePathStyle. */
  endpoint: string;
  bucket: string;
  region: string;
  /** s3rver checks signatures against this fixed pair. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  close(): Promise<void>;
}

export async function startS3Server(options: { bucket?: string } = {}): Promise<TestS3Server> {
  const bucket = options.bucket ?? "greenlight-media";
  const directory = await mkdtemp(path.join(tmpdir(), "greenlight-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The media store the service would use on this bucket, reaching it directly (not through a test's proxy). */
export function s3StoreOn(s3: TestS3Server): S3MediaStore {
  return createS3MediaStore({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: s3.credentials,
  });
}
