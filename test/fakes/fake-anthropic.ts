/**
 * A local stand-in for the Anthropic Messages API (`POST /v1/messages`), served over real HTTP on 127.0.0.1 so
 * the SDK (pointed at it with `baseURL`) and our adapter are exercised end to end.
 *
 * It behaves like the real API where our code depends on it:
 * - auth is `authorization: Bearer <key>` (SDK 1.x sends no x-api-key, toolchain.md §4) and `anthropic-version`
 *   must be present;
 * - the body is validated: model, max_tokens, messages, system blocks, at most 4 `cache_control` breakpoints,
 *   `output_config` (effort values; a json_schema in the structured-outputs subset, objects with
 *   `additionalProperties: false`), and the 5.5 models' breaking changes (no `thinking.type: "enabled"`, no
 *   forced tool use on Sonnet/Opus 5.5, no sampling parameters or assistant prefill on Haiku 5.5; ai-costs.md §1f);
 * - `usage` is computed from the request: ~4 characters per token; a prefix up to a breakpoint is written to the
 *   cache on first sight (`cache_creation_input_tokens`) only if it reaches the model's minimum, read on repeats
 *   of the same bytes within its TTL (`cache_read_input_tokens`), and `input_tokens` is the rest;
 * - output longer than `max_tokens` is cut off with `stop_reason: "max_tokens"`.
 *
 * Replies are programmable: by default a valid answer to whichever schema was requested, derived from the
 * articles in the user message; `enqueue` sets the next answers (text, JSON, or an API error such as 529).
 */

import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readRequestBody } from "./read-request-body.ts";

/** The model minimums the fake enforces — its own table, so a wrong figure in src/ shows up as a test failure. */
const DEFAULT_MINIMUM_CACHEABLE_TOKENS = 4096;
const MINIMUM_CACHEABLE_TOKENS: Record<string, number> = {
  "claude-sonnet-4-5": 1024,
  "claude-sonnet-4-6": 2048,
  "claude-opus-4-8": 1024,
  "claude-sonnet-5": 1024,
};

const CHARACTERS_PER_TOKEN = 4;
/** Tokens the API adds for message framing, whatever the content. */
const FRAMING_TOKENS = 7;
const EFFORTS = new Set(["low", "medium", "high", "xhigh", "max"]);
const SCHEMA_KEYWORDS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "description",
  "title",
  "enum",
  "const",
  "anyOf",
  "allOf",
  "$defs",
  "$ref",
  "format",
  "minItems",
]);

export interface FakeArticle {
  ref: string | undefined;
  title: string;
  source: string;
  link: string | undefined;
  summary: string;
}

/** What a reply function sees of a request. */
export interface FakeRequestView {
  model: string;
  kind: "relevance" | "draft" | "voice" | "comment_reply" | "unknown";
  /** Articles found in the last user message, in order. */
  articles: FakeArticle[];
  /** The last user message's text. */
  userText: string;
  body: Record<string, unknown>;
}

export type FakeReply =
  /** Answer 200 with this text as content[0]; `stopReason` defaults to end_turn. */
  | { text: string; stopReason?: "end_turn" | "refusal" }
  /** Answer 200 with this value as JSON text. */
  | { json: unknown }
  /**
   * Answer with an API error, e.g. `{ status: 529, type: "overloaded_error" }`. With `retryAfterSeconds` the
   * answer carries `retry-after` as Anthropic's 429s do; otherwise `retry-after-ms: 10`.
   */
  | { error: { status: number; type: string; message?: string; retryAfterSeconds?: number } };

export type ReplyFunction = (request: FakeRequestView) => FakeReply;

/**
 * The API refusing a request, as it does under load: 429 `rate_limit_error` with `retry-after` (seconds) and the
 * `anthropic-ratelimit-*` headers showing the exhausted limit, or 529 `overloaded_error` (no retry hint).
 */
export type AnthropicFault = { status: 429; retryAfterSeconds: number } | { status: 529 };

