/**
 * Draft cards in Telegram: sending a new card, editing one in place, and the outbox senders that do both for
 * work that happens away from a button press ('draft_card' for a new draft, 'draft_card_update' after a
 * publish, a failure or a regenerated image).
 */

import { type Api, GrammyError, InputFile } from "grammy";
import type { InputMediaPhoto } from "grammy/types";
import ipaddr from "ipaddr.js";
import type { Sql } from "../database/connect.ts";
import { textsFor } from "../i18n/texts.ts";
import type { OutboxSender } from "../notifications/deliver-outbox.ts";
import type { Logger } from "../shared/logger.ts";
import type { MediaStore } from "../storage/media-store.ts";
import {
  type DraftCardPayload,
  type DraftCardUpdatePayload,
  enqueueDraftCardUpdate,
  loadDraftCard,
  recordCardPhotoMessage,
  recordCardSlideMessages,
  recordCardTextMessage,
  type StoredDraftCard,
} from "./draft-card-queries.ts";
import { type CardMoment, type RenderedDraftCard, renderDraftCard } from "./render-draft-card.ts";

export interface DraftCardDeps {
  sql: Sql;
  /** Reads the draft's image bytes; only `get` is used. */
  media: Pick<MediaStore, "get">;
  logger: Logger;
  clock: () => Date;
}

/** The outbox senders for draft cards, to register in the composition root's `outboxSenders`. */
export function draftCardSenders(options: Omit<DraftCardDeps, "clock"> & { clock?: () => Date }): {
  draft_card: OutboxSender;
  draft_card_update: OutboxSender;
} {
  const deps: DraftCardDeps = { ...options, clock: options.clock ?? (() => new Date()) };
  return {
    draft_card: async function sendDraftCardFromOutbox(row, api) {
      const { draftId } = row.payload as unknown as DraftCardPayload;
      const card = await loadDraftCard(deps.sql, draftId);
      if (!card) {
        deps.logger.info({ draftId }, "draft card not sent: the draft was deleted");
        return;
      }
      // At-least-once delivery: a card whose text went out before a crash is brought up to date, not re-sent.
      if (card.textMessageId !== null) await updateDraftCard(deps, api, card, {});
      else await sendDraftCard(deps, api, card);
    },
    draft_card_update: async function updateDraftCardFromOutbox(row, api) {
      const { draftId, newPhoto, slides } = row.payload as unknown as DraftCardUpdatePayload;
      const card = await loadDraftCard(deps.sql, draftId);
      if (!card) return;
      // No card yet: the 'draft_card' message for it was given up, or never queued; this one takes its place.
      if (card.textMessageId === null) await sendDraftCard(deps, api, card);
      else await updateDraftCard(deps, api, card, { newPhoto: newPhoto === true, slides });
    },
  };
}

/**
 * Sends the photo (when the draft has one) and then the text message with the buttons, recording each
 * message id as soon as Telegram returns it.
 */
export async function sendDraftCard(deps: DraftCardDeps, api: Api, card: StoredDraftCard): Promise<void> {
  const chatId = card.ownerChatId;
  const rendered = renderDraftCard(card, { now: deps.clock(), texts: textsFor(card.locale) });
  let photoMessageId = card.telegramChatId === chatId ? card.photoMessageId : null;
  if (isCarouselCard(card)) {
    let slideIds = card.telegramChatId === chatId ? card.slideMessageIds : null;
    if (slideIds === null) {
      const sent = await api.sendMediaGroup(chatId, await slideMedia(deps, card, rendered));
      slideIds = sent.map((message) => message.message_id);
      await recordCardSlideMessages(deps.sql, card.id, chatId, slideIds);
    }
    photoMessageId = slideIds[0] ?? null;
  } else if (photoMessageId === null && card.hasPhoto) {
    const sent = await withCardPhoto(deps, card, (photo) =>
      api.sendPhoto(chatId, photo, captionOptions(rendered)),
    );
    if (sent) {
      photoMessageId = sent.message_id;
      await recordCardPhotoMessage(deps.sql, card.id, chatId, photoMessageId);
    }
  }
  const text = await api.sendMessage(chatId, rendered.text, {
    parse_mode: rendered.parseMode,
    link_preview_options: { is_disabled: true },
    ...(rendered.keyboard.inline_keyboard.length > 0 ? { reply_markup: rendered.keyboard } : {}),
    // Bound to the photo, so the two read as one card even when other messages arrive in between.
    ...(photoMessageId !== null
      ? { reply_parameters: { message_id: photoMessageId, allow_sending_without_reply: true } }
      : {}),
  });
  await recordCardTextMessage(deps.sql, card.id, chatId, text.message_id);
}

/**
 * Brings an existing card up to date: text and buttons, the photo's caption, and the photo itself when it was
 * replaced. A card the owner deleted from the chat is sent again.
 */
