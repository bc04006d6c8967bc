import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A fresh, empty database for one test file. With TEST_DATABASE_URL (a real PostgreSQL server) a new database
 * is created on it and dropped afterwards; without it, `url` is undefined and the service starts its embedded
 * PGlite in a fresh DATA_DIR, exactly as `npm start` does on a new machine.
 */
export interface TestDatabase {
  url: string | undefined;
  kind: "postgres" | "embedded";
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { url: undefined, kind: "embedded", drop: async () => {} };
  const name = `greenlight_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    async drop() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** True when the suite runs against a real PostgreSQL server (concurrency tests need one). */
export const onRealPostgres = Boolean(process.env.TEST_DATABASE_URL);
