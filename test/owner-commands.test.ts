import { describe, expect, it } from "vitest";
import { englishOwnerCommands } from "../src/owner-settings/start/owner-commands.ts";
import { settingsCallback } from "../src/owner-settings/shared/settings-callbacks.ts";
import { formatSlotForOwner, upcomingSlots } from "../src/publishing/posting-slots.ts";
import { renderRssFeed } from "./fakes/fake-feed-server.ts";
import { insertDraft } from "./helpers/draft-fixtures.ts";
import { type OwnerChat, ownerChatTestSuite } from "./helpers/owner-chat.ts";
import { OWNER_ID } from "./helpers/start-test-app.ts";

const RSS = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link></channel></rss>`;

/** An archive feed of 10,000 stories a minute apart, newest first: more rows than one INSERT can bind. */
const HUGE_RSS = renderRssFeed({
  title: "Every story ever",
  link: "https://archive.example/",
  items: Array.from({ length: 10_000 }, (_, n) => ({
    title: `Archived story ${n}`,
    link: `https://archive.example/stories/${n}`,
    publishedAt: new Date(Date.now() - n * 60_000),
  })),
});

const suite = ownerChatTestSuite({
  owners: 26,
  feeds: {
    "/feed-huge.xml": HUGE_RSS,
    "/feed-one.xml": RSS("Feed one"),
    "/feed-two.xml": RSS("Feed two"),
    "/feed-gone.xml": RSS("Feed gone"),
  },
});

/** A registered owner with one brand, set up through the onboarding dialog (every optional step skipped). */
async function ownerWithBrand(name: string): Promise<{ chat: OwnerChat; brandId: number; ownerId: number }> {
  const chat = suite.newOwnerChat();
  await chat.send("/start");
  await chat.send(name);
  for (let i = 0; i < 5; i++) await chat.send("/skip");
  const [row] = await suite.t.app.sql<{ brand_id: number; owner_id: number }[]>`
    select b.id as brand_id, o.id as owner_id from brands b join owners o on o.id = b.owner_id
     where o.telegram_user_id = ${chat.from.id} and b.name = ${name}`;
  return { chat, brandId: row!.brand_id, ownerId: row!.owner_id };
}

async function brand(brandId: number) {
  const [row] = await suite.t.app.sql<
    {
      name: string;
      topic: string;
      voice: string;
      default_hashtags: string[];
      time_zone: string;
      posting_slots: unknown;
      monthly_budget_usd: number;
      paused: boolean;
    }[]
  >`select name, topic, voice, default_hashtags, time_zone, posting_slots, monthly_budget_usd, paused from brands where id = ${brandId}`;
  return row!;
}

describe("the command menu", () => {
  it("is registered with Telegram at start-up in each owner's chat, every command with its help line", () => {
    const menu = englishOwnerCommands().map(({ command, description }) => ({ command, description }));
    const ownerChat = suite.t.telegram.scopedCommands.get(`chat:${OWNER_ID}`) ?? [];
    // The owner's commands in their order, with the team's (src/teams/) among them.
    expect(ownerChat.filter((c) => menu.some((m) => m.command === c.command))).toEqual(menu);
    expect(menu.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        "start",
        "brands",
        "voice",
        "budget",
        "feeds",
        "schedule",
        "topic",
        "hashtags",
        "queue",
      ]),
    );
    expect(menu.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        "status",
        "pause",
        "resume",
        "connect",
        "disconnect",
        "deletedata",
        "help",
        "cancel",
      ]),
    );
  });

  it("is set again in the background when Telegram fails at start-up", async () => {
    suite.t.telegram.commands = [];
    suite.t.telegram.failNext("setMyCommands", { error_code: 502, description: "Bad Gateway" });
    await suite.t.restart();
    expect(suite.t.telegram.commands).toEqual([]);
    await suite.t.telegram.waitFor(() => suite.t.telegram.commands.length === 2);
    expect(suite.t.telegram.commands.map((c) => c.command)).toEqual(["start", "help"]);
    expect(suite.t.logs.text()).toContain("telegram command menu not set; retrying");
  });

  it("is what /help lists", async () => {
    const chat = suite.newOwnerChat();
    const [help] = await chat.send("/help");
    for (const { command, description } of englishOwnerCommands())
      expect(help).toContain(`/${command} – ${description}`);
  });
});

describe("before there is a brand", () => {
  it("asks an allowed but unregistered user to /start, and a brandless owner to create a brand", async () => {
    const chat = suite.newOwnerChat();
    expect(await chat.send("/budget")).toEqual(["Send /start first to register."]);
    await chat.send("/start");
    await chat.send("/cancel");
    for (const command of ["/feeds", "/status", "/connect", "/disconnect", "/queue", "/budget"]) {
      expect(await chat.send(command)).toEqual([
        "You have no brand yet. Send /brands and tap “➕ New brand” to set one up.",
      ]);
    }
  });
});

