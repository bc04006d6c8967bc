import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The third-party feed corpus lives outside the repository: `npm run test:corpus` (vitest.corpus.config.ts).
    exclude: ["test/corpus/**", "**/node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two workers keep a 2-core machine busy without thrashing.
    pool: "forks",
    maxWorkers: 2,
  },
});
