import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two workers keep a 2-core machine busy without thrashing.
    pool: "forks",
    maxWorkers: 2,
  },
});
