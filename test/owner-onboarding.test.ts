import { describe, expect, it } from "vitest";
import type { From } from "./helpers/telegram-updates.ts";
import { ownerChatTestSuite } from "./helpers/owner-chat.ts";
import { TEST_WEBHOOK_SECRET } from "./helpers/start-test-app.ts";
import { textUpdate } from "./helpers/telegram-updates.ts";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bike Lane Daily</title>
<link>https://bikes.example/</link><item><title>New lane</title><link>https://bikes.example/1</link></item></channel></rss>`;

const suite = ownerChatTestSuite({ owners: 12, feeds: { "/feed.xml": RSS } });

function newOwner(firstName?: string) {
  const chat = suite.newOwnerChat(firstName);
  return { from: chat.from, chat };
}

async function brandsOf(telegramUserId: number) {
  return suite.t.app.sql<
    { id: number; name: string; topic: string; voice: string; time_zone: string; selected: boolean }[]
  >`
    select b.id, b.name, b.topic, b.voice, b.time_zone, coalesce(o.selected_brand_id = b.id, false) as selected
      from brands b join owners o on o.id = b.owner_id
     where o.telegram_user_id = ${telegramUserId} order by b.id`;
}

async function feedsOf(telegramUserId: number) {
  return suite.t.app.sql<{ url: string; title: string }[]>`
    select f.url, f.title from feeds f join brands b on b.id = f.brand_id join owners o on o.id = b.owner_id
     where o.telegram_user_id = ${telegramUserId} order by f.id`;
}

/**
 * The owner answers the question containing `question` within a millisecond of its reaching Telegram: the fake
 * delivers `answer` to the webhook as soon as it receives that sendMessage, and answers the call only after.
 */
function answerAsSoonAsAsked(from: From, question: string, answer: string): void {
  suite.t.telegram.beforeAnswering(
    "sendMessage",
    (payload) => payload.chat_id === from.id && String(payload.text).includes(question),
    () =>
      suite.t.telegram.deliver(
        `${suite.t.app.url}/telegram/webhook`,
        textUpdate(answer, from),
        TEST_WEBHOOK_SECRET,
      ),
  );
}

