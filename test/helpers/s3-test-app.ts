import { vi } from "vitest";
import type { S3MediaStore } from "../../src/storage/s3-media-store.ts";
import { s3StoreOn, startS3Server, type TestS3Server } from "../fakes/s3-server.ts";
import { startTestApp, type TestApp } from "./start-test-app.ts";
import { TcpProxy } from "./tcp-proxy.ts";

/** The service storing its media in an S3 fake that it reaches through a link the test can cut or hold. */
export interface S3TestApp {
  t: TestApp;
  s3: TestS3Server;
  /** The service's way to the bucket. */
  bucketLink: TcpProxy;
  /** The bucket as seen directly, not through the link. */
  bucket: S3MediaStore;
  stop(): Promise<void>;
}

export async function startS3TestApp(extraEnv: Record<string, string> = {}): Promise<S3TestApp> {
  const s3 = await startS3Server();
  const bucketLink = await new TcpProxy({
    host: "127.0.0.1",
    port: Number(new URL(s3.endpoint).port),
  }).start();
  // The service takes S3 credentials from the AWS SDK's default chain, as in production.
  vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
  const t = await startTestApp({
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: `http://127.0.0.1:${bucketLink.port}`,
    S3_REGION: s3.region,
    ...extraEnv,
  });
  const bucket = s3StoreOn(s3);
  return {
    t,
    s3,
    bucketLink,
    bucket,
    async stop() {
      await t.stop();
      await bucket.close();
      await bucketLink.stop();
      await s3.close();
      vi.unstubAllEnvs();
    },
  };
}
