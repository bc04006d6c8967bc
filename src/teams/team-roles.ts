/**
 * Who may do what on a brand. Pure: the roles, the card actions an approver may take in a linked group, and the
 * command menu each kind of user sees.
 */

import type { DraftAction } from "../approval/callback-data.ts";

/** A member's role on one brand. */
export type MemberRole = "approver" | "viewer";
/** What an invitation link makes its user. */
export type InvitationRole = "owner" | MemberRole;

export const INVITATION_ROLES: readonly InvitationRole[] = ["owner", "approver", "viewer"];

export function isInvitationRole(value: string): value is InvitationRole {
  return (INVITATION_ROLES as readonly string[]).includes(value);
}

/**
 * The card buttons an approver may press in the brand's linked group: the decisions that are one guarded
 * statement and open no dialog. Edit, alt text, rewrite and "Other…" open a dialog that reads the next message
 * of the chat, which in a group could be anyone's, so they stay with the owner.
 */
export const GROUP_CARD_ACTIONS: ReadonlySet<DraftAction> = new Set<DraftAction>([
  "approve",
  "undo",
  "postNow",
  "retry",
  "reject",
  "rejectBecause",
  "keep",
]);

export interface MenuCommand {
  command: string;
  description: string;
}
