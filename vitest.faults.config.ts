import { defineConfig } from "vitest/config";

/**
 * `npm run test:faults`: the fault suite (test/faults/), apart from `npm test`. Each scenario starts several
 * instances of the service as child processes on one real PostgreSQL server, so the files run one at a time.
 */
export default defineConfig({
  test: {
    include: ["test/faults/**/*.faults.ts"],
    testTimeout: 480_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
