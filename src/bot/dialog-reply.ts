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
    if (!(await toldReplyRefused(ctx, error))) throw error;
  }
}

/**
 * When `error` is Telegram refusing a dialog's message (or being unreachable), sends the one short notice that
 * the owner's answers are kept and returns true; any other error is the caller's to throw. Also used for the
 * messages a dialog held until its state was stored (dialog-messages.ts), which are sent after the dialog ran.
 */
export async function toldReplyRefused(ctx: { api: Context["api"]; chat?: Context["chat"] }, error: unknown) {
  if (!(error instanceof GrammyError) && !(error instanceof HttpError)) return false;
  const reason = error instanceof GrammyError ? ` (${error.description.replace(/^Bad Request: /, "")})` : "";
  if (!ctx.chat) return true;
  try {
    await ctx.api.sendMessage(
      ctx.chat.id,
      `⚠️ Telegram did not take my reply${reason}. Your answers so far are kept: send your answer again, or /cancel.`,
    );
  } catch {
    // Telegram is unreachable: the dialog still waits, and the owner's next message continues it.
  }
  return true;
}
