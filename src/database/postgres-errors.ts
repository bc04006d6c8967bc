import postgres from "postgres";

/** Postgres refused a row because a unique index (named `constraint`) already holds its key. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    error instanceof postgres.PostgresError && error.code === "23505" && error.constraint_name === constraint
  );
}

/** Two approvals raced for the same posting slot; the loser tries the next slot. */
export const ONE_POST_PER_SLOT = "drafts_one_post_per_slot_idx";
