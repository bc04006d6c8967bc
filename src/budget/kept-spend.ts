import type { Sql, Transaction } from "../database/connect.ts";

/**
 * Keeps the month-to-date AI spend of `brandIds` (settled costs, and calls still in flight at their reserved
 * estimate, as the budget check counts them) in kept_ai_spend, one total per provider and operation, in the
 * caller's transaction. Call it before deleting the brands' usage rows, or the brands themselves: the detail
 * (which draft, which model, when) goes, the figure the monthly cap is checked against stays. The brands must be
 * locked by the caller, so no reservation slips in between this and the delete.
 */
export async function keepMonthToDateSpend(tx: Transaction, brandIds: readonly number[]): Promise<void> {
  if (brandIds.length === 0) return;
  await tx`
    insert into kept_ai_spend (brand_id, month, provider, operation, cost_usd)
    select u.brand_id, m.month, u.provider, u.operation,
           sum(case u.status when 'settled' then u.cost_usd else u.reserved_usd end)
      from brands b
      cross join lateral (select date_trunc('month', now() at time zone b.time_zone) as local_month_start) l
      cross join lateral (select l.local_month_start::date as month,
                                 l.local_month_start at time zone b.time_zone as month_start) m
      join ai_usage u on u.brand_id = b.id and u.status in ('settled', 'reserved') and u.created_at >= m.month_start
     where b.id = any(${brandIds as number[]}::bigint[])
     group by u.brand_id, m.month, u.provider, u.operation
    having sum(case u.status when 'settled' then u.cost_usd else u.reserved_usd end) > 0`;
}

/** Kept figures of months that are over everywhere (a day past the month's end in UTC covers every time zone). */
export async function purgeEndedKeptSpend(sql: Sql): Promise<number> {
  const rows = await sql`
    delete from kept_ai_spend where month < (now() at time zone 'UTC')::date - interval '1 month 1 day'
    returning id`;
  return rows.length;
}
