import { ConfigError, loadConfig, readEnvironment } from "../config/config.ts";
import { createLogger } from "../shared/logger.ts";
import { openDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";

// `npm run migrate`: applies pending migrations and exits (start-up does the same).
try {
  const config = loadConfig(readEnvironment());
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: 1,
    logger,
  });
  const applied = await migrate(database.sql, logger);
  logger.info({ applied }, applied.length ? "migrations applied" : "database already up to date");
  await database.close();
} catch (error) {
  console.error(
    error instanceof ConfigError ? `Configuration error:\n${error.message}` : (error as Error).message,
  );
  process.exit(1);
}
