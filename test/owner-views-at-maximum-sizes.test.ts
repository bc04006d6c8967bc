import { describe, expect, it } from "vitest";
import { insertAiUsage, insertDraft, reviewCard } from "./helpers/draft-fixtures.ts";
import { ownerChatTestSuite } from "./helpers/owner-chat.ts";

/**
 * Every view of the bot, filled to the most the bot lets an owner store: 30 brands with the longest names, 50
 * feeds with 200-character titles and 2,000-character addresses, a queue of 2,200-character captions, the
 * longest topic, voice, hashtags, schedule and time zone. The fake Telegram refuses what Telegram refuses, so a
 * view that would not be delivered shows as a refusal; and none may need the reply path's last-resort cut.
 */

const LONG_FEED_TITLE = `The <Longest> & “Loudest” Feed ${"of cycling news ".repeat(70)}`.slice(0, 1000);
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>${LONG_FEED_TITLE.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</title><link>https://news.example/</link></channel></rss>`;

const suite = ownerChatTestSuite({ owners: 1, feeds: { "/max.xml": RSS } });

/** `text` repeated and cut to exactly `length` characters. */
const filled = (text: string, length: number) =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);

const BRAND_NAME = filled("Ünïcode & <Brand> 🚲 ", 60).trimEnd();
const TOPIC = filled("urban cycling & <infrastructure> in Berlin 🚲 ", 500);
const VOICE = filled("warm & curious, <short> sentences, one emoji at most 🙂\n", 1000);
const HASHTAGS = Array.from({ length: 30 }, (_, i) => `#${filled(`tag${i}_`, 100)}`);
const SCHEDULE = `${Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`).join(", ")} mon-fri America/Argentina/ComodRivadavia`;
const CAPTION = filled("Cargo bikes & <trams> outsell cars 🚲 in three Dutch cities. ", 2200);
const HEADLINE = filled("Cargo bikes & <trams> overtake cars in Utrecht ", 200);

describe("every view at its maximum sizes", () => {
  it("is delivered whole: nothing refused by Telegram, nothing cut to fit", async () => {
    const chat = suite.newOwnerChat(filled("Maximiliane-Alexandra ", 64));
    const { sql } = suite.t.app;
    const refusals = suite.t.telegram.refusals.length;
    const replies: Record<string, string[]> = {};
    const send = async (text: string) => {
      const got = await chat.send(text);
      replies[text.slice(0, 40)] = got;
      return got;
    };

    // The set-up dialog with the longest answers it takes.
    await send("/start");
    await send(BRAND_NAME);
    await send(TOPIC);
    await send(VOICE);
    await send("português do brasil");
    await send("America/Argentina/ComodRivadavia");
    await send(`${suite.feeds.origin}/max.xml`);
    const [owner] = await sql<{ id: number; brand_id: number }[]>`
      select o.id, b.id as brand_id from owners o join brands b on b.owner_id = o.id
       where o.telegram_user_id = ${chat.from.id}`;
    const brandId = owner!.brand_id;

    // 29 more brands with the longest names, 50 feeds, a long queue and a month of spend.
    for (let i = 2; i <= 30; i++) {
      await sql`insert into brands (owner_id, name) values (${owner!.id}, ${`${i} ${BRAND_NAME}`.slice(0, 60)})`;
    }
    for (let i = 1; i <= 49; i++) {
      await sql`
        insert into feeds (brand_id, url, title, next_fetch_at, last_success_at, last_error, last_error_at,
                           consecutive_failures)
        values (${brandId}, ${filled(`https://feeds.example/${i}/<&>/`, 2000)}, ${filled(`Feed ${i} & <more> `, 200)},
                now() + interval '1 day', now() - interval '3 days',
                ${filled("HTTP 503 & <the server said no> ", 1000)}, now(), 999)`;
    }
    for (let i = 1; i <= 35; i++) {
      const draftId = await insertDraft(sql, brandId, {
        status: "approved",
        caption: CAPTION,
        hashtags: [],
        sourceTitle: HEADLINE,
        scheduledFor: new Date(Date.now() + i * 3_600_000),
      });
      await insertAiUsage(sql, { brandId, draftId, costUsd: 1234.56 });
    }

    // Settings answered with their longest values.
    await send(`/hashtags ${HASHTAGS.join(" ")}`);
    await send(`/schedule ${SCHEDULE}`);
    await send(`/topic ${TOPIC}`);
    await send(`/voice ${VOICE}`);
    await send("/budget 10000");

    // Every command, every page and every screen behind a button.
    for (const command of ["/start", "/help", "/status", "/brands", "/schedule", "/topic", "/voice"]) {
      expect((await send(command)).length).toBeGreaterThan(0);
    }
    for (const command of ["/hashtags", "/budget", "/pause", "/resume", "/connect", "/disconnect"]) {
      expect((await send(command)).length).toBeGreaterThan(0);
    }
    await send("/feeds");
    for (let page = 2; page <= 7; page++) await chat.press("Next ▶");
    await send("/queue");
    for (let page = 2; page <= 4; page++) await chat.press("Next ▶");
    await chat.press(/^↔️ Move/);
    await chat.press("« Back to the queue");
    await chat.press(/^✖ Cancel/);
    await chat.press("« Keep it");
    await send("/topic");
    await chat.press("✏️ Change");
    await send("/cancel");
    await send("/brands");
    await chat.press("🗑 Delete");
    await chat.press("Keep it");
    await send("/deletedata");
    await chat.press("Keep my data");

    // A draft card with a 2,200-character caption, and the caption edit that shows it.
    const card = await reviewCard(suite.t, brandId, {
      caption: CAPTION,
      hashtags: [],
      sourceTitle: HEADLINE,
    });
    await chat.tap(chat.findButton("✏️ Edit").data, card.message.message_id);
    await send("/cancel");

    expect(suite.t.telegram.refusals.slice(refusals)).toEqual([]);
    expect(suite.t.logs.text()).not.toContain("a reply was cut to fit");
    // The longest inputs were taken, not refused.
    const [brand] = await sql<{ default_hashtags: string[]; topic: string; voice: string }[]>`
      select default_hashtags, topic, voice from brands where id = ${brandId}`;
    expect(brand!.default_hashtags).toHaveLength(30);
    expect(brand!.topic).toBe(TOPIC.trim());
    expect(replies[`/schedule ${SCHEDULE}`.slice(0, 40)]![0]).toContain("✅ Posting times are now");
  });
});
