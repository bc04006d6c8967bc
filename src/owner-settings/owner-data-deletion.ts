import type { Sql, Transaction } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import type { MediaStore } from "../storage/media-store.ts";

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
  /** Media keys of the deleted drafts' images, to remove from the media store after the commit. */
  imageKeys: string[];
}

/**
 * Deletes everything stored about an owner, in the caller's transaction: the owner row, which cascades to
 * brands and from there to feeds, articles, drafts, AI usage, Instagram accounts (tokens) and OAuth states;
 * plus what is keyed by their chat rather than their id: conversation state and queued Telegram messages.
 */
export async function deleteOwnerData(
  tx: Transaction,
  owner: { ownerId: number; chatId: number; conversationKey: string },
): Promise<DeletedOwnerData> {
  const [counts] = await tx<OwnerDataSummary[]>`
    select (select count(*) from brands where owner_id = ${owner.ownerId}) as brands,
           (select count(*) from feeds f join brands b on b.id = f.brand_id where b.owner_id = ${owner.ownerId}) as feeds,
           (select count(*) from drafts d join brands b on b.id = d.brand_id where b.owner_id = ${owner.ownerId}) as drafts`;
  const images = await tx<{ image_key: string }[]>`
    select d.image_key from drafts d join brands b on b.id = d.brand_id
     where b.owner_id = ${owner.ownerId} and d.image_key is not null`;
  await tx`delete from bot_conversations where key = ${owner.conversationKey}`;
  await tx`delete from telegram_outbox where chat_id = ${owner.chatId}`;
  await tx`delete from owners where id = ${owner.ownerId}`;
  return { ...counts!, imageKeys: images.map((image) => image.image_key) };
}

/**
 * Removes deleted drafts' images from the media store, after the deletion committed (a rollback must not lose
 * images). One that cannot be removed is logged for the operator and does not stop the rest.
 */
export async function deleteImages(
  deps: { media: MediaStore; logger: Logger },
  keys: string[],
): Promise<void> {
  for (const key of keys) {
    await deps.media.delete(key).catch((error: unknown) => {
      deps.logger.error({ err: error, key }, "could not delete a deleted draft's image; remove it by hand");
    });
  }
}
