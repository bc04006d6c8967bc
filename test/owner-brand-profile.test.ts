import { describe, expect, it } from "vitest";
import { chatAs, ownerChatTestSuite } from "./helpers/owner-chat.ts";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bike Lane Daily</title>
<link>https://bikes.example/</link><item><title>New lane</title><link>https://bikes.example/1</link></item></channel></rss>`;

const suite = ownerChatTestSuite({ owners: 7, feeds: { "/feed.xml": RSS } });

async function profileOf(telegramUserId: number) {
  const [brand] = await suite.t.app.sql<
    { language: string; audience: string; banned_terms: string[]; visual_style: string }[]
  >`
    select b.language, b.audience, b.banned_terms, b.visual_style
      from brands b join owners o on o.id = b.owner_id
     where o.telegram_user_id = ${telegramUserId}`;
  return brand;
}

/** A registered owner with one brand, every optional setup step skipped. */
async function ownerWithBrand() {
  const chat = suite.newOwnerChat();
  await chat.send("/start");
  await chat.send("Profile Brand");
  for (let i = 0; i < 5; i++) await chat.send("/skip");
  expect(chat.last()).toContain("✅ Profile Brand is set up.");
  return chat;
}

describe("the brand's language at set-up", () => {
  it("proposes the owner's Telegram language and stores it on one tap", async () => {
    // A German Telegram app, the bot kept in English: the brand's language is proposed from the app's.
    const chat = chatAs(suite.t, { ...suite.newOwnerChat().from, language_code: "de" });
    await chat.send("/language en");
    await chat.send("/start");
    await chat.send("Radweg Berlin");
    await chat.send("/skip");
    const [question] = await chat.send("/skip");
    expect(question).toContain(
      "4/6 Which language should captions, credit lines and hashtags be written in?",
    );
    expect(question).toContain("Tap “Use German”");

    const tapped = await chat.press("Use German");
    expect(tapped.replies).toEqual([
      "Language set: German (de).",
      expect.stringContaining("5/6 Which time zone"),
    ]);
    await chat.send("/skip");
    const [done] = await chat.send("/skip");
    expect(done).toContain("Language: German (de) (/brand)");
    expect((await profileOf(chat.from.id))?.language).toBe("de");
  });

  it("takes a typed language instead of the proposal, after refusing one it does not know", async () => {
    const chat = chatAs(suite.t, { ...suite.newOwnerChat().from, language_code: "de" });
    await chat.send("/language en");
    await chat.send("/start");
    for (let i = 0; i < 3; i++) await chat.send("/skip");
    expect(await chat.send("Klingonisch")).toEqual([
      "I don't know the language “Klingonisch”. Send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.",
    ]);
    expect((await chat.send("português do brasil"))[0]).toBe("Language set: Portuguese (Brazil) (pt-BR).");
    for (let i = 0; i < 2; i++) await chat.send("/skip");
    expect((await profileOf(chat.from.id))?.language).toBe("pt-BR");
  });
});

