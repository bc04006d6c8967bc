import type { RunningGreenlight } from "./app.ts";
import { ConfigError, loadConfig, readEnvironment } from "./config/config.ts";
import { startEmbeddedPostgres } from "./database/embedded-postgres.ts";
import { createLogger } from "./shared/logger.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(readEnvironment());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);

// Signals are handled from the first moment: /healthz answers as soon as the server listens, which is before
// start-up has finished, and a stop requested then must still be graceful. It runs once start-up completes.
let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  const deadline = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS + 1500);
  deadline.unref();
  const app: RunningGreenlight | undefined = await starting.catch(() => undefined);
  await app?.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
// A promise rejected with nobody listening is a bug, but one update's bug must not take the bot down for all.
process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason }, "unhandled promise rejection");
});

// The embedded database opens on its own thread while this one loads the service's modules: each takes most of
// a second, and side by side they cost the start-up one of them. Assigned, like `starting`, before any signal can
// be handled: handlers run on a later turn of the event loop.
const embeddedDatabase = config.DATABASE_URL ? undefined : startEmbeddedPostgres(config.DATA_DIR);
embeddedDatabase?.catch(() => {}); // its failure is start-up's, reported below
const starting = import("./app.ts").then(({ startGreenlight }) =>
  startGreenlight(config, { logger, embeddedDatabase }),
);
try {
  await starting;
} catch (error) {
  logger.fatal({ err: error }, "greenlight failed to start");
  process.exit(1);
}
