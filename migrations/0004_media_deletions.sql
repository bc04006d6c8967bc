-- Images of deleted drafts, still to be removed from the media store (local folder or bucket). Whatever deletes
-- drafts queues their images here in the same transaction, so a crash or a storage outage between the commit
-- and the store's delete leaves the image queued, not orphaned; the media-deletions job retries until it is gone.
create table media_deletions (
  key             text primary key,
  attempts        integer not null default 0,
  -- Also the claim: a worker deleting a key pushes this forward first, so a second worker passes it over.
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  queued_at       timestamptz not null default now()
);

create index media_deletions_due_idx on media_deletions (next_attempt_at);
