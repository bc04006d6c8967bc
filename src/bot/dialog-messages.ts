/**
 * A dialog's messages go out only once its state is stored, so an answer that arrives at once is taken.
 *
 * @grammyjs/conversations v2 is a replay engine: a dialog's state is complete only when the replay reaches its
 * next `wait()`, and the plugin writes it to storage when the update's middleware pass ends. A `ctx.reply` inside
 * the dialog is sent as it is called, before that write: an owner who answers the "✏️ Send me the new caption…"
 * prompt within milliseconds (typed ahead, a fast client, another instance taking the update) reaches a bot
 * whose stored state has no dialog waiting yet, and gets "I didn't catch that" while the caption is lost. The
 * plugin has no way to store state earlier (its replay log is not final mid-run; a checkpoint only rewinds the
 * run), so the messages wait instead:
 *
 * - inside a dialog, `sendMessage` is held: it is recorded as one `conversation.external` (so a replay never sends
 *   it again) that queues the message on the update being handled (`holdDialogMessages`);
 * - `sendDialogMessagesAfterSave`, installed before the conversations plugin, sends the queue once the plugin has
 *   written the state, in the order the dialog sent them;
 * - a dialog that hands the update on (a command that leaves the dialog, /help while it waits) sends its queue
 *   first, so its messages still come before those of the handler that runs next (`createDialog`).
 *
 * If the pass fails (the state could not be written), nothing queued is sent: the owner is not asked a question
 * whose answer could not be taken, and the error boundary answers instead. If Telegram refuses a held message,
 * the dialog's state is already stored: the owner is told their answers are kept (`toldReplyRefused`) and the
 * rest of the queue still goes out.
 */

import { type Conversation, type ConversationConfig, createConversation } from "@grammyjs/conversations";
import type { Api, Context, MiddlewareFn, RawApi } from "grammy";
import type { BotContext } from "./bot-context.ts";
import { toldReplyRefused } from "./dialog-reply.ts";

type SendMessagePayload = Parameters<RawApi["sendMessage"]>[0];

/** Messages held during one update's pass, keyed by the update's (outside) context object. */
const heldMessages = new WeakMap<object, SendMessagePayload[]>();

/** Goes before the conversations plugin: sends what dialogs held once the plugin has stored their state. */
export function sendDialogMessagesAfterSave(): MiddlewareFn<BotContext> {
  return async function sendHeldDialogMessages(ctx, next) {
    heldMessages.set(ctx, []);
    await next();
    await sendHeld(ctx);
  };
}

/**
 * `createConversation` for a Greenlight dialog: its messages are held until its state is stored, and sent before
 * the update is handed on to the handlers after it.
 */
export function createDialog<C extends Context, A extends unknown[]>(
  builder: (conversation: Conversation<BotContext, C>, ctx: C, ...args: A) => Promise<unknown>,
  options: Omit<ConversationConfig<BotContext, C>, "plugins"> & { id: string },
): MiddlewareFn<BotContext> {
  const dialog = createConversation<BotContext, C>(builder, {
    ...options,
    plugins: (conversation) => [holdDialogMessages<C>(conversation)],
  });
  return (ctx, next) =>
    dialog(ctx, async () => {
      await sendHeld(ctx);
      await next();
    });
}

function holdDialogMessages<C extends Context>(conversation: Conversation<BotContext, C>): MiddlewareFn<C> {
  return async function holdSendMessage(ctx, next) {
    ctx.api.config.use(async (prev, method, payload, signal) => {
      if (method !== "sendMessage") return prev(method, payload, signal);
      const message = payload as SendMessagePayload;
      await conversation.external((outside) => hold(outside, message));
      // Dialogs never read what a send returns; the message does not exist yet.
      return { ok: true, result: undefined as never };
    });
    await next();
  };
}

async function hold(outside: BotContext, message: SendMessagePayload): Promise<void> {
  const held = heldMessages.get(outside);
  // Without sendDialogMessagesAfterSave on the way in, there is nothing to wait for: send at once.
  if (held) held.push(message);
  else await outside.api.raw.sendMessage(message);
}

async function sendHeld(ctx: { api: Api; chat?: Context["chat"] }): Promise<void> {
  const held = heldMessages.get(ctx) ?? [];
  while (held.length > 0) {
    try {
      await ctx.api.raw.sendMessage(held.shift()!);
    } catch (error) {
      if (!(await toldReplyRefused(ctx, error))) throw error;
    }
  }
}
