import type { Sql, Transaction } from "../database/connect.ts";
import { OAUTH_STATE_TTL_MINUTES } from "./oauth-state.ts";

/** Who a state was issued to, and where to tell them how the connection went. */
export interface OAuthStateOwner {
  ownerId: number;
  brandId: number;
  brandName: string;
  /** How many brands the owner has: a notice names the brand only when there are several. */
  brandCount: number;
  chatId: number;
}

export type ConsumedOAuthState =
  | ({ ok: true } & OAuthStateOwner)
  /** `unknown`: never issued (forged, mistyped, or its brand was deleted); nobody to tell. */
  | { ok: false; problem: "unknown" }
  | ({ ok: false; problem: "expired" | "used" } & OAuthStateOwner);

export async function insertOAuthState(
  sql: Sql | Transaction,
  state: { hash: string; ownerId: number; brandId: number },
): Promise<void> {
  await sql`
    insert into oauth_states (state_hash, owner_id, brand_id, expires_at)
    values (${state.hash}, ${state.ownerId}, ${state.brandId},
            now() + make_interval(mins => ${OAUTH_STATE_TTL_MINUTES}))`;
}

/** True while the state may still start a login: issued, not used, not expired. Does not use it up. */
export async function isOAuthStateUsable(sql: Sql, hash: string): Promise<boolean> {
  const rows = await sql`
    select 1 from oauth_states where state_hash = ${hash} and used_at is null and expires_at > now()`;
  return rows.length > 0;
}

/**
 * Uses a state up. The guarded UPDATE is the whole check: of two callbacks racing with the same state (a
 * double-loaded page, a replayed URL) exactly one gets the row back; the other, and any later one, is told
 * why not. The brand must still belong to the owner the state was issued to.
 */
export async function consumeOAuthState(sql: Sql | Transaction, hash: string): Promise<ConsumedOAuthState> {
  const [consumed] = await sql<OAuthStateOwner[]>`
    update oauth_states s
       set used_at = now()
      from brands b join owners o on o.id = b.owner_id
     where s.state_hash = ${hash} and s.used_at is null and s.expires_at > now()
       and b.id = s.brand_id and b.owner_id = s.owner_id
    returning s.owner_id as "ownerId", s.brand_id as "brandId", b.name as "brandName",
              o.telegram_chat_id as "chatId", (select count(*)::int from brands ob where ob.owner_id = b.owner_id) as "brandCount"`;
  if (consumed) return { ok: true, ...consumed };

  const [seen] = await sql<(OAuthStateOwner & { used: boolean })[]>`
    select s.owner_id as "ownerId", s.brand_id as "brandId", b.name as "brandName",
           o.telegram_chat_id as "chatId", s.used_at is not null as used, (select count(*)::int from brands ob where ob.owner_id = b.owner_id) as "brandCount"
      from oauth_states s join brands b on b.id = s.brand_id join owners o on o.id = b.owner_id
     where s.state_hash = ${hash} and b.owner_id = s.owner_id`;
  if (!seen) return { ok: false, problem: "unknown" };
  const { used, ...owner } = seen;
  return { ok: false, problem: used ? "used" : "expired", ...owner };
}

/** A brand's links that were never used; /disconnect voids them so an old link cannot reconnect the brand. */
export async function deleteUnusedOAuthStates(sql: Sql | Transaction, brandId: number): Promise<void> {
  await sql`delete from oauth_states where brand_id = ${brandId} and used_at is null`;
}

/**
 * Old states are kept for a day after they expire, so a late or replayed callback can still be told apart from
 * a forged one ("already used" rather than "not valid"), then removed.
 */
export async function pruneOAuthStates(sql: Sql): Promise<number> {
  const rows = await sql`delete from oauth_states where expires_at < now() - interval '1 day' returning 1`;
  return rows.length;
}
