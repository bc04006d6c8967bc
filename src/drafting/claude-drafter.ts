import Anthropic from "@anthropic-ai/sdk";
import type { Message, MessageCreateParamsNonStreaming, Usage } from "@anthropic-ai/sdk/resources/messages";
import type * as z from "zod/mini";
import type { ArticleForAi, BrandProfile, OwnerExamples } from "./brand-profile.ts";
import { CacheWatch, type WarnLogger } from "./cache-watch.ts";
import { replyProblems } from "../comments/reply-limits.ts";
import { fitAltText } from "./alt-text.ts";
import { findBannedTerms, fitToInstagramLimits } from "./caption-limits.ts";
import { DraftingError, type DraftingErrorReason } from "./drafting-errors.ts";
import {
  checkPlannedSlides,
  decideFormat,
  type DraftFormat,
  oneLineSlideText,
  type PostFormatSetting,
  type SlidePlan,
} from "./slide-plan.ts";
import {
  assembleCaption,
  buildDraftRequest,
  buildRelevanceRequest,
  buildVoiceRequest,
  buildCommentReplyRequest,
  type CommentReplyRequestInput,
  type DraftRequestInput,
  isPrefixCacheable,
  type PromptKind,
  relevanceRefs,
  withRetryNote,
} from "./prompts.ts";
import {
  commentReplySchema,
  draftReplySchema,
  relevanceEntrySchema,
  relevanceReplySchema,
  voiceReplySchema,
} from "./reply-schemas.ts";

/**
 * The Anthropic adapter of drafting: sends the requests prompts.ts builds, checks the replies and retries an
 * unusable reply once. It never touches the database or the budget; every result carries the raw usage of each
 * call made, failed attempts included, so the caller can cost and settle them.
 *
 * The client runs without the SDK's transport retries (a timed-out call may have been billed); the caller asks
 * again after a 429 or 529, which are not billed (src/pipeline/provider-rate-limits.ts, from the APIError kept as
 * the DraftingError's cause). Our one retry here is for a reply that arrived but cannot be used, and it is
 * billed: hence at most two billed calls per article.
 */

/** One billed call: what to cost with `costOfClaudeUsage(model, usage)`. */
export interface ClaudeCall {
  kind: PromptKind;
  /** The model that answered, as the API reported it. */
  model: string;
  attempt: 1 | 2;
  usage: Usage;
  requestId: string | null;
}

export interface ArticleScore {
  articleId: string;
  /** 0–100; 70 or more is worth a draft. */
  score: number;
  /** One sentence for the owner. */
  reason: string;
}

export interface SkippedArticle {
  articleId: string;
  reason: DraftingErrorReason;
  /** Plain words for the owner and the article's skip_reason. */
  message: string;
}

export interface ScoreArticlesInput {
  profile: BrandProfile;
  examples: OwnerExamples;
  /** At most MAX_ARTICLES_PER_RELEVANCE_REQUEST (40); all are scored in one request. */
  articles: readonly ArticleForAi[];
  model: string;
}

export interface ScoreArticlesResult {
  scores: ArticleScore[];
  /** Articles without a usable score after the retry. */
  skipped: SkippedArticle[];
  usage: ClaudeCall[];
}

/** What one caption needs is exactly what its request is built from. */
export type WriteDraftInput = DraftRequestInput;

export interface WriteDraftResult {
  /** The caption body: hook, body, call to action and source credit, without hashtags. */
  caption: string;
  /** The brand's default hashtags first, then the model's, trimmed to fit Instagram's limits. */
  hashtags: string[];
  /** One short sentence for the image, in the brand's language, within Instagram's 1,000 characters. */
  altText: string;
  /** The brand's setting when it forces one, else Claude's choice for the story. */
  format: DraftFormat;
  /** The fact slides and credit, planned whatever the format (the card can turn the draft into a carousel). */
  slidePlan: SlidePlan;
  usage: ClaudeCall[];
}

