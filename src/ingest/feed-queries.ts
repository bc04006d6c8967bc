import type { Sql } from "../database/connect.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import { shortenText } from "../shared/telegram-text-limits.ts";
import { canonicalLink, dedupeKey } from "./dedupe-key.ts";
import { describeFeedProblem, type FeedProblem, storeFeedProblem } from "./feed-problem.ts";
import type { FeedItem } from "./parsed-feed.ts";

export interface DueFeed {
  id: number;
  brand_id: number;
  url: string;
  title: string;
  etag: string | null;
  last_modified: string | null;
  consecutive_failures: number;
}

/**
 * Claims feeds whose next fetch is due, for brands that are not paused, and leases them for two minutes by
 * moving next_fetch_at forward, so a second instance (or an overlapping tick) never fetches the same feed at
 * the same time. SKIP LOCKED lets instances split the work; on the embedded database it is simply serial.
 * `dueBy` is when the run started: a feed fetched in this run is due again "now", and must wait for the next run.
 * It counts to the end of its millisecond: a JavaScript Date has no finer grain, while next_fetch_at keeps
 * microseconds, so a feed added in the millisecond the run started would otherwise wait for the next run.
 */
export function claimDueFeeds(sql: Sql, dueBy: Date, limit: number): Promise<DueFeed[]> {
  return sql<DueFeed[]>`
    update feeds set next_fetch_at = now() + interval '2 minutes'
     where id in (
       select f.id from feeds f join brands b on b.id = f.brand_id
        where f.next_fetch_at < ${dueBy}::timestamptz + interval '1 millisecond' and not b.paused
        order by f.next_fetch_at
        limit ${limit}
        for update of f skip locked)
    returning id, brand_id, url, title, etag, last_modified, consecutive_failures`;
}

export interface ArticleRow {
  brand_id: number;
  feed_id: number;
  dedupe_key: string;
  canonical_link: string | null;
  title: string;
  link: string | null;
  summary: string;
  author: string | null;
  published_at: Date | null;
  image_url: string | null;
}

/**
 * The most items one poll stores from one feed: the newest ones. A feed is polled every few minutes, so a few
 * hundred new stories between two polls is already more than any newsroom publishes, while archive feeds and
 * "everything we ever wrote" exports list thousands. Their old items would only be scored and dropped by the
 * drafter (which drafts at most the next 48 hours of posting slots), at an AI cost, and one poll's rows stay a
 * few hundred kB. Items left out are not "lost": they are older than the 300 newest the feed lists.
 */
export const MAX_ITEMS_PER_POLL = 300;

/**
 * Rows per INSERT. Postgres's wire protocol counts bind parameters in 16 bits (at most 65,535; postgres.js
 * refuses more), and an article row binds 10 of them, so one statement must stay under 6,553 rows.
 */
export const ARTICLE_INSERT_CHUNK_ROWS = 1_000;

/**
 * Feed items as article rows: deduplicated within the batch, items older than the retention window left out,
 * and at most the newest `MAX_ITEMS_PER_POLL` of the rest (by date; undated items after dated ones, in the
 * feed's order, which by convention is newest first).
 */
export function articleRowsFrom(
  feed: DueFeed,
  items: readonly FeedItem[],
  retentionDays: number,
  now: Date,
): ArticleRow[] {
  // An item older than the retention window would be purged and then come back as "new" on the next poll.
  const oldest = now.getTime() - retentionDays * 86_400_000;
  const seen = new Set<string>();
  const rows: ArticleRow[] = [];
  for (const item of newestFirst(items)) {
    if (rows.length === MAX_ITEMS_PER_POLL) break;
    if (!item.title && !item.link) continue;
    if (item.publishedAt && item.publishedAt.getTime() < oldest) continue;
    const key = storableText(dedupeKey(item));
    const canonical = item.link ? (canonicalLink(storableText(item.link)) ?? null) : null;
    if (seen.has(key) || (canonical && seen.has(canonical))) continue;
    seen.add(key);
    if (canonical) seen.add(canonical);
    rows.push({
      brand_id: feed.brand_id,
      feed_id: feed.id,
      dedupe_key: key,
      canonical_link: canonical,
      title: storableText(item.title || item.link || ""),
      link: item.link === undefined ? null : storableText(item.link),
      summary: storableText(item.summary),
      author: item.author === undefined ? null : storableText(item.author),
      published_at: item.publishedAt ?? null,
      image_url: item.imageUrl === undefined ? null : storableText(item.imageUrl),
    });
  }
  return rows;
}