export interface RecordedAnthropicRequest {
  path: string;
  headers: Record<string, string | undefined>;
  body: Record<string, unknown>;
  status: number;
  /** The usage returned, for 200 answers. */
  usage?: FakeUsage;
  /** The text returned, for 200 answers. */
  text?: string;
}

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens_details: { thinking_tokens: number };
  service_tier: "standard";
  inference_geo: "global";
  server_tool_use: null;
  speed: "standard";
}

export interface FakeAnthropicOptions {
  apiKey?: string;
  /** Overrides the fake's minimum cacheable prefix per model (tokens). */
  minimumCacheableTokens?: (model: string) => number;
  /** Thinking tokens billed as output on every 200 answer, with a thinking block before the text. Default 0. */
  thinkingTokens?: number;
  /** Clock for cache TTLs (ms). */
  now?: () => number;
  /** How long the fake takes to answer a valid request (a real call takes seconds). Default 0. */
  latencyMs?: (request: FakeRequestView) => number;
}

export interface FakeAnthropic {
  /** For `new Anthropic({ baseURL })`: the SDK appends /v1/messages. */
  baseUrl: string;
  apiKey: string;
  requests: RecordedAnthropicRequest[];
  /** The most requests the fake was answering at one time. */
  readonly mostAtOnce: number;
  /** Answers the next requests with these, in order, before falling back to the default. */
  enqueue(...replies: (FakeReply | ReplyFunction)[]): void;
  /** Replaces the default answer (a valid reply to the requested schema). */
  setDefault(reply: ReplyFunction): void;
  /** Forgets every cached prefix, as if the TTL had passed. */
  clearCache(): void;
  /** Clears recorded requests, queued replies, the cache, a custom default and the request-id counter. */
  reset(): void;
  /**
   * Fault injection: `plan` is asked before every valid request is answered and may refuse it as the real API
   * does when it is busy (see AnthropicFault). Null switches it off. Kept apart from `enqueue`, whose errors
   * carry a 10 ms retry-after-ms for the SDK's own retries.
   */
  injectFaults(plan: ((request: FakeRequestView) => AnthropicFault | undefined) | null): void;
  /** How many requests the fault plan refused, by status. */
  injectedFaults: Record<number, number>;
  close(): Promise<void>;
}

