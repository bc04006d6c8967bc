import { keepMonthToDateSpend } from "../../budget/kept-spend.ts";
import { deleteCommentsOf } from "../../comments/delete-comments.ts";
import type { Sql, Transaction } from "../../database/connect.ts";
import type { FirstCommentMode, FirstCommentSetting } from "../../publishing/first-comment.ts";
import type { Parsed, PostingSlot } from "../../publishing/posting-slots.ts";
import { PUBLISH_LEASE_MS } from "../../publishing/publish-retry-policy.ts";
import { queueMediaDeletions } from "../../storage/media-deletions.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { parseBrandName } from "./settings-input.ts";

/** A brand's settings as the owner commands read and change them. */
export interface BrandSettings {
  id: number;
  owner_id: number;
  name: string;
  topic: string;
  voice: string;
  default_hashtags: string[];
  language: string;
  audience: string;
  banned_terms: string[];
  visual_style: string;
  time_zone: string;
  posting_slots: PostingSlot[];
  monthly_budget_usd: number;
  paused: boolean;
  first_comment_mode: FirstCommentMode;
  first_comment_text: string | null;
}

/** The brand a command acts on, and how many brands the owner has (replies name the brand when more than one). */
export interface BrandScope {
  brand: BrandSettings;
  brandCount: number;
}

export interface BrandListItem {
  id: number;
  name: string;
  paused: boolean;
  selected: boolean;
}

/** Registers an allowed Telegram user; returns the owner id, the existing one when already registered. */
export async function registerOwner(
  tx: Transaction,
  owner: { telegramUserId: number; chatId: number; displayName: string },
): Promise<number> {
  const [row] = await tx<{ id: number }[]>`
    insert into owners (telegram_user_id, telegram_chat_id, display_name)
    values (${owner.telegramUserId}, ${owner.chatId}, ${owner.displayName})
    on conflict (telegram_user_id) do update set telegram_chat_id = excluded.telegram_chat_id
    returning id`;
  return row!.id;
}

/**
 * The owner's selected brand, or the one named by `brandId` (buttons carry the brand they were shown for, so an
 * old message keeps acting on its own brand after a switch). An owner without a selection gets their first
 * brand, and it becomes the selection. Null when there is no such brand of theirs.
 */
export async function loadBrandScope(
  sql: Sql,
  ownerId: number,
  brandId?: number,
): Promise<BrandScope | null> {
  const [row] = await sql<(BrandSettings & { brand_count: number; is_selected: boolean })[]>`
    select b.id, b.owner_id, b.name, b.topic, b.voice, b.default_hashtags, b.language, b.audience, b.banned_terms,
           b.visual_style, b.time_zone, b.posting_slots,
           b.monthly_budget_usd, b.paused, b.first_comment_mode, b.first_comment_text,
           (select count(*) from brands where owner_id = ${ownerId}) as brand_count,
           coalesce(o.selected_brand_id = b.id, false) as is_selected
      from brands b join owners o on o.id = b.owner_id
     where b.owner_id = ${ownerId} ${brandId === undefined ? sql`` : sql`and b.id = ${brandId}`}
     order by (b.id = o.selected_brand_id) desc nulls last, b.id
     limit 1`;
  if (!row) return null;
  if (brandId === undefined && !row.is_selected) {
    await sql`update owners set selected_brand_id = ${row.id} where id = ${ownerId} and selected_brand_id is null`;
  }
  const { brand_count, is_selected: _selected, ...brand } = row;
  return { brand, brandCount: brand_count };
}

export async function listBrands(sql: Sql, ownerId: number): Promise<BrandListItem[]> {
  return sql<BrandListItem[]>`
    select b.id, b.name, b.paused, coalesce(o.selected_brand_id = b.id, false) as selected
      from brands b join owners o on o.id = b.owner_id
     where b.owner_id = ${ownerId}
     order by b.id`;
}

/** Makes one of the owner's brands the selected one; returns its name, or null when it is not theirs. */
export async function selectBrand(sql: Sql, ownerId: number, brandId: number): Promise<string | null> {
  const [row] = await sql<{ name: string }[]>`
    update owners o set selected_brand_id = b.id
      from brands b
     where o.id = ${ownerId} and b.id = ${brandId} and b.owner_id = o.id
    returning b.name`;
  return row?.name ?? null;
}

/** "My brand", or "My brand 2", "My brand 3"… when the owner already has one by that name. */
export async function unusedDefaultBrandName(sql: Sql, ownerId: number): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? "My brand" : `My brand ${n}`;
    if (!(await brandNameTaken(sql, ownerId, name))) return name;
  }
}

