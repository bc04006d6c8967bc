import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A scratch database for one benchmark on a real PostgreSQL server: BENCH_DATABASE_URL, else TEST_DATABASE_URL,
 * else the local server at postgres://postgres@127.0.0.1:5432/postgres. Dropped afterwards.
 */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `greenlight_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(server, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
