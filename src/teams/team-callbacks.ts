/**
 * callback_data of the teams buttons, within Telegram's 64 bytes: `tm:i:<role>:<brandId>` (make an invitation;
 * brand 0 for an owner link), `tm:r:<brandId>:<userId>` (remove a member), `tm:l:<brandId>` (link this group).
 */

import type { InvitationRole } from "./team-roles.ts";

const ROLE_CODES: Record<InvitationRole, string> = { owner: "o", approver: "a", viewer: "v" };
const ROLES_BY_CODE: Record<string, InvitationRole> = { o: "owner", a: "approver", v: "viewer" };

export const TEAM_CALLBACK = {
  invite: /^tm:i:([oav]):(\d{1,15})$/,
  remove: /^tm:r:([1-9]\d{0,14}):([1-9]\d{0,15})$/,
  link: /^tm:l:([1-9]\d{0,14})$/,
};

export const teamCallback = {
  invite: (role: InvitationRole, brandId: number | null) => `tm:i:${ROLE_CODES[role]}:${brandId ?? 0}`,
  remove: (brandId: number, telegramUserId: number) => `tm:r:${brandId}:${telegramUserId}`,
  link: (brandId: number) => `tm:l:${brandId}`,
};

export function roleOfCode(code: string): InvitationRole {
  return ROLES_BY_CODE[code]!;
}