/** Whether another of the owner's brands (not `exceptBrandId`) already has this name, ignoring case. */
export async function brandNameTaken(
  sql: Sql | Transaction,
  ownerId: number,
  name: string,
  exceptBrandId?: number,
): Promise<boolean> {
  const rows = await sql`
    select 1 from brands
     where owner_id = ${ownerId} and lower(name) = lower(${name})
       ${exceptBrandId === undefined ? sql`` : sql`and id <> ${exceptBrandId}`}
     limit 1`;
  return rows.length > 0;
}

/**
 * The owner's typed brand name, checked: not empty, not too long, and not the name of another of their brands
 * (`exceptBrandId` is the brand being renamed, which may keep its own name in another case).
 */
export async function checkBrandName(
  sql: Sql | Transaction,
  ownerId: number,
  text: string,
  exceptBrandId?: number,
  texts: Texts = englishTexts(),
): Promise<Parsed<string>> {
  const parsed = parseBrandName(text, texts);
  if (parsed.ok && (await brandNameTaken(sql, ownerId, parsed.value, exceptBrandId))) {
    return { ok: false, error: texts.t("brand-name-taken", { name: parsed.value }) };
  }
  return parsed;
}

export async function renameBrand(tx: Transaction, brandId: number, name: string): Promise<boolean> {
  const rows = await tx`update brands set name = ${name} where id = ${brandId} returning id`;
  return rows.length > 0;
}

/** What deleting a brand takes with it, for the question that asks the owner to confirm. */
export interface BrandContents {
  feeds: number;
  /** Every draft and post the brand has, whatever its state. */
  drafts: number;
  /** Drafts awaiting the owner's review. */
  awaitingReview: number;
  /** Approved posts waiting for their slot: they will not go out. */
  scheduled: number;
  /** Whether an Instagram account is connected (its tokens go too). */
  instagramConnected: boolean;
}

export async function summariseBrand(sql: Sql | Transaction, brandId: number): Promise<BrandContents> {
  const [row] = await sql<BrandContents[]>`
    select (select count(*)::int from feeds where brand_id = ${brandId}) as feeds,
           (select count(*)::int from drafts where brand_id = ${brandId}) as drafts,
           (select count(*)::int from drafts where brand_id = ${brandId} and status = 'pending_review') as "awaitingReview",
           (select count(*)::int from drafts where brand_id = ${brandId} and status = 'approved') as scheduled,
           exists (select from instagram_accounts where brand_id = ${brandId}) as "instagramConnected"`;
  return row!;
}

export type BrandDeletion =
  | { kind: "deleted"; name: string; contents: BrandContents; imageKeys: string[] }
  /** A post of the brand is going out to Instagram right now; deleting under it would lose track of it. */
  | { kind: "publishing" }
  | { kind: "gone" };

/**
 * Deletes one of the owner's brands in the caller's transaction. The brand row cascades to its feeds and their
 * articles, drafts and scheduled posts, AI usage, Instagram account (tokens) and OAuth states. When it was the
 * selected brand, the owner's first remaining brand becomes the selected one. The drafts' images are queued
 * for removal from the media store (removeQueuedMedia after the commit).
 *
 * The brand row is locked first: the publisher key-share-locks the brand of each post it claims, skipping
 * locked ones, so no post of this brand starts going out meanwhile, and one that already has is seen here and
 * the deletion refused.
 */
export async function deleteBrand(tx: Transaction, ownerId: number, brandId: number): Promise<BrandDeletion> {
  const [brand] = await tx<{ name: string }[]>`
    select name from brands where id = ${brandId} and owner_id = ${ownerId} for update`;
  if (!brand) return { kind: "gone" };
  // A worker holding a post renews its lease at every step, so a post it touched within one lease is going
  // out now. One left 'publishing' to wait for a retry (paused brand, lost connection) does not hold this up.
  const [publishing] = await tx`
    select 1 from drafts
     where brand_id = ${brandId} and status = 'publishing'
       and updated_at > now() - make_interval(secs => ${PUBLISH_LEASE_MS / 1000})
     limit 1`;
  if (publishing) return { kind: "publishing" };
  const contents = await summariseBrand(tx, brandId);
  // The drafts go first, returning their images as they are at the delete: a new image stored meanwhile by a
  // regeneration (which holds no brand lock) is the one queued, not the one it replaced.
  const images = await tx<{ image_key: string | null }[]>`
    delete from drafts where brand_id = ${brandId} returning image_key`;
  await keepMonthToDateSpend(tx, [brandId]);
  const accounts = await tx<{ instagramUserId: string }[]>`
    select instagram_user_id as "instagramUserId" from instagram_accounts where brand_id = ${brandId}`;
  await deleteCommentsOf(tx, {
    brandIds: [brandId],
    instagramUserIds: accounts.map((account) => account.instagramUserId),
  });
  await tx`delete from brands where id = ${brandId}`;
  await tx`
    update owners set selected_brand_id = (select min(id) from brands where owner_id = ${ownerId})
     where id = ${ownerId} and selected_brand_id is null`;
  const imageKeys = await queueMediaDeletions(
    tx,
    images.map((image) => image.image_key),
  );
  return { kind: "deleted", name: brand.name, contents, imageKeys };
}

