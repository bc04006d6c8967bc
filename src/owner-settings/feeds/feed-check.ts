import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { FeedError } from "../../ingest/feed-error.ts";
import { feedFailureReason } from "../../ingest/feed-failure-reason.ts";
import { describeFeedProblem } from "../../ingest/feed-problem.ts";
import { describeUrl } from "../../shared/safe-fetch.ts";
import { fetchFeed } from "../../ingest/fetch-feed.ts";
import type { Logger } from "../../shared/logger.ts";
import type { Parsed } from "../../publishing/posting-slots.ts";

/** A feed address checked by fetching it once: its title, or what is wrong in the owner's words. */
export type FeedChecker = (url: string, texts?: Texts) => Promise<Parsed<{ url: string; title: string }>>;

/**
 * Fetches a feed the owner is adding, once, through the same safe fetch the poller uses (size, time and
 * private-address limits), so a typo or an HTML page is refused before it is stored. Every refusal says why in
 * the owner's language, the same reason a poll would store.
 */
export function createFeedChecker(options: { allowPrivateNetwork: boolean; logger: Logger }): FeedChecker {
  const { logger } = options;
  return async function checkFeed(url, texts = englishTexts()) {
    try {
      const result = await fetchFeed({ url, allowPrivateNetwork: options.allowPrivateNetwork });
      // Without validators sent, a 304 means the server is broken rather than the feed unchanged.
      if (result.kind === "not_modified") {
        return { ok: false, error: texts.t("feed-failure-no-feed-answer", { url: describeUrl(url) }) };
      }
      return { ok: true, value: { url, title: result.feed.title } };
    } catch (error) {
      if (!(error instanceof FeedError)) logger.warn({ err: error, url }, "feed check failed unexpectedly");
      return { ok: false, error: describeFeedProblem(feedFailureReason("read", error), texts) };
    }
  };
}
