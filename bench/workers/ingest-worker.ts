import { openDatabase } from "../../src/database/connect.ts";
import { pollDueFeeds } from "../../src/ingest/poll-feeds.ts";
import { createLogger } from "../../src/shared/logger.ts";

// Runs in its own process so its peak RSS is the ingester's alone (the feed server lives in the parent).
const [databaseUrl] = process.argv.slice(2);
const logger = createLogger("warn");
const database = await openDatabase({ url: databaseUrl, dataDir: undefined, poolSize: 10, logger });
const pass = async () => {
  await database.sql`update feeds set next_fetch_at = now() - interval '1 second'`;
  const started = performance.now();
  const summary = await pollDueFeeds({
    sql: database.sql,
    logger,
    allowPrivateNetwork: true,
    retentionDays: 30,
    concurrency: 32,
  });
  return { ms: performance.now() - started, ...summary };
};
const first = await pass();

const second = await pass();
await database.close();
process.stdout.write(JSON.stringify({ first, second, maxRssKb: process.resourceUsage().maxRSS }));
