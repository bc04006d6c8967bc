import type { Sql, Transaction } from "../database/connect.ts";

/**
 * The AI cost ledger (table ai_usage). Every call reserves its estimated cost before it is made, and is settled
 * with the cost computed from the usage the API returned, or released when the call failed.
 */

export type AiProvider = "anthropic" | "openai";
export type AiOperation =
  "relevance" | "draft" | "rewrite" | "image" | "voice" | "comment_reply" | "transcription";

export class BudgetExceededError extends Error {
  constructor(
    readonly brandId: number,
    readonly budgetUsd: number,
    readonly committedUsd: number,
    readonly estimateUsd: number,
  ) {
    super(
      `The monthly AI budget of $${budgetUsd.toFixed(2)} would be exceeded: $${committedUsd.toFixed(4)} spent or reserved ` +
        `this month, and this call may cost up to $${estimateUsd.toFixed(4)}.`,
    );
    this.name = "BudgetExceededError";
  }
}

export interface Reservation {
  id: number;
  brandId: number;
  estimateUsd: number;
  provider: AiProvider;
  operation: AiOperation;
  /** Told what the reservation ended as (metrics); absent, nobody is. */
  observer?: AiSpendObserver;
}

/**
 * Told of every call as the ledger records it: settled with the usage the API reported, charged its estimate
 * (no answer), or released (an error answer, not billed). The ledger is the one place every AI call is costed,
 * so what this reports is what the budgets see.
 */
export type AiSpendObserver = (spend: {
  provider: AiProvider;
  operation: AiOperation;
  billing: "settled" | "estimated" | "released";
  /** API calls behind this entry (the drafter retries an unusable answer once, under one reservation). */
  calls: number;
  costUsd: number;
  tokens: { input: number; output: number; cache_write: number; cache_read: number };
}) => void;

const NO_TOKENS = { input: 0, output: 0, cache_write: 0, cache_read: 0 };

export interface AiUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheWriteTokens?: number;
  cacheReadTokens?: number;
  images?: number;
}

/**
 * Spend counted against this month's budget: settled costs plus open reservations, from the first instant of the
 * current month in the brand's time zone, plus what was kept of the month's spend when usage rows were deleted
 * (kept-spend.ts), so a data deletion does not give the month's budget back.
 */
const committedThisMonth = (tx: Transaction | Sql, brandId: number, timeZone: string) => tx<
  { committed: number }[]
>`
  select (select coalesce(sum(case status when 'settled' then cost_usd when 'reserved' then reserved_usd else 0 end), 0)
            from ai_usage
           where brand_id = ${brandId}
             and created_at >= (date_trunc('month', now() at time zone ${timeZone}) at time zone ${timeZone}))
       + (select coalesce(sum(cost_usd), 0)
            from kept_ai_spend
           where brand_id = ${brandId} and month = date_trunc('month', now() at time zone ${timeZone})::date)
         as committed`;

/**
 * Reserves `estimateUsd` for a call, or throws BudgetExceededError. Safe under concurrency: the brand row is
 * locked (SELECT … FOR NO KEY UPDATE) for the check-and-insert, so reservations for one brand are serialised and
 * spent + reserved + estimate can never pass the budget however many drafts generate at once. NO KEY UPDATE
 * rather than UPDATE: the publisher's claim key-share-locks brands, skipping locked ones, and must not skip a
 * brand's due posts just because a draft of it is being costed.
 */
