import { type Context, GrammyError, HttpError } from "grammy";

type ReplyOptions = Parameters<Context["reply"]>[1];

/**
 * A reply after which the dialog keeps waiting (a question, "that is not a time zone", a reminder). Should
 * Telegram refuse it (or be unreachable), the dialog must not end: an error thrown here would end the
 * conversation and lose every answer given so far. So the failure is swallowed after one short notice that the
 * owner's answers are kept, and the dialog waits for the next answer as if the reply had arrived. Conversations
 * replay recorded API results, so the same failure takes the same path on every replay.
 */
export async function replyInDialog(ctx: Context, text: string, options?: ReplyOptions): Promise<void> {
  try {
    await ctx.reply(text, options);
  } catch (error) {
    if (!(error instanceof GrammyError) && !(error instanceof HttpError)) throw error;
    const reason =
      error instanceof GrammyError ? ` (${error.description.replace(/^Bad Request: /, "")})` : "";
    try {
      await ctx.reply(
        `⚠️ Telegram did not take my reply${reason}. Your answers so far are kept: send your answer again, or /cancel.`,
      );
    } catch {
      // Telegram is unreachable: the dialog still waits, and the owner's next message continues it.
    }
  }
}
