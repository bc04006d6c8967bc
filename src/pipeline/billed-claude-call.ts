import { costOfClaudeUsage, estimateClaudeCost } from "../budget/cost.ts";
import {
  type AiOperation,
  type AiSpendObserver,
  chargeEstimate,
  mayHaveBeenBilled,
  releaseAiSpend,
  reserveAiSpend,
  settleAiSpend,
} from "../budget/ledger.ts";
import type { PriceTable } from "../budget/prices.ts";
import type { Sql } from "../database/connect.ts";
import type { ClaudeCall } from "../drafting/claude-drafter.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import { withRateLimitRetries } from "./provider-rate-limits.ts";

/**
 * One Claude operation (which may make two billed calls: the drafter retries an unusable answer once) under the
 * brand's budget. The reservation covers the worst case; the ledger is settled with what the API reported for
 * every call made — also when the operation failed after a billed call — and released only when nothing was
 * billed.
 */
export async function billedClaudeCall<T extends { usage: readonly ClaudeCall[] }>(
  sql: Sql,
  request: {
    brandId: number;
    draftId?: number;
    operation: AiOperation;
    model: string;
    prices: PriceTable;
    /** Upper bound of the input tokens of one attempt, and its max_tokens. */
    inputTokens: number;
    maxOutputTokens: number;
    /** Metrics: told what the ledger recorded (AiServices.observeSpend). */
    observer?: AiSpendObserver;
  },
  call: () => Promise<T>,
): Promise<T> {
  const oneAttempt = estimateClaudeCost(
    request.model,
    { inputTokens: request.inputTokens, maxOutputTokens: request.maxOutputTokens },
    request.prices,
  );
  const reservation = await reserveAiSpend(sql, {
    brandId: request.brandId,
    draftId: request.draftId,
    provider: "anthropic",
    model: request.model,
    operation: request.operation,
    estimateUsd: oneAttempt * 2,
    observer: request.observer,
  });
  const settle = (calls: readonly ClaudeCall[]) =>
    settleAiSpend(sql, reservation, {
      costUsd: calls.reduce((sum, c) => sum + costOfClaudeUsage(c.model, c.usage, request.prices), 0),
      model: calls.at(-1)?.model,
      draftId: request.draftId,
      calls: calls.length,
      usage: {
        inputTokens: calls.reduce((sum, c) => sum + c.usage.input_tokens, 0),
        outputTokens: calls.reduce((sum, c) => sum + c.usage.output_tokens, 0),
        cacheWriteTokens: calls.reduce((sum, c) => sum + (c.usage.cache_creation_input_tokens ?? 0), 0),
        cacheReadTokens: calls.reduce((sum, c) => sum + (c.usage.cache_read_input_tokens ?? 0), 0),
      },
    });
  try {
    // A 429/529 is not billed: the call is made again under the same reservation, after Claude's retry-after,
    // unless an earlier attempt of the operation was billed (its usage must reach the ledger as it is).
    const result = await withRateLimitRetries("anthropic", call, {
      retryable: (error) => !(error instanceof DraftingError && error.usage.length > 0),
    });
    await settle(result.usage);
    return result;
  } catch (error) {
    if (error instanceof DraftingError && error.usage.length > 0) await settle(error.usage);
    else if (mayHaveBeenBilled(error)) await chargeEstimate(sql, reservation, request.draftId);
    else await releaseAiSpend(sql, reservation);
    throw error;
  }
}
