import { Composer } from "grammy";
import type { BotContext, Owner } from "../../bot/bot-context.ts";
import { upcomingSlots } from "../../publishing/posting-slots.ts";
import { takenSlots } from "../../publishing/taken-slots.ts";
import { type BrandScope, loadBrandScope } from "../shared/brand-queries.ts";
import type { HandlerDeps } from "../shared/handler-deps.ts";
import {
  cancelQueuedPost,
  findOwnedPost,
  listQueuedPosts,
  moveQueuedPost,
  type QueuedPost,
} from "./queue-queries.ts";
import {
  cancelQuestionKeyboard,
  moveChoicesKeyboard,
  queueKeyboard,
  renderCancelQuestion,
  renderMoveChoices,
  renderQueue,
} from "./queue-view.ts";
import { runOnce } from "../shared/run-once.ts";
import { NOT_REGISTERED_TEXT, withButtonBrand, withSelectedBrand } from "../shared/selected-brand.ts";
import { settingsCallbackPattern } from "../shared/settings-callbacks.ts";
import { answerButton, replyHtml, showInPlace } from "../shared/telegram-replies.ts";

/** How many free slots a Move offers. */
const MOVE_CHOICES = 6;

/** /queue: approved posts in slot order; move one to another free slot, or cancel it. */
export function queueHandlers(deps: HandlerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const showQueue = async (ctx: BotContext, scope: BrandScope, inPlace: boolean, requestedPage = 0) => {
    const { posts, page } = await listQueuedPosts(deps.sql, scope.brand.id, requestedPage);
    const text = renderQueue(scope, posts, page, deps.clock(), ctx.texts);
    const keyboard = queueKeyboard(scope.brand.id, posts, page, ctx.texts);
    if (inPlace) await showInPlace(ctx, text, keyboard);
    else await replyHtml(ctx, text, keyboard);
  };

  /** The post behind a button, with its brand, while it is still waiting; otherwise answers what happened. */
  const waitingPost = async (
    ctx: BotContext,
    draftId: number,
  ): Promise<{ post: QueuedPost; scope: BrandScope; owner: Owner } | null> => {
    const owner = ctx.owner;
    if (!owner) {
      await answerButton(ctx, NOT_REGISTERED_TEXT);
      return null;
    }
    const post = await findOwnedPost(deps.sql, owner.id, draftId);
    const scope = post ? await loadBrandScope(deps.sql, owner.id, post.brand_id) : null;
    if (!post || !scope) {
      await answerButton(ctx, ctx.t("queue-post-gone"));
      return null;
    }
    if (post.status !== "approved" || !post.scheduled_for) {
      await answerButton(ctx, ctx.t("queue-post-now", { status: post.status }));
      await showQueue(ctx, scope, true);
      return null;
    }
    return { post, scope, owner };
  };

  const freeSlots = async (scope: BrandScope, post: QueuedPost): Promise<Date[]> => {
    const now = deps.clock();
    const taken = await takenSlots(deps.sql, scope.brand.id, now);
    const takenMs = new Set(taken.map((slot) => slot.getTime()));
    return upcomingSlots({
      slots: scope.brand.posting_slots,
      timeZone: scope.brand.time_zone,
      after: now,
      count: taken.length + MOVE_CHOICES + 1,
    })
      .filter((slot) => !takenMs.has(slot.getTime()) && slot.getTime() !== post.scheduled_for?.getTime())
      .slice(0, MOVE_CHOICES);
  };

  composer.command("queue", (ctx) =>
    withSelectedBrand(ctx, deps.sql, (scope) => showQueue(ctx, scope, false)),
  );

  composer.callbackQuery(settingsCallbackPattern.queueList, (ctx) =>
    withButtonBrand(ctx, deps.sql, Number(ctx.match[1]), async (scope) => {
      await answerButton(ctx);
      await showQueue(ctx, scope, true, Number(ctx.match[2] ?? 0));
    }),
  );

  composer.callbackQuery(settingsCallbackPattern.queueMove, async (ctx) => {
    const found = await waitingPost(ctx, Number(ctx.match[1]));
    if (!found) return;
    await answerButton(ctx);
    const slots = await freeSlots(found.scope, found.post);
    const now = deps.clock();
    await showInPlace(
      ctx,
      renderMoveChoices(found.scope, found.post, slots, now, ctx.texts),
      moveChoicesKeyboard(
        found.scope.brand.id,
        found.post.id,
        slots,
        found.scope.brand.time_zone,
        now,
        ctx.texts,
      ),
    );
  });

  composer.callbackQuery(settingsCallbackPattern.queueMoveTo, async (ctx) => {
    const found = await waitingPost(ctx, Number(ctx.match[1]));
    if (!found) return;
    const { post, scope } = found;
    const target = new Date(Number(ctx.match[2]) * 1000);
    const now = deps.clock();
    if (target.getTime() <= now.getTime()) {
      await answerButton(ctx, ctx.t("queue-slot-passed"));
    } else {
      const moved = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
        moveQueuedPost(tx, post.id, post.scheduled_for!, target),
      );
      const outcome = moved.applied ? moved.value : "moved";
      if (outcome === "moved") {
        await answerButton(
          ctx,
          ctx.t("queue-moved-toast", { when: ctx.texts.slot(target, scope.brand.time_zone, now) }),
        );
        return showQueue(ctx, scope, true);
      }
      await answerButton(
        ctx,
        outcome === "slot_taken" ? ctx.t("queue-slot-taken") : ctx.t("queue-post-not-waiting"),
      );
      if (outcome === "not_waiting") return showQueue(ctx, scope, true);
    }
    const slots = await freeSlots(scope, post);
    await showInPlace(
      ctx,
      renderMoveChoices(scope, post, slots, now, ctx.texts),
      moveChoicesKeyboard(scope.brand.id, post.id, slots, scope.brand.time_zone, now, ctx.texts),
    );
  });

  composer.callbackQuery(settingsCallbackPattern.queueCancel, async (ctx) => {
    const found = await waitingPost(ctx, Number(ctx.match[1]));
    if (!found) return;
    await answerButton(ctx);
    await showInPlace(
      ctx,
      renderCancelQuestion(found.scope, found.post, deps.clock(), ctx.texts),
      cancelQuestionKeyboard(found.scope.brand.id, found.post.id, ctx.texts),
    );
  });

  composer.callbackQuery(settingsCallbackPattern.queueCancelConfirm, async (ctx) => {
    const found = await waitingPost(ctx, Number(ctx.match[1]));
    if (!found) return;
    const cancelled = await runOnce(deps.sql, ctx.update.update_id, (tx) =>
      cancelQueuedPost(tx, found.post.id),
    );
    await answerButton(
      ctx,
      ctx.t(!cancelled.applied || cancelled.value ? "queue-cancelled-toast" : "queue-post-not-waiting"),
    );
    await showQueue(ctx, found.scope, true);
  });
  return composer;
}
