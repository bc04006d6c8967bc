import type { Logger } from "../shared/logger.ts";
import type { Scheduler } from "./scheduler.ts";

/**
 * Runs a job now without waiting for it (the outbox after a card changed, the regenerations after a tap), so the
 * owner need not wait for the job's next tick. A job not registered (yet) is left to its schedule.
 */
export function runJobSoon(scheduler: Pick<Scheduler, "runNow">, logger: Logger, name: string): void {
  scheduler.runNow(name).catch((error: Error) => {
    if (error.message.startsWith("No job named")) return;
    logger.error({ err: error, job: name }, "job run failed");
  });
}
