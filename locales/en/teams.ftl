# Teams and invitations (src/teams/). $brand, $name, $group and $firstName are names (HTML-escaped where the
# message is HTML); $role is owner, approver or viewer; $until and $date are moments in UTC ("9 Dec 2026, 17:40 UTC").

# /invite
team-invite-choose-owner = Who is the invitation for? An owner link makes a new owner with brands of their own.
team-invite-choose-member = Who is the invitation for? Approvers decide <b>{ $brand }</b>'s cards in its group; viewers see them and /status.
team-invite-owner-button = 👑 A new owner
team-invite-approver-button = ✅ An approver
team-invite-viewer-button = 👀 A viewer
team-invite-usage = Send /invite approver or /invite viewer (for the brand you are working on, or add its name: /invite viewer Café Roma), or /invite owner.
team-invite-owner-admins-only = Only the desk's operators (OWNER_TELEGRAM_IDS) can invite new owners. You can invite approvers and viewers to your brands.
team-invite-unknown-brand = You have no brand called { $input }. /brands lists them.
team-invite-created-title = { $role ->
    [owner] 🔗 <b>Invitation for a new owner</b>
    [approver] 🔗 <b>Invitation for an approver of { $brand }</b>
   *[viewer] 🔗 <b>Invitation for a viewer of { $brand }</b>
}
team-invite-created-note = It works once, until { $until }. Send it only to the person it is for: whoever opens it first joins.
team-invite-needs-start = Send /start first to register, then /invite.
team-brand-gone-toast = That brand no longer exists.

# Opening an invitation link
team-joined-owner = Welcome, { $firstName }! You are now an owner on this Greenlight desk. Send /start to set up your first brand.
team-joined-member = { $role ->
    [approver] Welcome! You are now an approver of <b>{ $brand }</b>.
       You can approve and reject its cards in its Telegram group.
   *[viewer] Welcome! You are now a viewer of <b>{ $brand }</b>.
       You can see its cards in its Telegram group, and /status here.
}
team-joined-no-group = Its owner has not linked a group yet: they will add you when they do.
team-invitation-unknown = This invitation link is not valid. Check that you opened the whole link, or ask for a new one.
team-invitation-used = This invitation link was already used: each link works once. Ask for a new one.
team-invitation-expired = This invitation link expired on { $until }. Ask whoever sent it for a new one.
team-invitation-already-owner = You are already an owner here, so this link is left for someone else. /brands lists your brands.
team-invitation-own-brand = You own this brand already, so this link is left for someone else. /team shows its team.

# /team
team-title = 👥 <b>Team of { $brand }</b>
team-group-linked = Cards go to the group <b>{ $group }</b>. /unlinkgroup sends them back here.
team-group-untitled = (untitled)
team-no-group = Cards come to this chat. To send them to a group, add me to it and send /linkgroup there.
team-no-members = No members yet. /invite approver or /invite viewer makes a link.
team-member = { $role ->
    [approver] ✅ { $name } – approver
   *[viewer] 👀 { $name } – viewer
}
team-more-members = …and { $count } more
team-remove-button = ✖ Remove { $shortName }
team-member-removed-toast = Removed { $toastName }.
team-member-already-removed-toast = Already removed.

# Groups
team-added-to-group = 👋 Hello! An owner can send /linkgroup here to have a brand's draft cards come to this group. Only people with a role on the brand can act on them.
team-link-group-in-private = Add me to the group first, then send /linkgroup in the group itself. /unlinkgroup here stops sending this brand's cards to its group.
team-link-group-choose = Which brand's cards should come to this group? Only the brand's owner can confirm.
team-link-group-no-brands = You have no brand yet. Set one up in a private chat with me (/start).
team-link-group-button = 🔗 { $shortName }
team-group-linked-here = ✅ <b>{ $brand }</b>'s new cards now come to this group (linked by { $name }). Its approvers can approve and reject them here; everyone else can only look.
team-group-linked-toast = Linked: { $toastName }'s cards come here now.
team-only-owner-links-toast = Only the brand's owner can confirm this.
team-group-unlinked = Unlinked. New cards of { $brands } go to the owner's private chat again.
team-nothing-linked = No brand of yours sends its cards here.
team-brand-has-no-group = { $brand } has no linked group: its cards already come here.

# Presses and commands of people who are not the brand's owner
team-viewer-cannot-decide-toast = 👀 You can see this brand's cards, not decide them. Ask its owner.
team-approver-cannot-do-toast = Only the brand's owner can do that, in a private chat with me.
team-not-on-team-toast = Only this brand's team can act on its cards. Your Telegram id is { $telegramId }: pass it to the operator.
team-member-help = You are on the team of { $brands }. Cards arrive in the brand's group. /status shows the brand at a glance.
team-member-status-which-brand = Send /status in the brand's group to see that brand.
