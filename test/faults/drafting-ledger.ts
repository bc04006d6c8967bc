import { costOfClaudeUsage, costOfImageUsage } from "../../src/budget/cost.ts";
import type { FaultCluster } from "./fault-cluster.ts";

/**
 * What the AI providers billed, read from the fakes (every answer that carried usage, whether or not the
 * service lived to read it), against what the service's budget ledger (ai_usage) recorded, per brand.
 * Articles carry a marker naming their brand (`ds-<brand>-<n>`), which the prompts repeat.
 */
export interface BrandSpend {
  /** What the fakes billed for this brand's calls. */
  billedUsd: number;
  /** Ledger: settled costs. */
  settledUsd: number;
  /** Ledger: settled costs plus reservations still open (what the budget check counts). */
  committedUsd: number;
  budgetUsd: number;
}

const BRAND_MARKER = /ds-(\d+)-\d+/;

export async function spendByBrand(
  cluster: FaultCluster,
  brandIdOfIndex: (index: number) => number,
): Promise<Map<number, BrandSpend>> {
  const spend = new Map<number, BrandSpend>();
  const rows = await cluster.sql<{ brand_id: number; budget: number; settled: number; committed: number }[]>`
    select b.id as brand_id, b.monthly_budget_usd as budget,
           coalesce(sum(u.cost_usd) filter (where u.status = 'settled'), 0) as settled,
           coalesce(sum(case u.status when 'settled' then u.cost_usd when 'reserved' then u.reserved_usd else 0 end), 0)
             as committed
      from brands b left join ai_usage u on u.brand_id = b.id
     group by b.id`;
  for (const row of rows) {
    spend.set(row.brand_id, {
      billedUsd: 0,
      settledUsd: row.settled,
      committedUsd: row.committed,
      budgetUsd: row.budget,
    });
  }
  const bill = (text: string, costUsd: number) => {
    const index = BRAND_MARKER.exec(text)?.[1];
    const entry = index === undefined ? undefined : spend.get(brandIdOfIndex(Number(index)));
    if (!entry)
      throw new Error(`an AI call the fault suite cannot attribute to a brand: ${text.slice(0, 200)}`);
    entry.billedUsd += costUsd;
  };
  for (const request of cluster.anthropic.requests) {
    if (!request.usage) continue;
    bill(
      JSON.stringify(request.body.messages),
      costOfClaudeUsage(request.body.model as string, request.usage),
    );
  }
  for (const request of cluster.openai.requests) {
    if (!request.usage) continue;
    bill(String(request.body.prompt), costOfImageUsage(request.body.model as string, request.usage));
  }
  return spend;
}
