import type { Logger } from "../shared/logger.ts";

/**
 * Keeps a claimed row's lease alive while its work runs. Leases are short (a dead worker's item is taken over
 * within about a minute) and renewed every `everyMs` by `renew`, a guarded UPDATE that extends the lease only
 * while the row still carries this worker's fencing token. When a renewal finds the token gone (the lease ran
 * out and another worker took the item over), `lost` is aborted: the work should stop writing, and every
 * write it still makes is refused by the same fencing check anyway.
 *
 * A renewal that fails (the database is briefly away) is logged and tried again at the next beat; the lease
 * is long enough to survive a few missed beats.
 */
export interface LeaseHeartbeat {
  /** Aborted when a renewal found the lease taken over. */
  lost: AbortSignal;
  /** Stops renewing (the work is done, or gave up). */
  stop(): void;
}

export function startLeaseHeartbeat(options: {
  /** Extends the lease; resolves false when this worker no longer holds it. */
  renew(): Promise<boolean>;
  everyMs: number;
  logger: Logger;
  /** Names the leased item in logs, e.g. { draftId: 12 }. */
  item: Record<string, unknown>;
}): LeaseHeartbeat {
  const lost = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const beat = () => {
    timer = setTimeout(async () => {
      if (stopped) return;
      try {
        if (!(await options.renew())) {
          options.logger.warn(options.item, "lease taken over by another worker");
          lost.abort();
          return;
        }
      } catch (error) {
        options.logger.warn({ ...options.item, err: error }, "lease renewal failed; trying again");
      }
      if (!stopped) beat();
    }, options.everyMs);
    // A heartbeat alone must not keep a process alive that has nothing else to do.
    timer.unref();
  };
  beat();

  return {
    lost: lost.signal,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
