-- 🖼 New image and 🔁 Rewrite as durable requests: the tap records one here (in the transaction that records its
-- Telegram update, so a double tap or a redelivery makes one request), and any instance claims and runs it. A
-- restart or a deploy no longer loses the work: the next instance takes it over when its lease runs out.
--
--   queued -> running -> done        (the result stored, or not needed any more: the draft was decided)
--                     \-> queued     (a failed attempt, tried again at due_at; or given back at shutdown)
--                     \-> failed     (a real failure the owner was told about: budget, Claude, N attempts)
create table regeneration_requests (
  id                 bigserial primary key,
  draft_id           bigint not null references drafts (id) on delete cascade,
  kind               text not null check (kind in ('image', 'rewrite')),
  -- The Telegram user who tapped; the owner is told about the outcome in the card's chat.
  requested_by       bigint not null,
  status             text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- queued: when it may be claimed; running: when its lease runs out and another worker may take it over.
  due_at             timestamptz not null default now(),
  -- Raised by every claim (and by a release at shutdown): the fencing token. A worker writes only while the row
  -- still carries the fence it claimed with, so a worker whose lease was taken over cannot store a late result.
  fence              bigint not null default 0,
  -- Attempts that counted towards giving up (one given back at shutdown does not count).
  attempts           integer not null default 0,
  last_error         text,
  -- A new image already put in the media store for this request, before it was put on the draft: a retry after a
  -- crash in between uses it instead of generating (and paying for) another one.
  result_key         text,
  result_source      text check (result_source in ('generated', 'article', 'card')),
  created_at         timestamptz not null default now(),
  finished_at        timestamptz
);

-- One open request per draft: a second tap (either button) while one runs is answered "already working on it".
create unique index regeneration_requests_open_idx on regeneration_requests (draft_id)
  where status in ('queued', 'running');
create index regeneration_requests_due_idx on regeneration_requests (due_at)
  where status in ('queued', 'running');
