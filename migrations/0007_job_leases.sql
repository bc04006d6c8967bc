-- Once-per-cluster guard for scheduled jobs. It replaces session advisory locks, which a transaction-mode
-- pooler (PgBouncer) can take on one server connection and release on another. Each job has one row: a run
-- claims it for its tick with one guarded INSERT … ON CONFLICT, renews it while it works and lets it go when
-- it ends. A run whose instance died leaves a lease that simply expires.
create table job_leases (
  job text primary key,
  -- The scheduled time of the tick last claimed: an instance whose timer fired late for that same tick finds
  -- it taken even when the run has already finished, so a tick runs once however short its run.
  tick timestamptz not null,
  -- Random per run: only the run that claimed the row renews or releases it.
  owner_token uuid not null,
  expires_at timestamptz not null
);
