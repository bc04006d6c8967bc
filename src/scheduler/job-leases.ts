import { randomUUID } from "node:crypto";
import type { Sql } from "../database/connect.ts";

/**
 * Claims `job` for the run of one tick (its scheduled time, the same on every instance): a token when this tick
 * is not yet claimed and no other run holds an unexpired lease, else undefined. One statement, so it is safe
 * under concurrency and through a transaction pooler: the primary key lets one INSERT win, and ON CONFLICT
 * takes the row over only for a later tick and once the last run's lease is over (the row lock makes instances
 * racing for the row take turns, and each later one sees the winner's tick).
 */
export async function claimJobLease(
  sql: Sql,
  job: string,
  tick: Date,
  leaseMs: number,
): Promise<string | undefined> {
  const token = randomUUID();
  const [row] = await sql`
    insert into job_leases (job, tick, owner_token, expires_at)
    values (${job}, ${tick}, ${token}, now() + ${leaseMs} * interval '1 millisecond')
    on conflict (job) do update
      set tick = excluded.tick, owner_token = excluded.owner_token, expires_at = excluded.expires_at
      where job_leases.tick < excluded.tick and job_leases.expires_at < now()
    returning job`;
  return row ? token : undefined;
}

/** Extends a run's lease; false when it ran out and another run took the job over. */
export async function renewJobLease(sql: Sql, job: string, token: string, leaseMs: number): Promise<boolean> {
  const rows = await sql`
    update job_leases set expires_at = now() + ${leaseMs} * interval '1 millisecond'
    where job = ${job} and owner_token = ${token}
    returning job`;
  return rows.length > 0;
}

/**
 * Ends a run's lease, freeing the job for the next tick on any instance (the row stays: it remembers the tick).
 * A lease another run has taken over is left alone.
 */
export async function releaseJobLease(sql: Sql, job: string, token: string): Promise<void> {
  await sql`update job_leases set expires_at = now() where job = ${job} and owner_token = ${token}`;
}
