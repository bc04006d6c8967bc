import { describe, expect, it } from "vitest";
import {
  checkInstagramLimits,
  composePostText,
  countCharacters,
  findBannedTerms,
  findHashtags,
  findMentions,
  fitToInstagramLimits,
  normalizeHashtags,
  removeTagSigils,
  truncateToCharacters,
} from "../src/drafting/caption-limits.ts";

const tags = (count: number, prefix = "tag") =>
  Array.from({ length: count }, (_, index) => `#${prefix}${index}`);

describe("composing the posted text", () => {
  it("puts the hashtags on their own line after a blank line", () => {
    expect(composePostText("  Hello Berlin.  ", ["#Cycling", "BikeLanes"])).toBe(
      "Hello Berlin.\n\n#Cycling #BikeLanes",
    );
  });

  it("leaves out repeats and tags already in the caption, whatever their case", () => {
    expect(composePostText("Ride with #BikeLanes today", ["#bikelanes", "#Rain", "#rain"])).toBe(
      "Ride with #BikeLanes today\n\n#Rain",
    );
  });

  it("is just the caption when there are no hashtags", () => {
    expect(composePostText("Only words.", [])).toBe("Only words.");
  });

  it("keeps only characters Instagram allows in a tag, so '#e-bikes' does not post as '#e'", () => {
    expect(normalizeHashtags(["#e-bikes", "##Straße", "  ", "#🚲", "Ciclovía"])).toEqual([
      "#ebikes",
      "#Straße",
      "#Ciclovía",
    ]);
  });
});

describe("checking Instagram's limits", () => {
  it("accepts a caption at exactly 2,200 characters, 30 hashtags and 20 mentions", () => {
    const mentions = Array.from({ length: 20 }, (_, index) => `@user${index}`).join(" ");
    const hashtags = tags(30).join(" ");
    const head = `${mentions}\n${hashtags}\n`;
    const text = head + "x".repeat(2200 - head.length);

    expect(countCharacters(text)).toBe(2200);
    expect(checkInstagramLimits(text)).toEqual([]);
  });

  it("says in plain words when the caption is too long", () => {
    const violations = checkInstagramLimits("a".repeat(2340));
    expect(violations).toEqual([
      {
        code: "too_long",
        actual: 2340,
        limit: 2200,
        message: "The caption is 2,340 characters; Instagram allows 2,200.",
      },
    ]);
  });

  it("counts emoji as one character each (code points), not as two UTF-16 units", () => {
    const text = "🚲".repeat(2200);
    expect(text.length).toBe(4400);
    expect(countCharacters(text)).toBe(2200);
    expect(checkInstagramLimits(text)).toEqual([]);
    expect(checkInstagramLimits(`${text}!`)[0]?.message).toBe(
      "The caption is 2,201 characters; Instagram allows 2,200.",
    );
  });

  it("reports 31 hashtags and 21 mentions", () => {
    const text = `${tags(31).join(" ")}\n${Array.from({ length: 21 }, (_, index) => `@acct${index}`).join(" ")}`;
    expect(checkInstagramLimits(text).map((violation) => violation.message)).toEqual([
      "The caption has 31 hashtags; Instagram allows 30.",
      "The caption tags 21 accounts with @; Instagram allows 20.",
    ]);
  });

  it("does not count e-mail addresses, URL fragments or HTML entities as tags", () => {
    const text =
      "Write to press@example.com, see https://example.com/page#section or https://x.example/@alice &#8212; ok";
    expect(findHashtags(text)).toEqual([]);
    expect(findMentions(text)).toEqual([]);
  });

  it("finds hashtags and mentions in non-Latin scripts and at line starts", () => {
    expect(findHashtags("#Велосипед и\n#自転車")).toEqual(["#Велосипед", "#自転車"]);
    expect(findMentions("(@berlin.radfahrer) and @x_y")).toEqual(["@berlin.radfahrer", "@x_y"]);
  });
});

describe("fitting generated output to the limits", () => {
  it("keeps the first 30 hashtags and drops the rest", () => {
    const result = fitToInstagramLimits("A short caption.", tags(35));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.hashtags).toEqual(tags(30));
    expect(result.droppedHashtags).toEqual(tags(35).slice(30));
    expect(checkInstagramLimits(result.text)).toEqual([]);
  });

  it("counts hashtags already in the caption against the 30", () => {
    const result = fitToInstagramLimits(`Caption with ${tags(28, "body").join(" ")}`, tags(5));
    expect(result.ok && result.hashtags).toEqual(["#tag0", "#tag1"]);
  });

  it("drops hashtags from the end until the text fits 2,200 characters, never touching the caption", () => {
    const caption = "y".repeat(2150);
    const result = fitToInstagramLimits(caption, [
      "#first",
      "#second",
      "#third",
      "#fourth",
      "#fifth",
      "#sixth",
      "#seventh",
    ]);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.caption).toBe(caption);
    expect(result.hashtags[0]).toBe("#first");
    expect(result.droppedHashtags.at(-1)).toBe("#seventh");
    expect(countCharacters(result.text)).toBeLessThanOrEqual(2200);
    expect(
      countCharacters(composePostText(caption, [...result.hashtags, result.droppedHashtags[0]!])),
    ).toBeGreaterThan(2200);
  });

  it("gives up with the reason when the caption alone is too long", () => {
    const result = fitToInstagramLimits("z".repeat(2201), ["#tag"]);
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          code: "too_long",
          actual: 2201,
          limit: 2200,
          message: "The caption is 2,201 characters; Instagram allows 2,200.",
        },
      ],
    });
  });
});

describe("helpers for text we generate", () => {
  it("shortens at a word boundary with an ellipsis, counting code points", () => {
    const cut = truncateToCharacters("The new bike lane opens on Monday morning", 20);
    expect(cut).toBe("The new bike lane…");
    expect(countCharacters(cut)).toBeLessThanOrEqual(20);
    expect(truncateToCharacters("short", 20)).toBe("short");
    expect(countCharacters(truncateToCharacters("🚲".repeat(50), 10))).toBe(10);
  });

  it("removes '#' and '@' from feed text so it adds no tags and tags no one", () => {
    expect(removeTagSigils("Thanks @cityhall for #BikeLanes, mail info@city.example")).toBe(
      "Thanks cityhall for BikeLanes, mail info@city.example",
    );
  });

  it("finds banned terms as whole words, in any case, and as whole hashtags", () => {
    const text = "Crypto is back.\n\n#BitcoinCash #Carbon";
    expect(findBannedTerms(text, ["crypto", "car", "bitcoin cash", "blockchain"])).toEqual([
      "crypto",
      "bitcoin cash",
    ]);
  });
});
