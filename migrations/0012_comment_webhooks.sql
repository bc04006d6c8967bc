-- Meta's webhook notifications (comments on the brand's Instagram posts), stored before they are acknowledged.
-- POST /meta/webhooks writes one row per change and only then answers 200, so a notification Meta was told we
-- have is never lost; any instance claims the rows and processes them (src/meta-callbacks/webhook-inbox.ts).
--
--   queued -> running -> done       (processed: the comment stored and its card queued, or nothing to do)
--                     \-> queued    (a failed attempt, tried again at due_at)
--                     \-> failed    (gave up after several attempts; kept with its error for an operator)
create table meta_webhook_inbox (
  id           bigserial primary key,
  -- What makes a redelivery the same notification: 'comments:<comment id>' for a comment, else a hash of the
  -- change. Meta retries a delivery it thinks failed, so the same change can arrive twice: it is stored once.
  dedupe_key   text not null unique,
  -- The Instagram professional account the change is about (entry.id) and which field changed.
  account_id   text not null,
  field        text not null,
  -- The change as Meta sent it. Set to null once processed: it carries a commenter's name and words.
  value        jsonb,
  -- Meta's entry.time: when the change happened. Notifications far older than this are refused (a replay).
  event_time   timestamptz not null,
  status       text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- queued: when it may be claimed; running: when its lease runs out and another worker may take it over.
  due_at       timestamptz not null default now(),
  -- Raised by every claim: a worker's writes carry the fence it claimed with (fencing, as regeneration_requests).
  fence        bigint not null default 0,
  attempts     integer not null default 0,
  last_error   text,
  received_at  timestamptz not null default now(),
  finished_at  timestamptz
);

create index meta_webhook_inbox_due_idx on meta_webhook_inbox (due_at) where status in ('queued', 'running');
create index meta_webhook_inbox_account_idx on meta_webhook_inbox (account_id);
create index meta_webhook_inbox_finished_idx on meta_webhook_inbox (received_at) where status in ('done', 'failed');

-- Comments on Greenlight's posts, one row per Instagram comment id however often Meta delivers it. Personal data
-- (a commenter's name and words): removed with the brand, by /deletedata and by Meta's data-deletion request.
create table instagram_comments (
  id                 bigserial primary key,
  brand_id           bigint not null references brands (id) on delete cascade,
  draft_id           bigint references drafts (id) on delete cascade,
  comment_id         text not null unique,
  media_id           text not null,
  -- Set when the comment is a reply to another comment.
  parent_comment_id  text,
  text               text not null,
  commenter_id       text,
  commenter_username text,
  commented_at       timestamptz not null,
  received_at        timestamptz not null default now()
);

create index instagram_comments_brand_idx on instagram_comments (brand_id, commented_at);
create index instagram_comments_draft_idx on instagram_comments (draft_id);
create index drafts_instagram_media_idx on drafts (instagram_media_id) where instagram_media_id is not null;
