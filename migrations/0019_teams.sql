-- Teams: invitation links, a brand's members and the Telegram group its cards go to.

-- A one-time invitation link (t.me/<bot>?start=<code>). Only the SHA-256 of the code is stored: the link is
-- shown once to the person who made it, and a copy of the database cannot be turned into working links. It is
-- redeemed by one guarded UPDATE (... where redeemed_at is null and expires_at > now), so of two people using the
-- same link at once exactly one gets in. An owner link makes a new owner (brand_id null); a member link adds an
-- approver or a viewer to one brand, and goes with the brand.
create table team_invitations (
  id                  bigserial primary key,
  code_hash           bytea not null unique check (length(code_hash) = 32),
  role                text not null check (role in ('owner', 'approver', 'viewer')),
  brand_id            bigint references brands (id) on delete cascade,
  created_by_user_id  bigint not null,
  created_at          timestamptz not null default now(),
  expires_at          timestamptz not null,
  redeemed_at         timestamptz,
  redeemed_by_user_id bigint,
  check ((role = 'owner') = (brand_id is null))
);

-- People who work on a brand without owning it: an approver decides its cards, a viewer sees them and /status.
-- Removing a row takes effect on the member's next tap: every tap reads this table.
create table brand_members (
  brand_id          bigint not null references brands (id) on delete cascade,
  telegram_user_id  bigint not null,
  role              text not null check (role in ('approver', 'viewer')),
  display_name      text not null default '',
  invitation_id     bigint references team_invitations (id) on delete set null,
  added_at          timestamptz not null default now(),
  primary key (brand_id, telegram_user_id)
);

create index brand_members_user_idx on brand_members (telegram_user_id);

-- The Telegram group a brand's new cards go to instead of the owner's private chat (one per brand; a group may
-- serve several brands). Linked by the owner's confirmation in the group; removed by /unlinkgroup or when the
-- bot leaves the group.
create table brand_groups (
  brand_id   bigint primary key references brands (id) on delete cascade,
  chat_id    bigint not null,
  title      text not null default '',
  linked_at  timestamptz not null default now()
);

create index brand_groups_chat_idx on brand_groups (chat_id);

-- Which command menu each chat was last given (setMyCommands with a chat scope), as a digest of the commands, so
-- start-up sets only the menus that changed instead of one call per chat every time.
create table telegram_command_menus (
  chat_id    bigint primary key,
  digest     text not null,
  set_at     timestamptz not null default now()
);

-- Who made a decision on a card in a group ("✅ Approved by Anna"); null for decisions in the owner's own chat.
alter table drafts add column decided_by text;
