import sharp from "sharp";
import { enqueueDraftCard } from "../../src/approval/draft-card-queries.ts";
import type { Sql } from "../../src/database/connect.ts";
import type { PostingSlot } from "../../src/publishing/posting-slots.ts";
import { newDraftMediaKey } from "../../src/storage/media-store.ts";
import { type FakeMessage, visibleText } from "../fakes/fake-telegram.ts";
import { freeBrandName } from "./migrated-database.ts";
import { OWNER_ID, TEST_WEBHOOK_SECRET, type TestApp } from "./start-test-app.ts";
import { callbackUpdate, type From, postUpdate } from "./telegram-updates.ts";

/**
 * Owners, brands and drafts written straight into the database, as the onboarding and the drafting pipeline
 * would leave them, so approval tests start from a known state without running either.
 */

export async function insertOwner(
  sql: Sql,
  fields: { telegramUserId?: number; displayName?: string } = {},
): Promise<number> {
  const telegramUserId = fields.telegramUserId ?? OWNER_ID;
  const [row] = await sql<{ id: number }[]>`
    insert into owners (telegram_user_id, telegram_chat_id, display_name)
    values (${telegramUserId}, ${telegramUserId}, ${fields.displayName ?? "Ada"})
    returning id`;
  return row!.id;
}

export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export async function insertBrand(
  sql: Sql,
  ownerId: number,
  fields: { name?: string; timeZone?: string; postingSlots?: PostingSlot[] } = {},
): Promise<number> {
  const slots = fields.postingSlots ?? [
    { time: "09:00", days: EVERY_DAY },
    { time: "18:00", days: EVERY_DAY },
  ];
  const [row] = await sql<{ id: number }[]>`
    insert into brands (owner_id, name, time_zone, posting_slots)
    values (${ownerId}, ${await freeBrandName(sql, ownerId, fields.name ?? "Velo Daily")},
            ${fields.timeZone ?? "Europe/Berlin"}, ${sql.json(slots as never)})
    returning id`;
  await sql`update owners set selected_brand_id = coalesce(selected_brand_id, ${row!.id}) where id = ${ownerId}`;
  return row!.id;
}

export interface DraftFields {
  status?: string;
  caption?: string;
  hashtags?: string[];
  sourceTitle?: string | null;
  sourceLink?: string | null;
  relevanceReason?: string | null;
  imageKey?: string | null;
  imageUrl?: string | null;
  scheduledFor?: Date | null;
  lastError?: string | null;
  permalink?: string | null;
  altText?: string | null;
}

