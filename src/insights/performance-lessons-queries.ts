import type { Sql } from "../database/connect.ts";
import type { TimedPost } from "./best-hours.ts";
import {
  derivePerformanceLessons,
  type MeasuredPost,
  type PerformanceLessons,
} from "./performance-lessons.ts";

/** How far back the lessons look: recent enough to reflect the audience now, long enough to have a median. */
const LESSONS_LOOKBACK_DAYS = 90;
const LESSONS_MAX_POSTS = 60;

/**
 * The brand's performance lessons, computed at most once a day (UTC) and stored with that date, so the cached
 * prompt prefix they go into stays the same all day however many insights arrive. Two instances computing the
 * same day's lessons at once compute the same thing; the upsert keeps one.
 */
export async function loadPerformanceLessons(
  sql: Sql,
  brandId: number,
  now: Date,
): Promise<PerformanceLessons> {
  const today = now.toISOString().slice(0, 10);
  const [stored] = await sql<{ computed_on: string; best_captions: string[]; summary: string }[]>`
    select to_char(computed_on, 'YYYY-MM-DD') as computed_on, best_captions, summary
      from brand_performance_lessons where brand_id = ${brandId}`;
  if (stored && stored.computed_on >= today)
    return { bestCaptions: stored.best_captions, summary: stored.summary };

  const posts = await sql<MeasuredPost[]>`
    select d.caption, d.source_title as "sourceTitle", pi.views
      from drafts d
      join latest_post_insights pi on pi.draft_id = d.id and pi.views is not null
     where d.brand_id = ${brandId} and d.status = 'published'
       and d.published_at > ${now}::timestamptz - make_interval(days => ${LESSONS_LOOKBACK_DAYS})
     order by d.published_at desc
     limit ${LESSONS_MAX_POSTS}`;
  const lessons = derivePerformanceLessons(posts);
  await sql`
    insert into brand_performance_lessons (brand_id, computed_on, best_captions, summary)
    values (${brandId}, ${today}, ${lessons.bestCaptions}, ${lessons.summary})
    on conflict (brand_id) do update
       set computed_on = excluded.computed_on, best_captions = excluded.best_captions, summary = excluded.summary
     where brand_performance_lessons.computed_on < excluded.computed_on`;
  return lessons;
}

/** The brand's measured posts of the lookback window, with when they went out: for suggesting posting times. */
export async function loadTimedPosts(sql: Sql, brandId: number, now: Date): Promise<TimedPost[]> {
  return sql<TimedPost[]>`
    select d.published_at as "publishedAt", pi.views
      from drafts d
      join latest_post_insights pi on pi.draft_id = d.id and pi.views is not null
     where d.brand_id = ${brandId} and d.status = 'published'
       and d.published_at > ${now}::timestamptz - make_interval(days => ${LESSONS_LOOKBACK_DAYS})`;
}
