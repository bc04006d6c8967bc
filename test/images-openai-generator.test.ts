import OpenAI from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImageGenerationError } from "../src/images/image-errors.ts";
import { normaliseForInstagram } from "../src/images/normalise-image.ts";
import {
  createOpenAiImageGenerator,
  type GenerateImage,
  instagramSizeFor,
} from "../src/images/openai-image-generator.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";

describe("OpenAI image generator against a fake gpt-image-2", () => {
  let fake: FakeOpenAi;
  let generateImage: GenerateImage;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    // maxRetries 0 so a 500 surfaces at once; retry policy belongs to main.ts's client.
    const client = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
    generateImage = createOpenAiImageGenerator({ client });
  });

  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(() => {
    fake.requests.length = 0;
  });

  it("asks for a 4:5 JPEG Instagram takes as is and gets one back", async () => {
    const started = performance.now();
    const image = await generateImage({
      model: "gpt-image-2",
      prompt: "A lighthouse at dawn",
      quality: "medium",
    });
    const elapsed = performance.now() - started;

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.path).toBe("/v1/images/generations");
    expect(request.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request.body).toEqual({
      model: "gpt-image-2",
      prompt: "A lighthouse at dawn",
      quality: "medium",
      size: "1088x1360",
      n: 1,
      output_format: "jpeg",
      output_compression: 85,
    });

    const metadata = await sharp(image.buffer).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", 1088, 1360]);
    expect(image).toMatchObject({ format: "jpeg", model: "gpt-image-2", size: "1088x1360" });
    expect(image.requestId).toBe("req_fake_1");
    expect(elapsed).toBeLessThan(3_000);
  });

  it("returns the usage for costing: 1,587 image tokens for medium 1088×1360 (ai-costs.md §2b)", async () => {
    const prompt = "x".repeat(400);

    const image = await generateImage({ model: "gpt-image-2", prompt, quality: "medium" });

    expect(image.usage).toEqual({
      inputTokens: 100,
      inputTextTokens: 100,
      inputImageTokens: 0,
      outputTokens: 1587,
      outputImageTokens: 1587,
      outputTextTokens: 0,
      totalTokens: 1687,
    });
  });

  it("passes an explicit size and quality through", async () => {
    const image = await generateImage({
      model: "gpt-image-2",
      prompt: "p",
      quality: "high",
      size: "1024x1024",
    });

    expect(fake.requests[0]!.body).toMatchObject({ size: "1024x1024", quality: "high" });
    expect(image.usage?.outputImageTokens).toBe(7024);
  });

  it("turns a safety refusal into a content_policy error that is not worth retrying", async () => {
    fake.failNext("content_policy");

    const error = await generateImage({ model: "gpt-image-2", prompt: "p", quality: "low" }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ImageGenerationError);
    expect(error).toMatchObject({
      kind: "content_policy",
      retryable: false,
      status: 400,
      remoteCode: "moderation_blocked",
      call: "images.generate",
      model: "gpt-image-2",
      size: "1088x1360",
      message: "OpenAI's safety system refused to draw this image.",
    });
    expect((error as ImageGenerationError).remoteMessage).toMatch(/safety system/);
  });

  it("turns a 500 into a transient error worth retrying", async () => {
    fake.failNext("server_error");

    const error = await generateImage({ model: "gpt-image-2", prompt: "p", quality: "low" }).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ kind: "transient", retryable: true, status: 500 });
    expect((error as Error).message).toBe("OpenAI's image service is unavailable right now (HTTP 500).");
  });

  it("turns a 429 into a rate_limited error worth retrying", async () => {
    fake.failNext("rate_limit");

    const error = await generateImage({ model: "gpt-image-2", prompt: "p", quality: "low" }).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, status: 429 });
  });

  it("reports a size the model refuses as an invalid request with OpenAI's reason", async () => {
    const error = await generateImage({
      model: "gpt-image-2",
      prompt: "p",
      quality: "low",
      size: "1080x1350",
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      kind: "invalid_request",
      retryable: false,
      status: 400,
      size: "1080x1350",
    });
    expect((error as Error).message).toMatch(/divisible by 16/);
  });

  it("reports a wrong API key as auth without echoing the key", async () => {
    const badClient = new OpenAI({ apiKey: "sk-wrong-key-1234567890", baseURL: fake.baseUrl, maxRetries: 0 });
    const generate = createOpenAiImageGenerator({ client: badClient });

    const error = await generate({ model: "gpt-image-2", prompt: "p", quality: "low" }).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ kind: "auth", status: 401 });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      "sk-wrong-key-1234567890",
    );
  });

  it("reports an unreachable API as transient", async () => {
    const closed = await startFakeOpenAi();
    await closed.close();
    const generate = createOpenAiImageGenerator({
      client: new OpenAI({ apiKey: "k", baseURL: closed.baseUrl, maxRetries: 0 }),
    });

    const error = await generate({ model: "gpt-image-2", prompt: "p", quality: "low" }).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ kind: "transient", retryable: true, status: undefined });
  });

  it("hands back a PNG the API sent instead of a JPEG, and normalisation makes it publishable", async () => {
    fake.forceNextImage({ format: "png", width: 1024, height: 1536 });

    const image = await generateImage({ model: "gpt-image-2", prompt: "p", quality: "low" });
    const started = performance.now();
    const normalised = await normaliseForInstagram(image.buffer);
    const elapsed = performance.now() - started;

    expect(image.format).toBe("png");
    expect((await sharp(image.buffer).metadata()).format).toBe("png");
    const metadata = await sharp(normalised.jpeg).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual([
      "jpeg",
      1080,
      1350,
      false,
    ]);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe("instagramSizeFor", () => {
  it("gives the gpt-image-2 family an exact 4:5 and older models their tallest fixed size", () => {
    expect(instagramSizeFor("gpt-image-2")).toBe("1088x1360");
    expect(instagramSizeFor("gpt-image-2-2026-04-21")).toBe("1088x1360");
    expect(instagramSizeFor("gpt-image-2.6-flare")).toBe("1088x1360");
    expect(instagramSizeFor("gpt-image-1.5")).toBe("1024x1536");
    expect(instagramSizeFor("gpt-image-20")).toBe("1024x1536");
  });
});
