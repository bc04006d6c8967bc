import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/database/connect.ts";
import { migrate, readMigrations } from "../src/database/migrate.ts";
import { repoRoot } from "./helpers/child-process.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { pgbouncerAvailable, startPgBouncer } from "./helpers/pgbouncer.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(): Promise<{ testDb: TestDatabase; dataDir: string }> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-migrate-"));
  cleanups.push(async () => {
    await testDb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { testDb, dataDir };
}

async function open(testDb: TestDatabase, dataDir: string) {
  const { logger } = capturedLogger();
  const database = await openDatabase({ url: testDb.url, dataDir, poolSize: 5, logger });
  return { database, logger };
}

describe("migrations", () => {
  it("create the whole schema once and apply nothing the second time", async () => {
    const { testDb, dataDir } = await freshDatabase();
    const { database, logger } = await open(testDb, dataDir);
    cleanups.push(() => database.close());

    const first = await migrate(database.sql, logger);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(database.sql, logger);
    expect(second).toEqual([]);

    const tables = await database.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "owners",
        "brands",
        "instagram_accounts",
        "feeds",
        "articles",
        "drafts",
        "ai_usage",
        "oauth_states",
        "deletion_requests",
        "bot_conversations",
        "processed_updates",
        "telegram_outbox",
        "schema_migrations",
      ]),
    );
    const [count] = await database.sql<{ n: number }[]>`select count(*)::int as n from schema_migrations`;
    expect(count!.n).toBe(readMigrations().length);
  });

  it("upgrade a database whose owner has two brands of the same name: the later one is told apart by its id", async () => {
    const { testDb, dataDir } = await freshDatabase();
    const { database, logger } = await open(testDb, dataDir);
    cleanups.push(() => database.close());
    const all = readMigrations();
    const before = all.filter((m) => m.name < "0005");
    await migrate(database.sql, logger, before);
    const [owner] = await database.sql<{ id: number }[]>`
      insert into owners (telegram_user_id, telegram_chat_id) values (1, 1) returning id`;
    const brands = await database.sql<{ id: number }[]>`
      insert into brands (owner_id, name) values (${owner!.id}, 'Bakery'), (${owner!.id}, 'bakery'), (${owner!.id}, 'Café')
      returning id`;

    expect(await migrate(database.sql, logger, all)).toEqual(all.slice(before.length).map((m) => m.name));
    const names = await database.sql<{ name: string }[]>`select name from brands order by id`;
    expect(names.map((b) => b.name)).toEqual(["Bakery", `bakery (${brands[1]!.id})`, "Café"]);
    await expect(
      database.sql`insert into brands (owner_id, name) values (${owner!.id}, 'CAFÉ')`,
    ).rejects.toThrow(/brands_owner_name_idx/);
  });

  it("roll back entirely when a migration fails, leaving no half-applied schema", async () => {
    const { testDb, dataDir } = await freshDatabase();
    const { database, logger } = await open(testDb, dataDir);
    cleanups.push(() => database.close());
    const broken = [
      ...readMigrations(),
      { id: 9998, name: "9998_ok.sql", sql: "create table should_not_survive (id int);" },
      { id: 9999, name: "9999_broken.sql", sql: "create table oops (id int references nowhere(id));" },
    ];
    await expect(migrate(database.sql, logger, broken)).rejects.toThrow(/nowhere/);
    const [row] = await database.sql<{ exists: boolean }[]>`
      select exists (select 1 from information_schema.tables where table_name in ('should_not_survive', 'owners')) as exists`;
    expect(row!.exists).toBe(false);
  });

  it("migrate exactly once when two instances start together", async () => {
    const { testDb, dataDir } = await freshDatabase();
    if (testDb.kind === "embedded") {
      // Embedded mode is one instance by design: a second process on the same data folder is refused clearly.
      const { database } = await open(testDb, dataDir);
      cleanups.push(() => database.close());
      const { startEmbeddedPostgres } = await import("../src/database/embedded-postgres.ts");
      // Simulate another live process holding the folder: our own pid is treated as "us", so use the parent's.
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(dataDir, "greenlight.pid"), String(process.ppid));
      await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(
        /in use by process .*Embedded mode is for one instance/,
      );
      return;
    }
    const a = await open(testDb, dataDir);
    const b = await open(testDb, dataDir);
    cleanups.push(
      () => a.database.close(),
      () => b.database.close(),
    );
    const [appliedByA, appliedByB] = await Promise.all([
      migrate(a.database.sql, a.logger),
      migrate(b.database.sql, b.logger),
    ]);
    expect([...appliedByA, ...appliedByB].sort()).toEqual(readMigrations().map((m) => m.name));
    expect(appliedByA.length === 0 || appliedByB.length === 0).toBe(true);
    const [count] = await a.database.sql<{ n: number }[]>`select count(*)::int as n from schema_migrations`;
    expect(count!.n).toBe(readMigrations().length);
  });

  it("find their SQL files from a checkout whose path has a space in it", async () => {
    const { testDb, dataDir } = await freshDatabase();
    const checkout = mkdtempSync(join(tmpdir(), "greenlight checkout "));
    cleanups.push(async () => rmSync(checkout, { recursive: true, force: true }));
    for (const file of ["src/database/migrate.ts", "src/shared/find-above.ts"]) {
      mkdirSync(dirname(join(checkout, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(checkout, file));
    }
    cpSync(join(repoRoot, "migrations"), join(checkout, "migrations"), { recursive: true });
    const copied = (await import(
      join(checkout, "src/database/migrate.ts")
    )) as typeof import("../src/database/migrate.ts");
    expect(copied.migrationsDir).toBe(join(checkout, "migrations/"));

    const { database, logger } = await open(testDb, dataDir);
    cleanups.push(() => database.close());
    expect(await copied.migrate(database.sql, logger)).toEqual(readMigrations().map((m) => m.name));
  });
});

// Only on a real server with pgbouncer installed (CI installs it; see helpers/pgbouncer.ts).
if (pgbouncerAvailable()) {
  describe("migrations through a transaction-mode pooler (PgBouncer)", () => {
    it("migrate exactly once when three instances start together", async () => {
      const { testDb, dataDir } = await freshDatabase();
      const pgbouncer = await startPgBouncer();
      cleanups.push(() => pgbouncer.stop());
      // The lock is transaction-scoped and taken in the migrating transaction, which a transaction pooler
      // keeps on one server connection from begin to commit: the guard holds through it.
      const instances = [];
      for (let i = 0; i < 3; i++) {
        const { logger } = capturedLogger();
        const database = await openDatabase({
          url: pgbouncer.pooled(testDb.url!),
          dataDir,
          poolSize: 3,
          logger,
        });
        cleanups.push(() => database.close());
        instances.push({ database, logger });
      }
      const applied = await Promise.all(
        instances.map(({ database, logger }) => migrate(database.sql, logger)),
      );
      expect(applied.flat().sort()).toEqual(readMigrations().map((m) => m.name));
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    });
  });
}
