import type { Logger } from "../shared/logger.ts";

/**
 * Claimed work, run concurrently: up to `concurrency` workers on this instance, each looping "claim one item
 * from Postgres, run it" until a claim comes back empty. Which item a worker gets, and that no other worker on
 * any instance gets it too, is the claim's business (`FOR UPDATE SKIP LOCKED` plus a lease in the row); the pool
 * only bounds how much runs here at once and keeps one failing item from stopping the rest.
 *
 * A scheduler tick calls `fill()`: it tops the pool up to `concurrency` workers and resolves when every worker
 * running has found nothing more to claim. A slow item (an Instagram call that hangs) keeps its own worker only;
 * the next tick starts fresh workers beside it instead of waiting for it.
 */
export interface WorkerPool {
  /** Starts workers up to the limit; resolves once every worker running has found nothing to claim. */
  fill(): Promise<void>;
  /** How many workers are running now. */
  readonly busy: number;
  /** Stops claiming; waits up to `timeoutMs` for the items in hand. Returns how many were still running. */
  stop(timeoutMs: number): Promise<number>;
}

export interface WorkerPoolOptions<Item> {
  /** Names the pool in logs ("drafting", "publishing"). */
  name: string;
  concurrency: number;
  /** Claims one item for this worker, or undefined when there is nothing to do now. */
  claim(): Promise<Item | undefined>;
  /** Runs one claimed item. A throw is logged; the item's lease brings it back to a later claim. */
  run(item: Item): Promise<void>;
  logger: Logger;
}

export function createWorkerPool<Item>(options: WorkerPoolOptions<Item>): WorkerPool {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new Error(`${options.name}: concurrency must be a whole number of at least 1`);
  const workers = new Set<Promise<void>>();
  let stopped = false;

  async function work(): Promise<void> {
    while (!stopped) {
      let item: Item | undefined;
      try {
        item = await options.claim();
      } catch (error) {
        // The database is away, say: the next tick tries again.
        options.logger.error({ err: error, pool: options.name }, "claiming work failed");
        return;
      }
      if (item === undefined) return;
      try {
        await options.run(item);
      } catch (error) {
        options.logger.error({ err: error, pool: options.name }, "claimed work failed");
      }
    }
  }

  return {
    get busy() {
      return workers.size;
    },
    async fill() {
      while (!stopped && workers.size < options.concurrency) {
        const worker = work();
        workers.add(worker);
        void worker.finally(() => workers.delete(worker));
      }
      while (workers.size > 0) await Promise.all(workers);
    },
    async stop(timeoutMs) {
      stopped = true;
      if (workers.size === 0) return 0;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(workers),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return workers.size;
    },
  };
}
