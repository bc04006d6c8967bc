import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMediaStore } from "../src/storage/create-media-store.ts";
import { createLocalMediaStore } from "../src/storage/local-media-store.ts";
import {
  isValidMediaKey,
  type MediaStore,
  MediaStoreError,
  newDraftMediaKey,
} from "../src/storage/media-store.ts";
import { createS3MediaStore, type S3MediaStore } from "../src/storage/s3-media-store.ts";
import { s3StoreOn, startS3Server, type TestS3Server } from "./fakes/s3-server.ts";

const TRAVERSAL_KEYS = [
  "../outside.jpg",
  "drafts/../../outside.jpg",
  "drafts/./x.jpg",
  "/etc/passwd",
  "drafts//x.jpg",
  "drafts\\..\\x.jpg",
  "drafts/%2e%2e/x.jpg",
  "drafts/.hidden.jpg",
  "drafts/ünïcode.jpg",
  "",
];

describe("media keys", () => {
  it("are drafts/<id>/<random>.jpg and differ on every call", () => {
    const first = newDraftMediaKey(42);
    const second = newDraftMediaKey(42);
    expect(first).toMatch(/^drafts\/42\/[A-Za-z0-9_-]{16}\.jpg$/);
    expect(second).not.toBe(first);
  });

  it("refuse a draft id that would add or climb folders", () => {
    expect(() => newDraftMediaKey("a/b")).toThrow(MediaStoreError);
    expect(() => newDraftMediaKey("..")).toThrow(MediaStoreError);
  });

  it.each(TRAVERSAL_KEYS)("refuse %j", (key) => {
    expect(isValidMediaKey(key)).toBe(false);
  });
});

