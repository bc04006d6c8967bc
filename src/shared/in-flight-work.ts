/**
 * Work that outlives the request that started it: an update whose press was answered before its card was
 * edited. Kept here so that shutdown can wait for it (and tests can wait for it to settle). Work that must
 * survive a restart does not belong here: it is recorded in the database and claimed by any instance (a new
 * image or a rewrite, see approval/regeneration-worker.ts).
 */
export class InFlightWork {
  /** Each running piece of work, settled-never-rejecting. */
  private readonly running = new Set<Promise<void>>();

  /** Keeps `work` until it settles. `work` handles its own errors. */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  /** Resolves once all work tracked so far, and any work it started meanwhile, has settled. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /**
   * Waits up to `timeoutMs` for the tracked work. Returns how many were still running then: a card edit left
   * undone is brought up to date by the next press or the outbox.
   */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.settled(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return this.running.size;
  }
}