interface Block {
  text: string;
  breakpoint?: { ttl: "5m" | "1h" };
}

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? "sk-ant-test-fake";
  const now = options.now ?? Date.now;
  const thinkingTokens = options.thinkingTokens ?? 0;
  const minimumFor =
    options.minimumCacheableTokens ??
    ((model: string) => MINIMUM_CACHEABLE_TOKENS[model] ?? DEFAULT_MINIMUM_CACHEABLE_TOKENS);

  const requests: RecordedAnthropicRequest[] = [];
  const queue: (FakeReply | ReplyFunction)[] = [];
  let defaultReply: ReplyFunction = validReply;
  let faultPlan: ((request: FakeRequestView) => AnthropicFault | undefined) | null = null;
  const injectedFaults: Record<number, number> = {};
  /** Cached prefixes: hash → expiry time. */
  const cache = new Map<string, number>();
  let counter = 0;
  let atOnce = 0;
  let mostAtOnce = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counter += 1;
    const requestId = `req_fake_${counter}`;
    res.setHeader("request-id", requestId);
    const raw = (await readRequestBody(req)).toString("utf8");
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(", ") : value,
      ]),
    );
    const record: RecordedAnthropicRequest = { path: req.url ?? "", headers, body: {}, status: 0 };
    requests.push(record);
    const fail = (status: number, type: string, message: string) => {
      record.status = status;
      sendError(res, status, type, message, requestId);
    };

    if (req.method !== "POST" || req.url !== "/v1/messages") {
      return fail(404, "not_found_error", `Not found: ${req.method} ${req.url}`);
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return fail(401, "authentication_error", "invalid authentication credentials");
    }
    if (!req.headers["anthropic-version"]) {
      return fail(400, "invalid_request_error", "anthropic-version: header is required");
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!isObject(parsed)) throw new Error("not an object");
      body = parsed;
    } catch {
      return fail(400, "invalid_request_error", "The request body is not valid JSON.");
    }
    record.body = body;

    const problem = validateRequest(body);
    if (problem) return fail(400, "invalid_request_error", problem);

    const view = viewOf(body);
    const fault = faultPlan?.(view);
    if (fault) {
      injectedFaults[fault.status] = (injectedFaults[fault.status] ?? 0) + 1;
      record.status = fault.status;
      return sendInjectedFault(res, fault, requestId);
    }
    const latency = options.latencyMs?.(view) ?? 0;
    atOnce += 1;
    mostAtOnce = Math.max(mostAtOnce, atOnce);
    try {
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    } finally {
      atOnce -= 1;
    }
    const next = queue.shift() ?? defaultReply;
    const reply = typeof next === "function" ? next(view) : next;
    if ("error" in reply) {
      if (reply.error.retryAfterSeconds !== undefined)
        res.setHeader("retry-after", String(reply.error.retryAfterSeconds));
      // Otherwise a short retry-after-ms, which keeps retries fast in tests.
      else res.setHeader("retry-after-ms", "10");
      return fail(
        reply.error.status,
        reply.error.type,
        reply.error.message ?? defaultErrorMessage(reply.error.type),
      );
    }

    const model = body.model as string;
    const maxTokens = body.max_tokens as number;
    const usage = computeUsage(body, model);
    let text = "text" in reply ? reply.text : JSON.stringify(reply.json);
    let stopReason: string = "text" in reply ? (reply.stopReason ?? "end_turn") : "end_turn";
    let outputTokens = thinkingTokens + Math.max(1, tokensOf(text));
    if (outputTokens > maxTokens) {
      const room = Math.max(0, maxTokens - thinkingTokens) * CHARACTERS_PER_TOKEN;
      text = text.slice(0, room);
      outputTokens = maxTokens;
      stopReason = "max_tokens";
    }
    const fullUsage: FakeUsage = {
      ...usage,
      output_tokens: outputTokens,
      output_tokens_details: { thinking_tokens: Math.min(thinkingTokens, outputTokens) },
      service_tier: "standard",
      inference_geo: "global",
      server_tool_use: null,
      speed: "standard",
    };
    record.status = 200;
    record.usage = fullUsage;
    record.text = text;
    const content: unknown[] = [];
    if (thinkingTokens > 0)
      content.push({ type: "thinking", thinking: "", signature: `sig_fake_${counter}` });
    content.push({ type: "text", text, citations: null });
    send(res, 200, {
      id: `msg_fake_${counter}`,
      type: "message",
      role: "assistant",
      model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage: fullUsage,
    });
  }

  /**
   * Usage for the input side. Each breakpoint's prefix (everything up to and including the marked block) is a
   * cache entry keyed by model and bytes. The longest live entry is read; the prefix up to the last breakpoint
   * is written, minus what was read, if it reaches the model's minimum.
   */
  function computeUsage(body: Record<string, unknown>, model: string) {
    const blocks = flattenBlocks(body);
    const schema = (body.output_config as { format?: { schema?: unknown } } | undefined)?.format?.schema;
    const schemaTokens = schema ? tokensOf(JSON.stringify(schema)) : 0;
    const total =
      blocks.reduce((sum, block) => sum + tokensOf(block.text), 0) + schemaTokens + FRAMING_TOKENS;

    const minimum = minimumFor(model);
    const breakpoints: { key: string; tokens: number; ttl: "5m" | "1h" }[] = [];
    const hash = createHash("sha256").update(model);
    let prefixTokens = 0;
    for (const block of blocks) {
      hash.update("\u0000").update(block.text);
      prefixTokens += tokensOf(block.text);
      if (block.breakpoint) {
        breakpoints.push({ key: hash.copy().digest("hex"), tokens: prefixTokens, ttl: block.breakpoint.ttl });
      }
    }

    const time = now();
    let read = 0;
    for (const breakpoint of [...breakpoints].reverse()) {
      const expires = cache.get(breakpoint.key);
      if (expires !== undefined && expires > time) {
        read = breakpoint.tokens;
        cache.set(breakpoint.key, time + ttlMs(breakpoint.ttl)); // a hit refreshes the TTL
        break;
      }
    }
    let written = 0;
    let written1h = 0;
    const last = breakpoints.at(-1);
    if (last && last.tokens > read && last.tokens >= minimum) {
      written = last.tokens - read;
      if (last.ttl === "1h") written1h = written;
      for (const breakpoint of breakpoints) {
        if (breakpoint.tokens >= minimum) cache.set(breakpoint.key, time + ttlMs(breakpoint.ttl));
      }
    }
    return {
      input_tokens: total - read - written,
      cache_creation_input_tokens: written,
      cache_read_input_tokens: read,
      cache_creation: {
        ephemeral_5m_input_tokens: written - written1h,
        ephemeral_1h_input_tokens: written1h,
      },
    };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendError(res, 500, "api_error", `fake-anthropic crashed: ${String(error)}`, "req_fake_crash");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    get mostAtOnce() {
      return mostAtOnce;
    },
    enqueue: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      defaultReply = reply;
    },
    clearCache: () => cache.clear(),
    injectFaults: (plan) => {
      faultPlan = plan;
    },
    injectedFaults,
    reset: () => {
      counter = 0;
      requests.length = 0;
      queue.length = 0;
      cache.clear();
      defaultReply = validReply;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A valid answer to the requested schema, built from the request's articles. */
export function validReply(request: FakeRequestView): FakeReply {
  if (request.kind === "relevance") {
    return {
      json: {
        scores: request.articles.map((article) => ({
          ref: article.ref,
          score: fakeScore(article.title),
          reason: `Fake relevance for "${article.title.slice(0, 60)}".`,
        })),
      },
    };
  }
  if (request.kind === "draft") {
    const article = request.articles[0];
    if (!article) return { json: {} };
    const firstWord = article.title.match(/[\p{L}\p{N}]+/u)?.[0] ?? "News";
    return {
      json: {
        hook: article.title,
        body: article.summary || article.title,
        call_to_action: "Would this change your week? Tell us in the comments.",
        credit: `Source: ${article.source}${article.link && article.link !== "none given" ? ` — ${article.link}` : ""}`,
        hashtags: [`#${firstWord}`, "#FakeNews"],
        alt_text: `A picture for the story: ${article.title}`,
        // The brand's format when the request names one; left to choose, a single image (a test that wants the
        // model to choose a carousel answers so itself).
        format: /answer format "carousel"/.test(request.userText) ? "carousel" : "single",
        slides: [article.title, ...sentencesOf(article.summary)].slice(0, 4).map((fact, i) => ({
          text: fact.slice(0, 120),
          alt_text: `Slide ${i + 1}: ${fact.slice(0, 80)}`,
        })),
      },
    };
  }
  if (request.kind === "voice") {
    return { json: { voice: "Warm and direct; short sentences; one emoji at most; ends with a question." } };
  }
  if (request.kind === "comment_reply") {
    const who = /<comment from="([^"]*)">/.exec(request.userText)?.[1] ?? "there";
    return { json: { assessment: "ordinary", reply: `Thanks, @${who}! Glad you liked it.` } };
  }
  return { text: "Hello from the fake." };
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Deterministic 0–100 score from a title, so tests can predict it. */
export function fakeScore(title: string): number {
  return createHash("sha256").update(title).digest()[0]! % 101;
}