describe("first-brand onboarding", () => {
  it("takes answers typed ahead, each arriving within a millisecond of its question", async () => {
    const { from, chat } = newOwner("Quick");
    answerAsSoonAsAsked(from, "What is the brand called?", "Fast Fingers");
    answerAsSoonAsAsked(from, "What does it post about?", "speed typing");
    answerAsSoonAsAsked(from, "How should captions sound?", "brisk");
    answerAsSoonAsAsked(from, "Which language should captions", "/skip");
    answerAsSoonAsAsked(from, "Which time zone", "Europe/Lisbon");
    answerAsSoonAsAsked(from, "Send the address of a news feed", "/skip");
    await chat.send("/start");
    await suite.t.app.settled();
    expect(await brandsOf(from.id)).toEqual([
      expect.objectContaining({
        name: "Fast Fingers",
        topic: "speed typing",
        voice: "brisk",
        time_zone: "Europe/Lisbon",
      }),
    ]);
    expect(chat.messages().map((m) => m.text ?? "")).not.toContainEqual(
      expect.stringContaining("I didn't catch that"),
    );
  });

  it("registers a new owner and walks them through name, topic, voice, time zone and feed", async () => {
    const { from, chat } = newOwner("Ada");
    const [welcome] = await chat.send("/start");
    expect(welcome).toContain("Welcome to Greenlight, Ada!");
    expect(welcome).toContain("1/6 What is the brand called?");
    expect(await suite.t.app.sql`select 1 from owners where telegram_user_id = ${from.id}`).toHaveLength(1);

    expect(await chat.send("Berlin Bike News")).toEqual([
      expect.stringContaining("2/6 What does it post about?"),
    ]);
    expect(await chat.send("urban cycling in Berlin")).toEqual([
      expect.stringContaining("3/6 How should captions sound?"),
    ]);
    expect(await chat.send("friendly and curious, short sentences")).toEqual([
      expect.stringContaining("4/6 Which language should captions"),
    ]);
    expect(await chat.send("/skip")).toEqual([expect.stringContaining("5/6 Which time zone")]);
    expect(await brandsOf(from.id)).toEqual([]);
    const afterZone = await chat.send("Europe/Berlin");
    expect(afterZone[0]).toMatch(/^Time zone set: Europe\/Berlin \(\d\d:\d\d there now\)\.$/);
    expect(afterZone[1]).toContain("6/6 Send the address of a news feed");

    const done = await chat.send(`${suite.feeds.origin}/feed.xml`);
    expect(done[0]).toBe("Found the feed “Bike Lane Daily”.");
    expect(done[1]).toContain("✅ Berlin Bike News is set up.");
    expect(done[1]).toContain("Topic: urban cycling in Berlin");
    expect(done[1]).toContain("Feed: Bike Lane Daily");
    expect(done[1]).toContain("Posting at 09:00, 18:00 daily");

    expect(await brandsOf(from.id)).toEqual([
      expect.objectContaining({
        name: "Berlin Bike News",
        topic: "urban cycling in Berlin",
        voice: "friendly and curious, short sentences",
        time_zone: "Europe/Berlin",
        selected: true,
      }),
    ]);
    expect(await feedsOf(from.id)).toEqual([
      { url: `${suite.feeds.origin}/feed.xml`, title: "Bike Lane Daily" },
    ]);
  });

  it("lets every step be skipped, by button or by /skip, and still creates a usable brand", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    expect((await chat.press("⏭ Skip")).toast).toBe("Skipped");
    expect(chat.last()).toContain("2/6");
    await chat.send("/skip");
    expect((await chat.press("⏭ Skip")).replies).toEqual([expect.stringContaining("4/6")]);
    await chat.send("/skip");
    await chat.send("/skip");
    const done = await chat.send("/skip");
    expect(done).toEqual([expect.stringContaining("✅ My brand is set up.")]);
    expect(done[0]).toContain("Topic: not set (/topic)");
    expect(done[0]).toContain("Feed: none yet (/feeds)");
    expect(await brandsOf(from.id)).toEqual([
      expect.objectContaining({ name: "My brand", topic: "", voice: "", time_zone: "UTC", selected: true }),
    ]);
    expect(await feedsOf(from.id)).toEqual([]);
  });

  it("asks again after an invalid time zone, with examples, and accepts a valid one", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    await chat.send("Zone Test");
    await chat.send("/skip");
    await chat.send("/skip");
    await chat.send("/skip");
    expect(chat.last()).toContain("Europe/Berlin, America/New_York, Asia/Kolkata");
    expect(await chat.send("Berlin")).toEqual([
      "Please write the time zone as Region/City, like Europe/Berlin or America/New_York. Did you mean Europe/Berlin?",
    ]);
    expect(await chat.send("Mars/Olympus_Mons")).toEqual([
      expect.stringContaining("“Mars/Olympus_Mons” is not a time zone I know."),
    ]);
    const accepted = await chat.send("america/new_york");
    expect(accepted[0]).toContain("Time zone set: America/New_York");
    await chat.send("/skip");
    expect(await brandsOf(from.id)).toEqual([
      expect.objectContaining({ name: "Zone Test", time_zone: "America/New_York" }),
    ]);
  });

  it("refuses a feed address that is a web page or unreachable, keeps waiting, then takes a real feed", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    for (let i = 0; i < 5; i++) await chat.press("⏭ Skip");
    expect(await chat.send(`${suite.feeds.origin}/page.html`)).toEqual([
      `The feed at ${suite.feeds.origin}/page.html could not be read. This address returns a web page (HTML), not an RSS or Atom feed.`,
    ]);
    expect(await chat.send(`${suite.feeds.origin}/missing.xml`)).toEqual([
      `The feed at ${suite.feeds.origin}/missing.xml answered 404 Not Found.`,
    ]);
    expect(await chat.send("not a url")).toEqual(["Please send just one address, without spaces."]);
    expect(await brandsOf(from.id)).toEqual([]);
    const done = await chat.send(`${suite.feeds.origin}/feed.xml`);
    expect(done[0]).toBe("Found the feed “Bike Lane Daily”.");
    expect(await feedsOf(from.id)).toEqual([
      { url: `${suite.feeds.origin}/feed.xml`, title: "Bike Lane Daily" },
    ]);
  });

  it("refuses a name that is too long or already taken, without losing the dialog", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    await chat.send("Taken Name");
    for (let i = 0; i < 5; i++) await chat.send("/skip");
    await chat.send("/brands");
    await chat.press("➕ New brand");
    expect(chat.last()).toContain("A new brand: 6 quick questions.");
    expect(await chat.send("x".repeat(61))).toEqual(["That name is 61 characters; keep it to 60 or fewer."]);
    expect(await chat.send("taken name")).toEqual([
      "You already have a brand called “taken name”. Send another name.",
    ]);
    expect(await chat.send("Second Brand")).toEqual([expect.stringContaining("2/6")]);
    for (let i = 0; i < 5; i++) await chat.send("/skip");
    expect((await brandsOf(from.id)).map((b) => [b.name, b.selected])).toEqual([
      ["Taken Name", false],
      ["Second Brand", true],
    ]);
  });

  it("continues the dialog where it was after a restart", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    await chat.send("Restart Brand");
    await chat.send("cycling news");
    await suite.t.restart();
    expect(await chat.send("calm and factual")).toEqual([expect.stringContaining("4/6")]);
    await chat.send("/skip");
    await chat.send("Asia/Kolkata");
    const done = await chat.send(`${suite.feeds.origin}/feed.xml`);
    expect(done.at(-1)).toContain("✅ Restart Brand is set up.");
    expect(await brandsOf(from.id)).toEqual([
      expect.objectContaining({
        name: "Restart Brand",
        topic: "cycling news",
        voice: "calm and factual",
        time_zone: "Asia/Kolkata",
      }),
    ]);
  });

  it("greets a registered owner on a second /start and shows the help instead of registering again", async () => {
    const { from, chat } = newOwner("Grace");
    await chat.send("/start");
    await chat.send("Grace Weekly");
    for (let i = 0; i < 5; i++) await chat.send("/skip");
    const [greeting] = await chat.send("/start");
    expect(greeting).toContain("Welcome back, Grace! You are working on Grace Weekly.");
    expect(greeting).toContain("/help – What I can do");
    expect(await suite.t.app.sql`select 1 from owners where telegram_user_id = ${from.id}`).toHaveLength(1);
    expect(await brandsOf(from.id)).toHaveLength(1);
  });

  it("leaves the dialog on /cancel without creating anything, and says so when nothing is open", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    await chat.send("Half Done");
    expect(await chat.send("/cancel")).toEqual([
      "Cancelled. No brand was created. Send /start whenever you want to set one up.",
    ]);
    expect(await brandsOf(from.id)).toEqual([]);
    expect(await chat.send("just chatting")).toEqual([
      "I didn't catch that. Send /help to see what I can do.",
    ]);
    expect(await chat.send("/cancel")).toEqual(["Nothing to cancel: no dialog is open."]);
    expect(
      await suite.t.app.sql`select 1 from bot_conversations where key = ${`conversation:${from.id}`}`,
    ).toEqual([]);

    // Registered but brandless: /start offers the setup again.
    expect((await chat.send("/start"))[0]).toContain("1/6 What is the brand called?");
    const [cancelled] = (await chat.press("✖ Cancel")).replies;
    expect(cancelled).toContain("Cancelled. No brand was created.");
  });

  it("shows the help inside a dialog and keeps waiting; another command leaves the dialog and runs", async () => {
    const { from, chat } = newOwner();
    await chat.send("/start");
    const [help] = await chat.send("/help");
    expect(help).toContain("/budget – AI spend this month and the monthly cap");
    expect(help).toContain("You are still in the brand setup");
    expect(await chat.send("Still Here")).toEqual([expect.stringContaining("2/6")]);
    expect(await chat.send("/brands")).toEqual([
      "Left the brand setup; nothing was saved.",
      expect.stringContaining("You have no brands yet."),
    ]);
    expect(await brandsOf(from.id)).toEqual([]);
  });
});
