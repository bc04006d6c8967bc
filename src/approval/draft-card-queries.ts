/**
 * Reading a draft as its card shows it, remembering which Telegram messages make up the card, and queueing
 * cards in the outbox. The outbox is the only way a card reaches Telegram from outside a button press, so a
 * card is never lost to a crash or a Telegram outage between the decision and the send.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { enqueueTelegramMessage } from "../notifications/telegram-outbox.ts";
import { localeOf } from "../i18n/language-queries.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import type { PostingSlot } from "../publishing/posting-slots.ts";
import type { RegenerationKind } from "./regeneration-requests.ts";
import type { DraftCard, DraftStatus } from "./render-draft-card.ts";

/** A draft card together with where it lives in Telegram and what the database knows around it. */
export interface StoredDraftCard extends Omit<DraftCard, "format" | "plannedFacts" | "slides"> {
  format: "single" | "carousel";
  plannedFacts: number;
  brandId: number;
  ownerId: number;
  /** Where a new card goes: the brand's linked group (src/teams/), else the owner's private chat with the bot. */
  ownerChatId: number;
  /** The language the owner reads the bot in (their /language choice, else their Telegram's): the card's. */
  locale: Locale;
  postingSlots: PostingSlot[];
  imageKey: string | null;
  imageUrl: string | null;
  /** Where the card was sent; null until the outbox sent it. */
  telegramChatId: number | null;
  photoMessageId: number | null;
  textMessageId: number | null;
  /** A carousel's slides in order (empty for a single image), as the media group shows them. */
  slides: CardSlide[];
  /** The card's media group, one message per slide in order; null when the card has a single photo. */
  slideMessageIds: number[] | null;
}

export interface CardSlide {
  position: number;
  kind: "cover" | "facts" | "credit";
  body: string;
  imageKey: string | null;
  imageUrl: string | null;
}

/** The drafts columns a card shows, as `returning` gives them back after an update. */
export interface DraftRow {
  id: number;
  status: DraftStatus;
  caption: string;
  hashtags: string[];
  edited: boolean;
  source_title: string | null;
  source_link: string | null;
  relevance_reason: string | null;
  rejection_reason: string | null;
  scheduled_for: Date | null;
  permalink: string | null;
  last_error: string | null;
  image_key: string | null;
  image_url: string | null;
  telegram_chat_id: number | null;
  telegram_photo_message_id: number | null;
  telegram_text_message_id: number | null;
  brand_id: number;
  alt_text: string | null;
  first_comment: string | null;
  hashtags_in_comment: boolean;
  first_comment_state: DraftCard["firstCommentState"];
  first_comment_error: string | null;
  decided_by: string | null;
}

interface CardSlideRow {
  position: number;
  kind: CardSlide["kind"];
  body: string;
  image_key: string | null;
  image_url: string | null;
}

interface DraftCardRow extends DraftRow {
  format: "single" | "carousel";
  planned_facts: number;
  slides: CardSlideRow[] | null;
  telegram_slide_message_ids: string[] | null;
  first_comment_mode: DraftCard["brandFirstComment"]["mode"];
  first_comment_text: string | null;
  brand_name: string;
  time_zone: string;
  posting_slots: PostingSlot[];
  owner_id: number;
  owner_chat_id: number;
  chosen_locale: string | null;
  telegram_language_code: string | null;
  brand_count: number;
  ai_cost_usd: number;
  regenerating: RegenerationKind | null;
}

/**
 * The draft as its card shows it, or null when there is no such draft. With `ownerId`, a draft of another owner
 * reads as missing: callback_data comes from the client and must not reach someone else's drafts.
 */
export async function loadDraftCard(
  sql: Sql | Transaction,
  draftId: number,
  ownerId?: number,
): Promise<StoredDraftCard | null> {
  const [row] = await sql<DraftCardRow[]>`
    ${selectDraftCard(sql)}
     where d.id = ${draftId} ${ownerId === undefined ? sql`` : sql`and o.id = ${ownerId}`}`;
  return row ? toCard(row) : null;
}

