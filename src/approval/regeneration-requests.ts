/**
 * 🖼 New image and 🔁 Rewrite as rows in regeneration_requests (see migrations/0010): the tap records a request,
 * any instance claims it under a short lease, and every write of the worker that claimed it is fenced by the
 * row's `fence`, which each claim raises. A worker that died (a restart, a deploy, a crash) leaves its request to
 * be taken over when the lease runs out; one that merely stalled past its lease can no longer store anything.
 */

import { claimUpdate } from "../bot/processed-updates.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import { enqueueDraftCardUpdate } from "./draft-card-queries.ts";

/** 'format' turns a draft into a carousel or back; 'slide' redraws one slide with new text (see 0022). */
export type RegenerationKind = "image" | "rewrite" | "format" | "slide";

/** A request as its worker holds it: `fence` is the token every write of this worker must still match. */
export interface ClaimedRegeneration {
  id: number;
  draftId: number;
  kind: RegenerationKind;
  fence: number;
  /** This attempt's number, 1 for the first. */
  attempts: number;
  /** An image an earlier attempt put in the media store but not yet on the draft. */
  resultKey: string | null;
  resultSource: "generated" | "article" | "card" | null;
  /** For a rewrite: what the owner asked for ("Make it shorter.", "focus on the price"); null for a plain one. */
  instruction: string | null;
}

export type RegenerationRequestOutcome =
  /** Recorded: a worker will make it. */
  | { outcome: "requested" }
  /** One is already open for this draft (a double tap, or the other button). */
  | { outcome: "busy"; open: RegenerationKind }
  /** This Telegram update was already acted on; `open` is the request still running, if any. */
  | { outcome: "redelivered"; open: RegenerationKind | undefined }
  /** The draft is no longer awaiting review (or is gone). */
  | { outcome: "stale" };

/**
 * Records the owner's tap as a request, in the transaction that records its Telegram update, so a redelivered
 * update makes no second request. Two taps at once cannot both make one: the second insert waits on the first's
 * entry in regeneration_requests_open_idx and, once that commits, conflicts and inserts nothing.
 */
export async function requestRegeneration(
  sql: Sql,
  request: {
    draftId: number;
    kind: RegenerationKind;
    requestedBy: number;
    updateId: number;
    instruction?: string | null;
  },
): Promise<RegenerationRequestOutcome> {
  return sql.begin(async (tx): Promise<RegenerationRequestOutcome> => {
    if (!(await claimUpdate(tx, request.updateId)))
      return { outcome: "redelivered", open: await openRegeneration(tx, request.draftId) };
    const inserted = await tx`
      insert into regeneration_requests (draft_id, kind, requested_by, instruction)
      select id, ${request.kind}, ${request.requestedBy}, ${request.instruction ?? null} from drafts
       where id = ${request.draftId} and status = 'pending_review'
      on conflict (draft_id) where status in ('queued', 'running') do nothing
      returning id`;
    if (inserted.length > 0) return { outcome: "requested" };
    const open = await openRegeneration(tx, request.draftId);
    return open ? { outcome: "busy", open } : { outcome: "stale" };
  });
}

async function openRegeneration(tx: Transaction, draftId: number): Promise<RegenerationKind | undefined> {
  const [row] = await tx<{ kind: RegenerationKind }[]>`
    select kind from regeneration_requests where draft_id = ${draftId} and status in ('queued', 'running')`;
  return row?.kind;
}

/**
 * Claims the request due first: a queued one whose time has come, or a running one whose lease ran out (its
 * worker died or stalled). SKIP LOCKED hands each row to one claimer; raising `fence` makes every later write of
 * a previous holder miss. The attempt is counted here, so a worker that dies mid-attempt still uses one up.
 */
export async function claimRegeneration(
  sql: Sql,
  now: Date,
  leaseUntil: Date,
): Promise<ClaimedRegeneration | undefined> {
  const [row] = await sql<ClaimedRow[]>`
    update regeneration_requests r
       set status = 'running', fence = r.fence + 1, attempts = r.attempts + 1, due_at = ${leaseUntil}
     where r.id = (select id from regeneration_requests
                    where status in ('queued', 'running') and due_at <= ${now}
                    order by due_at, id
                    limit 1
                      for update skip locked)
    returning r.id, r.draft_id, r.kind, r.fence, r.attempts, r.result_key, r.result_source, r.instruction`;
  return row && toClaimed(row);
}