export async function reserveAiSpend(
  sql: Sql,
  request: {
    brandId: number;
    draftId?: number;
    provider: AiProvider;
    model: string;
    operation: AiOperation;
    estimateUsd: number;
    observer?: AiSpendObserver;
  },
): Promise<Reservation> {
  return sql.begin(async (tx) => {
    const [brand] = await tx<{ monthly_budget_usd: number; time_zone: string }[]>`
      select monthly_budget_usd, time_zone from brands where id = ${request.brandId} for no key update`;
    if (!brand) throw new Error(`Brand ${request.brandId} no longer exists`);
    const [row] = await committedThisMonth(tx, request.brandId, brand.time_zone);
    const committed = row!.committed;
    if (committed + request.estimateUsd > brand.monthly_budget_usd) {
      throw new BudgetExceededError(
        request.brandId,
        brand.monthly_budget_usd,
        committed,
        request.estimateUsd,
      );
    }
    const [reservation] = await tx<{ id: number }[]>`
      insert into ai_usage (brand_id, draft_id, provider, model, operation, status, reserved_usd)
      values (${request.brandId}, ${request.draftId ?? null}, ${request.provider}, ${request.model},
              ${request.operation}, 'reserved', ${request.estimateUsd})
      returning id`;
    return {
      id: reservation!.id,
      brandId: request.brandId,
      estimateUsd: request.estimateUsd,
      provider: request.provider,
      operation: request.operation,
      observer: request.observer,
    };
  });
}

/** Records what the call really cost, from the usage the API returned (`calls`: how many made it, default 1). */
export async function settleAiSpend(
  sql: Sql,
  reservation: Reservation,
  outcome: { costUsd: number; usage: AiUsage; model?: string; draftId?: number; calls?: number },
): Promise<void> {
  await recordCost(sql, reservation, outcome);
  const u = outcome.usage;
  reservation.observer?.({
    provider: reservation.provider,
    operation: reservation.operation,
    billing: "settled",
    calls: outcome.calls ?? 1,
    costUsd: outcome.costUsd,
    tokens: {
      input: u.inputTokens ?? 0,
      output: u.outputTokens ?? 0,
      cache_write: u.cacheWriteTokens ?? 0,
      cache_read: u.cacheReadTokens ?? 0,
    },
  });
}

async function recordCost(
  sql: Sql,
  reservation: Reservation,
  outcome: { costUsd: number; usage: AiUsage; model?: string; draftId?: number },
): Promise<void> {
  const u = outcome.usage;
  await sql`
    update ai_usage
       set status = 'settled',
           cost_usd = ${outcome.costUsd},
           model = coalesce(${outcome.model ?? null}, model),
           draft_id = coalesce(${outcome.draftId ?? null}, draft_id),
           input_tokens = ${u.inputTokens ?? 0},
           output_tokens = ${u.outputTokens ?? 0},
           cache_write_tokens = ${u.cacheWriteTokens ?? 0},
           cache_read_tokens = ${u.cacheReadTokens ?? 0},
           images = ${u.images ?? 0},
           settled_at = now()
     where id = ${reservation.id}`;
}

/** The call failed before anything was billed: the reservation no longer counts. */
export async function releaseAiSpend(sql: Sql, reservation: Reservation): Promise<void> {
  await sql`update ai_usage set status = 'released', settled_at = now() where id = ${reservation.id} and status = 'reserved'`;
  observeUnsettled(reservation, "released", 0);
}

function observeUnsettled(reservation: Reservation, billing: "estimated" | "released", costUsd: number) {
  reservation.observer?.({
    provider: reservation.provider,
    operation: reservation.operation,
    billing,
    calls: 1,
    costUsd,
    tokens: NO_TOKENS,
  });
}

/**
 * A call that got no answer (a timeout, a dropped connection) may still have been billed by the provider. It is
 * charged at its estimate — an upper bound — so the budget can never be passed unseen. A call the API answered
 * with an error status was not billed.
 */
export function mayHaveBeenBilled(error: unknown): boolean {
  const status =
    (error as { status?: unknown; remote?: { status?: unknown } } | undefined)?.remote?.status ??
    (error as { status?: unknown } | undefined)?.status;
  return typeof status !== "number";
}

export async function chargeEstimate(sql: Sql, reservation: Reservation, draftId?: number): Promise<void> {
  await recordCost(sql, reservation, { costUsd: reservation.estimateUsd, usage: {}, draftId });
  observeUnsettled(reservation, "estimated", reservation.estimateUsd);
}