/** A card read for a button press, with what a decision on it needs besides. */
export interface PressedDraftCard {
  card: StoredDraftCard;
  /** Slot instants after the press already given to the brand's posts: where an approval cannot go. */
  takenSlots: Date[];
}

/**
 * The card of the draft a button press names, when it belongs to the Telegram user who pressed, together with
 * the brand's taken slots: one round trip instead of reading the owner, the card and the slots in turn, because
 * this is on every approval's path. Null when the user is not a registered owner of that draft. With
 * `groupChatId` (a press in a group), an approver of the brand also qualifies when that group is the brand's
 * linked group (src/teams/): removing the member or unlinking the group refuses their next press.
 */
export async function loadPressedDraftCard(
  sql: Sql,
  draftId: number,
  telegramUserId: number,
  now: Date,
  groupChatId?: number,
): Promise<PressedDraftCard | null> {
  // The taken instants come as one string of epoch milliseconds: parsing a timestamptz[] of fifty slots costs
  // more CPU than the rest of the read.
  const [row] = await sql<(DraftCardRow & { taken_slots: string | null })[]>`
    ${selectDraftCard(
      sql,
      sql`,
           (select string_agg((extract(epoch from t.scheduled_for) * 1000)::bigint::text, ',') from drafts t
             where t.brand_id = d.brand_id and t.status in ('approved', 'publishing', 'published')
               and t.scheduled_for > ${now}) as taken_slots`,
    )}
     where d.id = ${draftId} and (o.telegram_user_id = ${telegramUserId} ${
       groupChatId === undefined
         ? sql``
         : sql`or exists (select from brand_members m join brand_groups g on g.brand_id = m.brand_id
                          where m.brand_id = d.brand_id and m.telegram_user_id = ${telegramUserId}
                            and m.role = 'approver' and g.chat_id = ${groupChatId})`
     })`;
  if (!row) return null;
  const takenSlots = row.taken_slots ? row.taken_slots.split(",").map((ms) => new Date(Number(ms))) : [];
  return { card: toCard(row), takenSlots };
}

/** The select list and joins of a card read; the caller adds the where clause (and may add columns). */
function selectDraftCard(sql: Sql | Transaction, extraColumns = sql``) {
  // ai_usage is filtered by brand as well as draft, so the (brand_id, created_at) index narrows the scan.
  return sql`
    select d.id, d.status, d.caption, d.hashtags, d.edited, d.source_title, d.source_link, d.relevance_reason,
           d.rejection_reason, d.scheduled_for, d.permalink, d.last_error, d.image_key, d.image_url,
           d.telegram_chat_id, d.telegram_photo_message_id, d.telegram_text_message_id, d.alt_text,
           d.first_comment, d.hashtags_in_comment, d.first_comment_state, d.first_comment_error, d.decided_by,
           d.format, coalesce(jsonb_array_length(d.slide_plan -> 'facts'), 0) as planned_facts,
           d.telegram_slide_message_ids,
           (select json_agg(json_build_object('position', s.position, 'kind', s.kind, 'body', s.body,
                                              'image_key', s.image_key, 'image_url', s.image_url)
                            order by s.position)
              from draft_slides s where s.draft_id = d.id) as slides,
           b.id as brand_id, b.name as brand_name, b.time_zone, b.posting_slots, b.first_comment_mode,
           b.first_comment_text,
           o.id as owner_id, ${cardChatId(sql)} as owner_chat_id, lang.chosen_locale, lang.telegram_language_code,
           (select count(*) from brands mine where mine.owner_id = o.id) as brand_count,
           coalesce((select sum(u.cost_usd) from ai_usage u
                      where u.brand_id = d.brand_id and u.draft_id = d.id and u.status = 'settled'), 0) as ai_cost_usd,
           (select r.kind from regeneration_requests r
             where r.draft_id = d.id and r.status in ('queued', 'running')) as regenerating
           ${extraColumns}
      from drafts d
      join brands b on b.id = d.brand_id
      join owners o on o.id = b.owner_id
      left join telegram_user_languages lang on lang.telegram_user_id = o.telegram_user_id`;
}

