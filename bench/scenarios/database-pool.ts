import { openDatabase } from "../../src/database/connect.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const CALLERS = 40;
/** The first round warms up (connections, JIT) and is not reported. */
const ROUNDS = 7;
const PER_ROUND = 20_000;

/**
 * The database pool under steady load: 40 callers keep the service's pool (10 connections) busy with 140,000
 * trivial queries, and the rate is taken over the second and the last 20,000 (the first warms up). Unpatched,
 * postgres.js scanned an array that grew by one entry per query for as long as the pool stayed busy, so the
 * last round ran well below the second; with `patches/` it should not.
 */
export async function databasePoolScenario(): Promise<Figure[]> {
  const database = await createBenchDatabase();
  const db = await openDatabase({
    url: database.url,
    dataDir: undefined,
    poolSize: 10,
    logger: createLogger("warn"),
  });
  try {
    await db.sql`select 1`;
    const rates: number[] = [];
    let done = 0;
    let roundStarted = performance.now();
    const caller = async () => {
      while (done < ROUNDS * PER_ROUND) {
        await db.sql`select 1 as one`;
        if (++done % PER_ROUND === 0) {
          const now = performance.now();
          rates.push(PER_ROUND / ((now - roundStarted) / 1000));
          roundStarted = now;
        }
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, caller));
    const perSecond = (rate: number) => `${Math.round(rate).toLocaleString("en")} /s`;
    return [
      {
        scenario: "db-pool",
        metric: `queries, ${PER_ROUND.toLocaleString("en")} after warm-up`,
        value: perSecond(rates[1]!),
      },
      {
        scenario: "db-pool",
        metric: `queries, last ${PER_ROUND.toLocaleString("en")} (after ${((ROUNDS - 1) * PER_ROUND).toLocaleString("en")})`,
        value: perSecond(rates.at(-1)!),
        target: "no lower",
      },
    ];
  } finally {
    await db.close();
    await database.drop();
  }
}
