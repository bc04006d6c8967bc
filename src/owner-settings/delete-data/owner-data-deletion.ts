import { deleteCommentsOf } from "../../comments/delete-comments.ts";
import type { Sql, Transaction } from "../../database/connect.ts";
import { keepMonthToDateSpend } from "../../budget/kept-spend.ts";
import { queueMediaDeletions } from "../../storage/media-deletions.ts";
import { deleteTeamDataOf } from "../../teams/team-queries.ts";

export interface OwnerDataSummary {
  brands: number;
  feeds: number;
  drafts: number;
}

export async function summariseOwnerData(sql: Sql, ownerId: number): Promise<OwnerDataSummary> {
  const [row] = await sql<OwnerDataSummary[]>`
    select (select count(*) from brands where owner_id = ${ownerId}) as brands,
           (select count(*) from feeds f join brands b on b.id = f.brand_id where b.owner_id = ${ownerId}) as feeds,
           (select count(*) from drafts d join brands b on b.id = d.brand_id where b.owner_id = ${ownerId}) as drafts`;
  return row!;
}

export interface DeletedOwnerData extends OwnerDataSummary {
  /** Media keys of the deleted drafts' images, queued for removal (removeQueuedMedia after the commit). */
  imageKeys: string[];
}

/**
 * Deletes everything stored about an owner, in the caller's transaction: the owner row, which cascades to
 * brands and from there to feeds, articles, drafts, comments received, AI usage, Instagram accounts (tokens)
 * and OAuth states;
 * plus what is keyed by their chat or Telegram id rather than their id: conversation state, queued Telegram
 * messages and the bot's language for them.
 * The drafts' images are queued for removal from the media store in the same transaction. What the brands' AI
 * calls cost this month is kept as anonymous totals (kept-spend.ts).
 */
export async function deleteOwnerData(
  tx: Transaction,
  owner: { ownerId: number; chatId: number; conversationKey: string },
): Promise<DeletedOwnerData> {
  // The brands are locked first, as deleteBrand does: drafting waits for them rather than deadlocking, and
  // adds no draft once they are gone.
  const brands = await tx<
    { id: number }[]
  >`select id from brands where owner_id = ${owner.ownerId} for update`;
  // The month's AI spend outlives the brands as anonymous totals (kept-spend.ts): no owner, brand or draft.
  await keepMonthToDateSpend(
    tx,
    brands.map((brand) => brand.id),
  );
  const [counts] = await tx<OwnerDataSummary[]>`
    select (select count(*) from brands where owner_id = ${owner.ownerId}) as brands,
           (select count(*) from feeds f join brands b on b.id = f.brand_id where b.owner_id = ${owner.ownerId}) as feeds,
           (select count(*) from drafts d join brands b on b.id = d.brand_id where b.owner_id = ${owner.ownerId}) as drafts`;
  // Deleted ahead of the cascade, returning their images as they are at the delete (see deleteBrand).
  const images = await tx<{ image_key: string | null }[]>`
    delete from drafts d using brands b
     where b.id = d.brand_id and b.owner_id = ${owner.ownerId}
    returning d.image_key`;
  const accounts = await tx<{ instagramUserId: string }[]>`
    select ia.instagram_user_id as "instagramUserId"
      from instagram_accounts ia join brands b on b.id = ia.brand_id
     where b.owner_id = ${owner.ownerId}`;
  await deleteCommentsOf(tx, {
    brandIds: brands.map((brand) => brand.id),
    instagramUserIds: accounts.map((account) => account.instagramUserId),
  });
  await tx`delete from bot_conversations where key = ${owner.conversationKey}`;
  await tx`delete from telegram_outbox where chat_id = ${owner.chatId}`;
  await deleteTeamDataOf(tx, owner.ownerId);
  await tx`
    delete from telegram_user_languages
     where telegram_user_id = (select telegram_user_id from owners where id = ${owner.ownerId})`;
  await tx`delete from owners where id = ${owner.ownerId}`;
  const imageKeys = await queueMediaDeletions(
    tx,
    images.map((image) => image.image_key),
  );
  return { ...counts!, imageKeys };
}
