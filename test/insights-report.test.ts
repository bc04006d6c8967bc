import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGreenlight } from "../src/app.ts";
import { queueWeeklyReports } from "../src/insights/weekly-report.ts";
import { type FakeMessage, visibleText } from "./fakes/fake-telegram.ts";
import { insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { setClock } from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { onRealPostgres } from "./helpers/test-database.ts";

/**
 * /report and the weekly report: the numbers of a known set of posts, the chart as a real PNG, a reconnect
 * offered to accounts without the insights permission, and the weekly report once per brand per week however
 * many instances reach Monday morning.
 */

const DAY_MS = 86_400_000;
const INSIGHTS_SCOPES = ["instagram_business_basic", "instagram_business_manage_insights"];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let t: TestApp;
let ownerId: number;

beforeAll(async () => {
  t = await startTestApp();
  ownerId = await insertOwner(t.app.sql);
});

afterAll(() => t?.stop());

afterEach(() => {
  t.app.services.clock = () => new Date();
});

async function brand(name: string, scopes: string[] | null = INSIGHTS_SCOPES, timeZone = "Europe/Berlin") {
  const brandId = await insertBrand(t.app.sql, ownerId, { name, timeZone });
  await t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${ownerId}`;
  await t.app.sql`
    insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, granted_scopes)
    values (${brandId}, ${`1784${brandId}`}, ${`brand_${brandId}`}, ${Buffer.from("sealed")}, ${scopes})`;
  return brandId;
}

type Numbers = { views: number; reach: number; total_interactions: number };

let postsMade = 0;

/** A post published `daysAgo`, with the checkpoints Instagram's numbers were read at. */
async function post(
  brandId: number,
  caption: string,
  daysAgo: number,
  checkpoints: { day?: Numbers; week?: Numbers } = {},
): Promise<string> {
  const publishedAt = new Date(Date.now() - daysAgo * DAY_MS);
  const permalink = `https://www.instagram.com/p/${caption.replace(/\W/g, "")}/`;
  const [row] = await t.app.sql<{ id: number }[]>`
    insert into drafts (brand_id, status, caption, instagram_media_id, permalink, published_at, scheduled_for)
    values (${brandId}, 'published', ${caption}, ${`m${Math.random()}`}, ${permalink}, ${publishedAt},
            -- One post per slot: posts made within the same millisecond would share one (a counter below 1,000).
            date_trunc('second', ${publishedAt}::timestamptz) + ${++postsMade} * interval '1 millisecond')
    returning id`;
  for (const [checkpoint, numbers] of Object.entries(checkpoints)) {
    await t.app.sql`
      insert into post_insights (draft_id, brand_id, checkpoint, status, due_at, views, reach, total_interactions,
                                 collected_at)
      values (${row!.id}, ${brandId}, ${checkpoint}, 'collected', now(), ${numbers.views}, ${numbers.reach},
              ${numbers.total_interactions}, now())`;
  }
  return permalink;
}

async function spend(brandId: number, usd: number, daysAgo: number, status = "settled") {
  await t.app.sql`
    insert into ai_usage (brand_id, provider, model, operation, status, reserved_usd, cost_usd, created_at)
    values (${brandId}, 'anthropic', 'claude-haiku-5-5', 'caption', ${status}, ${usd}, ${usd},
            ${new Date(Date.now() - daysAgo * DAY_MS)})`;
}

function caption(message: FakeMessage): string {
  const parsed = visibleText(message.caption ?? "", "HTML");
  return "text" in parsed ? parsed.text : "";
}

/** The photo is a PNG: its signature, and sharp decodes it to the chart's size. */
async function expectPngChart(message: FakeMessage) {
  const bytes = message.photoSource as Buffer;
  expect(Buffer.isBuffer(bytes)).toBe(true);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const metadata = await sharp(bytes).metadata();
  expect(metadata).toMatchObject({ format: "png", width: 1200, height: 675 });
}

