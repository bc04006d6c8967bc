/**
 * Invitation links in the database: made by an admin or an owner, redeemed once. Redemption is one guarded
 * UPDATE (`... where redeemed_at is null and expires_at > now`) in the transaction that also records the
 * Telegram update and makes the owner or the member: two people opening the same link at once both reach the
 * UPDATE, the second blocks on the first's row lock and, once it commits, re-checks `redeemed_at is null`
 * against the committed row and matches nothing. A crash before the commit leaves the link unused.
 */

import { claimUpdate } from "../bot/processed-updates.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import { registerOwner } from "../owner-settings/shared/brand-queries.ts";
import type { InvitationRole, MemberRole } from "./team-roles.ts";

export async function createInvitation(
  sql: Sql,
  invitation: {
    codeHash: Buffer;
    role: InvitationRole;
    brandId: number | null;
    createdByUserId: number;
    expiresAt: Date;
  },
): Promise<void> {
  await sql`
    insert into team_invitations (code_hash, role, brand_id, created_by_user_id, expires_at)
    values (${invitation.codeHash}, ${invitation.role}, ${invitation.brandId}, ${invitation.createdByUserId},
            ${invitation.expiresAt})`;
}

export type RedeemOutcome =
  | { kind: "owner"; ownerId: number }
  | { kind: "member"; role: MemberRole; brandId: number; brandName: string; hasGroup: boolean }
  | { kind: "unknown" }
  | { kind: "used" }
  | { kind: "expired"; expiresAt: Date }
  /** An owner link opened by an owner, or a member link by the brand's owner: the link stays unused. */
  | { kind: "alreadyOwner" }
  | { kind: "ownBrand" }
  /** Telegram delivered this update again after it was acted on. */
  | { kind: "redelivered" };

export async function redeemInvitation(
  sql: Sql,
  input: { codeHash: Buffer; user: { id: number; displayName: string }; updateId: number; now: Date },
): Promise<RedeemOutcome> {
  const { codeHash, user, now } = input;
  return sql.begin(async (tx): Promise<RedeemOutcome> => {
    if (!(await claimUpdate(tx, input.updateId))) return { kind: "redelivered" };
    // The guards on who opens it are in the same statement, so a refused opener never uses the link up.
    const [taken] = await tx<{ id: number; role: InvitationRole; brand_id: number | null }[]>`
      update team_invitations i set redeemed_at = ${now}, redeemed_by_user_id = ${user.id}
       where i.code_hash = ${codeHash} and i.redeemed_at is null and i.expires_at > ${now}
         and not (i.role = 'owner' and exists (select from owners where telegram_user_id = ${user.id}))
         and not exists (select from brands b join owners o on o.id = b.owner_id
                          where b.id = i.brand_id and o.telegram_user_id = ${user.id})
      returning i.id, i.role, i.brand_id`;
    if (!taken) return whyNotRedeemed(tx, codeHash, now);
    if (taken.role === "owner") {
      const ownerId = await registerOwner(tx, {
        telegramUserId: user.id,
        chatId: user.id,
        displayName: user.displayName,
      });
      return { kind: "owner", ownerId };
    }
    const [member] = await tx<{ brand_name: string; has_group: boolean }[]>`
      with added as (
        insert into brand_members (brand_id, telegram_user_id, role, display_name, invitation_id)
        values (${taken.brand_id}, ${user.id}, ${taken.role}, ${user.displayName}, ${taken.id})
        on conflict (brand_id, telegram_user_id)
          do update set role = excluded.role, display_name = excluded.display_name,
                        invitation_id = excluded.invitation_id
        returning brand_id
      )
      select b.name as brand_name, exists (select from brand_groups g where g.brand_id = b.id) as has_group
        from added join brands b on b.id = added.brand_id`;
    return {
      kind: "member",
      role: taken.role,
      brandId: taken.brand_id!,
      brandName: member!.brand_name,
      hasGroup: member!.has_group,
    };
  }) as Promise<RedeemOutcome>;
}

/** Why the guarded UPDATE matched nothing, read afterwards: the words the opener gets depend on it. */
async function whyNotRedeemed(tx: Transaction, codeHash: Buffer, now: Date): Promise<RedeemOutcome> {
  const [row] = await tx<{ redeemed_at: Date | null; expires_at: Date; role: InvitationRole }[]>`
    select redeemed_at, expires_at, role from team_invitations where code_hash = ${codeHash}`;
  if (!row) return { kind: "unknown" };
  if (row.redeemed_at) return { kind: "used" };
  if (row.expires_at <= now) return { kind: "expired", expiresAt: row.expires_at };
  return row.role === "owner" ? { kind: "alreadyOwner" } : { kind: "ownBrand" };
}
