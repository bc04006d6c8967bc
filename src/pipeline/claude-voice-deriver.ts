import { BudgetExceededError } from "../budget/ledger.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import { buildVoiceRequest, estimateInputTokensUpperBound } from "../drafting/prompts.ts";
import type { VoiceDeriver } from "../owner-settings/brand-profile/voice-deriver.ts";
import { billedClaudeCall } from "./billed-claude-call.ts";
import type { DraftingDeps } from "./run-drafting.ts";

/** /voice from example captions, written by Claude and paid from the brand's budget. */
export function createClaudeVoiceDeriver(deps: Pick<DraftingDeps, "sql" | "ai">): VoiceDeriver | undefined {
  const claude = deps.ai.claude;
  if (!claude) return undefined;
  return {
    async deriveVoice(input) {
      const model = deps.ai.models.draft;
      const request = buildVoiceRequest({ captions: input.examples, model });
      try {
        const result = await billedClaudeCall(
          deps.sql,
          {
            brandId: input.brandId,
            operation: "voice",
            model,
            prices: deps.ai.prices,
            observer: deps.ai.observeSpend,
            inputTokens: estimateInputTokensUpperBound(request),
            maxOutputTokens: request.max_tokens,
          },
          () => claude.describeVoice({ captions: input.examples, model }),
        );
        return result.voice;
      } catch (error) {
        if (error instanceof BudgetExceededError)
          throw new Error("this month's AI budget is used up (see /budget)");
        if (error instanceof DraftingError)
          throw new Error(`Claude could not describe it (${error.message})`);
        throw error;
      }
    },
  };
}
