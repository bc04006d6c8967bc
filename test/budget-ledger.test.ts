import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BudgetExceededError,
  monthToDateSpend,
  releaseStaleReservations,
  reserveAiSpend,
  withAiBudget,
} from "../src/budget/ledger.ts";
import { insertOwnerAndBrand, openMigratedDatabase } from "./helpers/migrated-database.ts";

let db: Awaited<ReturnType<typeof openMigratedDatabase>>;
beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db.dispose());

const call = (costUsd: number) => async () => ({
  result: "ok",
  costUsd,
  usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 900 },
});

describe("AI cost ledger", () => {
  it("records each call's real cost and sums it by operation and provider", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, {
      name: "Sums",
      monthlyBudgetUsd: 5,
      telegramUserId: 1,
    });
    const base = { brandId, provider: "anthropic" as const, model: "claude-haiku-5-5" };
    await withAiBudget(db.sql, { ...base, operation: "relevance", estimateUsd: 0.01 }, call(0.0021));
    await withAiBudget(db.sql, { ...base, operation: "draft", estimateUsd: 0.01 }, call(0.0033));
    await withAiBudget(
      db.sql,
      { brandId, provider: "openai", model: "gpt-image-2", operation: "image", estimateUsd: 0.06 },
      call(0.0476),
    );
    const spend = await monthToDateSpend(db.sql, brandId);
    expect(spend.spentUsd).toBeCloseTo(0.053, 6);
    expect(spend.reservedUsd).toBe(0);
    expect(spend.byOperation).toEqual({ relevance: 0.0021, draft: 0.0033, image: 0.0476 });
    expect(spend.byProvider).toEqual({ anthropic: 0.0054, openai: 0.0476 });
    expect(spend.budgetUsd).toBe(5);
    expect(spend.projectedUsd).toBeGreaterThanOrEqual(spend.spentUsd);
    const rows =
      await db.sql`select input_tokens, output_tokens, cache_read_tokens from ai_usage where brand_id = ${brandId} limit 1`;
    expect(rows[0]).toEqual({ input_tokens: 1200, output_tokens: 300, cache_read_tokens: 900 });
  });

  it("releases the reservation when the call fails, so a failure costs nothing", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, {
      name: "Fails",
      monthlyBudgetUsd: 1,
      telegramUserId: 2,
    });
    await expect(
      withAiBudget(
        db.sql,
        { brandId, provider: "anthropic", model: "claude-haiku-5-5", operation: "draft", estimateUsd: 0.5 },
        async () => {
          throw new Error("overloaded");
        },
      ),
    ).rejects.toThrow("overloaded");
    const spend = await monthToDateSpend(db.sql, brandId);
    expect(spend.spentUsd + spend.reservedUsd).toBe(0);
  });

  it("refuses a call whose estimate would pass the budget, with the figures", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, {
      name: "Cap",
      monthlyBudgetUsd: 0.1,
      telegramUserId: 3,
    });
    const request = {
      brandId,
      provider: "openai" as const,
      model: "gpt-image-2",
      operation: "image" as const,
    };
    await withAiBudget(db.sql, { ...request, estimateUsd: 0.06 }, call(0.05));
    const refused = reserveAiSpend(db.sql, { ...request, estimateUsd: 0.06 });
    await expect(refused).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(refused).rejects.toThrow(
      "The monthly AI budget of $0.10 would be exceeded: $0.0500 spent or reserved this month, and this call may cost up to $0.0600.",
    );
  });

  it("never lets concurrent calls together pass the budget", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, {
      name: "Race",
      monthlyBudgetUsd: 1,
      telegramUserId: 4,
    });
    const attempts = Array.from({ length: 40 }, () =>
      withAiBudget(
        db.sql,
        { brandId, provider: "anthropic", model: "claude-haiku-5-5", operation: "draft", estimateUsd: 0.07 },
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { result: "ok", costUsd: 0.07, usage: {} };
        },
      ).then(
        () => "made",
        (error) => (error instanceof BudgetExceededError ? "refused" : Promise.reject(error)),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === "made")).toHaveLength(14);
    const spend = await monthToDateSpend(db.sql, brandId);
    expect(spend.spentUsd).toBeLessThanOrEqual(1);
    expect(spend.spentUsd).toBeCloseTo(0.98, 6);
  });

  it("frees reservations a crash left open after an hour", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, {
      name: "Crash",
      monthlyBudgetUsd: 1,
      telegramUserId: 5,
    });
    const reservation = await reserveAiSpend(db.sql, {
      brandId,
      provider: "anthropic",
      model: "claude-haiku-5-5",
      operation: "draft",
      estimateUsd: 0.9,
    });
    await expect(
      reserveAiSpend(db.sql, {
        brandId,
        provider: "anthropic",
        model: "m",
        operation: "draft",
        estimateUsd: 0.2,
      }),
    ).rejects.toBeInstanceOf(BudgetExceededError);
    await db.sql`update ai_usage set created_at = now() - interval '2 hours' where id = ${reservation.id}`;
    expect(await releaseStaleReservations(db.sql)).toBeGreaterThanOrEqual(1);
    await expect(
      reserveAiSpend(db.sql, {
        brandId,
        provider: "anthropic",
        model: "m",
        operation: "draft",
        estimateUsd: 0.2,
      }),
    ).resolves.toMatchObject({ brandId });
  });
});