/** Dated items newest first, then undated ones in the feed's order (a stable sort keeps it). */
function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort(
    (a, b) => (b.publishedAt?.getTime() ?? -Infinity) - (a.publishedAt?.getTime() ?? -Infinity) || 0,
  );
}

/**
 * Text as Postgres can store it: a `text` value cannot hold U+0000 (it refuses the whole statement), and XML
 * parsers pass a raw NUL in a feed through, so one such character would make every poll of the feed fail.
 */
function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

/**
 * Stores new articles and records the fetch as a success, in one transaction. ON CONFLICT DO NOTHING covers
 * both unique keys (brand + dedupe key, brand + canonical link), so an item seen before — even under a new
 * guid — is not stored twice. The rows go in chunks (`ARTICLE_INSERT_CHUNK_ROWS`), all in the one transaction.
 * Returns how many articles were new.
 */
export async function recordFeedSuccess(
  sql: Sql,
  feed: DueFeed,
  fetched: { rows: ArticleRow[]; etag?: string; lastModified?: string; title?: string } | "not_modified",
): Promise<number> {
  return sql.begin(async (tx) => {
    let inserted = 0;
    if (fetched !== "not_modified" && fetched.rows.length > 0) {
      for (let start = 0; start < fetched.rows.length; start += ARTICLE_INSERT_CHUNK_ROWS) {
        const chunk = fetched.rows.slice(start, start + ARTICLE_INSERT_CHUNK_ROWS);
        const result = await tx`
          insert into articles ${tx(chunk, "brand_id", "feed_id", "dedupe_key", "canonical_link", "title", "link", "summary", "author", "published_at", "image_url")}
          on conflict do nothing
          returning id`;
        inserted += result.length;
      }
    }
    if (fetched === "not_modified") {
      await tx`
        update feeds set last_fetched_at = now(), last_success_at = now(), next_fetch_at = now(),
                         consecutive_failures = 0, last_error = null, failure_notified_at = null
         where id = ${feed.id}`;
    } else {
      await tx`
        update feeds set last_fetched_at = now(), last_success_at = now(), next_fetch_at = now(),
                         consecutive_failures = 0, last_error = null, failure_notified_at = null,
                         etag = ${fetched.etag ?? null}, last_modified = ${fetched.lastModified ?? null},
                         title = case when title = '' then ${fetched.title ?? ""} else title end
         where id = ${feed.id}`;
    }
    return inserted;
  });
}

/**
 * Records a failed fetch with its reason (as a coded problem, so each reader sees it in their language) and the
 * time of the next try. When the failure streak reaches the notification threshold, the owner is told once
 * (until the feed recovers), in their language, in the same transaction.
 */
export async function recordFeedFailure(
  sql: Sql,
  feed: DueFeed,
  failure: { problem: FeedProblem; nextFetchAt: Date; notifyOwner: boolean },
): Promise<void> {
  await sql.begin(async (tx) => {
    const [updated] = await tx<
      { consecutive_failures: number; notify: boolean; chat_id: number; brand_name: string }[]
    >`
      update feeds f
         set last_fetched_at = now(), last_error = ${storeFeedProblem(failure.problem)}, last_error_at = now(),
             consecutive_failures = f.consecutive_failures + 1, next_fetch_at = ${failure.nextFetchAt},
             failure_notified_at = case when ${failure.notifyOwner} and f.failure_notified_at is null
                                        then now() else f.failure_notified_at end
        from brands b join owners o on o.id = b.owner_id
       where f.id = ${feed.id} and b.id = f.brand_id
      -- RETURNING sees the new row; now() is fixed for the transaction, so equality means "set just now".
      returning f.consecutive_failures,
                (${failure.notifyOwner} and f.failure_notified_at = now()) as notify,
                o.telegram_chat_id as chat_id, b.name as brand_name`;
    if (updated?.notify) {
      const texts = await loadBrandOwnerTexts(tx, feed.brand_id);
      await enqueueText(tx, updated.chat_id, {
        text: texts.t("feed-failure-notice", {
          brand: updated.brand_name,
          feed: shortenText(feed.title || feed.url, 150),
          count: updated.consecutive_failures,
          reason: describeFeedProblem(failure.problem, texts),
        }),
        link_preview_options: { is_disabled: true },
      });
    }
  });
}

/** Articles older than the retention period that never became a draft are deleted. */
export async function purgeStaleArticles(sql: Sql, retentionDays: number): Promise<number> {
  const rows = await sql`
    delete from articles a
     where a.status in ('new', 'scored', 'skipped')
       and a.created_at < now() - make_interval(days => ${retentionDays})
       and not exists (select 1 from drafts d where d.article_id = a.id)
    returning a.id`;
  return rows.length;
}
