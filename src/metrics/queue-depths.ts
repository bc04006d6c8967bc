import type { Sql } from "../database/connect.ts";

/** Work waiting, cluster-wide, as read at scrape time. Keys become label values of the queue gauges. */
export interface QueueDepths {
  queues: Record<string, number>;
  outbox: { pending: number; dead: number };
}

/**
 * One statement, so a scrape costs one round trip and, on the embedded database, holds its single connection
 * once and briefly. Each count is served by an index or a small table: posts due by the partial index
 * drafts_due_idx, outbox pending by telegram_outbox_due_idx, drafts and articles by their (brand_id, status)
 * indexes; the outbox keeps sent messages a week, so its dead count scans a table of about a week's messages. Read-only and without
 * locks, so it never waits on the work it counts.
 * Regenerations waiting are the 🖼 New image and 🔁 Rewrite requests not yet finished (queued or running).
 */
export async function readQueueDepths(sql: Sql): Promise<QueueDepths> {
  const [row] = await sql<
    {
      articles_waiting: number;
      drafts_waiting_review: number;
      posts_due: number;
      regenerations_waiting: number;
      outbox_pending: number;
      outbox_dead: number;
    }[]
  >`
    select (select count(*) from articles where status in ('new', 'scored'))::int as articles_waiting,
           (select count(*) from drafts where status = 'pending_review')::int as drafts_waiting_review,
           (select count(*) from drafts
             where status in ('approved', 'publishing') and scheduled_for <= now())::int as posts_due,
           (select count(*) from regeneration_requests
             where status in ('queued', 'running'))::int as regenerations_waiting,
           (select count(*) from telegram_outbox where status = 'pending')::int as outbox_pending,
           (select count(*) from telegram_outbox where status = 'dead')::int as outbox_dead`;
  return {
    queues: {
      articles_waiting: row!.articles_waiting,
      drafts_waiting_review: row!.drafts_waiting_review,
      posts_due: row!.posts_due,
      regenerations_waiting: row!.regenerations_waiting,
    },
    outbox: { pending: row!.outbox_pending, dead: row!.outbox_dead },
  };
}
