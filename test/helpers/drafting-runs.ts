import type { RunningGreenlight } from "../../src/app.ts";

/**
 * What the clock does in production, on demand: the ingest job polls the feeds and asks for drafting, then the
 * drafting job's workers take every waiting brand, step by step, until none is left.
 */
export async function ingestAndDraft(t: { app: RunningGreenlight }): Promise<void> {
  await t.app.scheduler.runNow("ingest");
  await t.app.scheduler.runNow("drafting");
}

/**
 * Runs the drafting job until `done` holds: for a brand that backs off (a provider's retry-after) and is
 * claimed again once its wait is over.
 */
export async function draftUntil(
  app: RunningGreenlight,
  done: () => Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await done());) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await app.scheduler.runNow("drafting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