export interface DescribeVoiceInput {
  captions: readonly string[];
  model: string;
}

export interface DescribeVoiceResult {
  voice: string;
  usage: ClaudeCall[];
}

export interface CommentReplyResult {
  /** Claude's reading of the comment: spam and abuse get no reply. */
  assessment: "ordinary" | "spam" | "abuse";
  /** The reply, within Instagram's comment limits; empty for spam or abuse. */
  reply: string;
  usage: ClaudeCall[];
}

export interface ClaudeDrafter {
  scoreArticles(input: ScoreArticlesInput): Promise<ScoreArticlesResult>;
  writeDraft(input: WriteDraftInput): Promise<WriteDraftResult>;
  describeVoice(input: DescribeVoiceInput): Promise<DescribeVoiceResult>;
  /** A reply to a comment on one of the brand's posts, in its voice and language, and whether it is spam. */
  writeCommentReply(input: CommentReplyRequestInput): Promise<CommentReplyResult>;
}

export interface ClaudeDrafterOptions {
  client: Anthropic;
  logger: WarnLogger;
  /** Shared across calls so it can see a streak of cache misses; one is created if not given. */
  cacheWatch?: CacheWatch;
}

type Interpretation<T> = { ok: true; value: T } | { ok: false; reason: DraftingErrorReason; problem: string };

const MAX_REASON_CHARACTERS = 200;
const MAX_VOICE_WORDS = 80;

