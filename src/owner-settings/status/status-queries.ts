import type { Sql } from "../../database/connect.ts";

export interface BrandStatus {
  instagram: {
    username: string;
    status: "connected" | "disconnected";
    token_expires_at: Date | null;
    has_token: boolean;
    /** Until when Meta asked us to make no calls for the account (its rate limits); may have passed. */
    calls_paused_until: Date | null;
  } | null;
  feeds: { total: number; failing: number; lastSuccessAt: Date | null; lastError: string | null };
  draftsWaiting: number;
  nextPostAt: Date | null;
  queued: number;
  /** Which Instagram comments reach the chat (/comments). */
  commentsToTelegram: "all" | "questions" | "none";
}

/** Everything /status shows about one brand except spend (budget-queries.ts), in one round trip. */
export async function loadBrandStatus(sql: Sql, brandId: number): Promise<BrandStatus> {
  const [row] = await sql<
    {
      username: string | null;
      ig_status: "connected" | "disconnected" | null;
      token_expires_at: Date | null;
      has_token: boolean | null;
      calls_paused_until: Date | null;
      feeds_total: number;
      feeds_failing: number;
      last_success_at: Date | null;
      last_error: string | null;
      drafts_waiting: number;
      next_post_at: Date | null;
      queued: number;
      comments_to_telegram: "all" | "questions" | "none";
    }[]
  >`
    select ia.username, ia.status as ig_status, ia.token_expires_at, ia.token_ciphertext is not null as has_token,
           ia.calls_paused_until,
           (select count(*) from feeds where brand_id = ${brandId}) as feeds_total,
           (select count(*) from feeds where brand_id = ${brandId} and consecutive_failures > 0) as feeds_failing,
           (select max(last_success_at) from feeds where brand_id = ${brandId}) as last_success_at,
           (select last_error from feeds where brand_id = ${brandId} and consecutive_failures > 0
             order by last_error_at desc nulls last limit 1) as last_error,
           (select count(*) from drafts where brand_id = ${brandId} and status = 'pending_review') as drafts_waiting,
           (select min(scheduled_for) from drafts
             where brand_id = ${brandId} and status in ('approved', 'publishing')) as next_post_at,
           (select count(*) from drafts where brand_id = ${brandId} and status = 'approved') as queued,
           (select comments_to_telegram from brands where id = ${brandId}) as comments_to_telegram
      from (select 1) one
      left join instagram_accounts ia on ia.brand_id = ${brandId}`;
  const r = row!;
  return {
    instagram:
      r.username === null
        ? null
        : {
            username: r.username,
            status: r.ig_status!,
            token_expires_at: r.token_expires_at,
            has_token: Boolean(r.has_token),
            calls_paused_until: r.calls_paused_until,
          },
    feeds: {
      total: r.feeds_total,
      failing: r.feeds_failing,
      lastSuccessAt: r.last_success_at,
      lastError: r.last_error,
    },
    draftsWaiting: r.drafts_waiting,
    nextPostAt: r.next_post_at,
    queued: r.queued,
    commentsToTelegram: r.comments_to_telegram,
  };
}
