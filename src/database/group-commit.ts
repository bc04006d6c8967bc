/**
 * Group commit: writes that arrive while one is being committed are gathered and committed together, in one
 * statement, and each caller is answered only once the statement that carries its item has committed.
 *
 * Why: an acknowledged webhook notification must be durable, so every request waits for a commit, and a commit
 * costs a round trip, a WAL flush and a pool connection. Under a burst (Meta delivers in parallel) those, not the
 * work, bound throughput. Batching keeps the guarantee (no caller hears "stored" before its row is on disk) while
 * one flush serves many requests. No timer to wait on: writes made in one turn of the event loop (the requests
 * whose bodies arrived together) go out together at its end, and writes that arrive while `maxInFlight` batches
 * are being committed wait for one of them, so an idle service answers as fast as before and a busy one batches
 * exactly as much as its load makes it (the "smart batching" of Postgres's own commit_delay, without the delay).
 *
 * A batch that fails is written again one item at a time, so one item the database refuses fails only its own
 * caller, never the others that happened to share its batch.
 */
export interface GroupCommit<Item, Result> {
  /** Resolves with the item's result once the statement that wrote it has committed; rejects if it failed. */
  write(item: Item): Promise<Result>;
}

export function createGroupCommit<Item, Result>(options: {
  /**
   * Writes the items in one statement (autocommit: it has committed when it resolves) and returns one result per
   * item, in order.
   */
  writeBatch(items: Item[]): Promise<Result[]>;
  /** Most items in one statement: bounds a statement's size and its parameters. */
  maxBatch: number;
  /** Batches in flight at once: more overlap the round trips, fewer batch more (each holds a pool connection). */
  maxInFlight: number;
}): GroupCommit<Item, Result> {
  interface Waiting {
    item: Item;
    resolve(result: Result): void;
    reject(error: unknown): void;
  }
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let flushScheduled = false;

  async function commit(batch: Waiting[]): Promise<void> {
    try {
      const results = await options.writeBatch(batch.map((w) => w.item));
      if (results.length !== batch.length)
        throw new Error(`writeBatch returned ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((w) => commit([w])));
    }
  }

  function flush(): void {
    while (waiting.length > 0 && inFlight < options.maxInFlight) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      inFlight++;
      void commit(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  }

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      flush();
    });
  }

  return {
    write(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        scheduleFlush();
      });
    },
  };
}
