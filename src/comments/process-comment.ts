import type { Sql, Transaction } from "../database/connect.ts";
import { storedReplyNote } from "./reply-notes.ts";
import { assessComment, isQuestion } from "./comment-assessment.ts";
import { summaryWindowStart } from "./comment-summaries.ts";
import { type CommentReplyDeps, type DraftedCommentReply, draftCommentReply } from "./draft-comment-reply.ts";
import {
  type CommentOutcome,
  findCommentPost,
  isCommentStored,
  readCommentChange,
  storeComment,
} from "./store-comment.ts";

export interface CommentProcessingDeps extends CommentReplyDeps {
  /** COMMENT_CARDS_PER_POST_PER_HOUR. */
  cardsPerHour: number;
}

const NOT_DRAFTED_FLAGGED = storedReplyNote({ key: "comment-note-flagged" });

/**
 * Handles one comments change: reads it, drafts a reply when the comment will get a card of its own, then
 * stores the comment and queues its card in one transaction with `finish` (which marks the notification done;
 * false means another worker holds it now, and nothing is written).
 *
 * The reply is drafted before that transaction, because a Claude call takes seconds and a transaction should
 * not. A crash between the two leaves the notification to be processed again, and the reply drafted again (both
 * calls are in the ledger). Nothing is drafted for a comment already stored, one the brand's setting keeps out
 * of the chat, spam or abuse by the cheap checks (the owner may still ask), or one over the post's hourly card
 * limit (its card, opened later from the summary, offers ✍️ Draft a reply).
 */
export async function processCommentChange(
  deps: CommentProcessingDeps,
  change: { accountId: string; value: Record<string, unknown>; eventTime: Date },
  finish: (tx: Transaction) => Promise<boolean>,
): Promise<CommentOutcome | "taken_over"> {
  const { sql } = deps;
  const comment = readCommentChange(change.value);
  const finishOnly = (outcome: CommentOutcome) => finishWith(sql, finish, async () => outcome);
  if (comment.from?.id === change.accountId) return finishOnly("own_comment");
  const post = await findCommentPost(sql, comment.media.id);
  if (!post) return finishOnly("not_ours");
  if (await isCommentStored(sql, comment.id)) return finishOnly("duplicate");

  const text = comment.text ?? "";
  const visible =
    post.commentsToTelegram === "all" ||
    (post.commentsToTelegram === "questions" && isQuestion(text, post.language));
  const assessment = assessComment(text);
  let drafted: DraftedCommentReply = { replyText: null, replyNote: null, flagged: null };
  if (assessment.flag) drafted = { ...drafted, replyNote: NOT_DRAFTED_FLAGGED };
  else if (visible && text.trim() !== "" && (await mayGetCard(sql, post.draftId, deps))) {
    drafted = await draftCommentReply(deps, {
      brandId: post.brandId,
      postCaption: post.caption,
      commenterUsername: comment.from?.username ?? null,
      comment: text,
      ownerAsked: false,
    });
  }
  return finishWith(sql, finish, (tx) =>
    storeComment(tx, {
      post,
      comment,
      eventTime: change.eventTime,
      receivedAt: deps.clock(),
      visible,
      assessment,
      drafted,
      cardsPerHour: deps.cardsPerHour,
    }),
  );
}

async function finishWith(
  sql: Sql,
  finish: (tx: Transaction) => Promise<boolean>,
  work: (tx: Transaction) => Promise<CommentOutcome>,
): Promise<CommentOutcome | "taken_over"> {
  return sql.begin(async (tx) => {
    // Finished first, in the same transaction: if another worker holds the row now, nothing is written.
    if (!(await finish(tx))) return "taken_over" as const;
    return work(tx);
  });
}

/** A first look, without the lock storeComment decides under: is the post under its hourly card limit? */
async function mayGetCard(sql: Sql, draftId: number, deps: CommentProcessingDeps): Promise<boolean> {
  const windowStart = summaryWindowStart(deps.clock());
  const [row] = await sql<{ shown: number }[]>`
    select count(*)::int as shown from instagram_comments
     where draft_id = ${draftId} and card = 'shown' and received_at >= ${windowStart}`;
  return row!.shown < deps.cardsPerHour;
}
