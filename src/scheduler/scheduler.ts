import { Cron } from "croner";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";

export type JobRun = () => Promise<void>;

/** Told of every run a job made on this instance (not of ticks skipped or left to another instance). */
export type JobRunObserver = (run: { job: string; seconds: number; ok: boolean }) => void;

export interface Scheduler {
  /**
   * Registers a job; ticks that find the previous run still going are skipped, and on a shared database one
   * instance runs each tick. With `everyInstance`, every instance runs every tick and no tick is skipped: the
   * job claims its own work item by item (a WorkerPool), which bounds it and shares it between instances.
   */
  add(name: string, pattern: string, run: JobRun, options?: { everyInstance?: boolean }): void;
  /** Runs a job once now, with the same overrun and cross-instance guards as a tick (used by tests and bench). */
  runNow(name: string): Promise<boolean>;
  /** Stops all timers and waits (up to timeoutMs) for runs in flight to finish. */
  stop(timeoutMs: number): Promise<void>;
}

interface Job {
  name: string;
  run: JobRun;
  everyInstance: boolean;
  cron?: Cron;
  running?: Promise<boolean>;
  /** Runs of an everyInstance job still going (several at once). */
  claimingRuns: Set<Promise<boolean>>;
}

/**
 * One place where every periodic job is registered. Each tick is guarded twice: croner's `protect` and our own
 * in-flight promise stop a slow run from overlapping itself in this process, and a session-level Postgres
 * advisory lock (held on a reserved connection of a separate small pool for the run) makes N instances on one
 * database do the work once. The embedded database serves a single instance (its data folder is locked), and
 * reserving its only connection would starve the job's own queries, so there the in-process guard is enough.
 */
export function createScheduler(deps: {
  /** The pool advisory locks are taken on (Database.lockSql); undefined on the single-instance embedded database. */
  lockSql: Sql | undefined;
  logger: Logger;
  /** Metrics: each run's duration and outcome. */
  onRun?: JobRunObserver;
}): Scheduler {
  const jobs = new Map<string, Job>();
  let stopped = false;

  async function guardedRun(job: Job): Promise<boolean> {
    if (stopped) return false;
    if (job.everyInstance) return claimingRun(job);
    if (job.running) return false;
    job.running = (async () => {
      const started = performance.now();
      try {
        if (!deps.lockSql) {
          await job.run();
          return true;
        }
        const connection = await deps.lockSql.reserve();
        try {
          const [row] = await connection<{ locked: boolean }[]>`
            select pg_try_advisory_lock(hashtext(${`greenlight:job:${job.name}`})) as locked`;
          if (!row?.locked) return false;
          try {
            await job.run();
          } finally {
            await connection`select pg_advisory_unlock(hashtext(${`greenlight:job:${job.name}`}))`;
          }
          return true;
        } finally {
          connection.release();
        }
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
        claimingRuns: new Set(),
      };
      // croner's `protect` skips overlapping ticks; a claiming job wants every tick.
      job.cron = new Cron(pattern, { protect: !job.everyInstance }, async () => {
        await guardedRun(job);
      });
      jobs.set(name, job);
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`No job named ${name}`);
      return guardedRun(job);
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
