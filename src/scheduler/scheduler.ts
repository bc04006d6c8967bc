import { Cron } from "croner";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";
import { claimJobLease, releaseJobLease, renewJobLease } from "./job-leases.ts";
import { startLeaseHeartbeat } from "./lease-heartbeat.ts";

export type JobRun = () => Promise<void>;

/** Told of every run a job made on this instance (not of ticks skipped or left to another instance). */
export type JobRunObserver = (run: { job: string; seconds: number; ok: boolean }) => void;

export interface Scheduler {
  /**
   * Registers a job; ticks that find the previous run still going are skipped, and on a shared database one
   * instance runs each tick. With `everyInstance`, every instance runs every tick and no tick is skipped: the
   * job claims its own work item by item (a WorkerPool), which bounds it and shares it between instances.
   */
  add(name: string, pattern: string, run: JobRun, options?: JobOptions): void;
  /**
   * Runs a job once now, with the same overrun and cross-instance guards as a tick (used by tests and bench).
   * `tick` names the tick, as a cron tick's scheduled time does; by default a new one.
   */
  runNow(name: string, tick?: Date): Promise<boolean>;
  /** Stops all timers and waits (up to timeoutMs) for runs in flight to finish. */
  stop(timeoutMs: number): Promise<void>;
}

export interface JobOptions {
  everyInstance?: boolean;
  /**
   * This job's lease, when a dead instance must not hold it for the default minute (the Telegram outbox: an
   * owner waits for every message meanwhile). It is renewed four times per lease.
   */
  leaseMs?: number;
}

interface Job {
  name: string;
  run: JobRun;
  everyInstance: boolean;
  leaseMs: number;
  renewEveryMs: number;
  cron?: Cron;
  running?: Promise<boolean>;
  /** Runs of an everyInstance job still going (several at once). */
  claimingRuns: Set<Promise<boolean>>;
}

/** How long a run's claim on its job lasts unless renewed; a dead instance's job is free again after this. */
const JOB_LEASE_MS = 60_000;
/** Renewed this often while a run goes on: a few renewals may fail (the database briefly away) and it still holds. */
const JOB_LEASE_RENEW_MS = 15_000;

/**
 * One place where every periodic job is registered. Each tick is guarded twice: croner's `protect` and our own
 * in-flight promise stop a slow run from overlapping itself in this process, and a lease row in `job_leases`
 * makes N instances on one database do the work once. The lease is taken and kept with single statements, no
 * session state, so it holds through a transaction-mode pooler (PgBouncer), where a session advisory lock
 * would be taken on one server connection and released on another.
 */
export function createScheduler(deps: {
  sql: Sql;
  logger: Logger;
  /** Lease length and renewal interval; tests shorten them. */
  leaseMs?: number;
  renewEveryMs?: number;
  /** Metrics: each run's duration and outcome. */
  onRun?: JobRunObserver;
}): Scheduler {
  const jobs = new Map<string, Job>();
  let stopped = false;
  const leaseMs = deps.leaseMs ?? JOB_LEASE_MS;
  const renewEveryMs = deps.renewEveryMs ?? JOB_LEASE_RENEW_MS;

  async function guardedRun(job: Job, tick: Date): Promise<boolean> {
    if (stopped) return false;
    if (job.everyInstance) return claimingRun(job);
    if (job.running) return false;
    job.running = (async () => {
      const started = performance.now();
      try {
        const lease = await claimJobLease(deps.sql, job.name, tick, job.leaseMs);
        if (!lease) return false;
        const heartbeat = startLeaseHeartbeat({
          renew: () => renewJobLease(deps.sql, job.name, lease, job.leaseMs),
          everyMs: job.renewEveryMs,
          logger: deps.logger,
          item: { job: job.name },
        });
        try {
          await job.run();
        } finally {
          heartbeat.stop();
          // A release that fails (the database away) leaves the row to expire: the job is skipped until then.
          await releaseJobLease(deps.sql, job.name, lease).catch((error: unknown) =>
            deps.logger.warn({ err: error, job: job.name }, "job lease not released; it will expire"),
          );
        }
        return true;
      } catch (error) {
        deps.logger.error({ err: error, job: job.name }, "scheduled job failed");
        return true;
      } finally {
        deps.logger.debug({ job: job.name, ms: Math.round(performance.now() - started) }, "job tick");
      }
    })();
    try {
      return await job.running;
    } finally {
      job.running = undefined;
    }
  }

  /** A job that claims its own work: runs on every tick, beside a run still going (see WorkerPool.fill). */
  async function claimingRun(job: Job): Promise<boolean> {
    const run = (async () => {
      const started = performance.now();
      try {
        await job.run();
      } catch (error) {
        deps.logger.error({ err: error, job: job.name }, "scheduled job failed");
      } finally {
        deps.logger.debug({ job: job.name, ms: Math.round(performance.now() - started) }, "job tick");
      }
      return true;
    })();
    job.claimingRuns.add(run);
    try {
      return await run;
    } finally {
      job.claimingRuns.delete(run);
    }
  }

  /** The run as registered, timed and reported to `onRun`; errors pass through to the guards' handling. */
  function observed(name: string, run: JobRun): JobRun {
    const onRun = deps.onRun;
    if (!onRun) return run;
    return async () => {
      const started = performance.now();
      const report = (ok: boolean) => onRun({ job: name, seconds: (performance.now() - started) / 1000, ok });
      try {
        await run();
      } catch (error) {
        report(false);
        throw error;
      }
      report(true);
    };
  }

  return {
    add(name, pattern, run, options = {}) {
      if (jobs.has(name)) throw new Error(`A job named ${name} is already registered`);
      const job: Job = {
        name,
        run: observed(name, run),
        everyInstance: options.everyInstance ?? false,
        leaseMs: options.leaseMs ?? leaseMs,
        renewEveryMs: options.leaseMs ? Math.min(options.leaseMs / 4, renewEveryMs) : renewEveryMs,
        claimingRuns: new Set(),
      };
      // croner's `protect` skips overlapping ticks; a claiming job wants every tick.
      job.cron = new Cron(pattern, { protect: !job.everyInstance }, async (cron) => {
        // The tick's scheduled time, not when the timer fired: the same on every instance (clocks in step).
        const tick = cron.previousRuns(1, new Date(Date.now() + 1))[0] ?? new Date();
        await guardedRun(job, tick);
      });
      jobs.set(name, job);
    },
    async runNow(name, tick = new Date()) {
      const job = jobs.get(name);
      if (!job) throw new Error(`No job named ${name}`);
      return guardedRun(job, tick);
    },
    async stop(timeoutMs) {
      stopped = true;
      for (const job of jobs.values()) job.cron?.stop();
      const inFlight = [...jobs.values()]
        .flatMap((job) => [job.running, ...job.claimingRuns])
        .filter(Boolean);
      if (inFlight.length === 0) return;
      deps.logger.info({ jobs: inFlight.length }, "waiting for running jobs to finish");
      await Promise.race([
        Promise.allSettled(inFlight),
        new Promise((resolve) => setTimeout(resolve, timeoutMs)),
      ]);
    },
  };
}