function viewOf(body: Record<string, unknown>): FakeRequestView {
  const messages = body.messages as { role: string; content: unknown }[];
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  const userText = lastUser ? contentText(lastUser.content) : "";
  const properties =
    (body.output_config as { format?: { schema?: { properties?: Record<string, unknown> } } } | undefined)
      ?.format?.schema?.properties ?? {};
  const kind =
    "scores" in properties
      ? "relevance"
      : "hook" in properties
        ? "draft"
        : "voice" in properties
          ? "voice"
          : "assessment" in properties
            ? "comment_reply"
            : "unknown";
  return { model: body.model as string, kind, articles: parseArticles(userText), userText, body };
}

const ARTICLE =
  /<article(?: ref="([^"]*)")?>\s*<title>([\s\S]*?)<\/title>\s*<source>([\s\S]*?)<\/source>\s*(?:<link>([\s\S]*?)<\/link>\s*)?<summary>([\s\S]*?)<\/summary>\s*<\/article>/g;

function parseArticles(text: string): FakeArticle[] {
  return [...text.matchAll(ARTICLE)].map((match) => ({
    ref: match[1],
    title: unescapeText(match[2] ?? ""),
    source: unescapeText(match[3] ?? ""),
    link: match[4] === undefined ? undefined : unescapeText(match[4]),
    summary: unescapeText(match[5] ?? ""),
  }));
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** System blocks then message blocks, in the order the API caches them, with their breakpoints. */
function flattenBlocks(body: Record<string, unknown>): Block[] {
  const blocks: Block[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string") {
      blocks.push({ text: value });
      return;
    }
    for (const block of value as Record<string, unknown>[]) {
      const control = block.cache_control as { ttl?: "5m" | "1h" } | undefined;
      const text = typeof block.text === "string" ? block.text : JSON.stringify(block);
      blocks.push({ text, ...(control ? { breakpoint: { ttl: control.ttl ?? "5m" } } : {}) });
    }
  };
  if (body.system !== undefined) add(body.system);
  for (const message of body.messages as { content: unknown }[]) add(message.content);
  // Automatic caching: a top-level cache_control puts the breakpoint on the last block.
  const automatic = body.cache_control as { ttl?: "5m" | "1h" } | undefined;
  const last = blocks.at(-1);
  if (automatic && last) last.breakpoint = { ttl: automatic.ttl ?? "5m" };
  return blocks;
}

