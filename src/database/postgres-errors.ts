import postgres from "postgres";

/** Postgres refused a row because a unique index (named `constraint`) already holds its key. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    error instanceof postgres.PostgresError && error.code === "23505" && error.constraint_name === constraint
  );
}

/** Two approvals raced for the same posting slot; the loser tries the next slot. */
export const ONE_POST_PER_SLOT = "drafts_one_post_per_slot_idx";

/** Node's socket errors and postgres.js's own codes for a connection that could not be made or was lost. */
const CONNECTION_ERROR_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

/**
 * The database could not be reached or went away mid-query (as opposed to refusing what was asked): a
 * connection error, Postgres's connection-exception class 08, or a server shutting down or starting (57P01–57P03).
 * Work that failed this way did not happen and can be asked for again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof postgres.PostgresError)
    return error.code.startsWith("08") || /^57P0[123]$/.test(error.code);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERROR_CODES.has(code);
}