export async function updateDraftCard(
  deps: DraftCardDeps,
  api: Api,
  card: StoredDraftCard,
  options: { newPhoto?: boolean; slides?: number[] | undefined },
): Promise<void> {
  const chatId = card.telegramChatId ?? card.ownerChatId;
  const rendered = renderDraftCard(card, { now: deps.clock(), texts: textsFor(card.locale) });
  if (mediaChangedShape(card)) return resendDraftCard(deps, api, card, chatId);
  try {
    if (isCarouselCard(card) && card.slideMessageIds) {
      if (options.newPhoto) {
        // A media group cannot be replaced as a whole: each slide's message takes its new picture.
        for (const [index, slide] of card.slides.entries()) {
          if (options.slides && !options.slides.includes(slide.position)) continue;
          const photo = await slidePhoto(deps, card, slide);
          if (!photo) continue;
          await ignoreNotModified(
            api.editMessageMedia(chatId, card.slideMessageIds[index]!, {
              type: "photo",
              media: photo,
              ...(index === 0 ? captionOptions(rendered) : {}),
            } satisfies InputMediaPhoto),
          );
        }
      } else {
        await ignoreNotModified(
          api.editMessageCaption(chatId, card.slideMessageIds[0]!, {
            ...captionOptions(rendered),
            caption: rendered.photoCaption,
          }),
        );
      }
    } else if (card.photoMessageId !== null && card.hasPhoto) {
      if (options.newPhoto) {
        await withCardPhoto(deps, card, (photo) =>
          ignoreNotModified(
            api.editMessageMedia(chatId, card.photoMessageId!, {
              type: "photo",
              media: photo,
              ...captionOptions(rendered),
            } satisfies InputMediaPhoto),
          ),
        );
      } else {
        await ignoreNotModified(
          api.editMessageCaption(chatId, card.photoMessageId, {
            ...captionOptions(rendered),
            caption: rendered.photoCaption,
          }),
        );
      }
    }
    await ignoreNotModified(editCardText(api, chatId, card.textMessageId!, rendered));
  } catch (error) {
    if (!isMessageGone(error)) throw error;
    deps.logger.info({ draftId: card.id }, "draft card was deleted from the chat; sending it again");
    await recordCardPhotoMessage(deps.sql, card.id, chatId, null);
    await recordCardSlideMessages(deps.sql, card.id, chatId, null);
    await recordCardTextMessage(deps.sql, card.id, chatId, null);
    await sendDraftCard(deps, api, {
      ...card,
      photoMessageId: null,
      slideMessageIds: null,
      textMessageId: null,
    });
  }
}

/** A carousel with its slides stored: shown as a media group. */
function isCarouselCard(card: StoredDraftCard): boolean {
  return card.format === "carousel" && card.slides.length >= 2;
}

/**
 * The card's photos no longer match the draft: it became a carousel or a single image, or its number of slides
 * changed (a rewrite planned more). Telegram cannot add or remove items of a media group, nor turn a photo into
 * one, so the card is sent again and the old messages are deleted.
 */
function mediaChangedShape(card: StoredDraftCard): boolean {
  if (card.textMessageId === null) return false;
  if (isCarouselCard(card)) return card.slideMessageIds?.length !== card.slides.length;
  return card.slideMessageIds !== null;
}

async function resendDraftCard(deps: DraftCardDeps, api: Api, card: StoredDraftCard, chatId: number) {
  const old = [...(card.slideMessageIds ?? []), card.photoMessageId, card.textMessageId];
  await recordCardSlideMessages(deps.sql, card.id, chatId, null);
  await recordCardTextMessage(deps.sql, card.id, chatId, null);
  await sendDraftCard(deps, api, {
    ...card,
    telegramChatId: chatId,
    slideMessageIds: null,
    photoMessageId: null,
    textMessageId: null,
  });
  // After the new card is out, so the owner never sees none; a message over 48 hours old cannot be deleted.
  for (const id of new Set(old)) {
    if (id !== null) await api.deleteMessage(chatId, id).catch(() => undefined);
  }
}

/** The media group of a carousel card, the slides in order, the card's short caption on the first. */
async function slideMedia(
  deps: DraftCardDeps,
  card: StoredDraftCard,
  rendered: RenderedDraftCard,
): Promise<InputMediaPhoto[]> {
  const media: InputMediaPhoto[] = [];
  for (const slide of card.slides) {
    const photo = await slidePhoto(deps, card, slide);
    if (!photo)
      throw new Error(`Slide ${slide.position} of draft ${card.id} is missing from the media store`);
    media.push({ type: "photo", media: photo, ...(media.length === 0 ? captionOptions(rendered) : {}) });
  }
  return media;
}

