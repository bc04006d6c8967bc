/**
 * The comment card's buttons (💬 Send, ✏️ Edit, 🙈 Hide, Ignore, ✍️ Draft a reply), the summary's 👀 Show, and
 * the ✏️ Edit dialog. Each decision is one guarded statement (comment-queries.ts), so a stale or repeated tap
 * answers with what happened and who did it, and the card is edited to show the outcome.
 */

import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { createDialog } from "../bot/dialog-messages.ts";
import { DIALOG_TIMEOUT_MS } from "../approval/dialog-input.ts";
import { InstagramApiError } from "../instagram/instagram-api-error.ts";
import { loadAccessToken } from "../instagram-auth/access-token.ts";
import { answerButton } from "../owner-settings/shared/telegram-replies.ts";
import { runJobSoon } from "../scheduler/run-job-soon.ts";
import type { Services } from "../services.ts";
import { shortenText } from "../shared/telegram-text-limits.ts";
import {
  COMMENT_CALLBACK_PATTERN,
  type CommentAction,
  parseCommentCallback,
} from "./comment-callback-data.ts";
import { describeDecided, SUMMARY_PAGE } from "./comment-card.ts";
import {
  enqueueCommentCard,
  enqueueSummaryUpdate,
  showCommentCardAfterPress,
} from "./comment-card-telegram.ts";
import {
  claimReplySend,
  closeComment,
  loadComment,
  saveDraftedReply,
  type StoredComment,
} from "./comment-queries.ts";
import { loadCommentSummary, openSummarisedComments } from "./comment-summaries.ts";
import { type CommentReplyDeps, draftCommentReply } from "./draft-comment-reply.ts";
import { EDIT_REPLY_DIALOG, editReplyDialog } from "./edit-reply-dialog.ts";
import { carryOutSend, type ReplySenderDeps, SEND_LEASE_MS } from "./send-reply.ts";

export interface CommentButtonsDeps {
  services: Pick<Services, "sql" | "logger" | "clock" | "vault" | "scheduler">;
  instagram: ReplySenderDeps["instagram"];
  ai: CommentReplyDeps["ai"];
}

/** The ✏️ Edit dialog; goes with the other dialogs, ahead of the commands (see draftDialogs). */
export function commentDialogs(deps: Pick<CommentButtonsDeps, "services">): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createDialog(editReplyDialog(deps.services), {
      id: EDIT_REPLY_DIALOG,
      maxMillisecondsToWait: DIALOG_TIMEOUT_MS,
    }),
  );
  return composer;
}

