import { describe, expect, it } from "vitest";
import type { ArticleForAi, BrandProfile } from "../src/drafting/brand-profile.ts";
import { checkInstagramLimits, composePostText, countCharacters } from "../src/drafting/caption-limits.ts";
import {
  scoreArticlesByKeywords,
  topicKeywords,
  writeTemplateDraft,
} from "../src/drafting/template-drafter.ts";

const profile: BrandProfile = {
  name: "Pedal Berlin",
  topic: "urban cycling and bike lanes in Berlin",
  voice: "friendly",
  audience: "commuters",
  language: "en",
  defaultHashtags: ["#PedalBerlin", "BikeLanes"],
  bannedTerms: [],
  visualStyle: "",
};

const article: ArticleForAi = {
  id: "a1",
  title: "Kantstrasse gets a protected bike lane",
  summary: "The city approved 12 km of protected lanes. Construction starts in March.",
  link: "https://news.example/kantstrasse",
  source: "Berliner Morgenpost",
};

describe("template captions (no API key)", () => {
  it("are the title, the summary and a source credit, with the brand's default hashtags", () => {
    const draft = writeTemplateDraft({ profile, article });
    expect(draft.caption).toBe(
      "Kantstrasse gets a protected bike lane\n\n" +
        "The city approved 12 km of protected lanes. Construction starts in March.\n\n" +
        "Source: Berliner Morgenpost — https://news.example/kantstrasse",
    );
    expect(draft.hashtags).toEqual(["#PedalBerlin", "#BikeLanes"]);
  });

  it("plan slides from the summary's sentences, and make a carousel only when the brand asks for carousels", () => {
    const auto = writeTemplateDraft({ profile, article, postFormat: "auto" });
    expect(auto.format).toBe("single");
    expect(auto.slidePlan.facts.map((fact) => fact.text)).toEqual([
      "The city approved 12 km of protected lanes.",
      "Construction starts in March.",
    ]);
    expect(auto.slidePlan.credit).toBe("Source: Berliner Morgenpost — https://news.example/kantstrasse");
    expect(writeTemplateDraft({ profile, article, postFormat: "carousel" }).format).toBe("carousel");
    // A summary too short for two slides even with the headline: a single image, whatever the setting.
    const bare = { ...article, summary: "" };
    expect(writeTemplateDraft({ profile, article: bare, postFormat: "carousel" }).format).toBe("single");
  });

  it("take the headline as the image's alt text, within Instagram's 1,000 characters", () => {
    expect(writeTemplateDraft({ profile, article }).altText).toBe("Kantstrasse gets a protected bike lane");
    const longTitle = { ...article, title: "A very long headline about bike lanes. ".repeat(40) };
    const { altText } = writeTemplateDraft({ profile, article: longTitle });
    expect(countCharacters(altText)).toBeLessThanOrEqual(1000);
    expect(altText.startsWith("A very long headline about bike lanes.")).toBe(true);
  });

  it("credit the source in the brand's language where it is a simple word", () => {
    expect(writeTemplateDraft({ profile: { ...profile, language: "de" }, article }).caption).toContain(
      "Quelle: Berliner Morgenpost — https://news.example/kantstrasse",
    );
    expect(writeTemplateDraft({ profile: { ...profile, language: "French" }, article }).caption).toContain(
      "Source : Berliner Morgenpost",
    );
    expect(writeTemplateDraft({ profile: { ...profile, language: "pt-BR" }, article }).caption).toContain(
      "Fonte: ",
    );
  });

  it("name the site from the link when the feed gave no source, and work without a link", () => {
    const noSource = writeTemplateDraft({ profile, article: { ...article, source: undefined } });
    expect(noSource.caption).toContain("Source: news.example — https://news.example/kantstrasse");
    const noLink = writeTemplateDraft({ profile, article: { ...article, link: "" } });
    expect(noLink.caption.endsWith("Source: Berliner Morgenpost")).toBe(true);
  });

  it("shorten a long summary so the whole post fits 2,200 characters", () => {
    const long = { ...article, summary: "Cycling news sentence number one. ".repeat(200) };
    const draft = writeTemplateDraft({ profile, article: long });
    const text = composePostText(draft.caption, draft.hashtags);

    expect(checkInstagramLimits(text)).toEqual([]);
    expect(countCharacters(text)).toBeGreaterThan(2100); // it uses the room, not a fixed short cut
    expect(draft.caption).toContain("…\n\nSource: Berliner Morgenpost");
  });

  it("pass Instagram's limits even for hostile feed text and a brand with 40 default hashtags", () => {
    const hostile: ArticleForAi = {
      id: "a2",
      title: `${"@someone ".repeat(30)}${"#trend ".repeat(40)}`,
      summary: `${"🚲 ".repeat(3000)}`,
      link: `https://news.example/${"x".repeat(500)}`,
    };
    const brand = { ...profile, defaultHashtags: Array.from({ length: 40 }, (_, index) => `#tag${index}`) };
    const draft = writeTemplateDraft({ profile: brand, article: hostile });
    const text = composePostText(draft.caption, draft.hashtags);

    expect(checkInstagramLimits(text)).toEqual([]);
    expect(draft.hashtags).toHaveLength(30);
    expect(text).not.toContain("@someone"); // a feed's handles would tag strangers on Instagram
    expect(text).not.toContain("x".repeat(500)); // an absurd link is left out of the credit
  });
});

describe("relevance without AI", () => {
  const articles: ArticleForAi[] = [
    { id: "on", title: "Berlin opens new bike lanes", summary: "Cycling commuters welcome them.", link: "" },
    { id: "half", title: "Paris expands cycling network", summary: "", link: "" },
    { id: "off", title: "Stock markets fall", summary: "Investors are nervous.", link: "" },
  ];

  it("takes topic words from the topic and the default hashtags, without filler words", () => {
    expect(topicKeywords(profile)).toEqual(["urban", "cycling", "bike", "lanes", "berlin", "pedal"]);
  });

  it("scores by the topic words an article mentions, and says which", () => {
    const scores = scoreArticlesByKeywords({ profile, articles });
    expect(scores).toEqual([
      { articleId: "on", score: 90, reason: "Mentions: cycling, bike, lanes, berlin" },
      { articleId: "half", score: 40, reason: "Mentions: cycling" },
      {
        articleId: "off",
        score: 0,
        reason: "Mentions none of the topic words (urban, cycling, bike, lanes, berlin).",
      },
    ]);
  });

  it("matches longer forms of a topic word ('bike' in 'bikes')", () => {
    const [score] = scoreArticlesByKeywords({
      profile: { ...profile, topic: "bike", defaultHashtags: [] },
      articles: [{ id: "p", title: "Bikes everywhere", summary: "", link: "" }],
    });
    expect(score).toEqual({ articleId: "p", score: 70, reason: "Mentions: bike" });
  });

  it("gives every article a middling score when the brand has no topic yet", () => {
    const scores = scoreArticlesByKeywords({
      profile: { ...profile, topic: "", defaultHashtags: [] },
      articles,
    });
    expect(scores.map((score) => score.score)).toEqual([50, 50, 50]);
  });
});
