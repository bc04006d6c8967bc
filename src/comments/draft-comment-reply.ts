import { BudgetExceededError } from "../budget/ledger.ts";
import { storedReplyNote } from "./reply-notes.ts";
import type { Sql } from "../database/connect.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import { buildCommentReplyRequest, estimateInputTokensUpperBound } from "../drafting/prompts.ts";
import type { AiServices } from "../pipeline/ai-services.ts";
import { billedClaudeCall } from "../pipeline/billed-claude-call.ts";
import { loadBrandForDrafting, loadOwnerExamples } from "../pipeline/brand-context.ts";
import type { Logger } from "../shared/logger.ts";

export interface CommentReplyDeps {
  sql: Sql;
  ai: Pick<AiServices, "claude" | "prices" | "models" | "observeSpend">;
  logger: Logger;
  /** The service's clock: the brand's performance lessons are refreshed by the day it says. */
  clock: () => Date;
}

export interface DraftedCommentReply {
  replyText: string | null;
  /** Why there is no reply, for the card (a stored ReplyNote: reply-notes.ts). */
  replyNote: string | null;
  /** Claude read it as spam or abuse (only when the owner did not ask for a reply regardless). */
  flagged: "spam" | "abuse" | null;
}

/**
 * A reply to a comment, written by Claude in the brand's voice and language and paid from the brand's budget
 * (reserved before the call, settled with what the API reported: billed-claude-call.ts). Never throws for the
 * expected failures: without a reply the card still goes out, saying why there is none.
 */
export async function draftCommentReply(
  deps: CommentReplyDeps,
  input: {
    brandId: number;
    postCaption: string;
    commenterUsername: string | null;
    comment: string;
    /** The owner tapped ✍️ Draft a reply: write one even for a comment that reads as spam. */
    ownerAsked: boolean;
  },
): Promise<DraftedCommentReply> {
  const claude = deps.ai.claude;
  if (!claude)
    return {
      replyText: null,
      replyNote: storedReplyNote({ key: "comment-note-no-claude" }),
      flagged: null,
    };
  const brand = await loadBrandForDrafting(deps.sql, input.brandId);
  if (!brand) return { replyText: null, replyNote: null, flagged: null };
  const model = deps.ai.models.draft;
  const requestInput = {
    profile: brand.profile,
    examples: await loadOwnerExamples(deps.sql, input.brandId, deps.clock()),
    postCaption: input.postCaption,
    commenterUsername: input.commenterUsername,
    comment: input.comment,
    ownerAsked: input.ownerAsked,
    model,
  };
  const request = buildCommentReplyRequest(requestInput);
  try {
    const result = await billedClaudeCall(
      deps.sql,
      {
        brandId: input.brandId,
        operation: "comment_reply",
        model,
        prices: deps.ai.prices,
        observer: deps.ai.observeSpend,
        inputTokens: estimateInputTokensUpperBound(request),
        maxOutputTokens: request.max_tokens,
      },
      () => claude.writeCommentReply(requestInput),
    );
    if (result.reply === "") {
      const flagged = result.assessment === "ordinary" ? null : result.assessment;
      return {
        replyText: null,
        replyNote: storedReplyNote({ key: "comment-note-read-as", as: flagged ?? "ordinary" }),
        flagged,
      };
    }
    return { replyText: result.reply, replyNote: null, flagged: null };
  } catch (error) {
    if (error instanceof BudgetExceededError) {
      return {
        replyText: null,
        replyNote: storedReplyNote({ key: "comment-note-over-budget", budgetUsd: error.budgetUsd }),
        flagged: null,
      };
    }
    if (error instanceof DraftingError) {
      deps.logger.warn(
        { brandId: input.brandId, reason: error.reason, err: error.message },
        "comment reply not drafted",
      );
      return {
        replyText: null,
        replyNote: storedReplyNote({ key: "comment-note-failed", error: error.message }),
        flagged: null,
      };
    }
    throw error;
  }
}