function validateRequest(body: Record<string, unknown>): string | undefined {
  const model = body.model;
  if (typeof model !== "string" || model.length === 0) return "model: Field required";
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
    return "max_tokens: Input should be a positive integer";
  }
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "messages: at least one message is required";
  for (const [index, message] of messages.entries()) {
    if (!isObject(message) || (message.role !== "user" && message.role !== "assistant")) {
      return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    }
    const problem = validateContent(message.content, `messages.${index}.content`);
    if (problem) return problem;
  }
  if ((messages[0] as { role: string }).role !== "user")
    return 'messages: first message must use the "user" role';
  if (body.system !== undefined) {
    const problem =
      typeof body.system === "string"
        ? undefined
        : validateContent(body.system, "system", /* textOnly */ true);
    if (problem) return problem;
  }
  const breakpoints = countBreakpoints(body);
  if (breakpoints > 4)
    return `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`;

  const outputConfig = body.output_config;
  if (outputConfig !== undefined) {
    if (!isObject(outputConfig)) return "output_config: Input should be an object";
    if (outputConfig.effort !== undefined && !EFFORTS.has(outputConfig.effort as string)) {
      return `output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'`;
    }
    if (outputConfig.format !== undefined) {
      const format = outputConfig.format;
      if (!isObject(format) || format.type !== "json_schema" || !isObject(format.schema)) {
        return "output_config.format: expected {type: 'json_schema', schema: {...}}";
      }
      const problem = validateSchema(format.schema, "output_config.format.schema");
      if (problem) return problem;
    }
  }

  const is55 = /^claude-(haiku|sonnet|opus)-5-5$/.test(model);
  const thinking = body.thinking as { type?: string } | undefined;
  if (/^claude-[a-z]+-5(-|$)/.test(model) && thinking?.type === "enabled") {
    return `"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort".`;
  }
  const toolChoice = body.tool_choice as { type?: string } | undefined;
  if (is55 && model !== "claude-haiku-5-5" && toolChoice?.type === "tool") {
    return "Forced tool use is not supported for this model; use output_config.format for structured output.";
  }
  if (model === "claude-haiku-5-5") {
    for (const parameter of ["temperature", "top_p", "top_k"]) {
      if (body[parameter] !== undefined) return `${parameter}: is not supported for this model`;
    }
    if ((messages.at(-1) as { role: string }).role === "assistant") {
      return "Prefilling the assistant message is not supported for this model.";
    }
  }
  return undefined;
}

