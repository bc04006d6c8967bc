import { Composer } from "grammy";
import type { BotContext } from "../../bot/bot-context.ts";
import { applySettingText } from "../shared/apply-setting.ts";
import { loadBrandScope, setHashtags } from "../shared/brand-queries.ts";
import { DIALOG, enterDialog } from "../shared/dialog-flow.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import {
  firstCommentKeyboard,
  hashtagsKeyboard,
  renderFirstComment,
  renderHashtags,
  renderTopic,
  renderVoice,
  topicKeyboard,
  voiceKeyboard,
} from "./profile-views.ts";
import { runOnce } from "../shared/run-once.ts";
import { withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { openSettingDialogOn } from "../shared/setting-dialog.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";
import type { VoiceExamplesArgs } from "./voice-examples-dialog.ts";

/** /topic, /voice, /hashtags and /firstcomment: show the setting; change it by dialog, or directly with text after the command. */
export function profileHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("topic", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "topic", scope, ctx.match);
      await replyHtml(ctx, renderTopic(scope, ctx.texts), topicKeyboard(scope.brand.id, ctx.texts));
    }),
  );
  composer.command("voice", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "voice", scope, ctx.match);
      await replyHtml(ctx, renderVoice(scope, ctx.texts), voiceKeyboard(scope.brand.id, ctx.texts));
    }),
  );
  composer.command("hashtags", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "hashtags", scope, ctx.match);
      await replyHtml(
        ctx,
        renderHashtags(scope, ctx.texts),
        hashtagsKeyboard(scope.brand.id, scope.brand.default_hashtags.length > 0, ctx.texts),
      );
    }),
  );

  composer.command("firstcomment", (ctx) =>
    withSelectedBrand(ctx, deps.sql, async (scope) => {
      if (ctx.match.trim()) return applySettingText(ctx, deps, "firstComment", scope, ctx.match);
      await replyHtml(
        ctx,
        renderFirstComment(scope, ctx.texts),
        firstCommentKeyboard(scope.brand.id, ctx.texts),
      );
    }),
  );

  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.topicEdit, "topic");
  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.firstCommentEdit, "firstComment");
  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.voiceDescribe, "voice");
  openSettingDialogOn(composer, deps.sql, settingsCallbackPattern.hashtagsEdit, "hashtags");

  composer.callbackQuery(settingsCallbackPattern.voiceExamples, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope, owner) => {
      await answerButton(ctx);
      await enterDialog(ctx, DIALOG.voiceExamples, {
        ownerId: owner.id,
        brandId: scope.brand.id,
      } satisfies VoiceExamplesArgs);
    }),
  );

  composer.callbackQuery(settingsCallbackPattern.hashtagsClear, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope, owner) => {
      await runOnce(deps.sql, ctx.update.update_id, (tx) => setHashtags(tx, scope.brand.id, []));
      await answerButton(ctx, ctx.t("toast-hashtags-cleared"));
      const updated = (await loadBrandScope(deps.sql, owner.id, scope.brand.id)) ?? scope;
      await showInPlace(
        ctx,
        renderHashtags(updated, ctx.texts),
        hashtagsKeyboard(updated.brand.id, false, ctx.texts),
      );
    }),
  );
  return composer;
}
