/**
 * Adapter over the OpenAI images API (`POST /v1/images/generations`) for the GPT image models.
 * The client is passed in, so main.ts owns its key, base URL (which must end in /v1), timeout
 * and retry policy; this module only shapes the request and makes failures legible.
 */

import type OpenAI from "openai";
import { APIError, APIUserAbortError } from "openai";
import { instagramSizeFor } from "./generation-size.ts";
import { ImageGenerationError, type ImageGenerationErrorKind } from "./image-errors.ts";

export {
  GPT_IMAGE_2_INSTAGRAM_SIZE,
  instagramSizeFor,
  LEGACY_GPT_IMAGE_PORTRAIT_SIZE,
} from "./generation-size.ts";

export type ImageQuality = "low" | "medium" | "high" | "auto";

export interface GenerateImageInput {
  /** Always explicit: the API used to default to dall-e-2 when it was left out. */
  model: string;
  prompt: string;
  quality: ImageQuality;
  /** "WIDTHxHEIGHT". Defaults to {@link instagramSizeFor}(model). */
  size?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Token usage as the API reports it, for costing. gpt-image-2.x bills text input, image input
 * and image output at different rates (ai-costs.md §2c), hence the split.
 */
export interface ImageGenerationUsage {
  inputTokens: number;
  inputTextTokens: number;
  inputImageTokens: number;
  outputTokens: number;
  outputImageTokens: number;
  outputTextTokens: number;
  totalTokens: number;
}

export interface GeneratedImage {
  /** The decoded image bytes, in the format the API says it produced (we ask for JPEG). */
  buffer: Buffer;
  /** The format the API reports, normally "jpeg". */
  format: string;
  /** Null when the API sent no usage; the caller then has to fall back to an estimate. */
  usage: ImageGenerationUsage | null;
  model: string;
  size: string;
  requestId: string | null;
}

export type GenerateImage = (input: GenerateImageInput) => Promise<GeneratedImage>;

export interface OpenAiImageGeneratorOptions {
  client: OpenAI;
  /**
   * JPEG compression (0–100) asked of the API. The default of 100 makes multi-megabyte files;
   * 85 looks the same on a phone at a fraction of the size (ai-costs.md §2c).
   */
  outputCompression?: number;
}

/** Creates the `generateImage` function bound to one OpenAI client. */
export function createOpenAiImageGenerator(options: OpenAiImageGeneratorOptions): GenerateImage {
  const { client, outputCompression = 85 } = options;

  return async function generateImage(input) {
    const size = input.size ?? instagramSizeFor(input.model);
    const context = { model: input.model, size };

    let response: OpenAI.ImagesResponse & { _request_id?: string | null };
    try {
      response = await client.images.generate(
        {
          model: input.model,
          prompt: input.prompt,
          quality: input.quality,
          size,
          n: 1,
          output_format: "jpeg",
          output_compression: outputCompression,
        },
        { signal: input.signal },
      );
    } catch (error) {
      throw toImageGenerationError(error, context);
    }

    const requestId = response._request_id ?? null;
    const b64 = response.data?.[0]?.b64_json;
    const buffer = b64 ? Buffer.from(b64, "base64") : Buffer.alloc(0);
    if (buffer.length === 0) {
      throw new ImageGenerationError({
        kind: "bad_response",
        message: "OpenAI answered without an image.",
        call: GENERATE_CALL,
        ...context,
        requestId: requestId ?? undefined,
      });
    }

    return {
      buffer,
      format: response.output_format ?? "jpeg",
      usage: response.usage ? toUsage(response.usage) : null,
      model: input.model,
      size: response.size ?? size,
      requestId,
    };
  };
}

const GENERATE_CALL = "images.generate";

/**
 * When the details are missing, input counts as text (a generation has no input images) and
 * output as image tokens — the dearer reading, so a budget errs on the safe side.
 */
function toUsage(usage: OpenAI.ImagesResponse.Usage): ImageGenerationUsage {
  const inputImageTokens = usage.input_tokens_details?.image_tokens ?? 0;
  const outputTextTokens = usage.output_tokens_details?.text_tokens ?? 0;
  return {
    inputTokens: usage.input_tokens,
    inputTextTokens: usage.input_tokens_details?.text_tokens ?? usage.input_tokens - inputImageTokens,
    inputImageTokens,
    outputTokens: usage.output_tokens,
    outputImageTokens: usage.output_tokens_details?.image_tokens ?? usage.output_tokens - outputTextTokens,
    outputTextTokens,
    totalTokens: usage.total_tokens,
  };
}

/** Error codes seen on refusals: gpt-image models send `moderation_blocked`, dall-e sent `content_policy_violation`. */
const CONTENT_POLICY_CODES = new Set(["moderation_blocked", "content_policy_violation"]);
const QUOTA_CODES = new Set(["insufficient_quota", "billing_hard_limit_reached"]);

function toImageGenerationError(error: unknown, context: { model: string; size: string }): unknown {
  // An abort is the caller's own doing; hand it back untouched.
  if (!(error instanceof APIError) || error instanceof APIUserAbortError) return error;

  const status = error.status;
  const remoteCode = error.code ?? undefined;
  const body = error.error as { message?: unknown } | undefined;
  const remoteMessage = redactKeys(typeof body?.message === "string" ? body.message : error.message);
  const kind = classify(status, remoteCode, remoteMessage);

  return new ImageGenerationError({
    kind,
    message: plainMessage(kind, status, remoteMessage),
    call: GENERATE_CALL,
    ...context,
    status,
    remoteCode,
    remoteMessage,
    requestId: error.requestID ?? undefined,
    cause: error,
  });
}

function classify(
  status: number | undefined,
  code: string | undefined,
  message: string,
): ImageGenerationErrorKind {
  if (code !== undefined && QUOTA_CODES.has(code)) return "quota_exceeded";
  if (status === undefined || status >= 500 || status === 408 || status === 409) return "transient";
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "auth";
  if (
    status === 400 &&
    ((code !== undefined && CONTENT_POLICY_CODES.has(code)) || /safety system/i.test(message))
  ) {
    return "content_policy";
  }
  return "invalid_request";
}

function plainMessage(
  kind: ImageGenerationErrorKind,
  status: number | undefined,
  remoteMessage: string,
): string {
  const http = status === undefined ? "no response" : `HTTP ${status}`;
  switch (kind) {
    case "content_policy":
      return "OpenAI's safety system refused to draw this image.";
    case "transient":
      return `OpenAI's image service is unavailable right now (${http}).`;
    case "rate_limited":
      return "OpenAI is rate-limiting image requests; try again in a little while.";
    case "quota_exceeded":
      return "The OpenAI account is out of credit or over its spending limit.";
    case "auth":
      return `OpenAI refused the API key or access to the model (${http}).`;
    case "invalid_request":
      return `OpenAI rejected the image request (${http}): ${remoteMessage}`;
    case "bad_response":
      return "OpenAI answered without an image.";
  }
}

/** OpenAI masks keys in its messages, but a proxy in between might not. */
function redactKeys(message: string): string {
  return message.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, "sk-[redacted]");
}