describe("/brand", () => {
  it("shows every field the drafter uses, with a button to edit each", async () => {
    const chat = await ownerWithBrand();
    const [view] = await chat.send("/brand");
    for (const line of [
      "Language: English (en)",
      "Topic: not set",
      "Audience: not set",
      "Voice: not set",
      "Default hashtags: none",
      "Banned terms: none",
      "Visual style (images): default",
      "First comment (after publishing): off",
    ]) {
      expect(view).toContain(line);
    }
    const labels = chat
      .messages()
      .at(-1)!
      .reply_markup!.inline_keyboard!.flat()
      .map((button) => button.text);
    expect(labels).toEqual([
      "✏️ Language",
      "✏️ Topic",
      "✏️ Audience",
      "✏️ Voice",
      "✏️ Hashtags",
      "✏️ Banned terms",
      "✏️ Visual style",
      "✏️ First comment",
    ]);
  });

  it("sets the language by code, regional code or name, and refuses anything else with examples", async () => {
    const chat = await ownerWithBrand();
    await chat.send("/brand");
    const asked = await chat.press("✏️ Language");
    expect(asked.replies[0]).toContain(
      "Captions are written in English (en). Which language should they be in?",
    );
    expect(await chat.send("Elvish")).toEqual([
      "I don't know the language “Elvish”. Send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.",
    ]);
    expect(await chat.send("xx-YY")).toEqual([expect.stringContaining("I don't know the language “xx-YY”.")]);
    expect((await profileOf(chat.from.id))?.language).toBe("en");
    expect(await chat.send("Deutsch")).toEqual([
      "✅ Language set: German (de). New captions, credit lines and hashtags will be in it.",
    ]);
    expect((await profileOf(chat.from.id))?.language).toBe("de");

    expect(await chat.send("/brand language de-at")).toEqual([
      "✅ Language set: German (Austria) (de-AT). New captions, credit lines and hashtags will be in it.",
    ]);
    expect((await chat.send("/brand language pt-br"))[0]).toContain("Portuguese (Brazil) (pt-BR)");
    expect((await profileOf(chat.from.id))?.language).toBe("pt-BR");
    expect(await chat.send("/brand language Quenya")).toEqual([
      expect.stringContaining("I don't know the language “Quenya”."),
    ]);
    expect((await profileOf(chat.from.id))?.language).toBe("pt-BR");
    expect((await chat.send("/brand"))[0]).toContain("Language: Portuguese (Brazil) (pt-BR)");
  });

  it("edits the audience, banned terms and visual style, and shows them", async () => {
    const chat = await ownerWithBrand();
    await chat.send("/brand");
    await chat.press("✏️ Audience");
    expect(await chat.send("commuters and families in Berlin")).toEqual([
      "✅ Audience: commuters and families in Berlin",
    ]);
    await chat.press("✏️ Banned terms");
    expect(await chat.send("cheap, best ever; Cheap")).toEqual(["✅ Banned terms: cheap, best ever"]);
    await chat.press("✏️ Visual style");
    expect(await chat.send("x")).toEqual([
      "Please describe the visual style in a few words, for example “bright flat illustration, teal and orange, no text”, or send “none”.",
    ]);
    expect(await chat.send("watercolour, soft pastel light")).toEqual([
      "✅ Visual style: watercolour, soft pastel light",
    ]);
    expect(await profileOf(chat.from.id)).toEqual({
      language: "en",
      audience: "commuters and families in Berlin",
      banned_terms: ["cheap", "best ever"],
      visual_style: "watercolour, soft pastel light",
    });
    const [view] = await chat.send("/brand");
    expect(view).toContain("Audience: commuters and families in Berlin");
    expect(view).toContain("Banned terms: cheap, best ever");
    expect(view).toContain("Visual style (images): watercolour, soft pastel light");

    expect(await chat.send("/brand banned none")).toEqual(["✅ Banned terms cleared."]);
    expect(await chat.send("/brand colour red")).toEqual([
      expect.stringContaining("e.g. /brand language de"),
    ]);
    expect((await profileOf(chat.from.id))?.banned_terms).toEqual([]);
  });
});

describe("/firstcomment", () => {
  it("sets the first comment to the hashtags, a line of the owner's, or off, and refuses an empty line", async () => {
    const chat = await ownerWithBrand();
    const [shown] = await chat.send("/firstcomment");
    expect(shown).toContain("First comment: off");

    expect(await chat.send("/firstcomment hashtags")).toEqual([
      "✅ First comment: the post's hashtags (they leave the caption). It applies to posts that have not started going out.",
    ]);
    await chat.press("✏️ Change");
    expect(await chat.send("   ")).toEqual(["The first comment cannot be empty."]);
    expect(await chat.send("Link in bio for the whole story 🚲")).toEqual([
      "✅ First comment: “Link in bio for the whole story 🚲”. It applies to posts that have not started going out.",
    ]);
    const [view] = await chat.send("/brand");
    expect(view).toContain("First comment (after publishing): “Link in bio for the whole story 🚲”");

    expect(await chat.send("/firstcomment off")).toEqual([
      "✅ First comment: off. It applies to posts that have not started going out.",
    ]);
    const [brand] = await suite.t.app.sql<
      { first_comment_mode: string; first_comment_text: string | null }[]
    >`
      select b.first_comment_mode, b.first_comment_text
        from brands b join owners o on o.id = b.owner_id
       where o.telegram_user_id = ${chat.from.id}`;
    expect(brand).toEqual({
      first_comment_mode: "off",
      first_comment_text: "Link in bio for the whole story 🚲",
    });
  });
});