export async function insertDraft(sql: Sql, brandId: number, fields: DraftFields = {}): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into drafts (brand_id, status, caption, generated_caption, hashtags, source_title, source_link,
                        relevance_reason, image_key, image_url, image_source, scheduled_for, last_error, permalink,
                        alt_text)
    values (${brandId}, ${fields.status ?? "pending_review"},
            ${fields.caption ?? "Cargo bikes now outsell cars in three Dutch cities."},
            ${fields.caption ?? "Cargo bikes now outsell cars in three Dutch cities."},
            ${fields.hashtags ?? ["#cycling", "#cities"]},
            ${fields.sourceTitle === undefined ? "Cargo bikes overtake cars" : fields.sourceTitle},
            ${fields.sourceLink === undefined ? "https://news.example.com/cargo-bikes?a=1&b=2" : fields.sourceLink},
            ${fields.relevanceReason === undefined ? "Urban cycling is the brand's topic." : fields.relevanceReason},
            ${fields.imageKey ?? null}, ${fields.imageUrl ?? null},
            ${fields.imageKey || fields.imageUrl ? "generated" : null},
            ${fields.scheduledFor ?? null}, ${fields.lastError ?? null}, ${fields.permalink ?? null},
            ${fields.altText ?? null})
    returning id`;
  return row!.id;
}

export async function insertAiUsage(
  sql: Sql,
  fields: { brandId: number; draftId: number; costUsd: number; status?: "reserved" | "settled" | "released" },
): Promise<void> {
  await sql`
    insert into ai_usage (brand_id, draft_id, provider, model, operation, status, reserved_usd, cost_usd)
    values (${fields.brandId}, ${fields.draftId}, 'anthropic', 'claude-haiku-5-5', 'caption',
            ${fields.status ?? "settled"}, ${fields.costUsd}, ${fields.costUsd})`;
}

/** A small real JPEG, as the image pipeline would store it. */
export async function sampleJpeg(color = { r: 30, g: 160, b: 90 }): Promise<Buffer> {
  return sharp({ create: { width: 108, height: 135, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

/** Puts an image in the service's media store for the draft, as the pipeline does, and gives it to the draft. */
export async function storeDraftImage(t: TestApp, draftId: number, jpeg?: Buffer): Promise<string> {
  const key = newDraftMediaKey(draftId);
  const stored = await t.app.services.media.put(key, jpeg ?? (await sampleJpeg()), "image/jpeg");
  await t.app.sql`update drafts set image_key = ${key}, image_url = ${stored.url} where id = ${draftId}`;
  return key;
}

// ---------------------------------------------------------------------------------------------------------------
// Cards in the fake Telegram

export interface CardMessages {
  chatId: number;
  photo: FakeMessage | undefined;
  text: FakeMessage;
}

/**
 * Runs the outbox worker once, as its schedule would. A run the service set off itself may be going and may have
 * claimed rows already; then this waits for it to end and runs once more, so whatever was queued before the
 * call has been tried when it returns.
 */
export async function deliverOutbox(t: TestApp): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await t.app.scheduler.runNow("telegram-outbox"));) {
    if (Date.now() > deadline) throw new Error("the outbox job did not come free within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A draft awaiting review whose card the outbox has sent to the chat; returns the card's text message, the one
 * whose buttons a test presses.
 */
export async function reviewCard(t: TestApp, brandId: number, fields: DraftFields = {}) {
  const draftId = await insertDraft(t.app.sql, brandId, fields);
  await enqueueDraftCard(t.app.sql, draftId);
  await deliverOutbox(t);
  const card = await cardMessages(t, draftId);
  return { draftId, message: { message_id: card.text.message_id, chat_id: card.chatId } };
}

/** The Telegram messages recorded for a draft's card. */
export async function cardMessages(t: TestApp, draftId: number): Promise<CardMessages> {
  const [row] = await t.app.sql<
    {
      telegram_chat_id: number | null;
      telegram_photo_message_id: number | null;
      telegram_text_message_id: number | null;
    }[]
  >`select telegram_chat_id, telegram_photo_message_id, telegram_text_message_id from drafts where id = ${draftId}`;
  if (!row?.telegram_text_message_id) throw new Error(`draft ${draftId} has no card`);
  return {
    chatId: row.telegram_chat_id!,
    photo: row.telegram_photo_message_id ? t.telegram.messages.get(row.telegram_photo_message_id) : undefined,
    text: t.telegram.messages.get(row.telegram_text_message_id)!,
  };
}

/** What the owner reads in a message, as Telegram parses its HTML. */
export function readable(message: { text?: string; caption?: string; parse_mode?: string }): string {
  const parsed = visibleText(message.text ?? message.caption ?? "", message.parse_mode);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.text;
}

export function buttonsOf(message: FakeMessage): { text: string; callback_data?: string; url?: string }[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat();
}

/** Presses a card button: posts a callback_query update to the webhook and returns what Telegram saw. */
export async function pressButton(
  t: TestApp,
  data: string,
  message: { message_id: number; chat_id: number },
  from: From = { id: OWNER_ID },
  updateId?: number,
): Promise<{ status: number; answer: string | undefined; update: ReturnType<typeof callbackUpdate> }> {
  const update =
    updateId === undefined
      ? callbackUpdate(data, message, from)
      : callbackUpdate(data, message, from, updateId);
  const response = await postUpdate(t, update);
  return { status: response.status, answer: answerTo(t, update.callback_query.id), update };
}

/**
 * Presses a card button without waiting for the work the press sets going (a new image being made); returns
 * the toast.
 */
export async function pressWithoutWaiting(
  t: TestApp,
  data: string,
  message: { message_id: number; chat_id: number },
): Promise<string | undefined> {
  const update = callbackUpdate(data, message);
  await t.telegram.deliver(`${t.app.url}/telegram/webhook`, update, TEST_WEBHOOK_SECRET);
  return answerTo(t, update.callback_query.id);
}

/** The toast a callback query was answered with (the last answer, when a redelivery answered again). */
export function answerTo(t: TestApp, callbackQueryId: string): string | undefined {
  const answers = t.telegram
    .callsTo("answerCallbackQuery")
    .filter((c) => c.payload.callback_query_id === callbackQueryId);
  return answers.at(-1)?.payload.text as string | undefined;
}

/** "07:30": the wall-clock time of an instant in a time zone, computed independently of the code under test. */
export function wallClock(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** Polls until `check` passes: for work that runs away from the press (a new image, a rewrite). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** What the owner was sent from the `from`-th message of the chat on (texts and captions). */
export function sentToOwnerSince(t: TestApp, from: number): string[] {
  return t.telegram
    .messagesIn(OWNER_ID)
    .slice(from)
    .map((m) => m.text ?? m.caption ?? "");
}
