import type { Sql } from "../database/connect.ts";
import type { PostPerformance } from "./performance-report.ts";

/**
 * The brand's posts published in [from, to), each with its latest collected checkpoint: the week's when it was
 * read, else the day's, else none.
 */
export async function loadPostPerformance(
  sql: Sql,
  brandId: number,
  from: Date,
  to: Date,
): Promise<PostPerformance[]> {
  const rows = await sql<
    {
      draft_id: number;
      caption: string;
      permalink: string | null;
      published_at: Date;
      views: number | null;
      reach: number | null;
      interactions: number | null;
    }[]
  >`
    select d.id as draft_id, d.caption, d.permalink, d.published_at, pi.views, pi.reach,
           coalesce(pi.total_interactions,
                    case when pi.id is not null
                              and coalesce(pi.likes, pi.comments, pi.saved, pi.shares) is not null
                         then coalesce(pi.likes, 0) + coalesce(pi.comments, 0) + coalesce(pi.saved, 0)
                              + coalesce(pi.shares, 0) end) as interactions
      from drafts d
      left join latest_post_insights pi on pi.draft_id = d.id
     where d.brand_id = ${brandId} and d.status = 'published'
       and d.published_at >= ${from} and d.published_at < ${to}
     order by d.published_at`;
  return rows.map((row) => ({
    draftId: row.draft_id,
    caption: row.caption,
    permalink: row.permalink,
    publishedAt: row.published_at.toISOString(),
    views: row.views,
    reach: row.reach,
    interactions: row.interactions,
  }));
}

/** What the brand's AI calls cost in [from, to): settled calls only, as the ledger counts spend. */
export async function aiSpendBetween(sql: Sql, brandId: number, from: Date, to: Date): Promise<number> {
  const [row] = await sql<{ usd: string | null }[]>`
    select sum(cost_usd) as usd from ai_usage
     where brand_id = ${brandId} and status = 'settled' and created_at >= ${from} and created_at < ${to}`;
  return Number(row?.usd ?? 0);
}
