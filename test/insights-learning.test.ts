import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPerformanceLessons } from "../src/insights/performance-lessons-queries.ts";
import { type FakeAnthropic, startFakeAnthropic, validReply } from "./fakes/fake-anthropic.ts";
import { type FakeFeedServer, renderRssFeed, startFakeFeedServer } from "./fakes/fake-feed-server.ts";
import { ingestAndDraft } from "./helpers/drafting-runs.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

/**
 * The drafter learns from how posts performed: the captions of the best-performing posts reach the drafting
 * prompt as voice examples, and relevance scoring reads which stories did better or worse than the median, as
 * the requests recorded by the fake Anthropic show. The lessons change at most once a day.
 */

const DAY_MS = 86_400_000;

let feeds: FakeFeedServer;
let anthropic: FakeAnthropic;
let t: TestApp;
let brandId: number;

const systemText = (body: Record<string, unknown>) =>
  (body.system as { text: string }[]).map((block) => block.text).join("\n");

let measuredPosts = 0;

/** A published post of the brand, `daysAgo`, whose week checkpoint read `views`. */
async function measuredPost(caption: string, sourceTitle: string, views: number, daysAgo = 9) {
  const publishedAt = new Date(Date.now() - daysAgo * DAY_MS);
  const [row] = await t.app.sql<{ id: number }[]>`
    insert into drafts (brand_id, status, caption, source_title, instagram_media_id, published_at, scheduled_for)
    values (${brandId}, 'published', ${caption}, ${sourceTitle}, ${`m-${caption.length}-${views}`}, ${publishedAt},
            -- One post per slot: posts made within the same millisecond would share one (a counter below 1,000).
            date_trunc('second', ${publishedAt}::timestamptz) + ${++measuredPosts} * interval '1 millisecond')
    returning id`;
  await t.app.sql`
    insert into post_insights (draft_id, brand_id, checkpoint, status, due_at, views, reach, collected_at)
    values (${row!.id}, ${brandId}, 'week', 'collected', now(), ${views}, ${Math.round(views * 0.8)}, now())`;
}

beforeAll(async () => {
  feeds = await startFakeFeedServer();
  anthropic = await startFakeAnthropic();
  feeds.serve("/news.xml", {
    kind: "feed",
    body: renderRssFeed({
      title: "Mountain News",
      link: "https://news.example/",
      items: [
        {
          title: "Trail race: a new course record in the Alps",
          link: "https://news.example/record",
          guid: "record",
          description: "The mountain trail running season ends with a record.",
          publishedAt: new Date(),
        },
      ],
    }),
  });
  anthropic.setDefault((request) =>
    request.kind === "relevance"
      ? {
          json: {
            scores: request.articles.map((a) => ({
              ref: a.ref,
              score: 90,
              reason: "A trail running story.",
            })),
          },
        }
      : validReply(request),
  );
  t = await startTestApp({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
  ({ brandId } = await insertOwnerAndBrand(t.app.sql, { telegramUserId: OWNER_ID }));
  await t.app.sql`insert into feeds (brand_id, url) values (${brandId}, ${feeds.url("/news.xml")})`;

  await measuredPost("Sunrise on the ridge: our readers' favourite climb 🏔", "Ridge climb at sunrise", 9000);
  await measuredPost("Five kit tips for a muddy autumn race", "Autumn kit for mud", 6000);
  await measuredPost("The federation changed a rule about poles", "Pole rule change", 900);
  await measuredPost("A quarterly sponsorship report", "Sponsorship figures Q3", 300);
  await measuredPost("An interview about race insurance", "Race insurance interview", 200);
});

afterAll(async () => {
  await t?.stop();
  await anthropic?.close();
  await feeds?.close();
});

it("puts the best-performing captions in the drafting prompt and the performance summary in relevance scoring", async () => {
  await ingestAndDraft(t);

  const scoring = anthropic.requests.find((r) => (r.text ?? "").includes('"scores"'))!;
  const relevanceSystem = systemText(scoring.body);
  expect(relevanceSystem).toContain("<performance_summary>");
  expect(relevanceSystem).toContain("Median views of the brand's last 5 measured posts: 900.");
  expect(relevanceSystem).toContain(
    'Stories that did better than the median: "Ridge climb at sunrise"; "Autumn kit for mud".',
  );
  expect(relevanceSystem).toContain(
    'Stories that did worse than the median: "Race insurance interview"; "Sponsorship figures Q3".',
  );

  const drafting = anthropic.requests.find((r) => (r.text ?? "").includes('"hook"'))!;
  const draftSystem = systemText(drafting.body);
  const best = draftSystem.split("<best_performing_captions>")[1]!.split("</best_performing_captions>")[0]!;
  expect(best).toContain("Sunrise on the ridge: our readers' favourite climb 🏔");
  expect(best).toContain("Five kit tips for a muddy autumn race");
  expect(best).not.toContain("A quarterly sponsorship report");
  // In the cached part of the prompt: the block that carries the breakpoint.
  const blocks = drafting.body.system as { text: string; cache_control?: unknown }[];
  expect(blocks.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
  expect(blocks.at(-1)!.text).toContain("<best_performing_captions>");
});

it("keeps the day's lessons until the next day, however many numbers arrive meanwhile", async () => {
  const today = new Date();
  const before = await loadPerformanceLessons(t.app.sql, brandId, today);
  await measuredPost("A surprise hit about trail dogs", "Trail dogs", 50_000, 2);

  expect(await loadPerformanceLessons(t.app.sql, brandId, today)).toEqual(before);

  const tomorrow = await loadPerformanceLessons(t.app.sql, brandId, new Date(today.getTime() + DAY_MS));
  expect(tomorrow.bestCaptions[0]).toBe("A surprise hit about trail dogs");
  expect(tomorrow.summary).toContain('"Trail dogs"');
});
