import type { Config } from "./config/config.ts";
import type { Sql } from "./database/connect.ts";
import type { Metrics } from "./metrics/metrics.ts";
import type { OutboxSender } from "./notifications/deliver-outbox.ts";
import type { Scheduler } from "./scheduler/scheduler.ts";
import type { InFlightWork } from "./shared/in-flight-work.ts";
import type { Logger } from "./shared/logger.ts";
import type { TokenVault } from "./shared/token-vault.ts";
import type { MediaStore } from "./storage/media-store.ts";

/**
 * What the composition root hands every capability: built once in app.ts, never created anywhere else.
 * Capabilities add their outbox senders to `outboxSenders` (by message kind) while the app is being built.
 */
export interface Services {
  config: Config;
  sql: Sql;
  logger: Logger;
  vault: TokenVault;
  scheduler: Scheduler;
  /** Where draft images live: S3 when configured, else DATA_DIR/media served at /media/. */
  media: MediaStore;
  outboxSenders: Record<string, OutboxSender>;
  /** The current time; one place to read it so slot and budget logic stay testable. */
  clock: () => Date;
  /** Work that runs on after the request that started it; shutdown waits for it. */
  inFlight: InFlightWork;
  /** Prometheus counters: capabilities count outcomes where they decide them. */
  metrics: Metrics;
}
