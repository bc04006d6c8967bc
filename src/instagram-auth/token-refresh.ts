import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import type { InstagramClient } from "../instagram/instagram-client.ts";
import { classifyInstagramFailure, describeFailure } from "../publishing/publish-errors.ts";
import type { Services } from "../services.ts";
import { markTokenInvalid, openToken, TokenUnreadableError } from "./access-token.ts";
import { saveRefreshedToken, tokensDueForRefresh } from "./account-queries.ts";
import { pruneOAuthStates } from "./oauth-state-queries.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * Long-lived tokens last 60 days from their last refresh and cannot be refreshed once expired, nor before they
 * are 24 hours old (§A.5). Refreshing when fewer than 15 days remain, on a six-hourly schedule, leaves about
 * 60 attempts to ride out an Instagram outage before a token is lost.
 */
export const REFRESH_WHEN_LESS_THAN_MS = 15 * DAY_MS;
export const MIN_TOKEN_AGE_MS = DAY_MS;

export const EXPIRED_REASON =
  "The Instagram connection expired before Greenlight could renew it. Reconnect Instagram to keep posting.";

export interface RefreshSummary {
  refreshed: number;
  disconnected: number;
  failed: number;
}

/**
 * The "instagram-token-refresh" job. A token Instagram rejects as invalid (code 190) disconnects the brand and
 * sends the owner a Reconnect button; a transient failure is left for the next run; anything else is logged
 * and retried next run too, since the token still works until it expires.
 */
export async function refreshInstagramTokens(deps: {
  services: Services;
  client: InstagramClient | undefined;
}): Promise<RefreshSummary> {
  const { sql, vault, logger, clock } = deps.services;
  const summary: RefreshSummary = { refreshed: 0, disconnected: 0, failed: 0 };
  await pruneOAuthStates(sql);
  if (!deps.client) return summary;

  const now = clock();
  const due = await tokensDueForRefresh(sql, {
    now,
    refreshWithinMs: REFRESH_WHEN_LESS_THAN_MS,
    minAgeMs: MIN_TOKEN_AGE_MS,
  });
  for (const account of due) {
    if (account.expiresAt.getTime() <= now.getTime()) {
      if (await markTokenInvalid(sql, account.brandId, EXPIRED_REASON, "ig-reason-not-renewed"))
        summary.disconnected++;
      continue;
    }
    try {
      const token = openToken(vault, account.tokenCiphertext, account.brandId);
      const fresh = await deps.client.refreshLongLived(token);
      const saved = await saveRefreshedToken(sql, {
        brandId: account.brandId,
        previous: account.tokenCiphertext,
        tokenCiphertext: vault.seal(fresh.accessToken),
        expiresAt: fresh.expiresAt,
      });
      if (saved) summary.refreshed++;
      logger.info(
        { brandId: account.brandId, expiresAt: fresh.expiresAt, saved },
        "instagram token refreshed",
      );
    } catch (error) {
      if (error instanceof TokenUnreadableError) {
        summary.failed++;
        logger.error(
          { brandId: account.brandId, err: { message: error.message } },
          "instagram token unreadable",
        );
        continue;
      }
      if (!(error instanceof InstagramApiError)) throw error;
      const failure = classifyInstagramFailure(error);
      if (failure.kind === "token_invalid") {
        if (await markTokenInvalid(sql, account.brandId, describeFailure(failure), failure.reason.key))
          summary.disconnected++;
        logger.warn({ brandId: account.brandId, err: error }, "instagram token rejected; brand disconnected");
        continue;
      }
      summary.failed++;
      logger[failure.kind === "transient" ? "warn" : "error"](
        { brandId: account.brandId, err: error, expiresAt: account.expiresAt },
        "instagram token refresh failed; retrying next run",
      );
    }
  }
  return summary;
}