describe("/report", () => {
  let permalinks: Record<string, string>;
  let brandId: number;

  beforeAll(async () => {
    brandId = await brand("Velo Daily");
    permalinks = {
      a: await post(brandId, "Post A about cargo bikes", 2, {
        day: { views: 1000, reach: 800, total_interactions: 40 },
      }),
      // Read at both checkpoints: the week's numbers count.
      b: await post(brandId, "Post B about bike lanes", 3, {
        day: { views: 500, reach: 400, total_interactions: 10 },
        week: { views: 2000, reach: 1500, total_interactions: 90 },
      }),
      c: await post(brandId, "Post C still waiting", 1),
      d: await post(brandId, "Post D from last week", 10, {
        week: { views: 4000, reach: 3000, total_interactions: 300 },
      }),
    };
    await spend(brandId, 0.5, 3);
    await spend(brandId, 0.25, 12);
    await spend(brandId, 1, 1, "reserved");
    await spend(brandId, 0.1, 40);
  });

  it("sums the last 7 days: posts, views, reach, engagement rate, best and worst, and what the AI spend bought", async () => {
    const owner = chatAs(t, { id: OWNER_ID });
    await owner.send("/report");
    const message = t.telegram.lastMessageIn(OWNER_ID)!;
    expect(message.photo).toBe(true);
    await expectPngChart(message);
    const text = caption(message);
    expect(text).toContain("Last 7 days");
    expect(text).toContain("Posts: 3 (1 still waiting for Instagram's numbers)");
    expect(text).toContain("Views: 3,000 · Reach: 2,300");
    // 130 interactions over 2,300 reach.
    expect(text).toContain("Engagement rate: 5.7% (likes, comments, saves and shares ÷ reach)");
    expect(text).toContain("🏆 Best: 2,000 views — “Post B about bike lanes”");
    expect(text).toContain("🔻 Weakest: 1,000 views — “Post A about cargo bikes”");
    // $0.50 settled in the period; the reservation and older spend do not count. $0.50 / 3,000 views × 1,000.
    expect(text).toContain("💰 AI spend: $0.50 · $0.17 per 1,000 views");
    expect(message.caption).toContain(`<a href="${permalinks.b}">`);
    expect(message.caption).toContain(`<a href="${permalinks.a}">`);
  });

  it("takes the last 30 days with /report 30", async () => {
    const owner = chatAs(t, { id: OWNER_ID });
    await owner.send("/report 30");
    const text = caption(t.telegram.lastMessageIn(OWNER_ID)!);
    expect(text).toContain("Last 30 days");
    expect(text).toContain("Posts: 4 (1 still waiting for Instagram's numbers)");
    expect(text).toContain("Views: 7,000 · Reach: 5,300");
    expect(text).toContain("Engagement rate: 8.1%");
    expect(text).toContain("🏆 Best: 4,000 views — “Post D from last week”");
    expect(text).toContain("💰 AI spend: $0.75 · $0.11 per 1,000 views");
  });

  it("says which periods it knows when given another", async () => {
    const owner = chatAs(t, { id: OWNER_ID });
    const [reply] = await owner.send("/report 12<b>");
    expect(reply).toBe(
      "“12<b>” is not a period I know. Send /report for the last 7 days or /report 30 for the last 30 days.",
    );
  });
});

