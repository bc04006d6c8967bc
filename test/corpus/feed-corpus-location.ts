import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The third-party feed corpus (rss-parser, feed-rs and feedparser fixtures with a MANIFEST.tsv of their
 * SHA-256s) is not part of the repository: it lives in a `shared/feeds` folder beside the checkout, which CI
 * provides, or wherever FEED_CORPUS_DIR points. `npm run test:corpus` runs against it; `npm test` never needs it.
 */
export const FEED_CORPUS_DIR = path.resolve(
  process.env.FEED_CORPUS_DIR ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/feeds"),
);
export const FEED_CORPUS_MANIFEST = path.join(FEED_CORPUS_DIR, "MANIFEST.tsv");

/** The one line `npm run test:corpus` prints when the corpus is not there. */
export function missingCorpusMessage(): string | undefined {
  if (existsSync(FEED_CORPUS_MANIFEST)) return undefined;
  return `Feed corpus absent: no ${FEED_CORPUS_MANIFEST} (put shared/ beside the repository, or point FEED_CORPUS_DIR at the corpus).`;
}
