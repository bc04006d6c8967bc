import type { Conversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { replyInDialog } from "../../bot/dialog-reply.ts";
import { textsOfUpdate } from "../../i18n/bot-locale.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { renderHelp } from "../start/owner-commands.ts";
import { dialogCallback } from "./settings-callbacks.ts";

/**
 * How every owner-settings dialog waits for an answer. Dialogs run on @grammyjs/conversations v2, a replay
 * engine: this code runs again from the top for each update, so it only branches on the updates themselves;
 * database access and fetches happen in `conversation.external` at the call sites.
 *
 * Rules the owner can rely on in any dialog:
 * - /cancel (or the Cancel button) leaves it, and nothing is saved;
 * - /skip (or the Skip button) skips a step that can be skipped;
 * - /help shows the help and the dialog keeps waiting;
 * - any other command leaves the dialog and runs;
 * - other buttons (a draft card, an older settings message) work as usual while the dialog keeps waiting;
 * - a photo or sticker gets "please answer with text" and the dialog keeps waiting;
 * - a reply Telegram refuses or never receives (see `replyInDialog`) loses neither the dialog nor its answers.
 */

export type SettingsConversation = Conversation<BotContext, Context>;

/** Conversation ids; persisted with the dialog state, so never rename one while dialogs may be open. */
export const DIALOG = {
  brandSetup: "brandSetup",
  setting: "settingDialog",
  voiceExamples: "voiceExamplesDialog",
} as const;

export type DialogAnswer =
  | { kind: "text"; text: string; ctx: Context; updateId: number }
  | { kind: "choice"; choice: string; ctx: Context; updateId: number }
  | { kind: "skip" | "done"; ctx: Context; updateId: number };

export interface AnswerOptions {
  /** What the dialog is, for "Left the brand setup": e.g. "the brand setup". */
  dialogName: string;
  /** Said when the owner cancels. */
  cancelledText: string;
  skippable?: boolean;
  /** Accept /done (or the Done button), for dialogs that collect several messages. */
  finishable?: boolean;
  /** callback_data of this step's own buttons, answered as `choice`. */
  choices?: readonly string[];
  /** False when only a button will do; text then gets a reminder. Default true. */
  acceptText?: boolean;
}

export async function waitForAnswer(
  conversation: SettingsConversation,
  options: AnswerOptions,
): Promise<DialogAnswer> {
  for (;;) {
    const ctx = await conversation.wait();
    const texts = textsOfUpdate(ctx as Partial<BotContext>);
    const updateId = ctx.update.update_id;
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      if (data === dialogCallback.skip && options.skippable) {
        await ctx.answerCallbackQuery({ text: texts.t("toast-dialog-skipped") });
        return { kind: "skip", ctx, updateId };
      }
      if (data === dialogCallback.done && options.finishable) {
        await ctx.answerCallbackQuery();
        return { kind: "done", ctx, updateId };
      }
      if (options.choices?.includes(data)) {
        await ctx.answerCallbackQuery();
        return { kind: "choice", choice: data, ctx, updateId };
      }
      if (data === dialogCallback.cancel) {
        await ctx.answerCallbackQuery({ text: texts.t("toast-dialog-cancelled") });
        await ctx.reply(options.cancelledText);
        return conversation.halt();
      }
      return conversation.skip({ next: true });
    }
    const text = ctx.message?.text;
    if (text === undefined) {
      if (ctx.message) {
        await replyInDialog(ctx, texts.t("dialog-answer-with-text"));
        continue;
      }
      return conversation.skip({ next: true });
    }
    const command = leadingCommand(text);
    if (command === "cancel") {
      await ctx.reply(options.cancelledText);
      return conversation.halt();
    }
    if (command === "skip") {
      if (options.skippable) return { kind: "skip", ctx, updateId };
      await replyInDialog(ctx, texts.t("dialog-cannot-skip"));
      continue;
    }
    if (command === "done" && options.finishable) return { kind: "done", ctx, updateId };
    if (command === "help") {
      await replyInDialog(
        ctx,
        `${renderHelp(texts)}\n\n${texts.t("dialog-still-in", { dialog: options.dialogName })}`,
      );
      continue;
    }
    if (command !== undefined) {
      await ctx.reply(texts.t("dialog-left", { dialog: options.dialogName }));
      return conversation.halt({ next: true });
    }
    if (options.acceptText === false) {
      await replyInDialog(ctx, texts.t("dialog-tap-one-of-the-buttons"));
      continue;
    }
    return { kind: "text", text, ctx, updateId };
  }
}

/** "/cancel", "/Skip@greenlight_bot now" → "cancel", "skip"; undefined when the text is not a command. */
export function leadingCommand(text: string): string | undefined {
  return /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/.exec(text)?.[1]?.toLowerCase();
}

export function skipOrCancelKeyboard(texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard()
    .text(texts.t("button-skip"), dialogCallback.skip)
    .text(texts.t("button-cancel"), dialogCallback.cancel);
}

export function cancelKeyboard(texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard().text(texts.t("button-cancel"), dialogCallback.cancel);
}

/**
 * Opens a dialog. One dialog at a time per chat: whatever dialog was open (an unfinished edit, another
 * setting) is left first, as the owner has moved on to something else.
 */
export async function enterDialog(ctx: BotContext, id: string, args: unknown): Promise<void> {
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(id, args);
}
