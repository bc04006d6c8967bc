import { describe, expect, it } from "vitest";
import { type OwnerChat, ownerChatTestSuite } from "./helpers/owner-chat.ts";

/**
 * Every answer that echoes what the owner typed reaches them, however long or odd the input: the fake Telegram
 * refuses what Telegram refuses (a text over 4,096 characters after entity parsing, half an emoji), so a reply
 * that would not be delivered shows up as a refusal here.
 */

const suite = ownerChatTestSuite({ owners: 10, feeds: {} });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function ownerWithBrand(name: string): Promise<{ chat: OwnerChat; brandId: number }> {
  const chat = suite.newOwnerChat();
  await chat.send("/start");
  await chat.send(name);
  for (let i = 0; i < 5; i++) await chat.send("/skip");
  const [row] = await suite.t.app.sql<{ id: number }[]>`
    select b.id from brands b join owners o on o.id = b.owner_id
     where o.telegram_user_id = ${chat.from.id} and b.name = ${name}`;
  return { chat, brandId: row!.id };
}

/** Replies sent since `before` calls to the fake, and whether Telegram refused any call meanwhile. */
function refusalsSince(before: number) {
  return suite.t.telegram.refusals.slice(before);
}

describe("answers that quote the owner's input", () => {
  it("quotes a 5,000-character /schedule spec in a short reply instead of failing", async () => {
    const { chat } = await ownerWithBrand("Long Schedule");
    const refusals = suite.t.telegram.refusals.length;
    const replies = await chat.send(`/schedule 09:00 ${"x".repeat(5000)}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^I don't know “x{30,}…”\. Use times like 09:00/);
    expect(replies[0]!.length).toBeLessThan(400);
    expect(refusalsSince(refusals)).toEqual([]);
  });

  it("quotes a very long /hashtags answer once, shortened, and changes nothing", async () => {
    const { chat, brandId } = await ownerWithBrand("Long Hashtags");
    const refusals = suite.t.telegram.refusals.length;
    const replies = await chat.send(`/hashtags ${"cycling".repeat(700)}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(
      /^“(cycling)+c?y?c?l?i?n?…” needs a # in front, like #(cycling)+c?y?c?l?i?n?…\.$/,
    );
    expect(replies[0]!.length).toBeLessThan(200);
    const [brand] = await suite.t.app.sql<{ default_hashtags: string[] }[]>`
      select default_hashtags from brands where id = ${brandId}`;
    expect(brand!.default_hashtags).toEqual([]);
    expect(refusalsSince(refusals)).toEqual([]);
  });

  it("quotes an emoji whole: /schedule 🍕🍕🍕 names the pizza, not half of it", async () => {
    const { chat } = await ownerWithBrand("Pizza Times");
    const refusals = suite.t.telegram.refusals.length;
    const replies = await chat.send("/schedule 🍕🍕🍕");
    expect(replies).toEqual([
      "I don't understand “🍕”. Write posting times like “09:00, 18:00 mon-fri; 11:00 weekends”.",
    ]);
    expect(replies[0]).not.toMatch(LONE_SURROGATE);
    expect(refusalsSince(refusals)).toEqual([]);
  });

  it("quotes a feed address with a 5,000-character host name in a short reply", async () => {
    const { chat } = await ownerWithBrand("Long Host");
    const refusals = suite.t.telegram.refusals.length;
    const replies = await chat.send(`/feeds https://${"a".repeat(5000)}/feed.xml`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^“a+…” is not a complete host name\./);
    expect(refusalsSince(refusals)).toEqual([]);
  });
});

describe("the set-up dialog", () => {
  it("survives a 5,000-character time zone: the answer is refused in a short reply and the earlier answers stay", async () => {
    const chat = suite.newOwnerChat();
    await chat.send("/start");
    await chat.send("Zone Bikes");
    await chat.send("urban cycling in Berlin");
    await chat.send("friendly and short");
    await chat.send("/skip"); // the language
    const refusals = suite.t.telegram.refusals.length;
    const [refused] = await chat.send(`Europe/${"Nowhere".repeat(715)}`);
    expect(refused).toMatch(/^“Europe\/(Nowhere)+N?o?w?h?e?r?…” is not a time zone I know\./);
    expect(refused!.length).toBeLessThan(300);
    expect((await chat.send("Europe/Berlin"))[0]).toMatch(/^Time zone set: Europe\/Berlin/);
    await chat.send("/skip");
    const [brand] = await suite.t.app.sql<{ topic: string; voice: string; time_zone: string }[]>`
      select b.topic, b.voice, b.time_zone from brands b join owners o on o.id = b.owner_id
       where o.telegram_user_id = ${chat.from.id} and b.name = 'Zone Bikes'`;
    expect(brand).toEqual({
      topic: "urban cycling in Berlin",
      voice: "friendly and short",
      time_zone: "Europe/Berlin",
    });
    expect(refusalsSince(refusals)).toEqual([]);
  });

  it("keeps the dialog and its answers when Telegram refuses one of its replies; the owner answers again", async () => {
    const chat = suite.newOwnerChat();
    await chat.send("/start");
    await chat.send("Refused Reply Bikes");
    // The next question (the voice) is refused by Telegram, as an over-long or malformed message would be.
    suite.t.telegram.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    const afterTopic = await chat.send("urban cycling in Hamburg");
    expect(afterTopic).toEqual([
      "⚠️ Telegram did not take my reply (message is too long). Your answers so far are kept: send your answer again, or /cancel.",
    ]);
    // Still at the voice question: the next answer is taken as the voice.
    expect((await chat.send("calm and precise"))[0]).toMatch(/^4\/6 Which language/);
    await chat.send("/skip");
    await chat.send("/skip");
    await chat.send("/skip");
    const [brand] = await suite.t.app.sql<{ topic: string; voice: string }[]>`
      select b.topic, b.voice from brands b join owners o on o.id = b.owner_id
       where o.telegram_user_id = ${chat.from.id} and b.name = 'Refused Reply Bikes'`;
    expect(brand).toEqual({ topic: "urban cycling in Hamburg", voice: "calm and precise" });
  });
});

describe("/feeds", () => {
  it("shows 50 feeds with long titles, addresses and errors page by page, each page with at most 8 remove buttons", async () => {
    const { chat, brandId } = await ownerWithBrand("Fifty Feeds");
    for (let i = 1; i <= 50; i++) {
      const failing = i % 2 === 0;
      await suite.t.app.sql`
        insert into feeds (brand_id, url, title, next_fetch_at, last_success_at, last_error, last_error_at,
                           consecutive_failures)
        values (${brandId}, ${`https://feeds.example/${i}/${"long-path-".repeat(195)}`},
                ${`Feed ${i} ${"title ".repeat(33)}`.slice(0, 200)}, now() + interval '1 day',
                now() - interval '2 hours',
                ${failing ? `HTTP 503 ${"the server said no ".repeat(50)}` : null},
                ${failing ? new Date() : null}, ${failing ? 7 : 0})`;
    }
    const refusals = suite.t.telegram.refusals.length;
    const [first] = await chat.send("/feeds");
    expect(first).toContain("Feeds (50) · page 1 of 7");
    const seen = new Set<string>();
    for (let page = 1; page <= 7; page++) {
      const message = chat.messages().at(-1)!;
      const buttons = message.reply_markup!.inline_keyboard!.flat();
      const removes = buttons.filter((b) => b.text.startsWith("🗑 Remove"));
      expect(removes.length).toBeLessThanOrEqual(8);
      for (const b of removes) seen.add(b.text);
      expect(chat.text(message.message_id)).toContain(`page ${page} of 7`);
      if (page < 7) await chat.press("Next ▶");
    }
    expect(seen.size).toBe(50);
    expect(seen).toContain("🗑 Remove 50");

    // Removing a feed on page 3 shows page 3 again, one feed shorter.
    await chat.press("◀ Previous");
    await chat.press("◀ Previous");
    await chat.press("◀ Previous");
    await chat.press("◀ Previous");
    const removed = await chat.press("🗑 Remove 17");
    expect(removed.toast).toMatch(/^Removed Feed 17 /);
    expect(chat.text(removed.messageId)).toContain("Feeds (49) · page 3 of 7");
    expect(refusalsSince(refusals)).toEqual([]);
    expect(suite.t.logs.text()).not.toContain("a reply was cut to fit");
  });
});

describe("/queue", () => {
  it("shows a long queue a page of 10 at a time, numbered across pages, with ◀ / ▶", async () => {
    const { chat, brandId } = await ownerWithBrand("Long Queue");
    for (let i = 1; i <= 25; i++) {
      await suite.t.app.sql`
        insert into drafts (brand_id, status, caption, source_title, scheduled_for)
        values (${brandId}, 'approved', ${`caption ${i}`}, ${`Story ${i}`}, ${new Date(Date.now() + i * 3_600_000)})`;
    }
    const [first] = await chat.send("/queue");
    expect(first).toMatch(/^Queue · 25 posts waiting · page 1 of 3\n1\. .* — Story 1\n/);
    const queue = chat.messages().at(-1)!;
    const labels = () => queue.reply_markup!.inline_keyboard!.flat().map((b) => b.text);
    expect(labels().filter((l) => l.startsWith("↔️ Move"))).toHaveLength(10);
    expect(labels()).toContain("Next ▶");
    expect(labels()).not.toContain("◀ Previous");

    await chat.press("Next ▶");
    await chat.press("Next ▶");
    expect(chat.text(queue.message_id)).toMatch(/page 3 of 3\n21\. .* — Story 21\n/);
    expect(labels().filter((l) => l.startsWith("↔️ Move"))).toEqual([
      "↔️ Move 21",
      "↔️ Move 22",
      "↔️ Move 23",
      "↔️ Move 24",
      "↔️ Move 25",
    ]);
    expect(labels()).not.toContain("Next ▶");
    await chat.press("◀ Previous");
    expect(chat.text(queue.message_id)).toContain("page 2 of 3\n11. ");
  });
});
