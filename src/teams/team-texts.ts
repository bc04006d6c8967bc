/**
 * Every text the teams capability shows, in the locale of `texts` (locales/<locale>/teams.ftl). Functions whose
 * name ends in Html return HTML and escape every name they insert; the others are plain text.
 */

import { englishTexts, type Texts } from "../i18n/texts.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInput, shortenText } from "../shared/telegram-text-limits.ts";
import type { InvitationRole, MemberRole } from "./team-roles.ts";

/** Names in toasts stay short: a toast holds 200 characters. */
const TOAST_NAME = 40;
/** /team lists this many members, each name cut to NAME_IN_LIST, so the view stays within 4,096 characters. */
const LISTED_MEMBERS = 50;
const NAME_IN_LIST = 48;
/** Names on buttons: a phone shows about 30 characters of a button, and the label has a verb around the name. */
const BUTTON_NAME = 18;

/** "9 Dec 2026, 17:40 UTC", "9 dic 2026, 17:40 UTC": a moment told to people who may be in any time zone. */
export function formatUtcIn(date: Date, texts: Texts): string {
  const text = new Intl.DateTimeFormat(texts.locale === "en" ? "en-GB" : texts.locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} UTC`;
}

export function teamTextsIn(texts: Texts = englishTexts()) {
  const { t } = texts;
  return {
    // The bot's profile: "What can this bot do?" (≤ 512 characters) and the line shown with shared links (≤ 120).

    // Invitations.
    inviteChooseHtml: (brandName: string | null) =>
      brandName === null
        ? t("team-invite-choose-owner")
        : t("team-invite-choose-member", { brand: escapeHtml(brandName) }),
    inviteButton: (role: InvitationRole) => t(`team-invite-${role}-button`),
    inviteUsage: () => t("team-invite-usage"),
    inviteOwnerAdminsOnly: () => t("team-invite-owner-admins-only"),
    inviteUnknownBrand: (name: string) => t("team-invite-unknown-brand", { input: quoteInput(name) }),
    inviteCreatedHtml: (role: InvitationRole, brandName: string | null, link: string, until: Date) =>
      [
        t("team-invite-created-title", { role, brand: escapeHtml(brandName ?? "") }),
        "",
        escapeHtml(link),
        "",
        escapeHtml(t("team-invite-created-note", { until: formatUtcIn(until, texts) })),
      ].join("\n"),
    inviteNeedsStart: () => t("team-invite-needs-start"),
    brandGone: () => t("team-brand-gone-toast"),

    // Redeeming a link.
    joinedAsOwner: (firstName: string) => t("team-joined-owner", { firstName }),
    joinedAsMemberHtml: (role: MemberRole, brandName: string, hasGroup: boolean) =>
      [
        t("team-joined-member", { role, brand: escapeHtml(brandName) }),
        ...(hasGroup ? [] : [escapeHtml(t("team-joined-no-group"))]),
      ].join("\n"),
    invitationUnknown: () => t("team-invitation-unknown"),
    invitationUsed: () => t("team-invitation-used"),
    invitationExpired: (expiredAt: Date) =>
      t("team-invitation-expired", { until: formatUtcIn(expiredAt, texts) }),
    invitationAlreadyOwner: () => t("team-invitation-already-owner"),
    invitationOwnBrand: () => t("team-invitation-own-brand"),

    // /team.
    teamHtml: (
      brandName: string,
      group: { title: string } | null,
      members: readonly { name: string; role: MemberRole }[],
    ) =>
      [
        t("team-title", { brand: escapeHtml(brandName) }),
        "",
        group
          ? t("team-group-linked", { group: escapeHtml(group.title || t("team-group-untitled")) })
          : escapeHtml(t("team-no-group")),
        "",
        ...(members.length === 0
          ? [escapeHtml(t("team-no-members"))]
          : members
              .slice(0, LISTED_MEMBERS)
              .map((m) =>
                t("team-member", { role: m.role, name: escapeHtml(shortenText(m.name, NAME_IN_LIST)) }),
              )),
        ...(members.length > LISTED_MEMBERS
          ? [t("team-more-members", { count: members.length - LISTED_MEMBERS })]
          : []),
      ].join("\n"),
    removeMemberButton: (name: string) =>
      t("team-remove-button", { shortName: shortenText(name, BUTTON_NAME) }),
    memberRemoved: (name: string) =>
      t("team-member-removed-toast", { toastName: shortenText(name, TOAST_NAME) }),
    memberAlreadyGone: () => t("team-member-already-removed-toast"),

    // Groups.
    addedToGroup: () => t("team-added-to-group"),
    linkGroupInPrivate: () => t("team-link-group-in-private"),
    linkGroupChooseHtml: () => escapeHtml(t("team-link-group-choose")),
    linkGroupNoBrands: () => t("team-link-group-no-brands"),
    linkGroupButton: (brandName: string) =>
      t("team-link-group-button", { shortName: shortenText(brandName, BUTTON_NAME) }),
    groupLinkedHtml: (brandName: string, by: string) =>
      t("team-group-linked-here", { brand: escapeHtml(brandName), name: escapeHtml(by) }),
    groupLinkedToast: (brandName: string) =>
      t("team-group-linked-toast", { toastName: shortenText(brandName, TOAST_NAME) }),
    onlyBrandOwnerCanLink: () => t("team-only-owner-links-toast"),
    groupUnlinked: (brandNames: readonly string[]) =>
      t("team-group-unlinked", { brands: brandNames.join(", ") }),
    nothingLinked: () => t("team-nothing-linked"),
    brandHasNoGroup: (brandName: string) => t("team-brand-has-no-group", { brand: brandName }),

    // Refusals and members.
    viewerCannotDecide: () => t("team-viewer-cannot-decide-toast"),
    approverOnlyDecides: () => t("team-approver-cannot-do-toast"),
    notOnTheTeam: (telegramUserId: number) =>
      t("team-not-on-team-toast", { telegramId: String(telegramUserId) }),
    memberHelp: (brandNames: readonly string[]) => t("team-member-help", { brands: brandNames.join(", ") }),
    memberStatusWhichBrand: () => t("team-member-status-which-brand"),
  };
}

export type TeamTexts = ReturnType<typeof teamTextsIn>;
