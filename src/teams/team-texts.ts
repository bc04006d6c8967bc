/**
 * Every text the teams capability shows, in English, as functions, so they can move into the message catalogue
 * as they are. Functions whose name ends in Html return HTML and escape every name they insert; the others are
 * plain text.
 */

import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInput, shortenText } from "../shared/telegram-text-limits.ts";
import type { InvitationRole, MemberRole } from "./team-roles.ts";

const ROLE_NAMES: Record<InvitationRole, string> = {
  owner: "owner",
  approver: "approver",
  viewer: "viewer",
};
const A_ROLE: Record<MemberRole, string> = { approver: "an approver", viewer: "a viewer" };

/** Names on buttons and in toasts stay short: a toast holds 200 characters, a button shows about 40. */
const SHORT_NAME = 40;

export const teamTexts = {
  // The bot's profile: "What can this bot do?" (≤ 512 characters) and the line shown with shared links (≤ 120).
  botDescription: () =>
    "Greenlight turns the news a brand follows into Instagram posts. Each draft arrives here as a card to approve, edit or reject, and approved posts go out on schedule.\n\nThis is a private desk: its operator lets people in. If you were given an invitation link, open it to join.",
  botShortDescription: () =>
    "An AI content desk for Instagram: news in, drafts to approve, posts out on schedule.",

  // Command menu lines (1–256 characters each).

  // Invitations.
  inviteChooseHtml: (brandName: string | null) =>
    brandName === null
      ? "Who is the invitation for? An owner link makes a new owner with brands of their own."
      : `Who is the invitation for? Approvers decide <b>${escapeHtml(brandName)}</b>'s cards in its group; viewers see them and /status.`,
  inviteButton: (role: InvitationRole) =>
    ({ owner: "👑 A new owner", approver: "✅ An approver", viewer: "👀 A viewer" })[role],
  inviteUsage: () =>
    "Send /invite approver or /invite viewer (for the brand you are working on, or add its name: /invite viewer Café Roma), or /invite owner.",
  inviteOwnerAdminsOnly: () =>
    "Only the desk's operators (OWNER_TELEGRAM_IDS) can invite new owners. You can invite approvers and viewers to your brands.",
  inviteUnknownBrand: (name: string) => `You have no brand called ${quoteInput(name)}. /brands lists them.`,
  inviteCreatedHtml: (role: InvitationRole, brandName: string | null, link: string, until: string) =>
    [
      role === "owner"
        ? "🔗 <b>Invitation for a new owner</b>"
        : `🔗 <b>Invitation for ${A_ROLE[role]} of ${escapeHtml(brandName ?? "")}</b>`,
      "",
      escapeHtml(link),
      "",
      `It works once, until ${escapeHtml(until)}. Send it only to the person it is for: whoever opens it first joins.`,
    ].join("\n"),
  inviteNeedsStart: () => "Send /start first to register, then /invite.",

  // Redeeming a link.
  joinedAsOwner: (firstName: string) =>
    `Welcome, ${firstName}! You are now an owner on this Greenlight desk. Send /start to set up your first brand.`,
  joinedAsMemberHtml: (role: MemberRole, brandName: string, hasGroup: boolean) =>
    [
      `Welcome! You are now ${A_ROLE[role]} of <b>${escapeHtml(brandName)}</b>.`,
      role === "approver"
        ? "You can approve and reject its cards in its Telegram group."
        : "You can see its cards in its Telegram group, and /status here.",
      hasGroup ? "" : "Its owner has not linked a group yet: they will add you when they do.",
    ]
      .filter(Boolean)
      .join("\n"),
  invitationUnknown: () =>
    "This invitation link is not valid. Check that you opened the whole link, or ask for a new one.",
  invitationUsed: () => "This invitation link was already used: each link works once. Ask for a new one.",
  invitationExpired: (expiredOn: string) =>
    `This invitation link expired on ${expiredOn}. Ask whoever sent it for a new one.`,
  invitationAlreadyOwner: () =>
    "You are already an owner here, so this link is left for someone else. /brands lists your brands.",
  invitationOwnBrand: () =>
    "You own this brand already, so this link is left for someone else. /team shows its team.",

  // /team.
  teamHtml: (
    brandName: string,
    group: { title: string } | null,
    members: readonly { name: string; role: MemberRole }[],
  ) =>
    [
      `👥 <b>Team of ${escapeHtml(brandName)}</b>`,
      "",
      group
        ? `Cards go to the group <b>${escapeHtml(group.title || "(untitled)")}</b>. /unlinkgroup sends them back here.`
        : "Cards come to this chat. To send them to a group, add me to it and send /linkgroup there.",
      "",
      ...(members.length === 0
        ? ["No members yet. /invite approver or /invite viewer makes a link."]
        : members.map(
            (m) => `${m.role === "approver" ? "✅" : "👀"} ${escapeHtml(m.name)} – ${ROLE_NAMES[m.role]}`,
          )),
    ].join("\n"),
  removeMemberButton: (name: string) => `✖ Remove ${shortenText(name, SHORT_NAME)}`,
  memberRemoved: (name: string) => `Removed ${shortenText(name, SHORT_NAME)}.`,
  memberAlreadyGone: () => "Already removed.",

  // Groups.
  addedToGroup: () =>
    "👋 Hello! An owner can send /linkgroup here to have a brand's draft cards come to this group. Only people with a role on the brand can act on them.",
  linkGroupInPrivate: () =>
    "Add me to the group first, then send /linkgroup in the group itself. /unlinkgroup here stops sending this brand's cards to its group.",
  linkGroupChooseHtml: () =>
    "Which brand's cards should come to this group? Only the brand's owner can confirm.",
  linkGroupNoBrands: () => "You have no brand yet. Set one up in a private chat with me (/start).",
  linkGroupButton: (brandName: string) => `🔗 ${shortenText(brandName, SHORT_NAME)}`,
  groupLinkedHtml: (brandName: string, by: string) =>
    `✅ <b>${escapeHtml(brandName)}</b>'s new cards now come to this group (linked by ${escapeHtml(by)}). Its approvers can approve and reject them here; everyone else can only look.`,
  groupLinkedToast: (brandName: string) =>
    `Linked: ${shortenText(brandName, SHORT_NAME)}'s cards come here now.`,
  onlyBrandOwnerCanLink: () => "Only the brand's owner can confirm this.",
  groupUnlinked: (brandNames: readonly string[]) =>
    `Unlinked. New cards of ${brandNames.join(", ")} go to the owner's private chat again.`,
  nothingLinked: () => "No brand of yours sends its cards here.",
  brandHasNoGroup: (brandName: string) => `${brandName} has no linked group: its cards already come here.`,

  // Refusals and members.
  viewerCannotDecide: () => "👀 You can see this brand's cards, not decide them. Ask its owner.",
  approverOnlyDecides: () => "Only the brand's owner can do that, in a private chat with me.",
  notOnTheTeam: (telegramUserId: number) =>
    `Only this brand's team can act on its cards. Your Telegram id is ${telegramUserId}: pass it to the operator.`,
  memberHelp: (brandNames: readonly string[]) =>
    `You are on the team of ${brandNames.join(", ")}. Cards arrive in the brand's group. /status shows the brand at a glance.`,
  memberStatusWhichBrand: () => "Send /status in the brand's group to see that brand.",
};