interface ClaimedRow {
  id: number;
  draft_id: number;
  kind: RegenerationKind;
  fence: number;
  attempts: number;
  result_key: string | null;
  result_source: ClaimedRegeneration["resultSource"];
  instruction: string | null;
}

function toClaimed(row: ClaimedRow): ClaimedRegeneration {
  return {
    id: row.id,
    draftId: row.draft_id,
    kind: row.kind,
    fence: row.fence,
    attempts: row.attempts,
    resultKey: row.result_key,
    resultSource: row.result_source,
    instruction: row.instruction,
  };
}

/** The fencing condition every worker write carries. */
function heldBy(sql: Sql | Transaction, claimed: ClaimedRegeneration) {
  return sql`id = ${claimed.id} and fence = ${claimed.fence} and status = 'running'`;
}

/** Extends the lease; false when the request is no longer this worker's. */
export async function renewRegenerationLease(
  sql: Sql,
  claimed: ClaimedRegeneration,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await sql`
    update regeneration_requests set due_at = ${leaseUntil} where ${heldBy(sql, claimed)} returning id`;
  return rows.length > 0;
}

/**
 * Gives a request back at shutdown, due at once for the next instance, with its attempt returned (a deploy is
 * not a failure). The fence is raised, so whatever this process still does for it is refused.
 */
export async function releaseRegeneration(sql: Sql, claimed: ClaimedRegeneration, now: Date): Promise<void> {
  await sql`
    update regeneration_requests
       set status = 'queued', due_at = ${now}, fence = fence + 1, attempts = greatest(attempts - 1, 0)
     where ${heldBy(sql, claimed)}`;
}

/** A failed attempt: tried again at `at`. */
export async function retryRegenerationLater(
  sql: Sql,
  claimed: ClaimedRegeneration,
  at: Date,
  error: string,
): Promise<void> {
  await sql`
    update regeneration_requests set status = 'queued', due_at = ${at}, last_error = ${error.slice(0, 500)}
     where ${heldBy(sql, claimed)}`;
}

/**
 * Remembers the image this attempt is about to put in the media store, so a retry after a crash finds it
 * instead of generating another. False when the request is no longer this worker's: then it must not store.
 */
export async function recordRegenerationImage(
  tx: Transaction,
  claimed: ClaimedRegeneration,
  image: { key: string; source: NonNullable<ClaimedRegeneration["resultSource"]> },
): Promise<boolean> {
  const rows = await tx`
    update regeneration_requests set result_key = ${image.key}, result_source = ${image.source}
     where ${heldBy(tx, claimed)} returning id`;
  return rows.length > 0;
}

/**
 * Closes the request, in the transaction that stores its result (or gives it up), and queues the card's update
 * (and the note to the owner, when given) with it, so the card shows the outcome exactly when it is decided.
 * False when the request is no longer this worker's: the caller rolls back and stores nothing.
 */
export async function finishRegeneration(
  tx: Transaction,
  claimed: ClaimedRegeneration,
  finish: {
    status: "done" | "failed";
    newPhoto?: boolean;
    /** For a carousel: the slides whose pictures changed, when not all. */
    slides?: number[];
    note?: string;
    error?: string;
  },
): Promise<boolean> {
  const rows = await tx`
    update regeneration_requests
       set status = ${finish.status}, finished_at = now(), last_error = coalesce(${finish.error ?? null}, last_error)
     where ${heldBy(tx, claimed)} returning id`;
  if (rows.length === 0) return false;
  if (finish.note) {
    const [chat] = await tx<{ chat_id: number }[]>`
      select coalesce(d.telegram_chat_id, o.telegram_chat_id) as chat_id
        from drafts d join brands b on b.id = d.brand_id join owners o on o.id = b.owner_id
       where d.id = ${claimed.draftId}`;
    if (chat) await enqueueText(tx, chat.chat_id, { text: finish.note });
  }
  await enqueueDraftCardUpdate(tx, claimed.draftId, { newPhoto: finish.newPhoto, slides: finish.slides });
  return true;
}