export interface NewBrand {
  ownerId: number;
  name: string;
  topic: string;
  voice: string;
  timeZone: string;
  /** A tag from parseBrandLanguage; the schema's default (en) when not given. */
  language?: string;
  feed?: { url: string; title: string };
}

/**
 * Creates a brand (and its first feed) and selects it, in the caller's transaction. Returns the settings the
 * schema's defaults gave it.
 */
export async function createBrand(
  tx: Transaction,
  brand: NewBrand,
): Promise<{ id: number; posting_slots: PostingSlot[]; monthly_budget_usd: number }> {
  const [row] = await tx<{ id: number; posting_slots: PostingSlot[]; monthly_budget_usd: number }[]>`
    insert into brands (owner_id, name, topic, voice, time_zone, language)
    values (${brand.ownerId}, ${brand.name}, ${brand.topic}, ${brand.voice}, ${brand.timeZone},
            ${brand.language ?? "en"})
    returning id, posting_slots, monthly_budget_usd`;
  const brandId = row!.id;
  if (brand.feed) {
    await tx`insert into feeds (brand_id, url, title) values (${brandId}, ${brand.feed.url}, ${brand.feed.title})`;
  }
  await tx`update owners set selected_brand_id = ${brandId} where id = ${brand.ownerId}`;
  return row!;
}

export async function setTopic(tx: Transaction, brandId: number, topic: string): Promise<boolean> {
  const rows = await tx`update brands set topic = ${topic} where id = ${brandId} returning id`;
  return rows.length > 0;
}

export async function setVoice(tx: Transaction, brandId: number, voice: string): Promise<boolean> {
  const rows = await tx`update brands set voice = ${voice} where id = ${brandId} returning id`;
  return rows.length > 0;
}

export async function setHashtags(tx: Transaction, brandId: number, hashtags: string[]): Promise<boolean> {
  const rows =
    await tx`update brands set default_hashtags = ${hashtags}::text[] where id = ${brandId} returning id`;
  return rows.length > 0;
}

/** The brand's first comment; the owner's line is kept when switching to hashtags or off, for switching back. */
export async function setFirstComment(
  tx: Transaction,
  brandId: number,
  setting: FirstCommentSetting,
): Promise<boolean> {
  const rows = await tx`
    update brands
       set first_comment_mode = ${setting.mode},
           first_comment_text = coalesce(${setting.text}, first_comment_text)
     where id = ${brandId}
    returning id`;
  return rows.length > 0;
}

export async function setSchedule(
  tx: Transaction,
  brandId: number,
  change: { slots?: PostingSlot[]; timeZone?: string },
): Promise<boolean> {
  const rows = await tx`
    update brands
       set posting_slots = coalesce(${change.slots ? tx.json(change.slots as never) : null}::jsonb, posting_slots),
           time_zone = coalesce(${change.timeZone ?? null}::text, time_zone)
     where id = ${brandId}
    returning id`;
  return rows.length > 0;
}

/**
 * Sets the monthly cap in whole cents. With `fromCents` (a button showing "+$5" from a known value) the change
 * applies only if the cap is still that value, so a double tap or a stale message cannot add twice.
 */
export async function setBudgetCap(
  tx: Transaction,
  brandId: number,
  toCents: number,
  fromCents?: number,
): Promise<boolean> {
  const rows = await tx`
    update brands set monthly_budget_usd = ${toCents}::numeric / 100
     where id = ${brandId}
       ${fromCents === undefined ? tx`` : tx`and round(monthly_budget_usd * 100) = ${fromCents}`}
    returning id`;
  return rows.length > 0;
}

/** Pauses or resumes; false when the brand already was in that state. */
export async function setPaused(tx: Transaction, brandId: number, paused: boolean): Promise<boolean> {
  const rows =
    await tx`update brands set paused = ${paused} where id = ${brandId} and paused = ${!paused} returning id`;
  return rows.length > 0;
}