export function createClaudeDrafter(options: ClaudeDrafterOptions): ClaudeDrafter {
  const { client, logger } = options;
  const cacheWatch = options.cacheWatch ?? new CacheWatch({ logger });

  async function send(
    kind: PromptKind,
    request: MessageCreateParamsNonStreaming,
    attempt: 1 | 2,
    calls: ClaudeCall[],
  ): Promise<Message> {
    let message: Message;
    let requestId: string | null;
    try {
      const { data, request_id } = await client.messages.create(request).withResponse();
      message = data;
      requestId = request_id ?? null;
    } catch (error) {
      if (!(error instanceof Anthropic.APIError)) throw error;
      const status = error.status ? `${error.status} ` : "";
      throw new DraftingError(
        "api_error",
        `The Claude API call (${kind}, ${request.model}) failed: ${status}${error.apiMessage ?? error.message}`,
        calls,
        {
          cause: error,
          remote: {
            status: error.status,
            type: error.type,
            message: error.apiMessage,
            requestId: error.requestID,
          },
        },
      );
    }
    calls.push({ kind, model: message.model || request.model, attempt, usage: message.usage, requestId });
    cacheWatch.record({
      kind: kind === "rewrite" ? "draft" : kind,
      model: request.model,
      cacheable: isPrefixCacheable(request),
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    });
    return message;
  }

  /** Sends a request, and once more with a note when the reply cannot be used (refusals are not retried). */
  async function sendWithRetry<T>(
    kind: PromptKind,
    request: MessageCreateParamsNonStreaming,
    interpret: (message: Message) => Interpretation<T>,
  ): Promise<{ value: T; calls: ClaudeCall[] }> {
    const calls: ClaudeCall[] = [];
    const first = interpret(await send(kind, request, 1, calls));
    if (first.ok) return { value: first.value, calls };
    if (first.reason !== "refused") {
      warnRetry(kind, request.model, first);
      const second = interpret(await send(kind, withRetryNote(request, first.problem), 2, calls));
      if (second.ok) return { value: second.value, calls };
      throw new DraftingError(second.reason, failureMessage(kind, second, calls.length), calls);
    }
    throw new DraftingError(first.reason, failureMessage(kind, first, calls.length), calls);
  }

  function warnRetry(
    kind: PromptKind,
    model: string,
    failure: { reason: DraftingErrorReason; problem: string },
  ) {
    logger.warn(
      { kind, model, reason: failure.reason, problem: failure.problem },
      "Unusable Claude reply; retrying once",
    );
  }

  return {
    async scoreArticles(input) {
      const calls: ClaudeCall[] = [];
      const scores = new Map<string, ArticleScore>();
      let pending: readonly ArticleForAi[] = input.articles;
      let failure: { reason: DraftingErrorReason; problem: string } | undefined;
      // The retry asks only for the articles still without a usable score, after the same cached prefix.
      for (const attempt of [1, 2] as const) {
        const request = buildRelevanceRequest({ ...input, articles: pending });
        const attemptRequest = failure ? withRetryNote(request, failure.problem) : request;
        let message: Message;
        try {
          message = await send("relevance", attemptRequest, attempt, calls);
        } catch (error) {
          // A failed retry must not throw away the scores the first reply already paid for.
          if (error instanceof DraftingError && scores.size > 0) {
            failure = { reason: error.reason, problem: error.message };
            break;
          }
          throw error;
        }
        const result = interpretScores(message, relevanceRefs(pending));
        if (result.ok) {
          for (const score of result.value) scores.set(score.articleId, score);
          pending = pending.filter((article) => !scores.has(article.id));
          failure = {
            reason: "schema_mismatch",
            problem: `it had no valid score for ${pending.length} of the ${input.articles.length} articles.`,
          };
        } else {
          failure = result;
        }
        if (pending.length === 0 || failure.reason === "refused") break;
        if (attempt === 1) warnRetry("relevance", input.model, failure);
      }

      if (scores.size === 0 && failure) {
        throw new DraftingError(failure.reason, failureMessage("relevance", failure, calls.length), calls);
      }
      const skipped = pending.map((article): SkippedArticle => ({
        articleId: article.id,
        reason: failure?.reason ?? "schema_mismatch",
        message:
          failure?.reason === "api_error"
            ? "The Claude API failed while scoring this article again; it was not scored."
            : "Claude gave no usable relevance score for this article, twice.",
      }));
      const ordered = input.articles.flatMap((article) => scores.get(article.id) ?? []);
      return { scores: ordered, skipped, usage: calls };
    },

    async writeDraft(input) {
      const request = buildDraftRequest(input);
      const { value, calls } = await sendWithRetry(input.mode, request, (message) =>
        interpretDraft(message, input.profile, input.postFormat ?? "auto"),
      );
      return { ...value, usage: calls };
    },

    async describeVoice(input) {
      const request = buildVoiceRequest(input);
      const { value, calls } = await sendWithRetry("voice", request, (message) => {
        const reply = readJson(message, voiceReplySchema);
        if (!reply.ok) return reply;
        const words = reply.value.voice.trim().split(/\s+/u);
        const voice =
          words.length > MAX_VOICE_WORDS ? `${words.slice(0, MAX_VOICE_WORDS).join(" ")}…` : words.join(" ");
        return { ok: true, value: voice };
      });
      return { voice: value, usage: calls };
    },

    async writeCommentReply(input) {
      const request = buildCommentReplyRequest(input);
      const { value, calls } = await sendWithRetry("comment_reply", request, (message) => {
        const reply = readJson(message, commentReplySchema);
        if (!reply.ok) return reply;
        const text = reply.value.reply.trim();
        if (reply.value.assessment !== "ordinary" && !input.ownerAsked)
          return { ok: true, value: { ...reply.value, reply: "" } };
        const problems = text === "" ? ["the reply was empty."] : replyProblems(text);
        if (problems.length > 0) return { ok: false, reason: "limits_exceeded", problem: problems.join(" ") };
        return { ok: true, value: { assessment: reply.value.assessment, reply: text } };
      });
      return { ...value, usage: calls };
    },
  };
}

