-- Drafting is claimed brand by brand, by any instance (src/pipeline/drafting-queue.ts). One row per brand that has
-- had drafting work: the ingest job asks for work (work_requested goes up), a worker that finds nothing left to do
-- records how far it got (work_done). A claim takes the brand served longest ago, gives it a short lease renewed
-- while the work runs, and a new lease_token that every write of that work checks (fencing): a worker whose lease
-- was taken over cannot write any more.
create table drafting_queue (
  brand_id        bigint primary key references brands (id) on delete cascade,
  work_requested  bigint not null default 1,
  work_done       bigint not null default 0,
  lease_token     bigint not null default 0,
  lease_until     timestamptz,
  last_served_at  timestamptz,
  -- After a failure, or a provider's 429/529 that outlasted the retries: not claimed again before this.
  not_before      timestamptz,
  failures        integer not null default 0
);

create index drafting_queue_waiting_idx on drafting_queue (last_served_at nulls first, brand_id)
  where work_requested > work_done;
