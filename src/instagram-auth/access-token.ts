import type { Sql, Transaction } from "../database/connect.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import type { Services } from "../services.ts";
import {
  type AccountSelector,
  type DisconnectedAccount,
  disconnectAccounts,
  findConnectedToken,
} from "./account-queries.ts";
import { reconnectNotice } from "./owner-notices.ts";

/**
 * The contract the publisher relies on: how to get a brand's token, and what to do when Instagram says the
 * token is dead (code 190, `classifyInstagramFailure(...).kind === "token_invalid"`).
 */

export interface AccessToken {
  /** The professional-account id: the <IG_ID> in /<IG_ID>/media and /<IG_ID>/media_publish. */
  igUserId: string;
  /** Plaintext, decrypted just now. Pass it to the Instagram client only: never log it, store it or show it. */
  token: string;
  username: string;
  expiresAt: Date | null;
}

/** The stored token cannot be decrypted: ENCRYPTION_KEY changed, or the row was tampered with. */
export class TokenUnreadableError extends Error {
  override readonly name = "TokenUnreadableError";

  constructor(readonly brandId: number) {
    super(
      `The Instagram token stored for brand ${brandId} cannot be decrypted. Was ENCRYPTION_KEY changed? ` +
        "Restore the old key, or have the owner /connect again.",
    );
  }
}

/**
 * The brand's Instagram account and token, or undefined when it is not connected (never connected,
 * disconnected, or its token was deleted). Publishing waits in that case; the owner has already been told.
 *
 * @throws TokenUnreadableError when the ciphertext does not open with the current key.
 */
export async function loadAccessToken(
  services: Pick<Services, "sql" | "vault">,
  brandId: number,
): Promise<AccessToken | undefined> {
  const stored = await findConnectedToken(services.sql, brandId);
  if (!stored) return undefined;
  return {
    igUserId: stored.igUserId,
    token: openToken(services.vault, stored.tokenCiphertext, brandId),
    username: stored.username,
    expiresAt: stored.expiresAt,
  };
}

export function openToken(vault: Services["vault"], ciphertext: Uint8Array, brandId: number): string {
  try {
    return vault.open(ciphertext);
  } catch {
    throw new TokenUnreadableError(brandId);
  }
}

/**
 * Instagram refused the brand's token for good: deletes it, marks the account disconnected with `reason` (plain
 * English words, e.g. the classifier's reason written out) and queues a message with a Reconnect button, in one
 * transaction. Safe to call repeatedly and from several workers: only the call that disconnects notifies.
 * Pass a transaction to make it part of yours.
 *
 * @returns true when this call disconnected the brand.
 */
export async function markTokenInvalid(
  sql: Sql | Transaction,
  brandId: number,
  reason: string,
  reasonKey?: string,
): Promise<boolean> {
  const disconnected = await disconnectAndNotify(sql, { brandId }, reason, reasonKey);
  return disconnected.length > 0;
}

/**
 * Disconnects the selected accounts and tells each owner, in the caller's transaction or a new one. `reason` is
 * stored (the operator reads it); `reasonKey`, the same words in notices.ftl, tells each owner in their language.
 */
export async function disconnectAndNotify(
  sql: Sql | Transaction,
  selector: AccountSelector,
  reason: string,
  reasonKey?: string,
): Promise<DisconnectedAccount[]> {
  const work = async (tx: Transaction) => {
    const accounts = await disconnectAccounts(tx, selector, reason);
    for (const account of accounts) {
      await enqueueText(
        tx,
        account.chatId,
        reconnectNotice({ ...account, reason, reasonKey }, await loadBrandOwnerTexts(tx, account.brandId)),
        `ig-disconnected:${account.brandId}:${account.connectedAt.getTime()}`,
      );
    }
    return accounts;
  };
  return "savepoint" in sql ? work(sql) : (sql.begin(work) as Promise<DisconnectedAccount[]>);
}
