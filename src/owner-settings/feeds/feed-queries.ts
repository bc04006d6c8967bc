import type { Sql, Transaction } from "../../database/connect.ts";

export interface FeedHealth {
  id: number;
  url: string;
  title: string;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  consecutive_failures: number;
}

/** A brand with more feeds than this is a typo or a runaway script; the list must also fit one message. */
export const MAX_FEEDS_PER_BRAND = 50;

export async function listFeeds(sql: Sql, brandId: number): Promise<FeedHealth[]> {
  return sql<FeedHealth[]>`
    select id, url, title, last_success_at, last_error, last_error_at, consecutive_failures
      from feeds where brand_id = ${brandId} order by id`;
}

export async function feedExists(sql: Sql, brandId: number, url: string): Promise<boolean> {
  const rows = await sql`select 1 from feeds where brand_id = ${brandId} and url = ${url}`;
  return rows.length > 0;
}

export async function countFeeds(sql: Sql, brandId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*) as n from feeds where brand_id = ${brandId}`;
  return row!.n;
}

/** Adds a feed; false when the brand already has it (the unique key decides, so two taps add it once). */
export async function addFeed(
  tx: Transaction,
  brandId: number,
  url: string,
  title: string,
): Promise<boolean> {
  const rows = await tx`
    insert into feeds (brand_id, url, title) values (${brandId}, ${url}, ${title})
    on conflict (brand_id, url) do nothing
    returning id`;
  return rows.length > 0;
}

/** Removes one of the owner's feeds; returns what was removed, or null when it was already gone. */
export async function removeFeed(
  tx: Transaction,
  ownerId: number,
  feedId: number,
): Promise<{ brand_id: number; title: string; url: string } | null> {
  const [row] = await tx<{ brand_id: number; title: string; url: string }[]>`
    delete from feeds f using brands b
     where f.id = ${feedId} and b.id = f.brand_id and b.owner_id = ${ownerId}
    returning f.brand_id, f.title, f.url`;
  return row ?? null;
}
