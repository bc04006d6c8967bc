import { Cron } from "croner";

/**
 * When the ingest job next reads feeds, by its schedule (INGEST_CRON, read by the scheduler the same way), so
 * the owner is told when a new feed is first read. Null when the pattern never fires again.
 */
export function nextFeedReadBy(ingestCron: string): (after: Date) => Date | null {
  const cron = new Cron(ingestCron, { paused: true });
  return (after) => cron.nextRun(after);
}
