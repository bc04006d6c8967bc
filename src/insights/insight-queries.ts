import type { Sql } from "../database/connect.ts";
import { INSIGHTS_PERMISSION, type MediaInsights } from "../instagram/instagram-client.ts";
import {
  CHECKPOINT_AFTER_HOURS,
  CHECKPOINT_LOOKBACK_DAYS,
  type InsightCheckpoint,
} from "./insight-policy.ts";

/** How long a claimed checkpoint is held by its worker; one Instagram call takes seconds. */
const INSIGHT_LEASE_SECONDS = 120;

/**
 * Adds the day and week checkpoints of every post published in the lookback window that lacks them. Every
 * instance may run it at once: the unique key (draft_id, checkpoint) keeps one row per post per checkpoint.
 */
export async function scheduleInsightCheckpoints(sql: Sql, now: Date): Promise<number> {
  const rows = await sql`
    insert into post_insights (draft_id, brand_id, checkpoint, due_at)
    select d.id, d.brand_id, c.checkpoint, d.published_at + make_interval(hours => c.after_hours)
      from drafts d
     cross join (values ('day', ${CHECKPOINT_AFTER_HOURS.day}::int),
                        ('week', ${CHECKPOINT_AFTER_HOURS.week}::int)) c (checkpoint, after_hours)
     where d.status = 'published' and d.instagram_media_id is not null and d.published_at is not null
       and d.published_at > ${now}::timestamptz - make_interval(days => ${CHECKPOINT_LOOKBACK_DAYS})
       and not exists (select from post_insights p where p.draft_id = d.id and p.checkpoint = c.checkpoint)
    on conflict (draft_id, checkpoint) do nothing
    returning id`;
  return rows.length;
}

export interface ClaimedCheckpoint {
  id: number;
  draftId: number;
  brandId: number;
  checkpoint: InsightCheckpoint;
  mediaId: string;
  fence: number;
  attempts: number;
}

/**
 * Claims one due checkpoint: a due row, or one whose worker's lease ran out. SKIP LOCKED lets every worker on
 * every instance claim a different row; raising the fence in the same statement makes the claim exclusive even
 * for a row taken over after a lease ran out. Accounts without the insights permission are passed over: their
 * checkpoints wait, unspent, for the owner to reconnect; so are accounts Meta asked to leave alone for a while.
 */
export async function claimDueCheckpoint(sql: Sql, now: Date): Promise<ClaimedCheckpoint | undefined> {
  const [row] = await sql<ClaimedCheckpoint[]>`
    update post_insights p
       set status = 'collecting', fence = p.fence + 1, attempts = p.attempts + 1,
           due_at = ${now}::timestamptz + make_interval(secs => ${INSIGHT_LEASE_SECONDS})
      from drafts d
     where d.id = p.draft_id
       and p.id = (
         select pi.id from post_insights pi
           join instagram_accounts ia on ia.brand_id = pi.brand_id
          where pi.status in ('due', 'collecting') and pi.due_at <= ${now}
            and ia.status = 'connected' and ia.token_ciphertext is not null
            and ${INSIGHTS_PERMISSION} = any(ia.granted_scopes)
            -- Meta asked for no calls on the account for a while (its rate limits): the checkpoint waits.
            and (ia.calls_paused_until is null or ia.calls_paused_until <= ${now})
          order by pi.due_at
          limit 1
          for update of pi skip locked)
    returning p.id, p.draft_id as "draftId", p.brand_id as "brandId", p.checkpoint,
              d.instagram_media_id as "mediaId", p.fence, p.attempts`;
  return row;
}

/** Stores the numbers, if the claim is still this worker's (the fence). */
export async function recordInsights(
  sql: Sql,
  claim: ClaimedCheckpoint,
  insights: MediaInsights,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update post_insights
       set status = 'collected', collected_at = ${now}, last_reason = null,
           views = ${insights.views ?? null}, reach = ${insights.reach ?? null}, likes = ${insights.likes ?? null},
           comments = ${insights.comments ?? null}, saved = ${insights.saved ?? null},
           shares = ${insights.shares ?? null}, total_interactions = ${insights.total_interactions ?? null}
     where id = ${claim.id} and fence = ${claim.fence} and status = 'collecting'
    returning id`;
  return rows.length > 0;
}

/** No numbers this time: due again at `retryAt`, or given up (`retryAt` null), with the reason kept. */
export async function recordInsightMiss(
  sql: Sql,
  claim: ClaimedCheckpoint,
  input: { reason: string; retryAt: Date | null; giveBackAttempt: boolean },
): Promise<void> {
  await sql`
    update post_insights
       set status = ${input.retryAt ? "due" : "unavailable"},
           due_at = coalesce(${input.retryAt}, due_at),
           attempts = attempts - ${input.giveBackAttempt ? 1 : 0},
           last_reason = ${input.reason.slice(0, 500)}
     where id = ${claim.id} and fence = ${claim.fence} and status = 'collecting'`;
}

/**
 * Instagram refused the insights for want of the permission (the owner switched it off): the account is
 * marked as lacking it, so /report and /status offer a reconnect and the checkpoints wait for one.
 */
export async function markInsightsNotGranted(sql: Sql, brandId: number): Promise<void> {
  await sql`
    update instagram_accounts
       set granted_scopes = array_remove(coalesce(granted_scopes, '{}'), ${INSIGHTS_PERMISSION})
     where brand_id = ${brandId}`;
}

/** True when the brand's connected account was not given the insights permission (connected before it was asked). */
export async function lacksInsightsPermission(sql: Sql, brandId: number): Promise<boolean> {
  const [row] = await sql<{ lacks: boolean }[]>`
    select not (${INSIGHTS_PERMISSION} = any(coalesce(granted_scopes, '{}'))) as lacks
      from instagram_accounts
     where brand_id = ${brandId} and status = 'connected' and token_ciphertext is not null`;
  return row?.lacks ?? false;
}