function toCard(row: DraftCardRow): StoredDraftCard {
  const context = {
    aiCostUsd: Number(row.ai_cost_usd),
    brandName: row.brand_name,
    timeZone: row.time_zone,
    ownerHasSeveralBrands: row.brand_count > 1,
    ownerId: row.owner_id,
    ownerChatId: row.owner_chat_id,
    locale: localeOf({
      chosenLocale: isLocale(row.chosen_locale) ? row.chosen_locale : null,
      telegramLanguageCode: row.telegram_language_code,
    }),
    postingSlots: row.posting_slots,
    regenerating: row.regenerating,
    brandFirstComment: { mode: row.first_comment_mode, text: row.first_comment_text },
    // A decision never changes these, so a decision's card keeps them from the card read before it.
    format: row.format,
    plannedFacts: row.planned_facts,
    slides: (row.slides ?? []).map((slide) => ({
      position: slide.position,
      kind: slide.kind,
      body: slide.body,
      imageKey: slide.image_key,
      imageUrl: slide.image_url,
    })),
    slideMessageIds: row.telegram_slide_message_ids?.map(Number) ?? null,
  };
  return withDraftRow(context, row);
}

/**
 * The card with the draft's own columns replaced by `row` (e.g. an UPDATE's `returning`), keeping what was read
 * around it (brand, owner, cost): a decision then needs no second read of the card.
 */
export function withDraftRow(
  context: Omit<StoredDraftCard, keyof DraftCardColumns>,
  row: DraftRow,
): StoredDraftCard {
  // The context's fields are copied one by one rather than spread: `context` is often a whole card, and
  // spreading it costs more than the rest of the decision's JavaScript.
  return {
    aiCostUsd: context.aiCostUsd,
    brandName: context.brandName,
    timeZone: context.timeZone,
    ownerHasSeveralBrands: context.ownerHasSeveralBrands,
    ownerId: context.ownerId,
    ownerChatId: context.ownerChatId,
    locale: context.locale,
    postingSlots: context.postingSlots,
    regenerating: context.regenerating,
    brandFirstComment: context.brandFirstComment,
    format: context.format,
    plannedFacts: context.plannedFacts,
    slides: context.slides,
    slideMessageIds: context.slideMessageIds,
    id: row.id,
    status: row.status,
    caption: row.caption,
    hashtags: row.hashtags,
    edited: row.edited,
    sourceTitle: row.source_title,
    sourceLink: row.source_link,
    relevanceReason: row.relevance_reason,
    rejectionReason: row.rejection_reason,
    scheduledFor: row.scheduled_for,
    permalink: row.permalink,
    lastError: row.last_error,
    hasPhoto: Boolean(row.image_key || row.image_url),
    brandId: row.brand_id,
    imageKey: row.image_key,
    imageUrl: row.image_url,
    telegramChatId: row.telegram_chat_id,
    photoMessageId: row.telegram_photo_message_id,
    textMessageId: row.telegram_text_message_id,
    altText: row.alt_text,
    firstComment: row.first_comment,
    hashtagsInComment: row.hashtags_in_comment,
    firstCommentState: row.first_comment_state,
    firstCommentError: row.first_comment_error,
    decidedBy: row.decided_by,
  };
}

type DraftCardColumns = Pick<
  StoredDraftCard,
  | "id"
  | "status"
  | "caption"
  | "hashtags"
  | "edited"
  | "sourceTitle"
  | "sourceLink"
  | "relevanceReason"
  | "rejectionReason"
  | "scheduledFor"
  | "permalink"
  | "lastError"
  | "hasPhoto"
  | "brandId"
  | "imageKey"
  | "imageUrl"
  | "telegramChatId"
  | "photoMessageId"
  | "textMessageId"
  | "altText"
  | "firstComment"
  | "hashtagsInComment"
  | "firstCommentState"
  | "firstCommentError"
  | "decidedBy"