export function commentButtons(deps: CommentButtonsDeps): Composer<BotContext> {
  const { sql, logger, scheduler } = deps.services;
  const composer = new Composer<BotContext>();
  const refreshCard = (ctx: BotContext, id: number) =>
    showCommentCardAfterPress({ sql, logger }, ctx.api, id);

  composer.callbackQuery(COMMENT_CALLBACK_PATTERN, async function pressCommentButton(ctx) {
    const callback = parseCommentCallback(ctx.callbackQuery.data);
    const owner = ctx.owner;
    if (!callback) return answerButton(ctx, ctx.t("button-inactive"));
    if (!owner) return answerButton(ctx, ctx.t("send-start-first"));
    if (callback.action === "more") return openMore(ctx, callback.id, owner.id);

    const comment = await loadComment(sql, callback.id, owner.id);
    if (!comment) return answerButton(ctx, ctx.t("comment-gone"));
    const actedBy = ctx.callbackQuery.from.first_name;
    if (comment.status !== "open") {
      await answerButton(ctx, describeDecided(comment, comment.timeZone, ctx.texts));
      return refreshCard(ctx, comment.id);
    }
    return act(ctx, callback.action, comment, actedBy);
  });

  async function act(
    ctx: BotContext,
    action: Exclude<CommentAction, "more">,
    comment: StoredComment,
    actedBy: string,
  ) {
    switch (action) {
      case "send":
        return send(ctx, comment, actedBy);
      case "edit":
        await answerButton(ctx, ctx.t("toast-comment-send-reply"));
        await ctx.conversation.exitAll();
        await ctx.conversation.enter(EDIT_REPLY_DIALOG, {
          commentRowId: comment.id,
          ownerId: comment.ownerId,
        });
        return;
      case "hide":
        return hide(ctx, comment, actedBy);
      case "ignore":
        return close(ctx, comment, { status: "ignored", actedBy, done: ctx.t("toast-comment-ignored") });
      case "draft": {
        await answerButton(ctx, ctx.t("toast-comment-drafting"));
        const drafted = await draftCommentReply(
          { sql, logger, ai: deps.ai, clock: deps.services.clock },
          {
            brandId: comment.brandId,
            postCaption: comment.caption,
            commenterUsername: comment.commenterUsername,
            comment: comment.text,
            ownerAsked: true,
          },
        );
        await saveDraftedReply(sql, comment.id, {
          replyText: drafted.replyText,
          replyNote: drafted.replyNote,
        });
        return refreshCard(ctx, comment.id);
      }
    }
  }

  async function send(ctx: BotContext, comment: StoredComment, actedBy: string) {
    if (!comment.replyText) return answerButton(ctx, ctx.t("toast-comment-no-reply"));
    const claimed = await claimReplySend(sql, {
      id: comment.id,
      ownerId: comment.ownerId,
      actedBy,
      // Read per press: tests move the service's clock.
      leaseUntil: new Date(deps.services.clock().getTime() + SEND_LEASE_MS),
    });
    if (!claimed) {
      await answerButton(ctx, await whatHappened(ctx, comment));
      return refreshCard(ctx, comment.id);
    }
    await answerButton(ctx, ctx.t("toast-comment-sending"));
    await refreshCard(ctx, comment.id);
    const outcome = await carryOutSend(deps, claimed);
    if (outcome.kind === "uncertain") {
      await ctx.reply(ctx.t("toast-comment-unconfirmed"));
      runJobSoon(scheduler, logger, COMMENT_REPLIES_JOB);
    }
    await refreshCard(ctx, comment.id);
  }

  async function hide(ctx: BotContext, comment: StoredComment, actedBy: string) {
    if (!deps.instagram) return answerButton(ctx, ctx.t("toast-comment-no-instagram"));
    const access = await loadAccessToken(deps.services, comment.brandId);
    if (!access) return answerButton(ctx, ctx.t("toast-comment-not-connected"));
    try {
      // Hiding is idempotent on Instagram, so a double tap may call it twice; the row records it once.
      await deps.instagram.hideComment({ commentId: comment.commentId, token: access.token, hide: true });
    } catch (error) {
      logger.warn({ commentRowId: comment.id, err: error }, "hiding a comment failed");
      const detail = error instanceof InstagramApiError ? (error.userMessage ?? error.metaMessage) : null;
      return answerButton(
        ctx,
        detail
          ? ctx.t("toast-comment-hide-refused", { instagramSays: shortenText(detail, INSTAGRAM_SAYS_CHARS) })
          : ctx.t("toast-comment-hide-failed"),
      );
    }
    return close(ctx, comment, { status: "hidden", actedBy, done: ctx.t("toast-comment-hidden") });
  }

  /** Records the decision (once, whoever taps first), answers with it or with what happened instead. */
  async function close(
    ctx: BotContext,
    comment: StoredComment,
    decision: { status: "hidden" | "ignored"; actedBy: string; done: string },
  ) {
    const closed = await closeComment(sql, { id: comment.id, ownerId: comment.ownerId, ...decision });
    await answerButton(ctx, closed ? decision.done : await whatHappened(ctx, comment));
    return refreshCard(ctx, comment.id);
  }

  async function whatHappened(ctx: BotContext, comment: StoredComment): Promise<string> {
    const now = await loadComment(sql, comment.id);
    return now ? describeDecided(now, now.timeZone, ctx.texts) : ctx.t("comment-gone");
  }

  async function openMore(ctx: BotContext, summaryId: number, ownerId: number) {
    const summary = await loadCommentSummary(sql, summaryId, ownerId);
    if (!summary) return answerButton(ctx, ctx.t("toast-comments-gone"));
    const opened = await sql.begin(async (tx) => {
      const comments = await openSummarisedComments(tx, summaryId, SUMMARY_PAGE);
      for (const comment of comments) await enqueueCommentCard(tx, { ...comment, chatId: summary.chatId });
      await enqueueSummaryUpdate(tx, { id: summaryId, chatId: summary.chatId });
      return comments.length;
    });
    await answerButton(
      ctx,
      opened > 0 ? ctx.t("toast-comments-opening", { count: opened }) : ctx.t("toast-comments-all-open"),
    );
    runJobSoon(scheduler, logger, "telegram-outbox");
  }

  return composer;
}

/** The job that finishes sends whose outcome was unknown (send-reply.ts). */
export const COMMENT_REPLIES_JOB = "comment-replies";

/** Instagram's words in a toast, cut so the whole toast stays within Telegram's 200 characters. */
const INSTAGRAM_SAYS_CHARS = 100;
/** Every 15 seconds, on every instance: a send left unknown by a crash is finished soon after its lease. */
export const COMMENT_REPLIES_CRON = "*/15 * * * * *";