/** A slide's picture for Telegram: its public URL, or its bytes uploaded (local media; see withCardPhoto). */
async function slidePhoto(
  deps: DraftCardDeps,
  card: StoredDraftCard,
  slide: StoredDraftCard["slides"][number],
): Promise<InputFile | string | null> {
  if (slide.imageUrl && isPublicUrl(slide.imageUrl)) return slide.imageUrl;
  if (!slide.imageKey) return null;
  const object = await deps.media.get(slide.imageKey);
  if (!object) {
    deps.logger.warn({ draftId: card.id, imageKey: slide.imageKey }, "slide missing from the media store");
    return null;
  }
  return new InputFile(object.body, slide.imageKey.split("/").pop());
}

/**
 * Edits the card's text message and buttons right after a button press. When Telegram cannot take the edit now
 * (down, or the message is gone), an update is queued in the outbox instead, which retries and re-sends.
 */
export async function showCardAfterPress(
  deps: Pick<DraftCardDeps, "sql" | "logger" | "clock">,
  api: Api,
  card: StoredDraftCard,
  options: { moment?: CardMoment; pressedMessage?: { chatId: number; messageId: number } } = {},
): Promise<void> {
  const rendered = renderDraftCard(card, {
    now: deps.clock(),
    moment: options.moment,
    texts: textsFor(card.locale),
  });
  const chatId = card.telegramChatId ?? options.pressedMessage?.chatId;
  const messageId = card.textMessageId ?? options.pressedMessage?.messageId;
  if (chatId === undefined || messageId === undefined) return;
  try {
    await ignoreNotModified(editCardText(api, chatId, messageId, rendered));
  } catch (error) {
    deps.logger.warn(
      { draftId: card.id, err: error instanceof GrammyError ? error.description : String(error) },
      "draft card edit failed; queued for the outbox",
    );
    await enqueueDraftCardUpdate(deps.sql, card.id);
  }
}

/** A dialog ended without a change: the card gets its normal buttons back (it was showing a picker). */
export async function restoreCardButtons(
  deps: Pick<DraftCardDeps, "sql" | "logger" | "clock">,
  api: Api,
  target: { draftId: number; ownerId: number },
): Promise<void> {
  const card = await loadDraftCard(deps.sql, target.draftId, target.ownerId);
  if (card) await showCardAfterPress(deps, api, card);
}

function editCardText(api: Api, chatId: number, messageId: number, rendered: RenderedDraftCard) {
  return api.editMessageText(chatId, messageId, rendered.text, {
    parse_mode: rendered.parseMode,
    link_preview_options: { is_disabled: true },
    reply_markup: rendered.keyboard,
  });
}

function captionOptions(rendered: RenderedDraftCard): { caption?: string; parse_mode?: "HTML" } {
  return rendered.photoCaption ? { caption: rendered.photoCaption, parse_mode: rendered.parseMode } : {};
}

/**
 * Telegram downloads a photo given by URL itself, so a URL only works when it is public: our own local media
 * (http://localhost…, a private network) is uploaded as bytes instead. A public URL Telegram still cannot fetch
 * (a CDN refusing it, a file over the 5 MB URL limit) is retried as an upload when we hold the bytes.
 * Returns null when there is no image to send.
 */
async function withCardPhoto<T>(
  deps: DraftCardDeps,
  card: StoredDraftCard,
  send: (photo: InputFile | string) => Promise<T>,
): Promise<T | null> {
  const upload = async () => {
    if (!card.imageKey) return null;
    const object = await deps.media.get(card.imageKey);
    if (!object) {
      deps.logger.warn(
        { draftId: card.id, imageKey: card.imageKey },
        "draft image missing from the media store",
      );
      return null;
    }
    return new InputFile(object.body, card.imageKey.split("/").pop());
  };
  if (card.imageUrl && isPublicUrl(card.imageUrl)) {
    try {
      return await send(card.imageUrl);
    } catch (error) {
      const bytes = isUrlRefused(error) ? await upload() : null;
      if (!bytes) throw error;
      return send(bytes);
    }
  }
  const bytes = await upload();
  return bytes ? send(bytes) : null;
}

/** Whether Telegram's servers could fetch this URL: http(s) on a public host, not loopback or a private net. */
export function isPublicUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) {
    const address = ipaddr.process(host);
    return address.range() === "unicast";
  }
  return !/(^|\.)(localhost|local|internal|lan|home\.arpa)$/i.test(host) && host.includes(".");
}

function isUrlRefused(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /HTTP URL|URL content|web page content|wrong file identifier/i.test(error.description)
  );
}

/** Editing to identical content is an error in Telegram ("message is not modified"); for us it is success. */
export async function ignoreNotModified<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return undefined;
    throw error;
  }
}

export function isMessageGone(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i.test(error.description)
  );
}