function interpretScores(message: Message, refs: Map<string, ArticleForAi>): Interpretation<ArticleScore[]> {
  const reply = readJson(message, relevanceReplySchema);
  if (!reply.ok) return reply;
  const scored = new Map<string, ArticleScore>();
  for (const raw of reply.value.scores) {
    const entry = relevanceEntrySchema.safeParse(raw);
    const article = entry.success ? refs.get(entry.data.ref.trim()) : undefined;
    // Unknown refs, out-of-range scores and repeats are dropped; the article then counts as unscored.
    if (!entry.success || !article || scored.has(article.id)) continue;
    scored.set(article.id, {
      articleId: article.id,
      score: entry.data.score,
      reason: clipCharacters(entry.data.reason.trim(), MAX_REASON_CHARACTERS),
    });
  }
  return { ok: true, value: [...scored.values()] };
}

function interpretDraft(
  message: Message,
  profile: BrandProfile,
  postFormat: PostFormatSetting,
): Interpretation<Omit<WriteDraftResult, "usage">> {
  const reply = readJson(message, draftReplySchema);
  if (!reply.ok) return reply;
  const caption = assembleCaption(reply.value);
  const hashtags = [...profile.defaultHashtags, ...reply.value.hashtags];
  const altText = fitAltText(reply.value.alt_text, reply.value.hook);
  const slides = checkPlannedSlides(reply.value.slides);
  if (!slides.ok) return { ok: false, reason: "limits_exceeded", problem: slides.problem };
  const slidePlan: SlidePlan = { facts: slides.facts, credit: oneLineSlideText(reply.value.credit) };
  const format = decideFormat(postFormat, reply.value.format, slidePlan);
  if (!format.ok) return { ok: false, reason: "schema_mismatch", problem: format.problem };
  const slideText = slidePlan.facts.flatMap((fact) => [fact.text, fact.altText]).join("\n");

  const banned = findBannedTerms(
    `${caption}\n${hashtags.join(" ")}\n${altText}\n${slideText}`,
    profile.bannedTerms,
  );
  if (banned.length > 0) {
    return {
      ok: false,
      reason: "banned_term",
      problem: `the caption used the banned ${banned.length === 1 ? "term" : "terms"} ${banned.map((term) => `"${term}"`).join(", ")}.`,
    };
  }
  const fitted = fitToInstagramLimits(caption, hashtags);
  if (!fitted.ok) {
    return {
      ok: false,
      reason: "limits_exceeded",
      problem: `${fitted.violations.map((violation) => violation.message).join(" ")} Write a shorter caption.`,
    };
  }
  return {
    ok: true,
    value: { caption: fitted.caption, hashtags: fitted.hashtags, altText, format: format.format, slidePlan },
  };
}

/** The reply's text as JSON of the expected shape, or why not. */
function readJson<T>(message: Message, schema: z.ZodMiniType<T>): Interpretation<T> {
  if (message.stop_reason === "refusal") {
    return { ok: false, reason: "refused", problem: "Claude declined to answer." };
  }
  if (message.stop_reason === "max_tokens") {
    return {
      ok: false,
      reason: "truncated",
      problem: "the answer was cut off at the token limit; answer more briefly.",
    };
  }
  // With adaptive thinking, thinking blocks come before the text block.
  const text = message.content.find((block) => block.type === "text")?.text;
  if (text === undefined) return { ok: false, reason: "schema_mismatch", problem: "it contained no text." };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "invalid_json", problem: "it was not valid JSON." };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)"))].join(
      ", ",
    );
    return {
      ok: false,
      reason: "schema_mismatch",
      problem: `it did not match the response schema (${fields}).`,
    };
  }
  return { ok: true, value: parsed.data };
}

function failureMessage(
  kind: PromptKind,
  failure: { reason: DraftingErrorReason; problem: string },
  attempts: number,
): string {
  const what =
    kind === "relevance"
      ? "score the articles"
      : kind === "voice"
        ? "describe the voice"
        : kind === "comment_reply"
          ? "write a reply"
          : "write a caption";
  const tries = attempts > 1 ? " after two tries" : "";
  return `Claude could not ${what}${tries}: ${failure.problem.replace(/^it /, "the answer ")}`;
}

function clipCharacters(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}
