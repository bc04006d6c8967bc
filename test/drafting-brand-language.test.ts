import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, type FakeRequestView, startFakeAnthropic } from "./fakes/fake-anthropic.ts";
import { type FakeFeedServer, renderRssFeed, startFakeFeedServer } from "./fakes/fake-feed-server.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import { deliverOutbox, readable } from "./helpers/draft-fixtures.ts";
import { ingestAndDraft } from "./helpers/drafting-runs.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let feeds: FakeFeedServer;
let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
let t: TestApp;

/** What Claude answers a German brand: a German caption, credit line and hashtags. */
const GERMAN_HOOK = "Neuer Streckenrekord beim Alpen-Trail: so schnell war noch niemand.";
function answerInGerman(request: FakeRequestView) {
  if (request.kind === "relevance") {
    return {
      json: {
        scores: request.articles.map((a) => ({ ref: a.ref, score: 90, reason: "Ein Trail-Thema." })),
      },
    };
  }
  return {
    json: {
      hook: GERMAN_HOOK,
      body: "Die Saison endet mit einer Bestzeit auf der neuen Strecke.",
      call_to_action: "Wärt ihr mitgelaufen? Schreibt es uns in die Kommentare.",
      credit: "Quelle: Bergnachrichten — https://news.example/rekord",
      hashtags: ["#Traillauf", "#Alpen"],
    },
  };
}

beforeAll(async () => {
  feeds = await startFakeFeedServer();
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAi();
  feeds.serve("/news.xml", {
    kind: "feed",
    body: renderRssFeed({
      title: "Bergnachrichten",
      link: "https://news.example/",
      items: [
        {
          title: "Trail race: a new course record in the Alps",
          link: "https://news.example/rekord",
          guid: "rekord",
          description: "The mountain trail running season ends with a record.",
          publishedAt: new Date(),
        },
      ],
    }),
  });
  anthropic.setDefault(answerInGerman);
  t = await startTestApp({
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
  });
  const { brandId } = await insertOwnerAndBrand(t.app.sql, { telegramUserId: OWNER_ID });
  await t.app.sql`insert into feeds (brand_id, url) values (${brandId}, ${feeds.url("/news.xml")})`;
});

afterAll(async () => {
  await t?.stop();
  await feeds.close();
  await anthropic.close();
  await openai.close();
});

describe("a brand's profile as the owner set it in Telegram", () => {
  it("writes a German brand's cards in German, avoids its banned terms and draws in its visual style", async () => {
    const owner = chatAs(t, { id: OWNER_ID });
    expect((await owner.send("/brand language Deutsch"))[0]).toContain("Language set: German (de)");
    expect(await owner.send("/brand banned billig, Schnäppchen")).toEqual([
      "✅ Banned terms: billig, Schnäppchen",
    ]);
    expect(await owner.send("/brand style Aquarell in sanften Pastelltönen")).toEqual([
      "✅ Visual style: Aquarell in sanften Pastelltönen",
    ]);

    await ingestAndDraft(t);
    await deliverOutbox(t);

    const draftRequest = anthropic.requests.find((r) =>
      JSON.stringify(r.body).includes("Write an Instagram caption"),
    );
    expect(draftRequest).toBeDefined();
    const system = JSON.stringify(draftRequest!.body.system);
    expect(system).toContain("Language of captions: German (de). Write the whole caption in German");
    expect(system).toContain("Banned terms (never use, in any form): billig; Schnäppchen");

    const imagePrompt = String(openai.requests.find((r) => r.body.prompt)?.body.prompt);
    expect(imagePrompt).toContain("Aquarell in sanften Pastelltönen");

    const card = t.telegram
      .messagesIn(OWNER_ID)
      .find((m) => (m.text ?? m.caption ?? "").includes("Streckenrekord"));
    expect(card).toBeDefined();
    const shown = readable(card!);
    expect(shown).toContain(GERMAN_HOOK);
    expect(shown).toContain("Quelle: Bergnachrichten — https://news.example/rekord");
    expect(shown).toContain("#Traillauf");
  });
});
