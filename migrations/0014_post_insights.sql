-- The permissions the owner granted when the account was last connected, as Instagram reported them. Null for
-- accounts connected before this was recorded: those were asked for no insights permission, so they lack it.
alter table instagram_accounts add column granted_scopes text[];

-- How each published post performed, read from Instagram at two checkpoints: about a day after publishing and
-- about a week after. One row per post per checkpoint (the unique key), claimed by one worker at a time:
--
--   due -> collecting -> collected      (Instagram answered with numbers)
--                     \-> due           (no numbers yet, or a passing error: tried again at due_at)
--                     \-> unavailable   (gave up after several tries; last_reason says why)
--
-- A claim raises `fence`; the worker's write carries the fence it claimed with, so a worker that lost its
-- lease (it stalled, another took over) cannot overwrite the newer attempt's result.
create table post_insights (
  id                 bigserial primary key,
  draft_id           bigint not null references drafts (id) on delete cascade,
  brand_id           bigint not null references brands (id) on delete cascade,
  checkpoint         text not null check (checkpoint in ('day', 'week')),
  status             text not null default 'due'
                     check (status in ('due', 'collecting', 'collected', 'unavailable')),
  -- due: when it may be claimed; collecting: when its lease runs out and another worker may take it over.
  due_at             timestamptz not null,
  fence              bigint not null default 0,
  attempts           integer not null default 0,
  -- Why the last try brought no numbers: not_enough_viewers, no_data_yet, missing_permission, or an error.
  last_reason        text,
  -- Null where Instagram did not report the metric for the post's media type.
  views              integer,
  reach              integer,
  likes              integer,
  comments           integer,
  saved              integer,
  shares             integer,
  total_interactions integer,
  collected_at       timestamptz,
  unique (draft_id, checkpoint)
);

-- Each post's latest reading: the week's checkpoint once collected, else the day's. What /report, the learning
-- loop and the slot suggestion count a post by.
create view latest_post_insights as
select distinct on (draft_id) *
  from post_insights
 where status = 'collected'
 order by draft_id, case checkpoint when 'week' then 0 else 1 end;

create index post_insights_due_idx on post_insights (due_at) where status in ('due', 'collecting');
create index post_insights_brand_idx on post_insights (brand_id, status);

-- The weekly report, once per brand per ISO week ('2026-W49'): the row is inserted with the report's outbox
-- message in one transaction, so two instances racing for the same Monday send it once.
create table weekly_reports (
  brand_id   bigint not null references brands (id) on delete cascade,
  iso_week   text not null,
  created_at timestamptz not null default now(),
  primary key (brand_id, iso_week)
);

-- What the drafter learns from performance, computed at most once a day per brand so the cached prompt prefix
-- stays the same all day: the captions of the best-performing posts, and a short summary of which stories did
-- better or worse than the brand's median.
create table brand_performance_lessons (
  brand_id      bigint primary key references brands (id) on delete cascade,
  computed_on   date not null,
  best_captions text[] not null default '{}',
  summary       text not null default ''
);