/**
 * A reservation left open by a crash between reserving and settling would hold budget forever. After an hour no
 * API call is still running, so it is released.
 */
export async function releaseStaleReservations(sql: Sql): Promise<number> {
  const rows = await sql`
    update ai_usage set status = 'released', settled_at = now()
     where status = 'reserved' and created_at < now() - interval '1 hour'
    returning id`;
  return rows.length;
}

/**
 * Reserve, call, settle — or release when the call throws. `call` returns the API's answer together with its
 * cost; a BudgetExceededError is thrown before the call is made.
 */
export async function withAiBudget<T>(
  sql: Sql,
  request: Parameters<typeof reserveAiSpend>[1],
  call: () => Promise<{ result: T; costUsd: number; usage: AiUsage; model?: string }>,
): Promise<T> {
  const reservation = await reserveAiSpend(sql, request);
  let outcome: Awaited<ReturnType<typeof call>>;
  try {
    outcome = await call();
  } catch (error) {
    await releaseAiSpend(sql, reservation);
    throw error;
  }
  await settleAiSpend(sql, reservation, { ...outcome, draftId: request.draftId });
  return outcome.result;
}

export interface MonthSpend {
  budgetUsd: number;
  spentUsd: number;
  reservedUsd: number;
  byOperation: Record<string, number>;
  byProvider: Record<string, number>;
  /** Linear projection of settled spend to the end of the month. */
  projectedUsd: number;
  month: string;
}

/** Month-to-date spend for a brand, in its time zone: what /budget and /status show. */
export async function monthToDateSpend(sql: Sql, brandId: number): Promise<MonthSpend> {
  const [brand] = await sql<{ monthly_budget_usd: number; time_zone: string }[]>`
    select monthly_budget_usd, time_zone from brands where id = ${brandId}`;
  if (!brand) throw new Error(`Brand ${brandId} no longer exists`);
  const tz = brand.time_zone;
  // Kept spend (what a data deletion left of the month's usage rows) counts as settled.
  const rows = await sql<{ operation: string; provider: string; spent: number; reserved: number }[]>`
    select operation, provider, coalesce(sum(spent), 0) as spent, coalesce(sum(reserved), 0) as reserved
      from (select operation, provider,
                   case when status = 'settled' then cost_usd else 0 end as spent,
                   case when status = 'reserved' then reserved_usd else 0 end as reserved
              from ai_usage
             where brand_id = ${brandId}
               and created_at >= (date_trunc('month', now() at time zone ${tz}) at time zone ${tz})
            union all
            select operation, provider, cost_usd, 0
              from kept_ai_spend
             where brand_id = ${brandId} and month = date_trunc('month', now() at time zone ${tz})::date) spend
     group by operation, provider`;
  const [calendar] = await sql<{ month: string; elapsed: number; days: number }[]>`
    select to_char(now() at time zone ${tz}, 'YYYY-MM') as month,
           extract(epoch from (now() at time zone ${tz}) - date_trunc('month', now() at time zone ${tz}))::float8
             / 86400 as elapsed,
           extract(day from date_trunc('month', now() at time zone ${tz}) + interval '1 month - 1 day')::int as days`;
  const byOperation: Record<string, number> = {};
  const byProvider: Record<string, number> = {};
  let spent = 0;
  let reserved = 0;
  for (const row of rows) {
    byOperation[row.operation] = round6((byOperation[row.operation] ?? 0) + row.spent);
    byProvider[row.provider] = round6((byProvider[row.provider] ?? 0) + row.spent);
    spent += row.spent;
    reserved += row.reserved;
  }
  const elapsedDays = Math.max(calendar!.elapsed, 1);
  return {
    budgetUsd: brand.monthly_budget_usd,
    spentUsd: round6(spent),
    reservedUsd: round6(reserved),
    byOperation,
    byProvider,
    projectedUsd: round6((spent / elapsedDays) * calendar!.days),
    month: calendar!.month,
  };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