describe("/brands", () => {
  it("switches the selected brand with buttons, and every reply names the brand once there are two", async () => {
    const { chat, brandId: first, ownerId } = await ownerWithBrand("Alpha");
    expect((await chat.send("/topic"))[0]).toMatch(/^Topic: not set/);
    expect((await chat.send("/brands"))[0]).toContain("Your brands (1)\n▶️ Alpha — selected");

    await chat.press("➕ New brand");
    expect(chat.last()).toContain("A new brand: 6 quick questions.");
    await chat.send("Beta");
    for (let i = 0; i < 5; i++) await chat.send("/skip");
    expect(chat.last()).toContain("✅ Beta is set up and selected.");
    expect((await chat.send("/topic"))[0]).toMatch(/^🏷 Beta\nTopic: not set/);

    const [list] = await chat.send("/brands");
    expect(list).toContain("• Alpha\n▶️ Beta — selected");
    const listMessage = chat.messages().at(-1)!;
    const pressed = await chat.press("Alpha");
    expect(pressed.toast).toBe("Now working on Alpha");
    expect(chat.text(listMessage.message_id)).toContain("▶️ Alpha — selected\n• Beta");
    const [owner] = await suite.t.app.sql<
      { selected_brand_id: number }[]
    >`select selected_brand_id from owners where id = ${ownerId}`;
    expect(owner!.selected_brand_id).toBe(first);

    expect(await chat.send("/topic alpine cycling")).toEqual(["🏷 Alpha\n✅ Topic set: alpine cycling"]);
    expect((await brand(first)).topic).toBe("alpine cycling");
    expect((await chat.send("/schedule"))[0]).toMatch(/^🏷 Alpha\nPosting times/);
  });

  /** An owner with "Alpha" and then "Beta", set up through the dialogs; Beta is the selected brand. */
  async function ownerWithTwoBrands() {
    const owner = await ownerWithBrand("Alpha");
    await owner.chat.send("/brands");
    await owner.chat.press("➕ New brand");
    await owner.chat.send("Beta");
    for (let i = 0; i < 5; i++) await owner.chat.send("/skip");
    const [beta] = await suite.t.app.sql<{ id: number }[]>`
      select id from brands where owner_id = ${owner.ownerId} and name = 'Beta'`;
    return { ...owner, alpha: owner.brandId, beta: beta!.id };
  }

  it("renames the selected brand by dialog, refusing a name another of the owner's brands has", async () => {
    const { chat, alpha, beta } = await ownerWithTwoBrands();
    await chat.send("/brands");
    await chat.press("✏️ Rename");
    expect(chat.last()).toContain("What should Beta be called from now on?");

    expect(await chat.send("alpha")).toEqual(["You already have a brand called “alpha”. Send another name."]);
    expect(await chat.send("   ")).toEqual([expect.stringContaining("Please send the brand's name")]);
    expect((await brand(beta)).name).toBe("Beta");

    expect(await chat.send("Beta Cycling Weekly")).toEqual(["✅ Beta is now called Beta Cycling Weekly."]);
    expect((await brand(beta)).name).toBe("Beta Cycling Weekly");
    expect((await brand(alpha)).name).toBe("Alpha");
    expect((await chat.send("/brands"))[0]).toContain("• Alpha\n▶️ Beta Cycling Weekly — selected");
  });

  it("deletes a brand after a confirmation that says what goes with it, once, and selects one that remains", async () => {
    const { chat, ownerId, alpha, beta } = await ownerWithTwoBrands();
    const waiting = await insertDraft(suite.t.app.sql, beta);
    await insertDraft(suite.t.app.sql, beta, {
      status: "approved",
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
    const alphaDraft = await insertDraft(suite.t.app.sql, alpha);
    await chat.send("/brands");
    const list = chat.messages().at(-1)!;

    await chat.press("🗑 Delete");
    const question = chat.text(list.message_id);
    expect(question).toContain("Delete Beta?");
    expect(question).toContain("1 draft awaiting review");
    expect(question).toContain("1 scheduled post, which will not go out");
    expect(question).toContain("Posts already published on Instagram stay there.");
    expect(await brand(beta)).toBeDefined();

    const { data } = chat.findButton("🗑 Yes, delete Beta");
    const confirmUpdate = 880_000_001;
    expect((await chat.tap(data, list.message_id, confirmUpdate)).toast).toBe("Deleted");
    expect(chat.text(list.message_id)).toContain("🗑 Beta is deleted, with 0 feeds and 2 drafts and posts.");
    expect(chat.text(list.message_id)).toContain("▶️ Alpha — selected");
    expect(await suite.t.app.sql`select 1 from brands where id = ${beta}`).toHaveLength(0);
    expect(await suite.t.app.sql`select 1 from drafts where id = ${waiting}`).toHaveLength(0);
    expect(await suite.t.app.sql`select 1 from drafts where id = ${alphaDraft}`).toHaveLength(1);
    const [owner] = await suite.t.app.sql<
      { selected_brand_id: number }[]
    >`select selected_brand_id from owners where id = ${ownerId}`;
    expect(owner!.selected_brand_id).toBe(alpha);
    expect((await chat.send("/topic"))[0]).toMatch(/^Topic: not set/);

    // Telegram redelivers the confirmation: nothing more happens. A second tap learns the brand is gone.
    expect((await chat.tap(data, list.message_id, confirmUpdate)).toast).toBeUndefined();
    expect(suite.t.logs.text()).not.toContain("bot handler failed");
    expect((await chat.tap(data, list.message_id)).toast).toBe("That brand no longer exists.");
    expect(await suite.t.app.sql`select 1 from brands where id = ${alpha}`).toHaveLength(1);
  });

  it("deletes nothing when the owner keeps the brand, the confirmation is old, or a post is going out now", async () => {
    const { chat, beta } = await ownerWithTwoBrands();
    await chat.send("/brands");
    const list = chat.messages().at(-1)!;
    await chat.press("🗑 Delete");
    expect((await chat.press("Keep it")).toast).toBe("Nothing was deleted");
    expect(chat.text(list.message_id)).toContain("Kept. Nothing was deleted.");

    const anHourAgo = new Date(Date.now() - 3_600_000);
    const stale = await chat.tap(settingsCallback.brandDeleteConfirm(beta, anHourAgo), list.message_id);
    expect(stale.toast).toBe("That confirmation expired");

    const publishing = await insertDraft(suite.t.app.sql, beta, {
      status: "publishing",
      scheduledFor: new Date(),
    });
    const now = await chat.tap(settingsCallback.brandDeleteConfirm(beta, new Date()), list.message_id);
    expect(now.toast).toBe("A post is going out right now");
    expect(chat.text(list.message_id)).toContain(
      "being published to Instagram right now, so nothing was deleted",
    );
    expect((await brand(beta)).name).toBe("Beta");

    // A post left waiting for a retry (no worker has touched it for longer than a lease) holds nothing up.
    await suite.t.app
      .sql`update drafts set updated_at = now() - interval '10 minutes' where id = ${publishing}`;
    const later = await chat.tap(settingsCallback.brandDeleteConfirm(beta, new Date()), list.message_id);
    expect(later.toast).toBe("Deleted");
    expect(await suite.t.app.sql`select 1 from brands where id = ${beta}`).toHaveLength(0);
  });

  it("answers a button for a brand that no longer exists instead of failing", async () => {
    const { chat, brandId } = await ownerWithBrand("Gone Soon");
    await chat.send("/brands");
    await suite.t.app.sql`delete from brands where id = ${brandId}`;
    expect((await chat.press("✅ Gone Soon")).toast).toBe("That brand no longer exists.");
  });
});

describe("/topic, /voice and /hashtags", () => {
  it("changes the topic by dialog, asking again after a bad answer and changing nothing on /cancel", async () => {
    const { chat, brandId } = await ownerWithBrand("Topics");
    expect(await chat.send("/topic ab")).toEqual([
      expect.stringContaining("Please describe the topic in a few words"),
    ]);
    await chat.send("/topic");
    await chat.press("✏️ Change");
    expect(chat.last()).toContain("What does the brand post about?");
    expect(await chat.send("x")).toEqual([expect.stringContaining("Please describe the topic")]);
    expect(await chat.send("/cancel")).toEqual(["Cancelled. Nothing was changed."]);
    expect((await brand(brandId)).topic).toBe("");

    await chat.press("✏️ Change");
    expect(await chat.send("bike repair tips")).toEqual(["✅ Topic set: bike repair tips"]);
    expect((await brand(brandId)).topic).toBe("bike repair tips");
    expect(await chat.send("more text")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
  });

  it("sets the voice from a description, or derives it from example captions when the owner taps Use", async () => {
    const { chat, brandId } = await ownerWithBrand("Voices");
    expect((await chat.send("/voice"))[0]).toContain("Voice: not set");
    await chat.press("✏️ Describe it");
    expect(await chat.send("warm, witty, short")).toEqual(["✅ Voice saved: warm, witty, short"]);

    await chat.send("/voice");
    await chat.press("📝 From example captions");
    expect(await chat.send("/done")).toEqual(["Send at least one example caption first, or /cancel."]);
    expect(await chat.send("Our new lane opened today! Have you tried it? 🚲")).toEqual([
      "Got 1. Send another, or tap Done.",
    ]);
    await chat.send("We rode it twice. What's your favourite route?");
    const derived = (await chat.press("✅ Done")).replies;
    expect(derived).toEqual([
      expect.stringMatching(/^Derived voice:\nSummary of 2 example captions \(no AI\): .*\nUse it\?$/s),
    ]);
    expect((await brand(brandId)).voice).toBe("warm, witty, short");
    expect(await chat.send("hmm")).toEqual(["Please tap one of the buttons above, or send /cancel."]);
    expect((await chat.press("✅ Use this voice")).replies).toEqual(["✅ Voice saved."]);
    expect((await brand(brandId)).voice).toMatch(/^Summary of 2 example captions \(no AI\): short captions/);

    await chat.send("/voice");
    await chat.press("📝 From example captions");
    await chat.send("Just one more caption");
    await chat.press("✅ Done");
    expect((await chat.press("✖ Discard")).replies).toEqual(["Discarded. The voice is unchanged."]);
    expect((await brand(brandId)).voice).toMatch(/^Summary of 2 example captions/);
  });

  it("validates hashtags, stores them without repeats, and clears them with a button", async () => {
    const { chat, brandId } = await ownerWithBrand("Tags");
    expect(await chat.send("/hashtags cycling #berlin")).toEqual([
      "“cycling” needs a # in front, like #cycling.",
    ]);
    const tooMany = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(" ");
    expect(await chat.send(`/hashtags ${tooMany}`)).toEqual([
      "That is 31 hashtags; Instagram allows at most 30 in a post.",
    ]);
    expect((await brand(brandId)).default_hashtags).toEqual([]);
    expect(await chat.send("/hashtags #cycling #Berlin #CYCLING")).toEqual([
      "✅ Default hashtags: #cycling #Berlin",
    ]);
    expect((await brand(brandId)).default_hashtags).toEqual(["#cycling", "#Berlin"]);
    expect((await chat.send("/hashtags"))[0]).toContain("Default hashtags: #cycling #Berlin");
    expect((await chat.press("🗑 Clear")).toast).toBe("Default hashtags cleared");
    expect((await brand(brandId)).default_hashtags).toEqual([]);
  });
});

describe("/schedule", () => {
  it("shows posting times and time zone, and changes them by typing times and a zone", async () => {
    const { chat, brandId } = await ownerWithBrand("Slots");
    const [shown] = await chat.send("/schedule");
    expect(shown).toContain("Posting times: 09:00, 18:00 daily");
    expect(shown).toMatch(/Time zone: UTC \(\d\d:\d\d there now\)/);
    expect(shown).toMatch(/Next slots: \w{3} (09|18):00 · /);

    expect(await chat.send("/schedule 25:00 weekdays")).toEqual([
      expect.stringContaining("“25:00” is not a time of day"),
    ]);
    expect(await chat.send("/schedule 09:00, 18:00 weekdays Europe/Berlin")).toEqual([
      "✅ Posting times are now 09:00, 18:00 weekdays. Time zone is now Europe/Berlin. Posts already scheduled keep their times; move them with /queue.",
    ]);
    expect(await brand(brandId)).toMatchObject({
      time_zone: "Europe/Berlin",
      posting_slots: [
        { time: "09:00", days: [1, 2, 3, 4, 5] },
        { time: "18:00", days: [1, 2, 3, 4, 5] },
      ],
    });

    await chat.send("/schedule");
    await chat.press("✏️ Change");
    expect(await chat.send("Mars/Olympus")).toEqual([
      expect.stringContaining("“Mars/Olympus” is not a time zone I know."),
    ]);
    expect(await chat.send("Asia/Tokyo")).toEqual([
      expect.stringContaining("✅ Time zone is now Asia/Tokyo."),
    ]);
    expect(await brand(brandId)).toMatchObject({
      time_zone: "Asia/Tokyo",
      posting_slots: [{ time: "09:00" }, { time: "18:00" }],
    });
  });
});

describe("/feeds", () => {
  // The test app reads feeds at "0 0 1 1 *" (start-test-app.ts): a new feed is first read next New Year, 00:00.
  const firstRead = () => {
    const now = new Date();
    return `at ${formatSlotForOwner(new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1)), "UTC", now)}`;
  };

  it("adds a feed after fetching it once, refuses duplicates and pages, shows health and removes by button", async () => {
    const { chat, brandId } = await ownerWithBrand("Feeds");
    expect((await chat.send("/feeds"))[0]).toContain("No feeds yet.");
    expect(await chat.send(`/feeds ${suite.feeds.origin}/feed-one.xml`)).toEqual([
      `✅ Added “Feed one”. Its first read is ${firstRead()}; new stories from it will arrive as drafts.`,
    ]);
    expect(suite.t.telegram.callsTo("sendChatAction").at(-1)?.payload).toMatchObject({
      chat_id: chat.from.id,
      action: "typing",
    });
    expect(await chat.send(`/feeds ${suite.feeds.origin}/feed-one.xml`)).toEqual([
      "That feed is already in the list. Send another address, or /cancel.",
    ]);
    expect((await chat.send("/feeds"))[0]).toContain(`⏳ not read yet (first read ${firstRead()})`);
    expect(await chat.send(`/feeds ${suite.feeds.origin}/page.html`)).toEqual([
      `The feed at ${suite.feeds.origin}/page.html could not be read. This address returns a web page (HTML), not an RSS or Atom feed.`,
    ]);
    expect(await chat.send("/feeds hello")).toEqual([
      expect.stringContaining("“hello” is not a complete host name"),
    ]);

    await chat.send("/feeds");
    await chat.press("➕ Add a feed");
    expect(chat.last()).toContain("Send the address of an RSS or Atom feed");
    expect(await chat.send(`${suite.feeds.origin}/missing.xml`)).toEqual([
      `The feed at ${suite.feeds.origin}/missing.xml answered 404 Not Found.`,
    ]);
    expect(await chat.send(`${suite.feeds.origin}/feed-two.xml`)).toEqual([
      `✅ Added “Feed two”. Its first read is ${firstRead()}; new stories from it will arrive as drafts.`,
    ]);

    await suite.t.app
      .sql`update feeds set last_success_at = now() - interval '2 hours' where url like '%feed-one.xml'`;
    await suite.t.app.sql`
      update feeds set consecutive_failures = 3, last_error = 'The feed answered 500 Internal Server Error.',
                       last_error_at = now() - interval '10 minutes'
       where url like '%feed-two.xml'`;
    const [list] = await chat.send("/feeds");
    expect(list).toContain("Feeds (2)\n1. Feed one");
    expect(list).toContain("✅ last read 2 h ago");
    expect(list).toContain(
      "⚠️ failed 3 times in a row, last 10 min ago: The feed answered 500 Internal Server Error. (never read)",
    );

    const listMessage = chat.messages().at(-1)!;
    expect((await chat.press("🗑 Remove 1")).toast).toBe("Removed Feed one");
    expect(chat.text(listMessage.message_id)).toContain("Feeds (1)\n1. Feed two");
    const rows = await suite.t.app.sql`select url from feeds where brand_id = ${brandId}`;
    expect(rows).toEqual([{ url: `${suite.feeds.origin}/feed-two.xml` }]);
    const stale = chat.findButton("🗑 Remove 1");
    await suite.t.app.sql`delete from feeds where brand_id = ${brandId}`;
    expect((await chat.tap(stale.data, stale.message.message_id)).toast).toBe(
      "That feed was already removed.",
    );
  });
  it("reads a 10,000-item feed it said was added, and lists it as read", async () => {
    const { chat, brandId } = await ownerWithBrand("Archive");
    expect(await chat.send(`/feeds ${suite.feeds.origin}/feed-huge.xml`)).toEqual([
      `✅ Added “Every story ever”. Its first read is ${firstRead()}; new stories from it will arrive as drafts.`,
    ]);
    await suite.t.app.scheduler.runNow("ingest");
    const [list] = await chat.send("/feeds");
    expect(list).toContain("1. Every story ever");
    expect(list).toContain("✅ last read");
    expect(list).not.toContain("⚠️");
    const [stored] = await suite.t.app.sql<{ n: number }[]>`
      select count(*)::int as n from articles where brand_id = ${brandId} and title = 'Archived story 0'`;
    expect(stored!.n).toBe(1);
  }, 60_000);
});

describe("/budget", () => {
  it("shows month-to-date spend in the brand's time zone by operation and provider, and the cap", async () => {
    const { chat, brandId } = await ownerWithBrand("Money");
    // UTC+14: this month began 14 hours before it began in UTC, so a UTC month would count these rows wrongly.
    const zone = "Pacific/Kiritimati";
    await chat.send(`/schedule ${zone}`);
    const monthStart = suite.t.app
      .sql`(date_trunc('month', now() at time zone ${zone}) at time zone ${zone})`;
    await suite.t.app.sql`
      insert into ai_usage (brand_id, provider, model, operation, status, reserved_usd, cost_usd, created_at) values
        (${brandId}, 'anthropic', 'claude-haiku-5-5', 'draft', 'settled', 0.3, 1.25, now()),
        (${brandId}, 'openai', 'gpt-image-2', 'image', 'settled', 3, 2.00, ${monthStart} + interval '1 minute'),
        (${brandId}, 'anthropic', 'claude-haiku-5-5', 'draft', 'reserved', 0.50, 0, now()),
        (${brandId}, 'anthropic', 'claude-haiku-5-5', 'draft', 'released', 5, 0, now()),
        (${brandId}, 'anthropic', 'claude-haiku-5-5', 'draft', 'settled', 7, 7, ${monthStart} - interval '1 minute')`;
    const [report = ""] = await chat.send("/budget");
    expect(report).toMatch(/^AI budget · \w+ \d{4} \(Pacific\/Kiritimati\)\n/);
    expect(report).toContain("Spent so far: $3.75 of $10.00 (38%)");
    expect(report).toContain("Of which in progress (reserved): $0.50");
    expect(report).toContain("By operation:\n• image: $2.00\n• draft: $1.25");
    expect(report).toContain("By provider:\n• openai: $2.00\n• anthropic: $1.25");
    const projected = Number(
      /Projected by the end of the month: \$([\d.,]+)/.exec(report)?.[1]?.replace(",", ""),
    );
    expect(projected).toBeGreaterThanOrEqual(3.25);
  });

  it("raises the cap with buttons exactly once per tap, even when a tap is redelivered or doubled", async () => {
    const { chat, brandId } = await ownerWithBrand("Caps");
    await chat.send("/budget");
    const budgetMessage = chat.messages().at(-1)!;
    const plusFive = chat.findButton("+$5");
    const redelivered = 880_000_000 + Math.floor(Math.random() * 1_000_000);
    expect((await chat.tap(plusFive.data, plusFive.message.message_id, redelivered)).toast).toBe(
      "Monthly cap is now $15.00",
    );
    await chat.tap(plusFive.data, plusFive.message.message_id, redelivered);
    expect((await brand(brandId)).monthly_budget_usd).toBe(15);
    expect(chat.text(budgetMessage.message_id)).toContain("of $15.00");

    const plusTwenty = chat.findButton("+$20");
    expect((await chat.tap(plusTwenty.data, plusTwenty.message.message_id)).toast).toBe(
      "Monthly cap is now $35.00",
    );
    expect((await chat.tap(plusTwenty.data, plusTwenty.message.message_id)).toast).toBe(
      "The cap had already changed; here is the current one.",
    );
    expect((await brand(brandId)).monthly_budget_usd).toBe(35);
    expect((await chat.press("×2")).toast).toBe("Monthly cap is now $70.00");
  });

  it("takes a typed amount, refusing anything that is not a positive amount up to $10,000", async () => {
    const { chat, brandId } = await ownerWithBrand("Typed");
    expect(await chat.send("/budget 0")).toEqual([
      "The budget must be more than $0. To stop spending, use /pause.",
    ]);
    expect(await chat.send("/budget lots")).toEqual([
      "“lots” is not an amount. Send a number of US dollars, like 25 or 12.50.",
    ]);
    expect(await chat.send("/budget 20000")).toEqual(["The monthly budget can be at most $10,000."]);
    expect((await brand(brandId)).monthly_budget_usd).toBe(10);
    expect(await chat.send("/budget $25")).toEqual(["✅ Monthly AI budget set to $25.00."]);

    await chat.send("/budget");
    await chat.press("✏️ Type an amount");
    expect(chat.last()).toContain("The monthly AI budget is $25.00. Send the new amount");
    expect(await chat.send("-3")).toEqual(["The budget must be more than $0."]);
    expect(await chat.send("12.345")).toEqual(["Please use at most two decimals (whole cents), like 12.50."]);
    expect((await brand(brandId)).monthly_budget_usd).toBe(25);
    expect(await chat.send("40")).toEqual(["✅ Monthly AI budget set to $40.00."]);
    expect((await brand(brandId)).monthly_budget_usd).toBe(40);
  });
});

describe("/queue", () => {
  it("lists approved posts in slot order, moves one to a free slot and cancels another", async () => {
    const { chat, brandId } = await ownerWithBrand("Queue");
    const slots = upcomingSlots({
      slots: [
        { time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] },
        { time: "18:00", days: [1, 2, 3, 4, 5, 6, 7] },
      ],
      timeZone: "UTC",
      after: new Date(),
      count: 4,
    });
    const [lane, bridge] = await suite.t.app.sql<{ id: number }[]>`
      insert into drafts (brand_id, status, caption, source_title, scheduled_for) values
        (${brandId}, 'approved', 'caption one', 'Lane opens', ${slots[0]!}),
        (${brandId}, 'approved', 'caption two', 'Bridge closes', ${slots[1]!}),
        (${brandId}, 'pending_review', 'not yet', 'Pending', null)
      returning id`;
    const when = (slot: Date) => formatSlotForOwner(slot, "UTC", new Date());
    const [queue] = await chat.send("/queue");
    expect(queue).toBe(
      `Queue · 2 posts waiting\n1. ${when(slots[0]!)} — Lane opens\n2. ${when(slots[1]!)} — Bridge closes`,
    );
    const queueMessage = chat.messages().at(-1)!;

    await chat.press("↔️ Move 1");
    expect(chat.text(queueMessage.message_id)).toContain(
      `Move “Lane opens” (now ${when(slots[0]!)}) to which free slot?`,
    );
    const choices = queueMessage.reply_markup!.inline_keyboard!.flat().map((b) => b.text);
    const label = (slot: Date) => when(slot).replace(", UTC", "");
    expect(choices[0]).toBe(label(slots[2]!));
    expect(choices).not.toContain(label(slots[1]!));

    // Another post takes the first free slot between showing the choices and the tap.
    await suite.t.app
      .sql`insert into drafts (brand_id, status, caption, scheduled_for) values (${brandId}, 'approved', 'x', ${slots[2]!})`;
    expect((await chat.press(label(slots[2]!))).toast).toBe("That slot was just taken; pick another.");
    expect(queueMessage.reply_markup!.inline_keyboard!.flat()[0]!.text).toBe(label(slots[3]!));
    expect((await chat.press(label(slots[3]!))).toast).toBe(`Moved to ${when(slots[3]!)}`);
    const [moved] = await suite.t.app.sql<
      { scheduled_for: Date }[]
    >`select scheduled_for from drafts where id = ${lane!.id}`;
    expect(moved!.scheduled_for.getTime()).toBe(slots[3]!.getTime());
    expect(chat.text(queueMessage.message_id)).toContain(`1. ${when(slots[1]!)} — Bridge closes`);

    await chat.press("✖ Cancel 1");
    expect(chat.text(queueMessage.message_id)).toBe(
      `Cancel “Bridge closes”, scheduled for ${when(slots[1]!)}? It will not be posted.`,
    );
    expect((await chat.press("✖ Yes, cancel the post")).toast).toBe("Post cancelled");
    const [cancelled] = await suite.t.app.sql<
      { status: string }[]
    >`select status from drafts where id = ${bridge!.id}`;
    expect(cancelled!.status).toBe("cancelled");
    // The draft's card is refreshed too (moved and cancelled posts), so it no longer offers Undo / Post now.
    const cardUpdates = await suite.t.app.sql<{ n: number }[]>`
      select count(*)::int as n from telegram_outbox where kind = 'draft_card_update'`;
    expect(cardUpdates[0]!.n).toBe(2);
    expect(chat.text(queueMessage.message_id)).toMatch(
      /^Queue · 2 posts waiting\n1\. .* — x\n2\. .* — Lane opens$/,
    );

    const stale = await chat.tap(`queue:mv:${bridge!.id}`, queueMessage.message_id);
    expect(stale.toast).toBe("That post is no longer waiting (it is cancelled).");
  });
});

describe("/status, /pause, /resume", () => {
  it("shows Instagram, feeds, drafts waiting, the next post and spend on one screen", async () => {
    const { chat, brandId } = await ownerWithBrand("Status");
    expect((await chat.send("/status"))[0]).toBe(
      [
        "Status",
        "📷 Instagram: not connected (/connect)",
        "📰 Feeds: none (/feeds)",
        "📝 Drafts waiting for review: 0",
        "🗓 Next post: none scheduled",
        "💬 Comments: every comment gets a card (/comments)",
        "💰 AI spend this month: $0.00 of $10.00 (0%) (/budget)",
      ].join("\n"),
    );
    const next = upcomingSlots({
      slots: [{ time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] }],
      timeZone: "UTC",
      after: new Date(),
      count: 1,
    })[0]!;
    await suite.t.app.sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
      values (${brandId}, '1789', 'bikes.berlin', '\\x00', now() + interval '45 days 1 hour')`;
    await suite.t.app.sql`
      insert into feeds (brand_id, url, title, consecutive_failures, last_error, last_error_at) values
        (${brandId}, 'https://a.example/feed', 'A', 0, null, null),
        (${brandId}, 'https://b.example/feed', 'B', 2, 'The feed answered 503 Service Unavailable.', now())`;
    await suite.t.app.sql`
      insert into drafts (brand_id, status, caption, scheduled_for) values
        (${brandId}, 'pending_review', 'a', null), (${brandId}, 'pending_review', 'b', null),
        (${brandId}, 'approved', 'c', ${next})`;
    await suite.t.app.sql`
      insert into ai_usage (brand_id, provider, model, operation, status, cost_usd)
      values (${brandId}, 'anthropic', 'claude-haiku-5-5', 'draft', 'settled', 2.5)`;
    const [status] = await chat.send("/status");
    expect(status).toMatch(
      /📷 Instagram: connected as @bikes\.berlin; token valid until \d{1,2} \w{3} \d{4} \(45 days\)\n/,
    );
    expect(status).toContain("📰 Feeds: 2, 1 failing: The feed answered 503 Service Unavailable. (/feeds)");
    expect(status).toContain("📝 Drafts waiting for review: 2");
    expect(status).toContain(`🗓 Next post: ${formatSlotForOwner(next, "UTC", new Date())} (1 in /queue)`);
    expect(status).toContain("💰 AI spend this month: $2.50 of $10.00 (25%) (/budget)");

    // Meta said the account is at its rate limit: the owner learns why posts wait, and until when.
    const resumes = new Date(Date.now() + 25 * 60_000);
    await suite.t.app
      .sql`update instagram_accounts set calls_paused_until = ${resumes} where brand_id = ${brandId}`;
    expect((await chat.send("/status"))[0]).toContain(
      `(45 days). Instagram asked Greenlight to slow down: posting resumes after ${formatSlotForOwner(resumes, "UTC", new Date())}\n`,
    );
    await suite.t.app
      .sql`update instagram_accounts set calls_paused_until = now() - interval '1 minute' where brand_id = ${brandId}`;
    expect((await chat.send("/status"))[0]).not.toContain("slow down");
  });

  it("says on /resume which overdue posts go out now and when the older ones will", async () => {
    const { chat, brandId } = await ownerWithBrand("Overdue");
    await chat.send("/schedule 09:00, 18:00 UTC");
    await chat.send("/pause");
    const now = Date.now();
    // One missed an hour ago (within the grace: it goes out at once), one missed two days ago (it moves).
    await insertDraft(suite.t.app.sql, brandId, {
      status: "approved",
      sourceTitle: "Missed an hour ago",
      scheduledFor: new Date(now - 3_600_000),
    });
    await insertDraft(suite.t.app.sql, brandId, {
      status: "approved",
      sourceTitle: "Missed two days ago",
      scheduledFor: new Date(now - 2 * 86_400_000),
    });
    await suite.t.app.sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
      values (${brandId}, ${`ig-${brandId}`}, 'overdue.brand', ${Buffer.from("sealed")}, now() + interval '50 days')`;
    const [nextSlot] = upcomingSlots({
      slots: [
        { time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] },
        { time: "18:00", days: [1, 2, 3, 4, 5, 6, 7] },
      ],
      timeZone: "UTC",
      after: new Date(),
      count: 1,
    });
    expect(await chat.send("/resume")).toEqual([
      [
        "▶️ Resumed: drafting and publishing are back on.",
        "",
        "2 posts' times passed while paused:",
        "• “Missed two days ago” moves to " + formatSlotForOwner(nextSlot!, "UTC", new Date()) + ".",
        "• “Missed an hour ago” goes out now.",
      ].join("\n"),
    ]);
    // Nothing moved yet: the publisher does that, as /resume said.
    const rows = await suite.t.app
      .sql`select count(*)::int as n from drafts where brand_id = ${brandId} and scheduled_for < now()`;
    expect(rows[0]!["n"]).toBe(2);
  });

  it("pauses and resumes the brand once per update, saying when it already was", async () => {
    const { chat, brandId } = await ownerWithBrand("Pausing");
    const updateId = 890_000_000 + Math.floor(Math.random() * 1_000_000);
    expect(await chat.send("/pause", updateId)).toEqual([
      "⏸ Paused: no new drafts and nothing is published until /resume. Approved posts stay in /queue.",
    ]);
    expect((await brand(brandId)).paused).toBe(true);
    // Telegram redelivers an update it did not see answered: it must not act (or reply) a second time.
    expect(await chat.send("/pause", updateId)).toEqual([]);
    expect(await chat.send("/pause")).toEqual([
      "Already paused. /resume starts drafting and publishing again.",
    ]);
    expect((await chat.send("/status"))[0]).toContain("⏸ Paused: no drafting or publishing until /resume.");
    expect(await chat.send("/resume")).toEqual(["▶️ Resumed: drafting and publishing are back on."]);
    expect((await brand(brandId)).paused).toBe(false);
    expect(await chat.send("/resume")).toEqual(["Not paused: drafting and publishing are on."]);
  });
});