it("offers a reconnect in /report and /status to an account connected before insights were asked for", async () => {
  const brandId = await brand("Old Connection", null);
  await post(brandId, "Old account post", 2);
  const owner = chatAs(t, { id: OWNER_ID });

  await owner.send("/report");
  const report = t.telegram.lastMessageIn(OWNER_ID)!;
  expect(caption(report)).toContain(
    "Instagram has not given Greenlight the permission to read post insights",
  );
  expect(report.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(["🔗 Reconnect Instagram"]);

  const [status] = await owner.send("/status");
  expect(status).toContain("📈 Post insights: not allowed yet");
  // The button makes a fresh connect link: one tap from the report to Instagram's consent page.
  const { replies } = await owner.press("🔗 Reconnect Instagram");
  expect(replies.join("\n")).toMatch(/Instagram is not set up|Tap the button/);
});

it("suggests posting times from when posts drew the most views, and changes them only when the owner taps", async () => {
  const brandId = await brand("Timely Trails");
  const midnight = new Date(new Date().toISOString().slice(0, 10)).getTime();
  // Berlin is UTC+1 in winter: 06:00Z is 07:00 there, 17:00Z is 18:00.
  const views: [number, number][] = [
    [17, 5000],
    [17, 4200],
    [6, 3900],
    [6, 3500],
    [8, 200],
    [8, 300],
    [11, 900],
  ];
  for (const [i, [hourUtc, count]] of views.entries()) {
    const publishedAt = new Date(midnight - (i + 1) * 2 * DAY_MS + hourUtc * 3_600_000);
    const [row] = await t.app.sql<{ id: number }[]>`
      insert into drafts (brand_id, status, caption, instagram_media_id, published_at, scheduled_for)
      values (${brandId}, 'published', ${`Timed post ${i}`}, ${`t${i}`}, ${publishedAt}, ${publishedAt})
      returning id`;
    await t.app.sql`
      insert into post_insights (draft_id, brand_id, checkpoint, status, due_at, views, collected_at)
      values (${row!.id}, ${brandId}, 'week', 'collected', now(), ${count}, now())`;
  }
  const owner = chatAs(t, { id: OWNER_ID });
  const [schedule] = await owner.send("/schedule");
  expect(schedule).toContain("Posting times: 09:00, 18:00 daily");
  expect(schedule).toContain(
    "📈 The brand's posts drew the most views when they went out around 07:00, 18:00.",
  );
  const [slots] = await t.app.sql<
    { posting_slots: unknown }[]
  >`select posting_slots from brands where id = ${brandId}`;
  expect(JSON.stringify(slots!.posting_slots)).toContain("09:00");

  const { replies } = await owner.press("📈 Use 07:00, 18:00");
  expect(replies.join("\n")).toContain("Posting times are now 07:00, 18:00 daily.");
  const [changed] = await t.app.sql<{ posting_slots: { time: string }[] }[]>`
    select posting_slots from brands where id = ${brandId}`;
  expect(changed!.posting_slots.map((slot) => slot.time).sort()).toEqual(["07:00", "18:00"]);
});

describe("the weekly report", () => {
  // Monday 7 December 2026, 09:30 in Berlin (08:30 UTC); the Sunday before; the Monday after.
  const monday = new Date("2026-12-07T08:30:00Z");

  it("goes out on Monday morning in the brand's time zone, once per brand per week, with its chart", async () => {
    const brandId = await brand("Weekly Wheels", INSIGHTS_SCOPES, "Europe/Berlin");
    await post(brandId, "Weekly post", 2, { day: { views: 300, reach: 250, total_interactions: 20 } });
    const outboxRows = async () =>
      (
        await t.app.sql<{ n: number }[]>`
          select count(*)::int as n from telegram_outbox where dedupe_key like ${`weekly-report:${brandId}:%`}`
      )[0]!.n;

    // Sunday evening and Monday 08:59 local: not yet.
    setClock(t, new Date("2026-12-06T20:00:00Z"));
    await t.app.scheduler.runNow("weekly-report");
    setClock(t, new Date("2026-12-07T07:59:00Z"));
    await t.app.scheduler.runNow("weekly-report");
    expect(await outboxRows()).toBe(0);

    // Monday 09:30: runs side by side, as two instances' would be, and a later tick.
    setClock(t, monday);
    await Promise.all([queueWeeklyReports(t.app.services), queueWeeklyReports(t.app.services)]);
    setClock(t, new Date(monday.getTime() + 3 * 3_600_000));
    await t.app.scheduler.runNow("weekly-report");
    expect(await outboxRows()).toBe(1);

    const before = t.telegram.messagesIn(OWNER_ID).length;
    await t.app.scheduler.runNow("telegram-outbox");
    const sent = t.telegram
      .messagesIn(OWNER_ID)
      .slice(before)
      .filter((message) => caption(message).includes("Weekly Wheels"));
    expect(sent).toHaveLength(1);
    expect(caption(sent[0]!)).toContain("Views: 300 · Reach: 250");
    await expectPngChart(sent[0]!);

    // The next Monday brings the next week's report.
    setClock(t, new Date(monday.getTime() + 7 * DAY_MS));
    await t.app.scheduler.runNow("weekly-report");
    expect(await outboxRows()).toBe(2);
  });

  describe.runIf(onRealPostgres)("on two instances", { timeout: 60_000 }, () => {
    it("is queued once when both reach Monday morning together", async () => {
      const second = await startGreenlight(
        { ...t.app.config, PORT: 0 },
        { logger: capturedLogger().logger, botInfo: t.telegram.botInfo, hostname: "127.0.0.1" },
      );
      try {
        const brandIds = [];
        for (let i = 0; i < 5; i++)
          brandIds.push(await brand(`Pair ${i}`, INSIGHTS_SCOPES, "America/New_York"));
        // Monday 09:05 in New York.
        const at = new Date("2026-12-07T14:05:00Z");
        setClock(t, at);
        second.services.clock = () => new Date(at);
        await Promise.all([queueWeeklyReports(t.app.services), queueWeeklyReports(second.services)]);
        const rows = await t.app.sql<{ n: number }[]>`
          select count(*)::int as n from telegram_outbox
           where dedupe_key in ${t.app.sql(brandIds.map((id) => `weekly-report:${id}:2026-W50`))}`;
        expect(rows[0]!.n).toBe(5);
        const weeks = await t.app.sql`select 1 from weekly_reports where brand_id in ${t.app.sql(brandIds)}`;
        expect(weeks).toHaveLength(5);
      } finally {
        await second.stop();
      }
    });
  });
});
