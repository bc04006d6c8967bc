/**
 * A local stand-in for OpenAI's `POST /v1/images/generations`, behaving like gpt-image-2:
 * Bearer auth, the model's size rules, base64-only output in the requested format, and a
 * `usage` block computed with the token formula in ai-costs.md §2b. Listens on 127.0.0.1:0.
 *
 * Also `POST /v1/audio/transcriptions` as the gpt-4o transcribe models answer it: a multipart body with `file`
 * and `model`, the file's format read from its name, at most 25 MB, JSON `{text, usage}` with token usage
 * (`type: "tokens"`, audio input tokens split out). The fake cannot listen: a test tells it what a recording
 * says (`willHear`); other audio is refused as corrupted, as OpenAI refuses audio it cannot decode.
 */

import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { parseMultipart } from "./multipart-form.ts";
import { readRequestBody } from "./read-request-body.ts";

const GPT_IMAGE_2_MODELS = new Set([
  "gpt-image-2",
  "gpt-image-2-2026-04-21",
  "gpt-image-2.5-flare",
  "gpt-image-2.5-sunburst",
  "gpt-image-2.6-flare",
  "gpt-image-2.6-sunburst",
]);
const QUALITIES = new Set(["low", "medium", "high", "auto"]);
const QUALITIES_2_6 = new Set([...QUALITIES, "xhigh", "max"]);
const OUTPUT_FORMATS = new Set(["png", "jpeg", "webp"]);
const QUALITY_FACTOR: Record<string, number> = { low: 16, medium: 48, high: 96 };

// ai-costs.md §2b: sides multiples of 16, ≥ 655,360 px, ≤ 3840 px a side, ≤ 3:1. The SDK's
// own docs cap the total at 3840×2160.
const MIN_PIXELS = 655_360;
const MAX_PIXELS = 3840 * 2160;
const MAX_EDGE = 3840;

export type FakeOpenAiFailure = "content_policy" | "server_error" | "rate_limit";

/**
 * A refusal as the real API sends it under load: 429 `rate_limit_exceeded` with `retry-after` (seconds) and the
 * `x-ratelimit-*` headers, or a 5xx `server_error`.
 */
export type OpenAiFault = { status: 429; retryAfterSeconds: number } | { status: 500 | 503 };

export interface RecordedImageRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The status answered, once answered. */
  status?: number;
  /** The usage returned, for 200 answers (what OpenAI bills). */
  usage?: { input_tokens: number; output_tokens: number; input_tokens_details: { text_tokens: number } };
}

export interface RecordedTranscriptionRequest {
  model: string | undefined;
  fileName: string | undefined;
  fileBytes: number;
  status?: number;
  usage?: { input_tokens: number; output_tokens: number; audio_tokens: number };
}

const TRANSCRIBE_MODELS = new Set([
  "gpt-4o-mini-transcribe",
  "gpt-4o-transcribe",
  "gpt-4o-mini-transcribe-2025-12-15",
]);
const AUDIO_FORMATS = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"];
/** OpenAI's limit on an uploaded audio file. */
const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** The fake's audio tokenisation: one token per 100 ms, as OpenAI's realtime audio counts. */
const AUDIO_TOKENS_PER_SECOND = 10;

export interface FakeOpenAi {
  /** Includes /v1, as the SDK needs. */
  baseUrl: string;
  apiKey: string;
  requests: RecordedImageRequest[];
  /** The most generation requests the fake was answering at one time. */
  readonly mostAtOnce: number;
  /**
   * Answers the next generation request with this failure instead of an image; a rate_limit with
   * `retryAfterSeconds` carries `retry-after`, as OpenAI's 429s can.
   */
  failNext(failure: FakeOpenAiFailure, options?: { retryAfterSeconds?: number }): void;
  /**
   * Makes the next answer a PNG with a transparent band at this size whatever was asked —
   * what an older model or a misconfigured proxy sends — to prove callers normalise.
   */
  forceNextImage(image: { format: "png"; width: number; height: number }): void;
  /** Transcription requests, in order. */
  transcriptions: RecordedTranscriptionRequest[];
  /** What `audio` says and how long it lasts, for the transcription endpoint to answer. */
  willHear(audio: Buffer, heard: { text: string; seconds: number }): void;
  /** Answers the next generation request only after this many milliseconds (a real one takes up to a minute). */
  delayNext(ms: number): void;
  /**
   * Fault injection: `plan` is asked before every authenticated generation request and may refuse it
   * (OpenAiFault). Null switches it off.
   */
  injectFaults(plan: ((body: Record<string, unknown>) => OpenAiFault | undefined) | null): void;
  /** How many requests the fault plan refused, by status. */
  injectedFaults: Record<number, number>;
  close(): Promise<void>;
}