describe("local media store", () => {
  let dataDir: string;
  let store: MediaStore;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "greenlight-media-"));
    store = createLocalMediaStore({ dataDir, publicBaseUrl: "https://greenlight.example.com/" });
    return () => rm(dataDir, { recursive: true, force: true });
  });

  it("stores a file under <dataDir>/media and serves it at <publicUrl>/media/<key>", async () => {
    const body = randomBytes(50_000);
    const stored = await store.put("drafts/7/abc.jpg", body, "image/jpeg");

    expect(stored).toEqual({
      key: "drafts/7/abc.jpg",
      url: "https://greenlight.example.com/media/drafts/7/abc.jpg",
    });
    expect(await readFile(path.join(dataDir, "media", "drafts", "7", "abc.jpg"))).toEqual(body);
    expect(await store.get("drafts/7/abc.jpg")).toEqual({ body, contentType: "image/jpeg" });
    expect(store.publicUrl("drafts/7/abc.jpg")).toBe(stored.url);
  });

  it("leaves no temporary files behind after a put", async () => {
    await store.put("drafts/7/abc.jpg", Buffer.from("one"), "image/jpeg");
    await store.put("drafts/7/abc.jpg", Buffer.from("two"), "image/jpeg");

    expect(await readdir(path.join(dataDir, "media", "drafts", "7"))).toEqual(["abc.jpg"]);
    expect((await store.get("drafts/7/abc.jpg"))?.body.toString()).toBe("two");
  });

  it("returns null for a missing key and deletes idempotently", async () => {
    await store.put("drafts/7/abc.jpg", Buffer.from("x"), "image/jpeg");

    await store.delete("drafts/7/abc.jpg");
    await store.delete("drafts/7/abc.jpg");

    expect(await store.get("drafts/7/abc.jpg")).toBeNull();
    expect(await store.get("drafts/8/never.jpg")).toBeNull();
  });

  it("refuses a content type that contradicts the key's extension", async () => {
    await expect(store.put("drafts/7/abc.jpg", Buffer.from("x"), "image/png")).rejects.toMatchObject({
      code: "content_type_mismatch",
    });
  });

  it.each(TRAVERSAL_KEYS)("refuses the key %j for every operation and writes nothing", async (key) => {
    await expect(store.put(key, Buffer.from("x"), "image/jpeg")).rejects.toMatchObject({
      code: "invalid_key",
    });
    await expect(store.get(key)).rejects.toMatchObject({ code: "invalid_key" });
    await expect(store.delete(key)).rejects.toMatchObject({ code: "invalid_key" });
    expect(() => store.publicUrl(key)).toThrow(MediaStoreError);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe("S3 media store against s3rver", () => {
  let s3: TestS3Server;
  let store: S3MediaStore;

  beforeAll(async () => {
    s3 = await startS3Server();
    store = s3StoreOn(s3);
  });

  afterAll(async () => {
    await store?.close();
    await s3?.close();
  });

  it("round-trips a 300 KB image byte for byte, with its content type", async () => {
    const body = randomBytes(300_000);
    const key = newDraftMediaKey(1);

    const stored = await store.put(key, body, "image/jpeg");
    const fetched = await store.get(key);

    expect(stored.key).toBe(key);
    expect(fetched?.contentType).toBe("image/jpeg");
    expect(fetched?.body.length).toBe(body.length);
    expect(fetched?.body.equals(body)).toBe(true);
  });

  it("gives a path-style public URL on the endpoint that serves the same bytes", async () => {
    const body = randomBytes(20_000);
    const key = newDraftMediaKey(2);

    const { url } = await store.put(key, body, "image/jpeg");
    const response = await fetch(url);

    expect(url).toBe(`${s3.endpoint}/${s3.bucket}/${key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it("returns null for a missing key, and deleting twice is fine", async () => {
    const key = newDraftMediaKey(3);
    await store.put(key, Buffer.from("x"), "image/jpeg");

    await store.delete(key);
    await store.delete(key);

    expect(await store.get(key)).toBeNull();
  });

  it("reports which operation, key and bucket failed, with S3's error code", async () => {
    const wrongBucket = createS3MediaStore({
      bucket: "no-such-bucket",
      endpoint: s3.endpoint,
      credentials: s3.credentials,
    });
    try {
      const error = await wrongBucket.put("drafts/4/a.jpg", Buffer.from("x"), "image/jpeg").catch((e) => e);
      expect(error).toBeInstanceOf(MediaStoreError);
      expect(error).toMatchObject({ code: "storage_failed", operation: "put", key: "drafts/4/a.jpg" });
      expect(error.message).toContain("no-such-bucket");
      expect(error.message).toContain("NoSuchBucket");
      expect(error.message).not.toContain(s3.credentials.secretAccessKey);
    } finally {
      await wrongBucket.close();
    }
  });

  it("refuses a traversal key before calling S3", async () => {
    await expect(store.put("../x.jpg", Buffer.from("x"), "image/jpeg")).rejects.toMatchObject({
      code: "invalid_key",
    });
  });
});

describe("createMediaStore", () => {
  it("uses S3 with the configured public URL when S3 is configured", async () => {
    const store = await createMediaStore({
      s3: {
        bucket: "media",
        endpoint: "http://127.0.0.1:1",
        publicUrl: "https://cdn.example.com/greenlight/",
      },
      dataDir: "/nonexistent",
      publicBaseUrl: "https://greenlight.example.com",
    });
    try {
      expect(store.publicUrl("drafts/1/a.jpg")).toBe("https://cdn.example.com/greenlight/drafts/1/a.jpg");
    } finally {
      await store.close();
    }
  });

  it("uses the bucket's AWS URL when S3 has neither endpoint nor public URL", async () => {
    const store = await createMediaStore({
      s3: { bucket: "media", region: "eu-west-1" },
      dataDir: "/nonexistent",
      publicBaseUrl: "https://greenlight.example.com",
    });
    try {
      expect(store.publicUrl("drafts/1/a.jpg")).toBe(
        "https://media.s3.eu-west-1.amazonaws.com/drafts/1/a.jpg",
      );
    } finally {
      await store.close();
    }
  });

  it("uses the local disk otherwise", async () => {
    const store = await createMediaStore({
      dataDir: "/srv/greenlight",
      publicBaseUrl: "https://greenlight.example.com",
    });
    expect(store.publicUrl("drafts/1/a.jpg")).toBe("https://greenlight.example.com/media/drafts/1/a.jpg");
    await store.close();
  });
});
