import postgres from "postgres";
import type { Logger } from "../shared/logger.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.ts";

export type Sql = postgres.Sql;
export type Transaction = postgres.TransactionSql;

export interface Database {
  sql: Sql;
  /** True on the embedded PGlite: one connection, work serialised. */
  embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A Postgres URL; undefined starts the embedded database. */
  url: string | undefined;
  /** Folder for the embedded database; undefined keeps it in memory. */
  dataDir: string | undefined;
  poolSize: number;
  logger: Logger;
  /** The embedded database when its start has already begun (main.ts); only used without `url`. */
  embedded?: Promise<EmbeddedPostgres>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.url
    ? undefined
    : await (options.embedded ?? startEmbeddedPostgres(options.dataDir));
  const url = options.url ?? embedded!.url;
  const sql = postgres(url, {
    max: embedded ? 1 : options.poolSize,
    connect_timeout: 10,
    idle_timeout: embedded ? 0 : 60,
    // No named prepared statements: through a transaction-mode pooler (PgBouncer, as Fly, Supabase and Neon hand
    // out) each statement may land on another server connection, where a statement prepared on the first does
    // not exist. Unnamed statements cost little here (`npm run bench db-pool`), so the rule holds everywhere
    // rather than depending on detecting a pooler.
    prepare: false,
    types: {
      // bigint ids and counts come back as JS numbers: every id stays far below 2^53.
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (raw: string) => Number(raw),
      },
      // numeric money columns (6 decimals at most) are exact enough as doubles for display and comparison;
      // budget arithmetic that must be exact happens in SQL.
      numeric: {
        to: 1700,
        from: [1700],
        serialize: (value: number) => String(value),
        parse: (raw: string) => Number(raw),
      },
    },
    transform: { undefined: null },
    onnotice: (notice) => options.logger.debug({ notice: notice.message }, "postgres notice"),
    connection: { application_name: "greenlight" },
  });
  return {
    sql,
    embedded: Boolean(embedded),
    async close() {
      // Jobs have already had SHUTDOWN_TIMEOUT_MS to finish; a connection still busy after that is abandoned fast,
      // so the whole shutdown stays within the 10 s a platform like Fly allows.
      await sql.end({ timeout: 1 });
      await embedded?.stop();
    },
  };
}
