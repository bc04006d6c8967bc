import type { Sql, Transaction } from "../database/connect.ts";

/**
 * instagram_accounts: one row per brand, holding the token only as secretbox ciphertext. "Disconnected" always
 * means the ciphertext is gone (set to null), never merely flagged; the ids stay so a later Meta callback for
 * the same Instagram user still finds the brand.
 */

export interface ConnectedAccount {
  brandId: number;
  /** The professional-account id (`user_id` from /me): the <IG_ID> the publisher posts to. */
  igUserId: string;
  /** The app-scoped id Meta's signed callbacks name the user by; null when Instagram did not report one. */
  appScopedId: string | null;
  username: string;
  tokenCiphertext: Uint8Array;
  expiresAt: Date;
  /** The permissions the owner allowed, as Instagram reported them. */
  grantedScopes: readonly string[];
}

/** Connects (or reconnects) a brand; a new account replaces the old one and its token. */
export async function saveConnectedAccount(tx: Transaction, account: ConnectedAccount): Promise<void> {
  await tx`
    insert into instagram_accounts (brand_id, instagram_user_id, app_scoped_user_id, username, token_ciphertext,
                                    token_expires_at, token_refreshed_at, status, disconnect_reason, connected_at,
                                    granted_scopes)
    values (${account.brandId}, ${account.igUserId}, ${account.appScopedId}, ${account.username},
            ${Buffer.from(account.tokenCiphertext)}, ${account.expiresAt}, now(), 'connected', null, now(),
            ${account.grantedScopes as string[]})
    on conflict (brand_id) do update
       set instagram_user_id = excluded.instagram_user_id,
           app_scoped_user_id = excluded.app_scoped_user_id,
           username = excluded.username,
           token_ciphertext = excluded.token_ciphertext,
           token_expires_at = excluded.token_expires_at,
           token_refreshed_at = excluded.token_refreshed_at,
           status = 'connected',
           disconnect_reason = null,
           connected_at = excluded.connected_at,
           granted_scopes = excluded.granted_scopes,
           -- What Meta said about the calls of the account before holds for it still, not for another one.
           calls_paused_until = case when instagram_accounts.instagram_user_id = excluded.instagram_user_id
                                     then instagram_accounts.calls_paused_until end`;
}

export interface StoredToken {
  igUserId: string;
  username: string;
  tokenCiphertext: Buffer;
  expiresAt: Date | null;
}

export async function findConnectedToken(
  sql: Sql | Transaction,
  brandId: number,
): Promise<StoredToken | undefined> {
  const [row] = await sql<StoredToken[]>`
    select instagram_user_id as "igUserId", username, token_ciphertext as "tokenCiphertext",
           token_expires_at as "expiresAt"
      from instagram_accounts
     where brand_id = ${brandId} and status = 'connected' and token_ciphertext is not null`;
  return row;
}

export async function findAccountUsername(sql: Sql, brandId: number): Promise<string | undefined> {
  const [row] = await sql<{ username: string }[]>`
    select username from instagram_accounts
     where brand_id = ${brandId} and status = 'connected' and token_ciphertext is not null`;
  return row?.username;
}

export interface DisconnectedAccount {
  brandId: number;
  brandName: string;
  /** How many brands the owner has: the notice names the brand only when there are several. */
  brandCount: number;
  username: string;
  chatId: number;
  connectedAt: Date;
}

/** Which accounts to disconnect: one brand's, or every brand connected to the Instagram user Meta names. */
export type AccountSelector = { brandId: number } | { metaUserId: string };

/**
 * Deletes the token (ciphertext set to null) and marks the account disconnected, keeping the reason. Returns
 * only the accounts this call disconnected, so a repeat (a replayed callback, two failing publishes) does not
 * notify twice.
 */
export async function disconnectAccounts(
  tx: Transaction,
  selector: AccountSelector,
  reason: string,
): Promise<DisconnectedAccount[]> {
  const which =
    "brandId" in selector
      ? tx`ia.brand_id = ${selector.brandId}`
      : tx`(ia.instagram_user_id = ${selector.metaUserId} or ia.app_scoped_user_id = ${selector.metaUserId})`;
  return tx<DisconnectedAccount[]>`
    update instagram_accounts ia
       set token_ciphertext = null, status = 'disconnected', disconnect_reason = ${reason}
      from brands b join owners o on o.id = b.owner_id
     where b.id = ia.brand_id and ${which}
       and (ia.status = 'connected' or ia.token_ciphertext is not null)
    returning ia.brand_id as "brandId", b.name as "brandName", ia.username, o.telegram_chat_id as "chatId",
              ia.connected_at as "connectedAt", (select count(*)::int from brands ob where ob.owner_id = b.owner_id) as "brandCount"`;
}

export interface RefreshCandidate {
  brandId: number;
  username: string;
  tokenCiphertext: Buffer;
  expiresAt: Date;
}

/**
 * Connected tokens that expire within `refreshWithinMs` and are old enough to refresh (Instagram refuses
 * tokens younger than 24 hours, §A.5). Soonest expiry first. Tokens without a known expiry are left alone:
 * every token Greenlight stores has one.
 */
export async function tokensDueForRefresh(
  sql: Sql,
  input: { now: Date; refreshWithinMs: number; minAgeMs: number },
): Promise<RefreshCandidate[]> {
  const expiringBefore = new Date(input.now.getTime() + input.refreshWithinMs);
  const issuedBefore = new Date(input.now.getTime() - input.minAgeMs);
  return sql<RefreshCandidate[]>`
    select brand_id as "brandId", username, token_ciphertext as "tokenCiphertext", token_expires_at as "expiresAt"
      from instagram_accounts
     where status = 'connected' and token_ciphertext is not null
       and token_expires_at < ${expiringBefore}
       and coalesce(token_refreshed_at, connected_at) < ${issuedBefore}
       and (calls_paused_until is null or calls_paused_until <= ${input.now})
     order by token_expires_at`;
}

/**
 * Stores a refreshed token, but only over the token it was refreshed from: when the owner reconnected or
 * disconnected meanwhile, their newer choice wins and the refreshed token is dropped.
 */
export async function saveRefreshedToken(
  sql: Sql,
  input: { brandId: number; previous: Buffer; tokenCiphertext: Uint8Array; expiresAt: Date },
): Promise<boolean> {
  const rows = await sql`
    update instagram_accounts
       set token_ciphertext = ${Buffer.from(input.tokenCiphertext)}, token_expires_at = ${input.expiresAt},
           token_refreshed_at = now()
     where brand_id = ${input.brandId} and status = 'connected' and token_ciphertext = ${input.previous}
    returning 1`;
  return rows.length > 0;
}
