import { startGreenlight } from "./app.ts";
import { ConfigError, loadConfig, readDotEnv } from "./config/config.ts";
import { createLogger } from "./shared/logger.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({ ...readDotEnv(".env"), ...process.env });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);
let app: Awaited<ReturnType<typeof startGreenlight>>;
try {
  app = await startGreenlight(config, { logger });
} catch (error) {
  logger.fatal({ err: error }, "greenlight failed to start");
  process.exit(1);
}

// One guarded shutdown: the first signal stops gracefully, a hard deadline makes sure the process exits.
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
  await app.stop();
  process.exit(0);
}
// A promise rejected with nobody listening is a bug, but one update's bug must not take the bot down for all.
process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason }, "unhandled promise rejection");
});
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