describe("/deletedata", () => {
  it("deletes everything stored about the owner after an explicit confirmation, and says so", async () => {
    const { chat, brandId, ownerId } = await ownerWithBrand("Delete Me");
    await chat.send(`/feeds ${suite.feeds.origin}/feed-gone.xml`);
    const image = await suite.t.app.services.media.put(
      `drafts/${brandId}/1.jpg`,
      Buffer.from("jpeg"),
      "image/jpeg",
    );
    await suite.t.app
      .sql`insert into drafts (brand_id, status, caption, image_key) values (${brandId}, 'pending_review', 'c', ${image.key})`;
    await suite.t.app.sql`
      insert into ai_usage (brand_id, provider, model, operation, status, cost_usd)
      values (${brandId}, 'openai', 'gpt-image-2', 'image', 'settled', 0.2)`;
    await suite.t.app.sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext)
      values (${brandId}, '42', 'delete.me', '\\x01')`;
    await suite.t.app
      .sql`insert into telegram_outbox (chat_id, kind, payload) values (${chat.from.id}, 'text', '{"text":"later"}')`;

    const [question] = await chat.send("/deletedata");
    expect(question).toContain("Delete everything Greenlight stores about you?");
    expect(question).toContain(
      "1 brand with its settings, 1 feed and its articles, 1 draft or scheduled post,",
    );
    const kept = await chat.press("Keep my data");
    expect(kept.toast).toBe("Nothing was deleted");
    expect(chat.text(kept.messageId)).toBe("Kept. Nothing was deleted.");
    expect(await suite.t.app.sql`select 1 from brands where id = ${brandId}`).toHaveLength(1);

    const expired = await chat.send("/deletedata");
    expect(expired).toHaveLength(1);
    const questionMessage = chat.messages().at(-1)!;
    const oldConfirmation = `wipe:yes:${Math.floor(Date.now() / 1000) - 11 * 60}`;
    expect((await chat.tap(oldConfirmation, questionMessage.message_id)).toast).toBe(
      "That confirmation expired",
    );
    expect(await suite.t.app.sql`select 1 from owners where id = ${ownerId}`).toHaveLength(1);

    await chat.send("/deletedata");
    // An open dialog's state must go too.
    await chat.send("/topic");
    await chat.press("✏️ Change");
    expect(
      await suite.t.app.sql`select 1 from bot_conversations where key = ${`conversation:${chat.from.id}`}`,
    ).toHaveLength(1);
    const confirmed = await chat.press("🗑 Yes, delete everything");
    expect(confirmed.toast).toBe("Deleted");
    expect(chat.text(confirmed.messageId)).toContain(
      "Deleted.\nYour registration, 1 brand, 1 feed, 1 draft with its image,",
    );

    const [left] = await suite.t.app.sql<{ n: number }[]>`
      select (select count(*) from owners where id = ${ownerId})
           + (select count(*) from brands where owner_id = ${ownerId})
           + (select count(*) from feeds where brand_id = ${brandId})
           + (select count(*) from drafts where brand_id = ${brandId})
           + (select count(*) from ai_usage where brand_id = ${brandId})
           + (select count(*) from instagram_accounts where brand_id = ${brandId})
           + (select count(*) from bot_conversations where key = ${`conversation:${chat.from.id}`})
           + (select count(*) from telegram_outbox where chat_id = ${chat.from.id}) as n`;
    expect(left!.n).toBe(0);
    expect(await suite.t.app.services.media.get(image.key)).toBeNull();
    // The month's AI spend is kept, linked to nothing: the operator's month still adds up to what was billed.
    expect(
      await suite.t.app.sql`
        select brand_id, provider, operation, cost_usd from kept_ai_spend where operation = 'image' and cost_usd = 0.2`,
    ).toEqual([{ brand_id: null, provider: "openai", operation: "image", cost_usd: 0.2 }]);

    expect((await chat.send("hello"))[0]).toBe("I didn't catch that. Send /help to see what I can do.");
    expect((await chat.send("/start"))[0]).toContain("Welcome to Greenlight, Ada!");
  });
});