export async function startFakeOpenAi(
  options: {
    apiKey?: string;
    /** How long every generation takes (a real one takes 10–60 s). Default 0. */
    latencyMs?: number;
    /**
     * One image per size and format, rendered once, instead of one per prompt: for benchmarks, where the fake's
     * own rendering would otherwise compete for the CPU the service is measured on. Off by default.
     */
    reuseImages?: boolean;
  } = {},
): Promise<FakeOpenAi> {
  const apiKey = options.apiKey ?? "sk-test-fake-openai";
  const requests: RecordedImageRequest[] = [];
  const pendingFailures: { failure: FakeOpenAiFailure; retryAfterSeconds?: number }[] = [];
  let atOnce = 0;
  let mostAtOnce = 0;
  const forcedImages: { format: "png"; width: number; height: number }[] = [];
  let requestCounter = 0;
  const delays: number[] = [];
  let faultPlan: ((body: Record<string, unknown>) => OpenAiFault | undefined) | null = null;
  const injectedFaults: Record<number, number> = {};
  const rendered = new Map<string, Promise<Buffer>>();
  const render = (prompt: string, width: number, height: number, format: string, compression: number) => {
    if (!options.reuseImages) return renderImage(prompt, width, height, format, compression);
    const key = `${width}x${height}:${format}:${compression}`;
    if (!rendered.has(key)) rendered.set(key, renderImage(key, width, height, format, compression));
    return rendered.get(key)!;
  };

  const transcriptions: RecordedTranscriptionRequest[] = [];
  const recordings = new Map<string, { text: string; seconds: number }>();
  const digest = (audio: Buffer) => createHash("sha256").update(audio).digest("hex");

  async function handleTranscription(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers["content-type"] ?? "");
    if (!boundary)
      return sendError(res, 400, "invalid_request_error", "Expected a multipart/form-data body.");
    const parts = parseMultipart(body, boundary[1] ?? boundary[2]!);
    const field = (name: string) => parts.find((part) => part.name === name);
    const file = field("file");
    const model = field("model")?.data.toString("utf8");
    const record: RecordedTranscriptionRequest = {
      model,
      fileName: file?.filename,
      fileBytes: file?.data.length ?? 0,
    };
    transcriptions.push(record);
    res.on("finish", () => (record.status = res.statusCode));
    if (!file)
      return sendError(
        res,
        400,
        "invalid_request_error",
        "Missing required parameter: 'file'.",
        null,
        "file",
      );
    if (!model)
      return sendError(
        res,
        400,
        "invalid_request_error",
        "Missing required parameter: 'model'.",
        null,
        "model",
      );
    if (!TRANSCRIBE_MODELS.has(model)) {
      return sendError(
        res,
        404,
        "invalid_request_error",
        `The model \`${model}\` does not exist or you do not have access to it.`,
        "model_not_found",
      );
    }
    if (file.data.length > MAX_AUDIO_BYTES) {
      return sendError(
        res,
        413,
        "invalid_request_error",
        `Maximum content size limit (${MAX_AUDIO_BYTES}) exceeded (${file.data.length} bytes read)`,
      );
    }
    const extension = file.filename?.split(".").pop()?.toLowerCase() ?? "";
    if (!AUDIO_FORMATS.includes(extension)) {
      return sendError(
        res,
        400,
        "invalid_request_error",
        `Invalid file format. Supported formats: ${JSON.stringify(AUDIO_FORMATS)}`,
        "invalid_value",
        "file",
      );
    }
    const format = field("response_format")?.data.toString("utf8") ?? "json";
    if (format !== "json" && format !== "text") {
      return sendError(
        res,
        400,
        "invalid_request_error",
        `response_format '${format}' is not compatible with model '${model}'. Use 'json' or 'text'.`,
        "unsupported_value",
        "response_format",
      );
    }
    const heard = recordings.get(digest(file.data));
    if (!heard) {
      return sendError(
        res,
        400,
        "invalid_request_error",
        "Audio file might be corrupted or unsupported",
        "invalid_value",
        "file",
      );
    }
    const audioTokens = Math.ceil(heard.seconds * AUDIO_TOKENS_PER_SECOND);
    const outputTokens = Math.ceil(heard.text.length / 4);
    record.usage = { input_tokens: audioTokens, output_tokens: outputTokens, audio_tokens: audioTokens };
    if (format === "text") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(heard.text);
      return;
    }
    return send(res, 200, {
      text: heard.text,
      usage: {
        type: "tokens",
        input_tokens: audioTokens,
        input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
        output_tokens: outputTokens,
        total_tokens: audioTokens + outputTokens,
      },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCounter += 1;
    res.setHeader("x-request-id", `req_fake_${requestCounter}`);
    const rawBytes = await readRequestBody(req);
    if (req.method === "POST" && req.url === "/v1/audio/transcriptions") {
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        return sendError(res, 401, "invalid_request_error", "Incorrect API key provided.", "invalid_api_key");
      }
      return handleTranscription(req, res, rawBytes);
    }
    const rawBody = rawBytes.toString("utf8");
    let body: Record<string, unknown> = {};
    try {
      body = rawBody.length > 0 ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
    } catch {
      return sendError(
        res,
        400,
        "invalid_request_error",
        "We could not parse the JSON body of your request.",
      );
    }
    const record: RecordedImageRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      authorization: req.headers.authorization,
      body,
    };
    requests.push(record);
    res.on("finish", () => (record.status = res.statusCode));

    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      // OpenAI names the key it got, masked to its first and last characters.
      const sent = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      const masked = `${sent.slice(0, 6)}${"*".repeat(Math.max(0, sent.length - 10))}${sent.slice(-4)}`;
      return sendError(
        res,
        401,
        "invalid_request_error",
        `Incorrect API key provided: ${masked}.`,
        "invalid_api_key",
      );
    }
    if (req.method !== "POST" || req.url !== "/v1/images/generations") {
      return sendError(res, 404, "invalid_request_error", `Invalid URL (${req.method} ${req.url})`);
    }

    const fault = faultPlan?.(body);
    if (fault) {
      injectedFaults[fault.status] = (injectedFaults[fault.status] ?? 0) + 1;
      return sendInjectedFault(res, fault);
    }
    const delayMs = (delays.shift() ?? 0) + (options.latencyMs ?? 0);
    atOnce += 1;
    mostAtOnce = Math.max(mostAtOnce, atOnce);
    try {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    } finally {
      atOnce -= 1;
    }
    const pending = pendingFailures.shift();
    const failure = pending?.failure;
    if (failure === "content_policy") {
      // Shape of a real refusal (e.g. github.com/jeffstric/ZJT/issues/480).
      return send(res, 400, {
        error: {
          message:
            "Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID req_fake. safety_violations=[violence].",
          type: "image_generation_user_error",
          param: null,
          code: "moderation_blocked",
          moderation_details: { moderation_stage: "input", categories: ["violence"] },
        },
      });
    }
    if (failure === "server_error") {
      return sendError(
        res,
        500,
        "server_error",
        "The server had an error while processing your request. Sorry about that!",
      );
    }
    if (failure === "rate_limit") {
      if (pending?.retryAfterSeconds !== undefined)
        res.setHeader("retry-after", String(pending.retryAfterSeconds));
      return sendError(
        res,
        429,
        "requests",
        "Rate limit reached for images per minute.",
        "rate_limit_exceeded",
      );
    }

    const problem = validate(body);
    if (problem)
      return sendError(res, 400, "invalid_request_error", problem.message, "invalid_value", problem.param);

    const [width, height] = resolveSize(body.size as string | undefined);
    const quality =
      body.quality === undefined || body.quality === "auto" ? "medium" : (body.quality as string);
    const outputFormat = (body.output_format as string | undefined) ?? "png";
    const compression = (body.output_compression as number | undefined) ?? 100;
    const n = (body.n as number | undefined) ?? 1;
    const prompt = body.prompt as string;

    const forced = forcedImages.shift();
    const data: { b64_json: string }[] = [];
    for (let i = 0; i < n; i++) {
      const image = forced
        ? await renderTransparentPng(forced.width, forced.height)
        : await render(prompt, width, height, outputFormat, compression);
      data.push({ b64_json: image.toString("base64") });
    }

    const textTokens = Math.ceil(prompt.length / 4);
    const imageTokens = n * outputImageTokens(QUALITY_FACTOR[quality] ?? 48, width, height);
    record.usage = {
      input_tokens: textTokens,
      output_tokens: imageTokens,
      input_tokens_details: { text_tokens: textTokens },
    };
    return send(res, 200, {
      created: Math.floor(Date.now() / 1000),
      background: "opaque",
      data,
      output_format: forced ? "png" : outputFormat,
      quality,
      size: forced ? `${forced.width}x${forced.height}` : `${width}x${height}`,
      usage: {
        input_tokens: textTokens,
        input_tokens_details: { text_tokens: textTokens, image_tokens: 0 },
        output_tokens: imageTokens,
        output_tokens_details: { image_tokens: imageTokens, text_tokens: 0 },
        total_tokens: textTokens + imageTokens,
      },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendError(res, 500, "server_error", `fake-openai crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    get mostAtOnce() {
      return mostAtOnce;
    },
    failNext: (failure, failureOptions) =>
      pendingFailures.push({ failure, retryAfterSeconds: failureOptions?.retryAfterSeconds }),
    forceNextImage: (image) => forcedImages.push(image),
    transcriptions,
    willHear: (audio, heard) => recordings.set(digest(audio), heard),
    delayNext: (ms) => delays.push(ms),
    injectFaults: (plan) => {
      faultPlan = plan;
    },
    injectedFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** ai-costs.md §2b, the community formula that reproduces OpenAI's calculator. */
function outputImageTokens(q: number, width: number, height: number): number {
  const shortEdge = Math.min(width, height);
  const longEdge = Math.max(width, height);
  const f = Math.floor((2 * q * shortEdge + longEdge) / (2 * longEdge));
  return Math.ceil((q * f * (2_000_000 + width * height)) / 4_000_000);
}

function validate(body: Record<string, unknown>): { message: string; param: string } | null {
  if (typeof body.model !== "string") {
    return { param: "model", message: "Missing required parameter: 'model'." };
  }
  if (!GPT_IMAGE_2_MODELS.has(body.model)) {
    return {
      param: "model",
      message: `Invalid value for 'model': '${body.model}' is not a gpt-image-2 model.`,
    };
  }
  if (typeof body.prompt !== "string" || body.prompt.length === 0 || body.prompt.length > 32_000) {
    return { param: "prompt", message: "'prompt' must be a string of 1 to 32000 characters." };
  }
  if ("response_format" in body) {
    return { param: "response_format", message: "Unknown parameter: 'response_format'." };
  }
  const qualities = body.model.startsWith("gpt-image-2.6") ? QUALITIES_2_6 : QUALITIES;
  if (body.quality !== undefined && !qualities.has(body.quality as string)) {
    return { param: "quality", message: `Invalid value for 'quality': '${String(body.quality)}'.` };
  }
  if (body.output_format !== undefined && !OUTPUT_FORMATS.has(body.output_format as string)) {
    return {
      param: "output_format",
      message: `Invalid value for 'output_format': '${String(body.output_format)}'.`,
    };
  }
  if (body.output_compression !== undefined) {
    const c = body.output_compression;
    if (!Number.isInteger(c) || (c as number) < 0 || (c as number) > 100) {
      return {
        param: "output_compression",
        message: "'output_compression' must be an integer from 0 to 100.",
      };
    }
    if (body.output_format !== "jpeg" && body.output_format !== "webp") {
      return {
        param: "output_compression",
        message: "'output_compression' is only supported for jpeg and webp.",
      };
    }
  }
  if (body.background === "transparent") {
    return { param: "background", message: "Transparent backgrounds are not supported for this model." };
  }
  if (
    body.n !== undefined &&
    (!Number.isInteger(body.n) || (body.n as number) < 1 || (body.n as number) > 10)
  ) {
    return { param: "n", message: "'n' must be an integer from 1 to 10." };
  }
  if (body.size !== undefined && body.size !== "auto") {
    const match = typeof body.size === "string" ? /^(\d+)x(\d+)$/.exec(body.size) : null;
    if (!match) return { param: "size", message: `Invalid value for 'size': '${String(body.size)}'.` };
    const width = Number(match[1]);
    const height = Number(match[2]);
    if (width % 16 !== 0 || height % 16 !== 0) {
      return { param: "size", message: "Width and height must both be divisible by 16." };
    }
    if (width > MAX_EDGE || height > MAX_EDGE) {
      return { param: "size", message: `Each side must be at most ${MAX_EDGE} pixels.` };
    }
    if (width * height < MIN_PIXELS || width * height > MAX_PIXELS) {
      return {
        param: "size",
        message: `The image must have between ${MIN_PIXELS} and ${MAX_PIXELS} pixels.`,
      };
    }
    if (Math.max(width, height) > 3 * Math.min(width, height)) {
      return { param: "size", message: "The aspect ratio must be between 1:3 and 3:1." };
    }
  }
  return null;
}

function resolveSize(size: string | undefined): [number, number] {
  if (size === undefined || size === "auto") return [1024, 1024];
  const [width, height] = size.split("x").map(Number);
  return [width!, height!];
}

/** A flat colour picked from the prompt, with a lighter disc in the middle: cheap, but not blank. */
async function renderImage(
  prompt: string,
  width: number,
  height: number,
  format: string,
  compression: number,
): Promise<Buffer> {
  const digest = createHash("sha256").update(prompt).digest();
  const [r, g, b] = [digest[0]!, digest[1]!, digest[2]!];
  const disc = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="white" fill-opacity="0.6"/></svg>`,
  );
  const image = sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).composite([
    { input: disc },
  ]);
  if (format === "jpeg") return image.jpeg({ quality: compression }).toBuffer();
  if (format === "webp") return image.webp({ quality: compression }).toBuffer();
  return image.png().toBuffer();
}

