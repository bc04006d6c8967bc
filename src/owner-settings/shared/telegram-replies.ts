import { type Context, GrammyError, type InlineKeyboard } from "grammy";

/**
 * The three ways owner-settings talks back: a new HTML message, the same message edited in place (a button's
 * screen), and the toast that answers a button press. Telegram errors that mean "nothing to do" are absorbed
 * here (platform-apis.md §D.4): identical edits, and queries answered too late.
 */

export async function replyHtml(ctx: Context, text: string, keyboard?: InlineKeyboard): Promise<void> {
  await ctx.reply(text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: keyboard,
  });
}

/** Edits the message whose button was pressed; sends a new message when that one can no longer be edited. */
export async function showInPlace(ctx: Context, text: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: keyboard,
    });
  } catch (error) {
    if (isTelegramError(error, /message is not modified/)) return;
    if (
      isTelegramError(
        error,
        /message to edit not found|message can't be edited|there is no text in the message/,
      )
    ) {
      await replyHtml(ctx, text, keyboard);
      return;
    }
    throw error;
  }
}

/** Answers a button press (the spinner stops; `text` shows as a short toast, at most 200 characters). */
export async function answerButton(ctx: Context, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text === undefined ? undefined : { text });
  } catch (error) {
    if (isTelegramError(error, /query is too old|query ID is invalid/)) return;
    throw error;
  }
}

function isTelegramError(error: unknown, description: RegExp): boolean {
  return error instanceof GrammyError && error.error_code === 400 && description.test(error.description);
}
