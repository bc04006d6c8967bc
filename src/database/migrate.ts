import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findAbove } from "../shared/find-above.ts";
import type { Logger } from "../shared/logger.ts";
import type { Sql } from "./connect.ts";

/** The nearest `migrations/` folder above this module: the checkout's under tsx, the image's for dist/. */
export const migrationsDir = findAbove(import.meta.url, ["migrations/"]);

/** An arbitrary constant shared by every Greenlight instance: the advisory lock that serialises migrations. */
const MIGRATION_LOCK_ID = 7_413_120_001;

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      id: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(join(dir, file), "utf8"),
    }));
}

/**
 * Applies pending migrations in order, all in one transaction, under a transaction-scoped advisory lock.
 * Two instances starting together: the second waits on the lock, then sees every migration recorded and
 * applies nothing. A failing migration rolls back all of this run, so the schema is never half-applied.
 */
export async function migrate(sql: Sql, logger: Logger, migrations = readMigrations()): Promise<string[]> {
  // Most starts have nothing to apply: one read says so without the write transaction and its commit (which the
  // embedded database syncs to disk). Migrations are only ever added, so a schema found complete stays complete.
  if (await allApplied(sql, migrations)) return [];
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`;
    await tx`
      create table if not exists schema_migrations (
        id integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`;
    const applied = new Set(
      (await tx<{ id: number }[]>`select id from schema_migrations`).map((row) => row.id),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.unsafe(migration.sql);
      await tx`insert into schema_migrations (id, name) values (${migration.id}, ${migration.name})`;
      done.push(migration.name);
      logger.info({ migration: migration.name }, "migration applied");
    }
    return done;
  });
}

async function allApplied(sql: Sql, migrations: Migration[]): Promise<boolean> {
  const [found] = await sql<
    { table: string | null }[]
  >`select to_regclass('schema_migrations')::text as table`;
  if (!found?.table) return false;
  const applied = new Set(
    (await sql<{ id: number }[]>`select id from schema_migrations`).map((row) => row.id),
  );
  return migrations.every((migration) => applied.has(migration.id));
}
