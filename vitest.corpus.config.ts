import { defineConfig } from "vitest/config";
import { missingCorpusMessage } from "./test/corpus/feed-corpus-location.ts";

/**
 * `npm run test:corpus`: the ingester against the third-party feed corpus beside the repository. Without the
 * corpus it says where it looked and stops: with exit code 1 under CI=true (CI provides the corpus, so its
 * absence there is a broken checkout), with 0 otherwise (a clone on its own has nothing to run).
 */
const missing = missingCorpusMessage();
if (missing !== undefined) {
  console.error(missing);
  process.exit(process.env.CI === "true" ? 1 : 0);
}

export default defineConfig({
  test: {
    include: ["test/corpus/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
