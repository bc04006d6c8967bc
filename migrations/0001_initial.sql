-- Greenlight's schema for the whole product. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18):
-- no extensions, no features newer than 15.

-- People allowed to use the bot. Registered by /start from a user listed in OWNER_TELEGRAM_IDS.
create table owners (
  id                bigserial primary key,
  telegram_user_id  bigint not null unique,
  telegram_chat_id  bigint not null,
  display_name      text not null default '',
  selected_brand_id bigint,
  created_at        timestamptz not null default now()
);

-- A brand is one Instagram account's worth of settings: what it posts about, how it sounds, when it posts.
create table brands (
  id                  bigserial primary key,
  owner_id            bigint not null references owners (id) on delete cascade,
  name                text not null,
  topic               text not null default '',
  voice               text not null default '',
  audience            text not null default '',
  language            text not null default 'en',
  default_hashtags    text[] not null default '{}',
  banned_terms        text[] not null default '{}',
  visual_style        text not null default '',
  time_zone           text not null default 'UTC',
  -- [{"time":"09:00","days":[1,2,3,4,5,6,7]}], ISO weekdays (1 = Monday), local to time_zone.
  posting_slots       jsonb not null default '[{"time":"09:00","days":[1,2,3,4,5,6,7]},{"time":"18:00","days":[1,2,3,4,5,6,7]}]',
  monthly_budget_usd  numeric(12, 2) not null default 10,
  -- The month ('2026-11', in the brand's time zone) for which the owner was told the budget stopped work.
  budget_notice_month text,
  paused              boolean not null default false,
  created_at          timestamptz not null default now()
);

alter table owners
  add constraint owners_selected_brand_fk foreign key (selected_brand_id) references brands (id) on delete set null;

create index brands_owner_idx on brands (owner_id);

-- The Instagram account a brand publishes to. The token is only ever stored as libsodium secretbox
-- ciphertext (nonce || box); disconnecting sets it to null rather than flagging it.
create table instagram_accounts (
  brand_id             bigint primary key references brands (id) on delete cascade,
  instagram_user_id    text not null,
  username             text not null,
  token_ciphertext     bytea,
  token_expires_at     timestamptz,
  token_refreshed_at   timestamptz,
  status               text not null default 'connected' check (status in ('connected', 'disconnected')),
  disconnect_reason    text,
  quota_notice_sent_at timestamptz,
  connected_at         timestamptz not null default now()
);

create index instagram_accounts_user_idx on instagram_accounts (instagram_user_id);

create table feeds (
  id                   bigserial primary key,
  brand_id             bigint not null references brands (id) on delete cascade,
  url                  text not null,
  title                text not null default '',
  etag                 text,
  last_modified        text,
  next_fetch_at        timestamptz not null default now(),
  last_fetched_at      timestamptz,
  last_success_at      timestamptz,
  last_error           text,
  last_error_at        timestamptz,
  consecutive_failures integer not null default 0,
  failure_notified_at  timestamptz,
  created_at           timestamptz not null default now(),
  unique (brand_id, url)
);

create index feeds_due_idx on feeds (next_fetch_at);

-- One row per story per brand. dedupe_key is the guid, else the link, else a hash of title and date;
-- canonical_link catches feeds that republish the same story under a new guid.
create table articles (
  id               bigserial primary key,
  brand_id         bigint not null references brands (id) on delete cascade,
  feed_id          bigint references feeds (id) on delete set null,
  dedupe_key       text not null,
  canonical_link   text,
  title            text not null,
  link             text,
  summary          text not null default '',
  author           text,
  published_at     timestamptz,
  image_url        text,
  status           text not null default 'new'
                   check (status in ('new', 'scored', 'drafting', 'drafted', 'skipped')),
  relevance_score  real,
  relevance_reason text,
  skip_reason      text,
  created_at       timestamptz not null default now(),
  unique (brand_id, dedupe_key)
);

create unique index articles_canonical_link_idx on articles (brand_id, canonical_link)
  where canonical_link is not null;
create index articles_status_idx on articles (brand_id, status);

-- A draft becomes a post once approved. Its status moves only through guarded UPDATEs
-- (UPDATE ... WHERE status = ... RETURNING), so double taps, redeliveries and crashes resolve here:
--   generating -> pending_review -> approved -> publishing -> published
--                               \-> rejected         \-> failed -> approved (retry)
--   approved -> pending_review (undo)   any -> cancelled
create table drafts (
  id                        bigserial primary key,
  brand_id                  bigint not null references brands (id) on delete cascade,
  article_id                bigint references articles (id) on delete set null,
  status                    text not null default 'generating'
                            check (status in ('generating', 'pending_review', 'approved', 'publishing',
                                              'published', 'failed', 'rejected', 'cancelled')),
  caption                   text not null default '',
  hashtags                  text[] not null default '{}',
  generated_caption         text,
  edited                    boolean not null default false,
  image_key                 text,
  image_url                 text,
  image_source              text check (image_source in ('generated', 'article', 'card')),
  source_title              text,
  source_link               text,
  relevance_reason          text,
  rejection_reason          text,
  scheduled_for             timestamptz,
  container_id              text,
  instagram_media_id        text,
  permalink                 text,
  publish_attempts          integer not null default 0,
  next_attempt_at           timestamptz,
  last_error                text,
  telegram_chat_id          bigint,
  telegram_photo_message_id bigint,
  telegram_text_message_id  bigint,
  decided_at                timestamptz,
  published_at              timestamptz,
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now()
);

create index drafts_brand_status_idx on drafts (brand_id, status);
create index drafts_due_idx on drafts (scheduled_for) where status in ('approved', 'publishing');
-- One post per slot per brand: two approvals racing for the same free slot cannot both win it.
create unique index drafts_one_post_per_slot_idx on drafts (brand_id, scheduled_for)
  where status in ('approved', 'publishing', 'published');

-- The AI cost ledger. A call first reserves its estimate (status 'reserved'); when the API answers,
-- the row is settled with the cost computed from the usage the API returned, or released on failure.
create table ai_usage (
  id                 bigserial primary key,
  brand_id           bigint references brands (id) on delete cascade,
  draft_id           bigint references drafts (id) on delete set null,
  provider           text not null check (provider in ('anthropic', 'openai')),
  model              text not null,
  operation          text not null,
  status             text not null default 'reserved' check (status in ('reserved', 'settled', 'released')),
  reserved_usd       numeric(14, 6) not null default 0,
  cost_usd           numeric(14, 6) not null default 0,
  input_tokens       integer not null default 0,
  output_tokens      integer not null default 0,
  cache_write_tokens integer not null default 0,
  cache_read_tokens  integer not null default 0,
  images             integer not null default 0,
  created_at         timestamptz not null default now(),
  settled_at         timestamptz
);

create index ai_usage_brand_month_idx on ai_usage (brand_id, created_at);

-- OAuth state for Instagram Login: random, single use, ten minutes, bound to an owner and a brand.
-- Only the SHA-256 of the state is stored.
create table oauth_states (
  state_hash text primary key,
  owner_id   bigint not null references owners (id) on delete cascade,
  brand_id   bigint not null references brands (id) on delete cascade,
  expires_at timestamptz not null,
  used_at    timestamptz,
  created_at timestamptz not null default now()
);

-- Meta's data-deletion requests, answered with a status URL that shows this row.
create table deletion_requests (
  confirmation_code text primary key,
  instagram_user_id text not null unique,
  status            text not null default 'pending' check (status in ('pending', 'completed')),
  requested_at      timestamptz not null default now(),
  completed_at      timestamptz
);

-- Storage for @grammyjs/conversations, so a dialog survives a restart or moves to another instance.
create table bot_conversations (
  key        text primary key,
  value      jsonb not null,
  updated_at timestamptz not null default now()
);

-- Telegram update ids already acted on, written in the same transaction as the effect.
-- Pruned after two days: Telegram stops redelivering after 24 h, and ids restart at random after a quiet week.
create table processed_updates (
  update_id    bigint primary key,
  processed_at timestamptz not null default now()
);

-- Messages that matter (draft cards, failures, budget stops) are written here in the same transaction
-- as the state change that causes them, then sent by a worker that retries until Telegram accepts them.
create table telegram_outbox (
  id              bigserial primary key,
  chat_id         bigint not null,
  kind            text not null,
  payload         jsonb not null,
  -- Optional: the same key is never enqueued twice (e.g. 'feed-failed:42').
  dedupe_key      text unique,
  status          text not null default 'pending' check (status in ('pending', 'sent', 'dead')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz
);

create index telegram_outbox_due_idx on telegram_outbox (next_attempt_at) where status = 'pending';
