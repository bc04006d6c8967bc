import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "../../src/database/connect.ts";
import { migrate } from "../../src/database/migrate.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { renderRssFeed, startFakeFeedServer } from "../../test/fakes/fake-feed-server.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const FEEDS = 1000;
const ITEMS = 50;
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** 1,000 feeds × 50 items served on loopback: a first pass that stores everything, then an unchanged pass (all 304). */
export async function ingestScenario(): Promise<Figure[]> {
  const feeds = await startFakeFeedServer();
  const now = Date.now();
  const bodies = new Map<number, string>();
  feeds.serveGeneratedFeeds("/feeds/", (path) => {
    const n = Number(path.split("/").pop()?.replace(".xml", ""));
    if (!Number.isInteger(n)) return undefined;
    let body = bodies.get(n);
    if (!body) {
      body = renderRssFeed({
        title: `Feed ${n}`,
        link: `https://site${n}.example/`,
        items: Array.from({ length: ITEMS }, (_, i) => ({
          title: `Feed ${n} story ${i}: what happened on the trail today`,
          link: `https://site${n}.example/story/${i}`,
          guid: `feed-${n}-story-${i}`,
          description: `<p>Story ${i} of feed ${n}, with <b>some</b> markup and a few sentences of summary text.</p>`,
          publishedAt: new Date(now - i * 3_600_000),
        })),
      });
      bodies.set(n, body);
    }
    return { kind: "feed", body, etag: true };
  });
  const database = await createBenchDatabase();
  try {
    const logger = createLogger("warn");
    const setup = await openDatabase({ url: database.url, dataDir: undefined, poolSize: 2, logger });
    await migrate(setup.sql, logger);
    await setup.sql`insert into owners (telegram_user_id, telegram_chat_id) values (1, 1)`;
    await setup.sql`insert into brands (owner_id, name) select 1, 'Brand ' || g from generate_series(1, 20) g`;
    await setup.sql`
      insert into feeds (brand_id, url)
      select 1 + (g % 20), ${feeds.url("/feeds/")} || g || '.xml' from generate_series(1, ${FEEDS}) g`;
    await setup.close();

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "bench/workers/ingest-worker.ts", database.url],
      { cwd: repoRoot, maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout) as {
      first: { ms: number; newArticles: number; fetched: number; failed: number };
      second: { ms: number; notModified: number; failed: number };
      maxRssKb: number;
    };
    const items = FEEDS * ITEMS;
    return [
      {
        scenario: "ingest",
        metric: `first pass, ${FEEDS} feeds × ${ITEMS} items (${result.first.newArticles} stored, ${result.first.failed} failed)`,
        value: `${(result.first.ms / 1000).toFixed(2)} s`,
        target: "≤ 30 s",
      },
      {
        scenario: "ingest",
        metric: "first pass throughput",
        value: `${Math.round(items / (result.first.ms / 1000))} items/s`,
      },
      {
        scenario: "ingest",
        metric: `unchanged pass (${result.second.notModified} × 304, ${result.second.failed} failed)`,
        value: `${(result.second.ms / 1000).toFixed(2)} s`,
        target: "≤ 5 s",
      },
      {
        scenario: "ingest",
        metric: "peak RSS of the ingesting process",
        value: `${Math.round(result.maxRssKb / 1024)} MB`,
        target: "≤ 300 MB",
      },
    ];
  } finally {
    if (!process.env.BENCH_KEEP) await database.drop();
    else console.error(database.url);
    await feeds.close();
  }
}
