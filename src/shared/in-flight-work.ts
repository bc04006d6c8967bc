/**
 * Work that outlives the request that started it: an update whose press was answered before its card was
 * edited, an image still being made after the button was answered. Kept here so that shutdown can wait for it
 * (and tests can wait for it to settle), and so that work shutdown cannot wait for is not lost silently.
 */
/** How long the abandon hooks may take together; main.ts allows shutdown 1.5 s past its timeout. */
const ABANDON_GRACE_MS = 1000;

export class InFlightWork {
  /** Each running piece of work, settled-never-rejecting, with what to do if shutdown gives up on it. */
  private readonly running = new Map<Promise<void>, (() => Promise<void>) | undefined>();

  /**
   * Keeps `work` until it settles. `work` handles its own errors; `onAbandon`, if given, runs when shutdown
   * stops waiting while `work` is still running (e.g. to put a card back and tell the owner).
   */
  track(work: Promise<unknown>, onAbandon?: () => Promise<void>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(settled, onAbandon);
    void settled.then(() => this.running.delete(settled));
  }

  /** Resolves once all work tracked so far, and any work it started meanwhile, has settled. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.keys());
  }

  /**
   * Waits up to `timeoutMs` for the tracked work. Whatever is still running then is abandoned: its `onAbandon`
   * runs, for a second at most (a failing one is ignored). Returns how many were abandoned.
   */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.settled().then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (finished) return 0;
    const abandoned = [...this.running.values()];
    await Promise.race([
      Promise.allSettled(abandoned.map((onAbandon) => onAbandon?.())),
      new Promise((resolve) => setTimeout(resolve, ABANDON_GRACE_MS).unref()),
    ]);
    return abandoned.length;
  }
}