/** Opaque grey top half, fully transparent bottom half. */
async function renderTransparentPng(width: number, height: number): Promise<Buffer> {
  const band = await sharp({
    create: {
      width,
      height: Math.ceil(height / 2),
      channels: 4,
      background: { r: 90, g: 90, b: 90, alpha: 1 },
    },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: band, top: 0, left: 0 }])
    .png()
    .toBuffer();
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  code: string | null = null,
  param: string | null = null,
): void {
  send(res, status, { error: { message, type, param, code } });
}

/** A refusal with the headers the real API sends with it. */
function sendInjectedFault(res: ServerResponse, fault: OpenAiFault): void {
  if (fault.status !== 429) {
    return sendError(
      res,
      fault.status,
      "server_error",
      "The server had an error while processing your request. Sorry about that!",
    );
  }
  const wait = fault.retryAfterSeconds;
  res.setHeader("retry-after", String(wait));
  res.setHeader("x-ratelimit-limit-requests", "5");
  res.setHeader("x-ratelimit-remaining-requests", "0");
  res.setHeader("x-ratelimit-reset-requests", `${wait}s`);
  sendError(
    res,
    429,
    "requests",
    `Rate limit reached for gpt-image-2 in organization org-fake on images per minute (IPM): Limit 5, Used 5, Requested 1. Please try again in ${wait}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    "rate_limit_exceeded",
  );
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
