/**
 * A brand's team in the database: its members and roles, its linked group. Every check reads these rows at the
 * moment of the tap or command, so removing a member or unlinking a group takes effect on the next one.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import type { MemberRole } from "./team-roles.ts";

export interface TeamMember {
  telegram_user_id: number;
  role: MemberRole;
  display_name: string;
}

export interface BrandTeam {
  members: TeamMember[];
  group: { chat_id: number; title: string } | null;
}

export async function loadBrandTeam(sql: Sql, brandId: number): Promise<BrandTeam> {
  const [members, [group]] = await Promise.all([
    sql<TeamMember[]>`
      select telegram_user_id, role, display_name from brand_members
       where brand_id = ${brandId} order by added_at, telegram_user_id`,
    sql<
      { chat_id: number; title: string }[]
    >`select chat_id, title from brand_groups where brand_id = ${brandId}`,
  ]);
  return { members, group: group ?? null };
}

/** Removes a member from one of the owner's brands; returns their name, or null when there was no such member. */
export async function removeMember(
  sql: Sql,
  input: { ownerId: number; brandId: number; telegramUserId: number },
): Promise<string | null> {
  const [row] = await sql<{ display_name: string }[]>`
    delete from brand_members m using brands b
     where m.brand_id = b.id and b.id = ${input.brandId} and b.owner_id = ${input.ownerId}
       and m.telegram_user_id = ${input.telegramUserId}
    returning m.display_name`;
  return row ? row.display_name : null;
}

/** The user's role on the brand of a draft whose card is in `chatId`, when that chat is the brand's group. */
export async function roleOnCardInGroup(
  sql: Sql,
  input: { draftId: number; telegramUserId: number; chatId: number },
): Promise<MemberRole | null> {
  const [row] = await sql<{ role: MemberRole }[]>`
    select m.role from drafts d
      join brand_groups g on g.brand_id = d.brand_id and g.chat_id = ${input.chatId}
      join brand_members m on m.brand_id = d.brand_id and m.telegram_user_id = ${input.telegramUserId}
     where d.id = ${input.draftId}`;
  return row?.role ?? null;
}

export interface Membership {
  brand_id: number;
  brand_name: string;
  owner_id: number;
  role: MemberRole;
}

/** The brands a user is a member of; with `chatId`, only the brands whose linked group that chat is. */
export async function membershipsOf(
  sql: Sql,
  telegramUserId: number,
  chatId?: number,
): Promise<Membership[]> {
  return sql<Membership[]>`
    select b.id as brand_id, b.name as brand_name, b.owner_id, m.role
      from brand_members m join brands b on b.id = m.brand_id
     where m.telegram_user_id = ${telegramUserId}
       ${chatId === undefined ? sql`` : sql`and exists (select from brand_groups g where g.brand_id = b.id and g.chat_id = ${chatId})`}
     order by b.id`;
}

/**
 * Links a group to a brand of the owner whose Telegram id confirmed, in place of the brand's earlier group.
 * Returns the brand's name and a group no brand is linked to any more, or null when the brand is not theirs.
 */
export async function linkGroup(
  sql: Sql,
  input: { brandId: number; ownerTelegramUserId: number; chatId: number; title: string },
): Promise<{ name: string; abandonedChatId: number | null } | null> {
  // Every part of the statement reads the rows as they were before it, so `previous` is the group it replaces.
  const [row] = await sql<
    { name: string; previous_chat_id: number | null; previous_still_linked: boolean }[]
  >`
    with brand as (
      select b.id, b.name from brands b join owners o on o.id = b.owner_id
       where b.id = ${input.brandId} and o.telegram_user_id = ${input.ownerTelegramUserId}
    ), previous as (
      select g.chat_id from brand_groups g join brand on brand.id = g.brand_id
    ), linked as (
      insert into brand_groups (brand_id, chat_id, title)
      select id, ${input.chatId}, ${input.title} from brand
      on conflict (brand_id) do update set chat_id = excluded.chat_id, title = excluded.title, linked_at = now()
      returning brand_id
    )
    select brand.name, (select chat_id from previous) as previous_chat_id,
           exists (select from brand_groups g, previous
                    where g.chat_id = previous.chat_id and g.brand_id <> brand.id) as previous_still_linked
      from brand join linked on linked.brand_id = brand.id`;
  if (!row) return null;
  const previous = row.previous_chat_id === null ? null : Number(row.previous_chat_id);
  const abandoned = previous !== null && previous !== input.chatId && !row.previous_still_linked;
  return { name: row.name, abandonedChatId: abandoned ? previous : null };
}

/** Unlinks the owner's brands from a group (`chatId`), or one brand from whatever group it has. */
export async function unlinkGroups(
  sql: Sql,
  input: { ownerId: number } & ({ chatId: number } | { brandId: number }),
): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    delete from brand_groups g using brands b
     where g.brand_id = b.id and b.owner_id = ${input.ownerId}
       and ${"chatId" in input ? sql`g.chat_id = ${input.chatId}` : sql`g.brand_id = ${input.brandId}`}
    returning b.name`;
  return rows.map((row) => row.name);
}

/** The bot left or was removed from a group: no brand's cards can go there any more. */
export async function forgetGroup(sql: Sql, chatId: number): Promise<number> {
  const rows = await sql`delete from brand_groups where chat_id = ${chatId} returning brand_id`;
  // The bot can no longer change a menu there; the record of it goes.
  await sql`delete from telegram_command_menus where chat_id = ${chatId}`;
  return rows.length;
}

/**
 * What the teams capability holds about an owner who deletes their data (/deletedata), removed in the same
 * transaction before their owner row: the invitations they made or used (their Telegram id), their places on
 * other owners' teams, and their chat's menu record. Their own brands' members and groups go with the brands.
 */
export async function deleteTeamDataOf(tx: Transaction, ownerId: number): Promise<void> {
  const [owner] = await tx<{ user_id: number; chat_id: number }[]>`
    select telegram_user_id as user_id, telegram_chat_id as chat_id from owners where id = ${ownerId}`;
  if (!owner) return;
  await tx`
    delete from team_invitations
     where created_by_user_id = ${owner.user_id} or redeemed_by_user_id = ${owner.user_id}`;
  await tx`delete from brand_members where telegram_user_id = ${owner.user_id}`;
  await tx`delete from telegram_command_menus where chat_id = ${owner.chat_id}`;
}