>;

/**
 * Remembered as soon as each message is sent, not after both: an outbox retry after a failure between the
 * photo and the text then sends only the text, never a second photo.
 */
export async function recordCardPhotoMessage(
  sql: Sql,
  draftId: number,
  chatId: number,
  messageId: number | null,
) {
  await sql`
    update drafts set telegram_chat_id = ${chatId}, telegram_photo_message_id = ${messageId}, updated_at = now()
     where id = ${draftId}`;
}

/** The card's media group, recorded as soon as Telegram returns it (its first message is the card's photo). */
export async function recordCardSlideMessages(
  sql: Sql,
  draftId: number,
  chatId: number,
  messageIds: number[] | null,
) {
  await sql`
    update drafts set telegram_chat_id = ${chatId}, telegram_slide_message_ids = ${messageIds},
                      telegram_photo_message_id = ${messageIds?.[0] ?? null}, updated_at = now()
     where id = ${draftId}`;
}

export async function recordCardTextMessage(
  sql: Sql,
  draftId: number,
  chatId: number,
  messageId: number | null,
) {
  await sql`
    update drafts set telegram_chat_id = ${chatId}, telegram_text_message_id = ${messageId}, updated_at = now()
     where id = ${draftId}`;
}

export interface DraftCardPayload {
  draftId: number;
}

export interface DraftCardUpdatePayload {
  draftId: number;
  /** The image changed: the photo is replaced too, not only the text and buttons. */
  newPhoto?: boolean;
  /** For a carousel: only these slides' pictures changed (all of them when absent). */
  slides?: number[];
}

/**
 * Queues the card for a draft that just reached pending_review. Call it in the transaction that moves the draft
 * there, so the card exists exactly when the draft does. One card per draft: a second call is a no-op.
 * Returns false when the draft does not exist or a card was already queued.
 */
export async function enqueueDraftCard(tx: Sql | Transaction, draftId: number): Promise<boolean> {
  const [target] = await tx<{ chat_id: number }[]>`
    select ${cardChatId(tx)} as chat_id
      from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
     where d.id = ${draftId}`;
  if (!target) return false;
  const payload: DraftCardPayload = { draftId };
  return enqueueTelegramMessage(tx, {
    chatId: target.chat_id,
    kind: "draft_card",
    payload: { ...payload },
    dedupeKey: `draft-card:${draftId}`,
  });
}

/**
 * Queues an in-place update of a draft's card to its current state: after it was published or failed, after
 * a new image or caption, or when a decision's own edit could not reach Telegram. Updates are idempotent (the
 * card is re-rendered from the database when sent), so queueing one too many is harmless.
 */
export async function enqueueDraftCardUpdate(
  tx: Sql | Transaction,
  draftId: number,
  options: { newPhoto?: boolean; slides?: number[] } = {},
): Promise<boolean> {
  const [target] = await tx<{ chat_id: number }[]>`
    select coalesce(d.telegram_chat_id, ${cardChatId(tx)}) as chat_id
      from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
     where d.id = ${draftId}`;
  if (!target) return false;
  const payload: DraftCardUpdatePayload = options.newPhoto
    ? { draftId, newPhoto: true, ...(options.slides ? { slides: options.slides } : {}) }
    : { draftId };
  return enqueueTelegramMessage(tx, {
    chatId: target.chat_id,
    kind: "draft_card_update",
    payload: { ...payload },
  });
}

/** Where a brand's new card goes (`b` the brand, `o` its owner): its linked group, else the owner's chat. */
function cardChatId(sql: Sql | Transaction) {
  return sql`coalesce((select g.chat_id from brand_groups g where g.brand_id = b.id), o.telegram_chat_id)`;
}
