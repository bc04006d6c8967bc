import { type Context, InlineKeyboard } from "grammy";
import type { ConversationContext } from "../../bot/bot-context.ts";
import type { Sql } from "../../database/connect.ts";
import { textsOfUpdate } from "../../i18n/bot-locale.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { replyInDialog } from "../../bot/dialog-reply.ts";
import { loadBrandScope, setVoice } from "../shared/brand-queries.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import { type SettingsConversation, waitForAnswer } from "../shared/dialog-flow.ts";
import { runOnce } from "../shared/run-once.ts";
import { dialogCallback } from "../shared/settings-callbacks.ts";
import { VOICE_MAX_CHARS } from "../shared/settings-input.ts";
import { MAX_VOICE_EXAMPLES, type VoiceDeriver } from "./voice-deriver.ts";

/** Instagram's caption limit; an "example caption" longer than this is not one. */
const EXAMPLE_MAX_CHARS = 2_200;

export interface VoiceExamplesArgs {
  ownerId: number;
  brandId: number;
}

/**
 * Collects example captions, derives a voice from them, and stores it only when the owner taps Use. The
 * derivation (an AI call in production) runs once, inside `external`, so replays never repeat or re-bill it.
 */
export function voiceExamplesDialog(deps: { sql: Sql; voiceDeriver: VoiceDeriver }) {
  return async function voiceExamplesDialog(
    conversation: SettingsConversation,
    ctx: Context,
    args: VoiceExamplesArgs,
  ) {
    const texts = textsOfUpdate(ctx as Partial<ConversationContext>);
    const { t } = texts;
    const scope = await conversation.external(() => loadBrandScope(deps.sql, args.ownerId, args.brandId));
    if (!scope) {
      await ctx.reply(t("settings-brand-gone"));
      return;
    }
    const doneKeyboard = new InlineKeyboard()
      .text(t("voice-examples-done-button"), dialogCallback.done)
      .text(t("button-cancel"), dialogCallback.cancel);
    const options = {
      dialogName: t("voice-examples-dialog-name"),
      cancelledText: t("voice-examples-cancelled"),
      finishable: true,
    };
    await replyInDialog(
      ctx,
      withBrandHeading(scope, t("voice-examples-prompt", { limit: MAX_VOICE_EXAMPLES })),
      { parse_mode: "HTML", reply_markup: doneKeyboard },
    );

    const examples: string[] = [];
    while (examples.length < MAX_VOICE_EXAMPLES) {
      const answer = await waitForAnswer(conversation, options);
      if (answer.kind === "done") {
        if (examples.length > 0) break;
        await replyInDialog(answer.ctx, t("voice-examples-none-yet"));
        continue;
      }
      if (answer.kind !== "text") continue;
      const example = answer.text.trim();
      if (example.length > EXAMPLE_MAX_CHARS) {
        await replyInDialog(
          answer.ctx,
          t("voice-examples-too-long", { length: example.length, limit: EXAMPLE_MAX_CHARS }),
        );
        continue;
      }
      examples.push(example);
      if (examples.length < MAX_VOICE_EXAMPLES) {
        await replyInDialog(answer.ctx, t("voice-examples-got", { count: examples.length }), {
          reply_markup: doneKeyboard,
        });
      }
    }

    await ctx.replyWithChatAction("typing");
    const derived = await conversation.external(async () => {
      try {
        const voice = await deps.voiceDeriver.deriveVoice({
          brandId: scope.brand.id,
          brandName: scope.brand.name,
          topic: scope.brand.topic,
          examples,
        });
        return { ok: true as const, voice: [...voice.trim()].slice(0, VOICE_MAX_CHARS).join("") };
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      }
    });
    if (!derived.ok || derived.voice === "") {
      await ctx.reply(t("voice-examples-failed", { reason: derived.ok ? "" : `: ${derived.error}` }));
      return;
    }
    await ctx.reply(
      withBrandHeading(scope, t("voice-examples-derived", { voice: escapeHtml(derived.voice) })),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(t("voice-examples-use-button"), dialogCallback.use)
          .text(t("voice-examples-discard-button"), dialogCallback.discard),
      },
    );

    const choice = await waitForAnswer(conversation, {
      ...options,
      finishable: false,
      choices: [dialogCallback.use, dialogCallback.discard],
      acceptText: false,
    });
    if (choice.kind !== "choice" || choice.choice === dialogCallback.discard) {
      await choice.ctx.reply(t("voice-examples-discarded"));
      return;
    }
    const saved = await conversation.external(() =>
      runOnce(deps.sql, choice.updateId, (tx) => setVoice(tx, scope.brand.id, derived.voice)),
    );
    if (saved.applied && !saved.value) await choice.ctx.reply(t("settings-brand-gone"));
    else await choice.ctx.reply(withBrandHeading(scope, t("voice-examples-saved")), { parse_mode: "HTML" });
  };
}
