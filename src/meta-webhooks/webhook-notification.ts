/**
 * What a verified Meta webhook notification asks of us, as rows for the inbox. Pure: no I/O.
 *
 * Instagram's shape (production-and-v2-apis.md, Webhooks; Meta's webhooks/examples):
 * `{object: "instagram", entry: [{id: <IG account id>, time, changes: [{field: "comments", value: {from: {id,
 * username}, media: {id, media_product_type}, id, parent_id?, text}}]}]}`. Meta may batch several entries and
 * changes in one delivery.
 */

import * as z from "zod/mini";
import { graphId } from "../shared/schemas.ts";

/** One change to store: its unique key makes a redelivered or replayed one a no-op. */
export interface InboxChange {
  dedupeKey: string;
  accountId: string;
  field: string;
  value: Record<string, unknown>;
  eventTime: Date;
}

/** Why a signed body is not taken: unreadable (not a notification we understand) or stale (a replay). */
export class WebhookNotificationError extends Error {
  override readonly name = "WebhookNotificationError";

  constructor(
    readonly reason: "unreadable" | "stale",
    message: string,
  ) {
    super(message);
  }
}

/**
 * How old a notification may be. Meta retries a delivery that was not answered 200 "with decreasing frequency
 * over the next 36 hours", so anything genuine is younger than that; a correctly signed body older than this
 * window is a replay of one we saw long ago (the signature covers `time`, so it cannot be freshened).
 */
export const REPLAY_WINDOW_MS = 48 * 3600_000;
/** Clocks differ a little; an entry much further in the future than this is not Meta's. */
const FUTURE_SKEW_MS = 10 * 60_000;
/**
 * Inbox rows are kept longer than the replay window (see pruneWebhookInbox), so any copy young enough to be
 * accepted still finds its first delivery's row and is not handled again.
 */
export const INBOX_RETENTION_MS = 72 * 3600_000;

/** The fields Greenlight acts on. Others (when the app subscribes to more) are acknowledged and dropped. */
const HANDLED_FIELDS = new Set(["comments"]);

const notificationSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: graphId,
      time: z.number(),
      changes: z.optional(z.array(z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) }))),
    }),
  ),
});

const commentSchema = z.object({
  id: graphId,
  text: z.optional(z.string()),
  media: z.object({ id: graphId }),
});

/**
 * The changes a notification carries, each with its key; throws WebhookNotificationError saying what is wrong
 * with a body that is not a notification, or with one whose time is outside the window (a replay).
 */
export function readWebhookNotification(rawBody: string, now: Date): InboxChange[] {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookNotificationError("unreadable", "The body is not JSON");
  }
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WebhookNotificationError(
      "unreadable",
      `Not a Meta webhook notification: ${issue.path.join(".") || "body"}: ${issue.message}`,
    );
  }
  const notification = parsed.data;
  if (notification.object !== "instagram") return [];

  const changes = new Map<string, InboxChange>();
  for (const entry of notification.entry) {
    const eventTime = entryTime(entry.time);
    const age = now.getTime() - eventTime.getTime();
    if (age > REPLAY_WINDOW_MS) {
      throw new WebhookNotificationError(
        "stale",
        `Refused as a replay: entry time ${eventTime.toISOString()} is more than ${REPLAY_WINDOW_MS / 3600_000} hours old`,
      );
    }
    if (age < -FUTURE_SKEW_MS) {
      throw new WebhookNotificationError(
        "stale",
        `Refused: entry time ${eventTime.toISOString()} is in the future`,
      );
    }
    for (const change of entry.changes ?? []) {
      if (!HANDLED_FIELDS.has(change.field)) continue;
      const comment = commentSchema.safeParse(change.value);
      if (!comment.success) {
        const issue = comment.error.issues[0]!;
        throw new WebhookNotificationError(
          "unreadable",
          `A comments change without ${issue.path.join(".") || "a value"}: ${issue.message}`,
        );
      }
      const dedupeKey = `comments:${comment.data.id}`;
      changes.set(dedupeKey, {
        dedupeKey,
        accountId: entry.id,
        field: change.field,
        value: change.value,
        eventTime,
      });
    }
  }
  return [...changes.values()];
}

/** Meta sends `time` in seconds since the epoch; some examples show milliseconds, so both are read. */
function entryTime(time: number): Date {
  return new Date(time > 1e12 ? time : time * 1000);
}
