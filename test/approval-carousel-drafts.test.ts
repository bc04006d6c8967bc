import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGENERATIONS_JOB } from "../src/approval/regeneration-worker.ts";
import { requestDraftingWork } from "../src/pipeline/drafting-queue.ts";
import { type FakeAnthropic, startFakeAnthropic, validReply } from "./fakes/fake-anthropic.ts";
import type { FakeMessage } from "./fakes/fake-telegram.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  eventually,
  insertBrand,
  pressButton,
  readable,
  sentToOwnerSince,
} from "./helpers/draft-fixtures.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

/**
 * Carousels from drafting to the card: /format decides the format (or lets Claude), the slides reach Telegram as
 * a media group bound to the card, 🎞 Slides redraws one slide, and a draft turns into a carousel and back.
 */

let anthropic: FakeAnthropic;
let t: TestApp;
let ownerId: number;

const SUMMARY =
  "The new course record is 3 h 12 min. 2,400 runners started and 2,150 finished. Entries for next year open on 1 March.";

beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  t = await startTestApp({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
  ({ ownerId } = await insertOwnerAndBrand(t.app.sql, { telegramUserId: OWNER_ID }));
});
afterAll(async () => {
  await t?.stop();
  await anthropic?.close();
});

/** A brand of the owner's, selected (so /format applies to it), with one story scored for drafting. */
async function brandWithStory(title: string, budgetUsd = 10) {
  const brandId = await insertBrand(t.app.sql, ownerId, { name: title.slice(0, 20) });
  await t.app.sql`update brands set monthly_budget_usd = ${budgetUsd} where id = ${brandId}`;
  await t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${ownerId}`;
  const [article] = await t.app.sql<{ id: number }[]>`
    insert into articles (brand_id, dedupe_key, title, summary, status, relevance_score, relevance_reason)
    values (${brandId}, ${title}, ${title}, ${SUMMARY}, 'scored', 90, 'A trail running story.')
    returning id`;
  return { brandId, articleId: article!.id };
}

async function setFormat(word: string): Promise<string> {
  const before = t.telegram.messagesIn(OWNER_ID).length;
  await postUpdate(t, textUpdate(`/format ${word}`));
  return sentToOwnerSince(t, before).join("\n");
}

async function draftAndSendCards() {
  await requestDraftingWork(t.app.sql);
  await t.app.scheduler.runNow("drafting");
  await deliverOutbox(t);
}

async function draftOf(articleId: number) {
  const [row] = await t.app.sql<{ id: number; format: string; slide_plan: { facts: unknown[] } | null }[]>`
    select id, format, slide_plan from drafts where article_id = ${articleId}`;
  return row!;
}

async function slidesOf(draftId: number) {
  return t.app.sql<{ position: number; kind: string; body: string; image_key: string; alt_text: string }[]>`
    select position, kind, body, image_key, alt_text from draft_slides where draft_id = ${draftId} order by position`;
}

/** The user text of the caption request Claude got for a story. */
function draftRequestText(title: string): string {
  const request = anthropic.requests.find(
    (r) => JSON.stringify(r.body.messages).includes(title) && (r.text ?? "").includes('"hook"'),
  );
  if (!request) throw new Error(`no caption request for ${title}`);
  return JSON.stringify(request.body.messages);
}

/** The card's media group, in order, as the fake Telegram holds it. */
async function albumOf(draftId: number): Promise<FakeMessage[]> {
  const [row] = await t.app.sql<{ ids: string[] | null }[]>`
    select telegram_slide_message_ids as ids from drafts where id = ${draftId}`;
  return (row?.ids ?? []).map((id) => t.telegram.messages.get(Number(id))!);
}

async function expectSlideJpeg(bytes: unknown) {
  expect(Buffer.isBuffer(bytes)).toBe(true);
  const meta = await sharp(bytes as Buffer).metadata();
  expect(meta.format).toBe("jpeg");
  expect([meta.width, meta.height]).toEqual([1080, 1350]);
}

describe("carousel drafts", () => {
  it("/format single, carousel and auto each reach Claude's prompt, and the draft follows them", async () => {
    // Claude is asked to choose, and chooses a carousel.
    const chosen = await brandWithStory("Record in the Alps, auto");
    expect(await setFormat("auto")).toContain("Post format: the AI chooses");
    anthropic.enqueue((request) => {
      const reply = validReply(request) as { json: Record<string, unknown> };
      return { json: { ...reply.json, format: "carousel" } };
    });
    await draftAndSendCards();
    expect(draftRequestText("Record in the Alps, auto")).toContain(
      'Format: choose \\"single\\" or \\"carousel\\"',
    );
    expect((await draftOf(chosen.articleId)).format).toBe("carousel");

    // The brand posts single images: a carousel answer still makes a single image (its slides kept as a plan).
    const single = await brandWithStory("Record in the Alps, single");
    expect(await setFormat("single")).toContain("Post format: always a single image");
    anthropic.enqueue((request) => {
      const reply = validReply(request) as { json: Record<string, unknown> };
      return { json: { ...reply.json, format: "carousel" } };
    });
    await draftAndSendCards();
    expect(draftRequestText("Record in the Alps, single")).toContain("the brand posts single images");
    const singleDraft = await draftOf(single.articleId);
    expect(singleDraft.format).toBe("single");
    expect(singleDraft.slide_plan?.facts.length).toBeGreaterThanOrEqual(2);
    expect(await slidesOf(singleDraft.id)).toEqual([]);

    // The brand posts carousels.
    const carousel = await brandWithStory("Record in the Alps, carousel");
    expect(await setFormat("carousel")).toContain("Post format: always a carousel");
    await draftAndSendCards();
    expect(draftRequestText("Record in the Alps, carousel")).toContain("the brand posts carousels");
    const carouselDraft = await draftOf(carousel.articleId);
    expect(carouselDraft.format).toBe("carousel");
    const slides = await slidesOf(carouselDraft.id);
    expect(slides.map((s) => s.kind)).toEqual(["cover", "facts", "facts", "facts", "facts", "credit"]);
    expect(slides[1]!.body).toBe("Record in the Alps, carousel");
    expect(slides.at(-1)!.body).toMatch(/^Source:/);

    expect(await setFormat("sometimes")).toContain(
      "is not a post format. Change it with /format single, /format carousel or /format auto",
    );
  });

  it("sends a carousel to Telegram as one media group of its slides in order, bound to the card", async () => {
    const { articleId } = await brandWithStory("Album story");
    await setFormat("carousel");
    const groupsBefore = t.telegram.callsTo("sendMediaGroup").length;
    await draftAndSendCards();
    const draft = await draftOf(articleId);
    const slides = await slidesOf(draft.id);

    const groups = t.telegram.callsTo("sendMediaGroup").slice(groupsBefore);
    expect(groups).toHaveLength(1);
    const media = groups[0]!.payload.media as { type: string; caption?: string }[];
    expect(media.length).toBe(slides.length);
    expect(media.length).toBeGreaterThanOrEqual(2);
    expect(media.length).toBeLessThanOrEqual(10);
    expect(media.every((item) => item.type === "photo")).toBe(true);
    expect(t.telegram.refusals).toEqual([]);

    const album = await albumOf(draft.id);
    expect(album).toHaveLength(slides.length);
    for (const message of album) await expectSlideJpeg(message.photoSource);
    // In order: the album's pictures are the stored slides, position by position.
    for (const [index, slide] of slides.entries()) {
      const stored = await t.app.services.media.get(slide.image_key);
      expect(Buffer.compare(album[index]!.photoSource as Buffer, stored!.body)).toBe(0);
    }
    expect(readable(album[0]!)).toContain("Album story");

    const card = await cardMessages(t, draft.id);
    expect(card.photo?.message_id).toBe(album[0]!.message_id);
    const sent = t.telegram
      .callsTo("sendMessage")
      .find(
        (call) =>
          (call.payload.reply_parameters as { message_id?: number })?.message_id === album[0]!.message_id,
      );
    expect(sent).toBeDefined();
    expect(readable(card.text)).toContain(
      `🎞 Carousel: ${slides.length} slides (the cover, 4 facts, the source)`,
    );
    expect(buttonsOf(card.text).map((b) => b.text)).toEqual(
      expect.arrayContaining(["✅ Approve", "🖼 New image", "🔁 Rewrite", "🎞 Slides", "🖼 Single image"]),
    );
  });

  it("🎞 Slides redraws the one slide the owner rewrote, in place in the media group", async () => {
    const { articleId } = await brandWithStory("Slide edit story");
    await setFormat("carousel");
    await draftAndSendCards();
    const draft = await draftOf(articleId);
    const before = await slidesOf(draft.id);
    const album = await albumOf(draft.id);
    const card = await cardMessages(t, draft.id);
    const cardMessage = { message_id: card.text.message_id, chat_id: card.chatId };

    const picker = await pressButton(t, `s:${draft.id}`, cardMessage);
    expect(picker.answer).toBe("Pick the slide to change.");
    expect(buttonsOf(t.telegram.messages.get(card.text.message_id)!).map((b) => b.text)).toEqual([
      "2",
      "3",
      "4",
      "5",
      "↩️ Back",
    ]);
    await pressButton(t, `l:${draft.id}:2`, cardMessage);
    const told = t.telegram.messagesIn(OWNER_ID).length;

    // Too long: refused with the count, nothing changes.
    await postUpdate(t, textUpdate("x".repeat(130)));
    expect(sentToOwnerSince(t, told).join("\n")).toContain(
      "That is 130 characters; a slide takes at most 120, so it reads on a phone. Please make it 10 shorter.",
    );

    const edits = t.telegram.callsTo("editMessageMedia").length;
    await postUpdate(t, textUpdate("Only 2,150 of 2,400 finished."));
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await deliverOutbox(t);
    await eventually(async () => {
      const after = await slidesOf(draft.id);
      expect(after[2]!.body).toBe("Only 2,150 of 2,400 finished.");
    });
    const after = await slidesOf(draft.id);
    expect(after[2]!.image_key).not.toBe(before[2]!.image_key);
    // The other slides keep their pictures, and only the edited one is replaced in Telegram.
    for (const position of [0, 1, 3, 4, 5])
      expect(after[position]!.image_key).toBe(before[position]!.image_key);
    const replaced = t.telegram.callsTo("editMessageMedia").slice(edits);
    expect(replaced.map((call) => Number(call.payload.message_id))).toEqual([album[2]!.message_id]);
    await expectSlideJpeg(t.telegram.messages.get(album[2]!.message_id)!.photoSource);
    const stored = await t.app.services.media.get(after[2]!.image_key);
    expect(
      Buffer.compare(t.telegram.messages.get(album[2]!.message_id)!.photoSource as Buffer, stored!.body),
    ).toBe(0);
    // The plan follows the owner's text, so single → carousel keeps it.
    expect((await draftOf(articleId)).slide_plan?.facts[1]).toMatchObject({
      text: "Only 2,150 of 2,400 finished.",
    });
  });

  it("turns a single-image draft into a carousel and back from its card, without another AI call", async () => {
    const { articleId, brandId } = await brandWithStory("Toggle story");
    await setFormat("single");
    await draftAndSendCards();
    const draft = await draftOf(articleId);
    const first = await cardMessages(t, draft.id);
    expect(first.photo?.mediaGroup).toBeUndefined();
    expect(buttonsOf(first.text).map((b) => b.text)).toContain("🎞 Make carousel");
    const aiCalls = anthropic.requests.length;
    const [spend] = await t.app.sql<
      { n: number }[]
    >`select count(*)::int as n from ai_usage where brand_id = ${brandId}`;

    const toCarousel = await pressButton(t, `f:${draft.id}`, {
      message_id: first.text.message_id,
      chat_id: first.chatId,
    });
    expect(toCarousel.answer).toBe("🎞 Turning it into a carousel…");
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await deliverOutbox(t);
    await eventually(async () => expect((await draftOf(articleId)).format).toBe("carousel"));
    const slides = await slidesOf(draft.id);
    expect(slides.length).toBe(6);
    const album = await albumOf(draft.id);
    expect(album).toHaveLength(6);
    for (const message of album) await expectSlideJpeg(message.photoSource);
    // The old card went: its photo and text are deleted, the new card is bound to the album.
    expect(t.telegram.messages.get(first.photo!.message_id)!.deleted).toBe(true);
    expect(t.telegram.messages.get(first.text.message_id)!.deleted).toBe(true);
    const second = await cardMessages(t, draft.id);
    expect(buttonsOf(second.text).map((b) => b.text)).toContain("🖼 Single image");

    await pressButton(t, `f:${draft.id}`, { message_id: second.text.message_id, chat_id: second.chatId });
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await deliverOutbox(t);
    await eventually(async () => expect((await draftOf(articleId)).format).toBe("single"));
    expect(await slidesOf(draft.id)).toEqual([]);
    for (const message of album) expect(t.telegram.messages.get(message.message_id)!.deleted).toBe(true);
    const third = await cardMessages(t, draft.id);
    expect(third.photo?.photo).toBe(true);
    expect(third.photo?.mediaGroup).toBeUndefined();
    // The slides' pictures are queued for removal from the media store.
    const [queued] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from media_deletions where key = any(${slides.map((s) => s.image_key)})`;
    const gone = await Promise.all(slides.map((s) => t.app.services.media.get(s.image_key)));
    expect(queued!.n + gone.filter((g) => g === null).length).toBeGreaterThanOrEqual(slides.length);

    expect(anthropic.requests.length).toBe(aiCalls);
    const [after] = await t.app.sql<
      { n: number }[]
    >`select count(*)::int as n from ai_usage where brand_id = ${brandId}`;
    expect(after!.n).toBe(spend!.n);
  });

  it("🖼 New image redraws the cover alone; 🔁 Rewrite replans every slide", async () => {
    const { articleId } = await brandWithStory("Regenerate story");
    await setFormat("carousel");
    await draftAndSendCards();
    const draft = await draftOf(articleId);
    const before = await slidesOf(draft.id);
    const album = await albumOf(draft.id);
    const card = await cardMessages(t, draft.id);
    const cardMessage = { message_id: card.text.message_id, chat_id: card.chatId };

    const edits = t.telegram.callsTo("editMessageMedia").length;
    await pressButton(t, `i:${draft.id}`, cardMessage);
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await deliverOutbox(t);
    await eventually(async () =>
      expect((await slidesOf(draft.id))[0]!.image_key).not.toBe(before[0]!.image_key),
    );
    const afterImage = await slidesOf(draft.id);
    for (const position of [1, 2, 3, 4, 5]) {
      expect(afterImage[position]!.image_key).toBe(before[position]!.image_key);
    }
    const coverEdits = t.telegram.callsTo("editMessageMedia").slice(edits);
    expect(coverEdits.map((call) => Number(call.payload.message_id))).toEqual([album[0]!.message_id]);
    await expectSlideJpeg(t.telegram.messages.get(album[0]!.message_id)!.photoSource);

    anthropic.enqueue((request) => {
      const reply = validReply(request) as { json: Record<string, unknown> };
      return {
        json: {
          ...reply.json,
          slides: ["A rewritten first fact.", "A rewritten second fact.", "A third.", "A fourth."].map(
            (text) => ({
              text,
              alt_text: text,
            }),
          ),
        },
      };
    });
    await pressButton(t, `v:${draft.id}:j`, cardMessage);
    await t.app.scheduler.runNow(REGENERATIONS_JOB);
    await deliverOutbox(t);
    await eventually(async () => expect((await slidesOf(draft.id))[1]!.body).toBe("A rewritten first fact."));
    const afterRewrite = await slidesOf(draft.id);
    expect(afterRewrite.map((s) => s.body).slice(1, 5)).toEqual([
      "A rewritten first fact.",
      "A rewritten second fact.",
      "A third.",
      "A fourth.",
    ]);
    // Four facts again: the album keeps its six messages, each given its new picture.
    expect(await albumOf(draft.id)).toHaveLength(6);
    for (const [index, slide] of afterRewrite.entries()) {
      const stored = await t.app.services.media.get(slide.image_key);
      const shown = t.telegram.messages.get(album[index]!.message_id)!.photoSource as Buffer;
      expect(Buffer.compare(shown, stored!.body)).toBe(0);
    }
  });

  it("plans the slides in the caption's own Claude call: one ledger entry, its cost on the card", async () => {
    const { articleId, brandId } = await brandWithStory("Cost story");
    await setFormat("carousel");
    await draftAndSendCards();
    const draft = await draftOf(articleId);
    const usage = await t.app.sql<{ operation: string; cost_usd: number }[]>`
      select operation, cost_usd from ai_usage where brand_id = ${brandId} and draft_id = ${draft.id}`;
    expect(usage.map((u) => u.operation)).toEqual(["draft"]);
    const card = await cardMessages(t, draft.id);
    const cost = Number(usage[0]!.cost_usd);
    expect(cost).toBeGreaterThan(0);
    expect(readable(card.text)).toMatch(/💰 AI cost of this draft: \$0\.\d+/);
    const shown = Number(/💰 AI cost of this draft: \$([\d.]+)/.exec(readable(card.text))![1]);
    expect(shown).toBeCloseTo(cost, 4);
  });

  it("with the month's budget used up, no carousel is planned: the call is refused before it is made", async () => {
    const { articleId } = await brandWithStory("Budget story", 0);
    await setFormat("carousel");
    const calls = anthropic.requests.length;
    const told = t.telegram.messagesIn(OWNER_ID).length;
    await draftAndSendCards();
    expect(anthropic.requests.length).toBe(calls);
    const [article] = await t.app.sql<
      { status: string }[]
    >`select status from articles where id = ${articleId}`;
    expect(article!.status).not.toBe("drafted");
    const [slides] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from draft_slides s join drafts d on d.id = s.draft_id where d.article_id = ${articleId}`;
    expect(slides!.n).toBe(0);
    expect(sentToOwnerSince(t, told).join("\n")).toContain("this month's AI budget is used up");
  });
});