function validateContent(content: unknown, where: string, textOnly = false): string | undefined {
  if (typeof content === "string") return content.length > 0 ? undefined : `${where}: must not be empty`;
  if (!Array.isArray(content) || content.length === 0)
    return `${where}: Input should be a string or a list of blocks`;
  for (const [index, block] of content.entries()) {
    if (!isObject(block) || typeof block.type !== "string") return `${where}.${index}.type: Field required`;
    if (textOnly && block.type !== "text") return `${where}.${index}.type: Input should be 'text'`;
    if (block.type === "text" && (typeof block.text !== "string" || block.text.length === 0)) {
      return `${where}.${index}.text: text content blocks must be non-empty`;
    }
    if (block.cache_control !== undefined) {
      const control = block.cache_control;
      if (!isObject(control) || control.type !== "ephemeral") {
        return `${where}.${index}.cache_control.type: Input should be 'ephemeral'`;
      }
      if (control.ttl !== undefined && control.ttl !== "5m" && control.ttl !== "1h") {
        return `${where}.${index}.cache_control.ttl: Input should be '5m' or '1h'`;
      }
    }
  }
  return undefined;
}

function countBreakpoints(body: Record<string, unknown>): number {
  let count = body.cache_control ? 1 : 0;
  const countIn = (value: unknown) => {
    if (Array.isArray(value)) count += value.filter((block) => isObject(block) && block.cache_control).length;
  };
  countIn(body.system);
  for (const message of body.messages as { content: unknown }[]) countIn(message.content);
  return count;
}

/** The structured-outputs subset: known keywords only, and closed objects. */
function validateSchema(schema: Record<string, unknown>, where: string): string | undefined {
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key)) return `${where}: the JSON schema keyword '${key}' is not supported`;
  }
  if (schema.minItems !== undefined && schema.minItems !== 0 && schema.minItems !== 1) {
    return `${where}.minItems: only 0 and 1 are supported`;
  }
  if (schema.type === "object") {
    if (schema.additionalProperties !== false)
      return `${where}: objects must set additionalProperties to false`;
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      if (!isObject(property)) return `${where}.properties.${name}: must be a schema`;
      const problem = validateSchema(property, `${where}.properties.${name}`);
      if (problem) return problem;
    }
  }
  if (schema.type === "array" && isObject(schema.items)) {
    return validateSchema(schema.items, `${where}.items`);
  }
  return undefined;
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  return (content as { type: string; text?: string }[])
    .filter((block) => block.type === "text")
    .map((block) => block.text ?? "")
    .join("\n");
}

function tokensOf(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

function ttlMs(ttl: "5m" | "1h"): number {
  return ttl === "1h" ? 3_600_000 : 300_000;
}

function defaultErrorMessage(type: string): string {
  if (type === "overloaded_error") return "Overloaded";
  if (type === "rate_limit_error") return "Number of request tokens has exceeded your per-minute rate limit";
  if (type === "api_error") return "Internal server error";
  return "Invalid request";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  requestId: string,
): void {
  send(res, status, { type: "error", error: { type, message }, request_id: requestId });
}

/** A refusal with the headers the real API sends with it. */
function sendInjectedFault(res: ServerResponse, fault: AnthropicFault, requestId: string): void {
  if (fault.status === 529) {
    return sendError(res, 529, "overloaded_error", "Overloaded", requestId);
  }
  const reset = new Date(Date.now() + fault.retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  res.setHeader("retry-after", String(fault.retryAfterSeconds));
  res.setHeader("anthropic-ratelimit-requests-limit", "50");
  res.setHeader("anthropic-ratelimit-requests-remaining", "0");
  res.setHeader("anthropic-ratelimit-requests-reset", reset);
  sendError(
    res,
    429,
    "rate_limit_error",
    "This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.",
    requestId,
  );
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
