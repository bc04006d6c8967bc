import type { Transformer } from "grammy";
import type { Logger } from "../shared/logger.ts";
import {
  fitTelegramText,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
  TELEGRAM_TOAST_LIMIT,
  telegramLength,
  wellFormed,
} from "../shared/telegram-text-limits.ts";

/** Which parameter of which Bot API method carries text, and how long Telegram lets it be. */
const TEXT_FIELDS: Record<string, { field: string; max: number }> = {
  sendMessage: { field: "text", max: TELEGRAM_TEXT_LIMIT },
  editMessageText: { field: "text", max: TELEGRAM_TEXT_LIMIT },
  sendPhoto: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  sendVideo: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  sendAnimation: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  sendDocument: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  sendAudio: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  sendVoice: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  copyMessage: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  editMessageCaption: { field: "caption", max: TELEGRAM_CAPTION_LIMIT },
  answerCallbackQuery: { field: "text", max: TELEGRAM_TOAST_LIMIT },
};

interface Cut {
  field: string;
  length: number;
  max: number;
}

/**
 * The one reply path of the bot, as a grammY API transformer: every message, edit, caption and toast leaves
 * within Telegram's limits, whoever built it. A text longer than Telegram accepts (platform-apis.md §D.3) is
 * cut at a safe point and ended with "…" rather than refused with "message is too long", which would lose the
 * whole answer (and, inside a dialog, the dialog). Half an emoji becomes U+FFFD rather than a refusal.
 *
 * Views still keep their own texts short (a list is paged, an echoed input is quoted with `quoteInput`): this
 * is the guarantee behind them, not a reason to build long texts, and a cut is logged as a warning. Installed
 * on the bot's API, on the API of every conversation (which builds its own) and on the outbox's API.
 */
export function fitTelegramLimits(options: { logger?: Logger } = {}): Transformer {
  return function fitToTelegramLimits(prev, method, payload, signal) {
    const rule = TEXT_FIELDS[method];
    // A copy: the caller's payload object stays as it built it.
    const fields = { ...(payload as Record<string, unknown>) };
    let cut: Cut | undefined;
    if (rule) {
      const parseMode = method === "answerCallbackQuery" ? undefined : fields.parse_mode;
      cut = fitField(fields, rule.field, parseMode, rule.max);
    } else if (method === "editMessageMedia" && fields.media && typeof fields.media === "object") {
      const media = { ...(fields.media as Record<string, unknown>) };
      cut = fitField(media, "caption", media.parse_mode, TELEGRAM_CAPTION_LIMIT);
      fields.media = media;
    }
    // The text itself is not logged: it may be an owner's caption.
    if (cut) options.logger?.warn({ method, ...cut }, "a reply was cut to fit Telegram's length limit");
    return prev(method, fields as typeof payload, signal);
  };
}

/** Fits one field in place; says how long it was when it had to be cut. */
function fitField(
  fields: Record<string, unknown>,
  field: string,
  parseMode: unknown,
  max: number,
): Cut | undefined {
  const value = fields[field];
  if (typeof value !== "string") return undefined;
  const mode = typeof parseMode === "string" ? parseMode : undefined;
  const fitted = fitTelegramText(wellFormed(value), mode, max);
  fields[field] = fitted;
  const length = telegramLength(value, mode);
  if (length <= max) return undefined;
  // Explicit entities count offsets into the text; after a cut only those that still fit are kept.
  const entitiesField = field === "caption" ? "caption_entities" : "entities";
  const entities = fields[entitiesField];
  if (Array.isArray(entities)) {
    fields[entitiesField] = entities.filter(
      (entity: { offset: number; length: number }) => entity.offset + entity.length <= fitted.length - 1,
    );
  }
  return { field, length, max };
}
