import { randomBytes } from "node:crypto";
import type { Sql } from "../database/connect.ts";

/**
 * deletion_requests: one row per Instagram user who asked Meta to have their data deleted, answered with a
 * confirmation code and a status page. Meta may send the same request again; it gets the same row back.
 */

export type DeletionStatus = "pending" | "completed";

export interface DeletionRequest {
  confirmationCode: string;
  status: DeletionStatus;
  requestedAt: Date;
  completedAt: Date | null;
}

/** Meta wants an alphanumeric code (§C.2); 128 random bits in hex also make the status URL unguessable. */
export function newConfirmationCode(random: (size: number) => Buffer = randomBytes): string {
  return random(16).toString("hex");
}

const CONFIRMATION_CODE = /^[0-9a-f]{32}$/;

export function isConfirmationCode(value: unknown): value is string {
  return typeof value === "string" && CONFIRMATION_CODE.test(value);
}

/**
 * Records the request, or returns the one already recorded for this user (same code, same state). A user who
 * connected again after an earlier deletion has data again, so their old request is reopened rather than
 * reported as done.
 */
export async function recordDeletionRequest(
  sql: Sql,
  input: { metaUserId: string; confirmationCode: string },
): Promise<DeletionRequest> {
  const [row] = await sql<DeletionRequest[]>`
    with held as (
      select exists (
        select 1 from instagram_accounts
         where instagram_user_id = ${input.metaUserId} or app_scoped_user_id = ${input.metaUserId}) as again
    )
    insert into deletion_requests (confirmation_code, instagram_user_id)
    values (${input.confirmationCode}, ${input.metaUserId})
    on conflict (instagram_user_id) do update
       set status = case when (select again from held) then 'pending' else deletion_requests.status end,
           completed_at = case when (select again from held) then null else deletion_requests.completed_at end
    returning confirmation_code as "confirmationCode", status, requested_at as "requestedAt",
              completed_at as "completedAt"`;
  return row!;
}

export async function findDeletionRequest(
  sql: Sql,
  confirmationCode: string,
): Promise<DeletionRequest | undefined> {
  const [row] = await sql<DeletionRequest[]>`
    select confirmation_code as "confirmationCode", status, requested_at as "requestedAt",
           completed_at as "completedAt"
      from deletion_requests where confirmation_code = ${confirmationCode}`;
  return row;
}

export async function pendingDeletionRequests(
  sql: Sql,
  limit: number,
): Promise<{ confirmationCode: string; metaUserId: string }[]> {
  return sql<{ confirmationCode: string; metaUserId: string }[]>`
    select confirmation_code as "confirmationCode", instagram_user_id as "metaUserId"
      from deletion_requests where status = 'pending'
     order by requested_at
     limit ${limit}`;
}
