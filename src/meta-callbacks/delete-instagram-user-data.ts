import { keepMonthToDateSpend } from "../budget/kept-spend.ts";
import type { Sql } from "../database/connect.ts";
import { deleteCommentsOf } from "../comments/delete-comments.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import type { Services } from "../services.ts";
import { queueMediaDeletions, removeQueuedMedia, stillQueued } from "../storage/media-deletions.ts";
import { pendingDeletionRequests } from "./deletion-requests.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { dataDeletedNotice } from "./owner-notices.ts";

export const META_DELETIONS_JOB = "meta-deletions";

/**
 * The "meta-deletions" job: carries out every pending data-deletion request. The HTTP callback only records
 * the request and answers (Meta expects a quick answer), then starts this job without waiting; the schedule
 * picks up anything a crash or a busy run left behind.
 *
 * A request that fails stays pending and is retried on the next run; each request is attempted at most once
 * per run, so one that keeps failing cannot stall the others.
 */
export async function processDeletionRequests(
  services: Pick<Services, "sql" | "media" | "logger">,
): Promise<number> {
  const attempted = new Set<string>();
  let completed = 0;
  for (;;) {
    const batch = (await pendingDeletionRequests(services.sql, 20)).filter(
      (request) => !attempted.has(request.confirmationCode),
    );
    if (batch.length === 0) return completed;
    for (const request of batch) {
      attempted.add(request.confirmationCode);
      try {
        if (await deleteInstagramUserData(services, request)) completed++;
      } catch (error) {
        services.logger.error(
          { err: error, confirmationCode: request.confirmationCode },
          "data deletion request failed; retrying next run",
        );
      }
    }
  }
}

/**
 * Deletes everything held for one Instagram user: each brand account connected to it (with the token), and
 * those brands' drafts and posts, their images, articles, AI usage records, comments received and open OAuth
 * links. The owner and the brand's settings stay: they are the business owner's, not the Instagram user's; so
 * does the month's AI spend, as anonymous totals (kept-spend.ts), so the brand's budget cap holds for the rest
 * of the month. Then marks the
 * request completed and tells each owner, in the same transaction as the deletion.
 *
 * The images known beforehand are removed before the rows; one the store refuses keeps the request pending
 * (and stays queued for the media-deletions job). The transaction locks the brands first, so no drafting run
 * adds a draft to them meanwhile; an image that still changed in between (a 🖼 New image landing) is queued
 * in the deletion's transaction and removed right after it, so it can outlive "completed" by moments, or by
 * the job's retries if the store is down then.
 *
 * @returns false when another worker holds or has finished the request.
 */
export async function deleteInstagramUserData(
  services: Pick<Services, "sql" | "media" | "logger">,
  request: { confirmationCode: string; metaUserId: string },
): Promise<boolean> {
  const { sql, logger } = services;
  const { confirmationCode, metaUserId } = request;

  const earlyKeys = await imageKeysFor(sql, metaUserId);
  await queueMediaDeletions(sql, earlyKeys);
  await removeQueuedMedia(services, earlyKeys);
  // Whoever removed them (this call, or the media-deletions job on another instance), they must be gone.
  const left = await stillQueued(sql, earlyKeys);
  if (left > 0) throw new Error(`${left} of the user's images could not be removed yet`);

  const outcome = await sql.begin(async (tx) => {
    const [claimed] = await tx`
      select 1 from deletion_requests
       where confirmation_code = ${confirmationCode} and status = 'pending'
       for update skip locked`;
    if (!claimed) return undefined;

    // The brands first, as a brand deletion locks them: drafting (which key-share-locks a brand before
    // touching its articles and drafts) then waits rather than adding a draft behind this deletion.
    await tx`
      select 1 from brands b join instagram_accounts ia on ia.brand_id = b.id
       where ia.instagram_user_id = ${metaUserId} or ia.app_scoped_user_id = ${metaUserId}
       for update of b`;
    const accounts = await tx<
      { brandId: number; brandName: string; username: string; chatId: number; instagramUserId: string }[]
    >`
      delete from instagram_accounts ia
       using brands b, owners o
       where b.id = ia.brand_id and o.id = b.owner_id
         and (ia.instagram_user_id = ${metaUserId} or ia.app_scoped_user_id = ${metaUserId})
      returning ia.brand_id as "brandId", b.name as "brandName", ia.username, o.telegram_chat_id as "chatId",
                ia.instagram_user_id as "instagramUserId"`;
    const brandIds = accounts.map((account) => account.brandId);
    // Comments on the brands' posts name their commenters: they go, with their cards and any notification
    // about the accounts not processed yet.
    await deleteCommentsOf(tx, {
      brandIds,
      instagramUserIds: accounts.map((account) => account.instagramUserId),
    });

    // ai_usage first: deleting drafts first would set each usage row's draft_id to null, only to delete it. The
    // month's spend is kept first as anonymous totals, so the brand's budget cap still holds this month.
    await keepMonthToDateSpend(tx, brandIds);
    await tx`delete from ai_usage where brand_id = any(${brandIds}::bigint[])`;
    const drafts = await tx<{ brandId: number; imageKey: string | null }[]>`
      delete from drafts where brand_id = any(${brandIds}::bigint[])
      returning brand_id as "brandId", image_key as "imageKey"`;
    const articles = await tx<{ brandId: number }[]>`
      delete from articles where brand_id = any(${brandIds}::bigint[]) returning brand_id as "brandId"`;
    await tx`delete from oauth_states where brand_id = any(${brandIds}::bigint[])`;
    // Copies of the posts' captions and headlines, learnt from their performance (insights/performance-lessons).
    await tx`delete from brand_performance_lessons where brand_id = any(${brandIds}::bigint[])`;
    const early = new Set(earlyKeys);
    const lateKeys = await queueMediaDeletions(
      tx,
      drafts.map((draft) => draft.imageKey).filter((key) => key === null || !early.has(key)),
    );
    await tx`
      update deletion_requests set status = 'completed', completed_at = now()
       where confirmation_code = ${confirmationCode}`;

    for (const account of accounts) {
      await enqueueText(
        tx,
        account.chatId,
        dataDeletedNotice(
          {
            brandName: account.brandName,
            username: account.username,
            drafts: drafts.filter((draft) => draft.brandId === account.brandId).length,
            articles: articles.filter((article) => article.brandId === account.brandId).length,
          },
          await loadBrandOwnerTexts(tx, account.brandId),
        ),
      );
    }
    return {
      brands: brandIds.length,
      drafts: drafts.length,
      articles: articles.length,
      lateKeys,
    };
  });
  if (!outcome) return false;

  await removeQueuedMedia(services, outcome.lateKeys);
  logger.info(
    { confirmationCode, brands: outcome.brands, drafts: outcome.drafts, articles: outcome.articles },
    "data deletion request completed",
  );
  return true;
}

async function imageKeysFor(sql: Sql, metaUserId: string): Promise<string[]> {
  const rows = await sql<{ imageKey: string }[]>`
    select d.image_key as "imageKey"
      from drafts d join instagram_accounts ia on ia.brand_id = d.brand_id
     where (ia.instagram_user_id = ${metaUserId} or ia.app_scoped_user_id = ${metaUserId})
       and d.image_key is not null`;
  return rows.map((row) => row.imageKey);
}
