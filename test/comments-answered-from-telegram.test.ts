import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_REPLIES_JOB } from "../src/comments/comment-buttons.ts";
import { encodeCommentCallback } from "../src/comments/comment-callback-data.ts";
import { META_WEBHOOKS_JOB } from "../src/meta-webhooks/webhook-worker.ts";
import { type FakeAnthropic, startFakeAnthropic } from "./fakes/fake-anthropic.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import type { FakeMessage } from "./fakes/fake-telegram.ts";
import {
  answerTo,
  buttonsOf,
  deliverOutbox,
  eventually,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { publishedPost as publishedPostOf } from "./helpers/comment-fixtures.ts";
import { instagramEnv } from "./helpers/instagram-connection.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { connectAccount } from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { callbackUpdate, postUpdate } from "./helpers/telegram-updates.ts";

/**
 * Comments answered from Telegram, end to end: Meta's signed notification → the card with Claude's reply →
 * the owner's taps → Instagram's comment endpoints (fake Instagram and fake Claude over real HTTP, real
 * database, real bot through its webhook).
 */

const VERIFY_TOKEN = "verify-token-for-meta-0123456789";
const CARDS_PER_HOUR = 3;

let fake: FakeInstagram;
let claude: FakeAnthropic;
let t: TestApp;
let ownerId: number;
let seen = 0;
const anna = { id: OWNER_ID, first_name: "Anna" };

beforeAll(async () => {
  fake = await FakeInstagram.start({ consent: "allow" });
  claude = await startFakeAnthropic();
  t = await startTestApp({
    ...instagramEnv(fake),
    META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    ANTHROPIC_API_KEY: claude.apiKey,
    ANTHROPIC_BASE_URL: claude.baseUrl,
    COMMENT_CARDS_PER_POST_PER_HOUR: String(CARDS_PER_HOUR),
  });
  ownerId = await insertOwner(t.app.sql, { displayName: "Anna" });
});
afterEach(async () => {
  t.app.services.clock = () => new Date();
  await deliverOutbox(t);
  seen = t.telegram.messagesIn(OWNER_ID).length;
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
  await claude?.close();
});

const webhookUrl = () => `${t.app.url}/meta/webhooks`;

async function publishedPost(name: string, brand: { language?: string; budgetUsd?: number } = {}) {
  const post = await publishedPostOf(t, fake, ownerId, name);
  await t.app.sql`
    update brands set language = ${brand.language ?? "en"}, monthly_budget_usd = ${brand.budgetUsd ?? 10}
     where id = ${post.brandId}`;
  await t.app.sql`update owners set selected_brand_id = ${post.brandId} where id = ${ownerId}`;
  return post;
}

type Post = Awaited<ReturnType<typeof publishedPost>>;

/** Meta delivers a comment; it is processed and what it queued is sent. Returns the new messages' texts. */
async function commentArrives(post: Post, text: string, username = "kim.cycles") {
  const notification = fake.commentNotification(post.account, post.mediaId, {
    text,
    from: { id: `1784${Math.floor(Math.random() * 1e9)}`, username },
  });
  expect((await fake.deliverWebhook(webhookUrl(), notification.body)).status).toBe(200);
  const sent = await processAndDeliver();
  return { ...notification, sent };
}

/**
 * Waits until every stored notification is processed (the instance that took one starts on it at once, so a run
 * asked for here may find the job busy), sends what they queued, and returns the owner's new messages.
 */
async function processAndDeliver(): Promise<string[]> {
  await eventually(async () => {
    await t.app.scheduler.runNow(META_WEBHOOKS_JOB);
    const waiting = await t.app.sql`select 1 from meta_webhook_inbox where status in ('queued', 'running')`;
    expect(waiting).toEqual([]);
  });
  await deliverOutbox(t);
  const messages = t.telegram.messagesIn(OWNER_ID);
  const fresh = messages.slice(seen).map((message) => readable(message));
  seen = messages.length;
  return fresh;
}

async function storedComment(commentId: string) {
  const [row] = await t.app.sql<
    { id: number; status: string; reply_text: string | null; card_message_id: number | null; card: string }[]
  >`select id, status, reply_text, card_message_id, card from instagram_comments where comment_id = ${commentId}`;
  return row!;
}

/** The comment's card as the owner sees it now. */
async function cardOf(commentId: string): Promise<FakeMessage> {
  const row = await storedComment(commentId);
  return t.telegram.messages.get(row.card_message_id!)!;
}

async function press(commentId: string, label: string) {
  const card = await cardOf(commentId);
  const button = buttonsOf(card).find((b) => b.text === label);
  if (!button?.callback_data) throw new Error(`no ${label} on the card: ${JSON.stringify(buttonsOf(card))}`);
  return chatAs(t, anna).tap(button.callback_data, card.message_id);
}

function claudeRequests(kind = "assessment") {
  return claude.requests.filter((request) => JSON.stringify(request.body.output_config ?? {}).includes(kind));
}

describe("a comment's card", () => {
  it("carries a reply Claude drafted in the brand's language, costed in the ledger, with Send, Edit, Hide and Ignore", async () => {
    const post = await publishedPost("Velo Reply", { language: "de" });
    const before = claudeRequests().length;
    const { commentId, sent } = await commentArrives(post, "Wo kann ich eins ausprobieren?", "anna.rides");

    expect(sent).toEqual([
      "💬 Velo Reply: @anna.rides commented on “Cargo bikes now outsell cars in three Dutch cities.”\n\n" +
        "Wo kann ich eins ausprobieren?\n\nReply: Thanks, @anna.rides! Glad you liked it.",
    ]);
    expect(buttonsOf(await cardOf(commentId)).map((b) => b.text)).toEqual([
      "💬 Send",
      "✏️ Edit",
      "🙈 Hide",
      "Ignore",
    ]);
    const requests = claudeRequests().slice(before);
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests[0]!.body.system)).toContain("Write the whole caption in German");
    const usage = await t.app.sql<{ operation: string; status: string; cost_usd: number }[]>`
      select operation, status, cost_usd from ai_usage where brand_id = ${post.brandId}`;
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ operation: "comment_reply", status: "settled" });
    expect(usage[0]!.cost_usd).toBeGreaterThan(0);
  });

  it("arrives without a reply, saying why, when the brand's AI budget is used up", async () => {
    const post = await publishedPost("Velo Broke", { budgetUsd: 0 });
    const before = claude.requests.length;
    const { commentId, sent } = await commentArrives(post, "How much does it cost?");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("How much does it cost?");
    expect(sent[0]).toContain("No reply drafted: this month's AI budget of $0.00 is used up (see /budget).");
    expect(claude.requests.length).toBe(before);
    expect(buttonsOf(await cardOf(commentId)).map((b) => b.text)).toEqual([
      "✍️ Draft a reply",
      "✏️ Write one",
      "🙈 Hide",
      "Ignore",
    ]);
  });
});

describe("💬 Send", () => {
  it("posts the reply exactly once under a double tap, a stale tap and Meta delivering the comment again", async () => {
    const post = await publishedPost("Velo Send");
    const { commentId, body } = await commentArrives(post, "Does it come in green?");
    const card = await cardOf(commentId);
    const send = buttonsOf(card).find((b) => b.text === "💬 Send")!.callback_data!;

    // Two taps at once, as a double tap or one tap taken by two instances.
    const taps = [
      callbackUpdate(send, { message_id: card.message_id, chat_id: OWNER_ID }, anna),
      callbackUpdate(send, { message_id: card.message_id, chat_id: OWNER_ID }, anna),
    ];
    await Promise.all(taps.map((update) => postUpdate(t, update)));
    const toasts = taps.map((update) => answerTo(t, update.callback_query.id));
    expect(toasts).toContain("💬 Sending the reply…");
    expect(toasts.filter((toast) => toast === "💬 Sending the reply…")).toHaveLength(1);

    const replies = fake.comment(commentId)!.replies;
    expect(replies.map((reply) => reply.text)).toEqual(["Thanks, @kim.cycles! Glad you liked it."]);
    const stored = await storedComment(commentId);
    expect(stored.status).toBe("replied");
    const shown = readable(await cardOf(commentId));
    expect(shown).toMatch(
      /Reply sent: Thanks, @kim\.cycles! Glad you liked it\.\n\n✅ Replied by Anna at \d\d:\d\d\.$/,
    );
    expect(buttonsOf(await cardOf(commentId))).toEqual([]);

    // A tap on the old card answers with what happened.
    const stale = await chatAs(t, anna).tap(send, card.message_id);
    expect(stale.toast).toMatch(/^Already replied by Anna at \d\d:\d\d\.$/);

    // Meta delivers the comment again: nothing new, nothing posted.
    const again = await fake.deliverWebhook(webhookUrl(), body);
    expect(await again.json()).toEqual({ received: 1, new: 0 });
    expect(await processAndDeliver()).toEqual([]);
    expect(fake.comment(commentId)!.replies).toHaveLength(1);
    expect(fake.calls("reply_comment")).toHaveLength(1);
  });

  it("does not post twice when Instagram's answer is lost: the reply is looked up and recorded", async () => {
    const post = await publishedPost("Velo Lost Answer");
    const { commentId } = await commentArrives(post, "Is there a kids' seat?");
    const postsBefore = fake.calls("reply_comment").length;
    // Instagram posts the reply, then the connection drops before the answer.
    fake.failNext("reply_comment", { kind: "drop_after_action" });
    const tap = await press(commentId, "💬 Send");
    expect(tap.replies).toContain(
      "Instagram did not confirm the reply. I'll check whether it went out and finish it; the card updates then.",
    );
    expect(fake.comment(commentId)!.replies).toHaveLength(1);
    expect((await storedComment(commentId)).status).toBe("sending");
    expect(readable(await cardOf(commentId))).toContain("⏳ Sending the reply by Anna…");

    // A second tap meanwhile does not send again.
    const second = await chatAs(t, anna).tap(
      encodeCommentCallback("send", (await storedComment(commentId)).id),
      (await cardOf(commentId)).message_id,
    );
    expect(second.toast).toBe(
      "The reply is being sent by Anna; this card updates when Instagram confirms it.",
    );

    // After the send's lease, the recovery job looks the reply up instead of posting it again.
    t.app.services.clock = () => new Date(Date.now() + 5 * 60_000);
    await t.app.scheduler.runNow(COMMENT_REPLIES_JOB);
    await deliverOutbox(t);
    expect(fake.comment(commentId)!.replies).toHaveLength(1);
    expect(fake.calls("reply_comment").length - postsBefore).toBe(1);
    expect(fake.calls("list_replies").length).toBeGreaterThan(0);
    const stored = await storedComment(commentId);
    expect(stored.status).toBe("replied");
    expect(readable(await cardOf(commentId))).toMatch(/✅ Replied by Anna at \d\d:\d\d\.$/);
  });

  it("posts a reply whose send was claimed but never made (a crash before the call), once", async () => {
    const post = await publishedPost("Velo Crash Before");
    const { commentId } = await commentArrives(post, "Where is the shop?");
    const { id } = await storedComment(commentId);
    // What a process killed between claiming the send and calling Instagram leaves behind.
    await t.app.sql`
      update instagram_comments
         set status = 'sending', send_fence = send_fence + 1, send_attempts = 1, send_due_at = now(), acted_by = 'Anna'
       where id = ${id}`;
    t.app.services.clock = () => new Date(Date.now() + 5 * 60_000);
    await t.app.scheduler.runNow(COMMENT_REPLIES_JOB);
    await t.app.scheduler.runNow(COMMENT_REPLIES_JOB);
    await deliverOutbox(t);
    expect(fake.comment(commentId)!.replies.map((r) => r.text)).toEqual([
      "Thanks, @kim.cycles! Glad you liked it.",
    ]);
    expect((await storedComment(commentId)).status).toBe("replied");
  });

  it("reopens the comment and says why when Instagram refuses the reply", async () => {
    const post = await publishedPost("Velo Refused");
    const { commentId } = await commentArrives(post, "Do you ship to Austria?");
    fake.failNext("reply_comment", {
      kind: "meta_error",
      code: 100,
      message: "(#100) You cannot reply to a hidden comment",
    });
    await press(commentId, "💬 Send");
    expect(fake.comment(commentId)!.replies).toHaveLength(0);
    expect((await storedComment(commentId)).status).toBe("open");
    const card = readable(await cardOf(commentId));
    expect(card).toContain("⚠️ Instagram refused the reply: (#100) You cannot reply to a hidden comment");
    // Tapped again, it looks first, then posts once.
    await press(commentId, "💬 Send");
    expect(fake.comment(commentId)!.replies).toHaveLength(1);
  });
});

describe("✏️ Edit, 🙈 Hide and Ignore", () => {
  it("Edit checks the new reply against Instagram's limits, then Send posts the edited text", async () => {
    const post = await publishedPost("Velo Edit");
    const { commentId } = await commentArrives(post, "What colours are there?");
    const chat = chatAs(t, anna);
    const opened = await press(commentId, "✏️ Edit");
    expect(opened.toast).toBe("Send the new reply.");
    expect(opened.replies[0]).toContain(
      "✏️ Send me the reply as it should appear on Instagram (at most 300 characters), or /cancel.",
    );
    expect(opened.replies[0]).toContain(
      "Current reply (tap to copy):\nThanks, @kim.cycles! Glad you liked it.",
    );

    expect(await chat.send("x".repeat(301))).toEqual([
      "That reply can't go to Instagram as it is:\n• It is 301 characters long; Instagram takes at most 300 in a comment.\n\nSend another version, or /cancel.",
    ]);
    expect(await chat.send("RED AND GREEN")).toEqual([
      "That reply can't go to Instagram as it is:\n• It is all in capital letters, which Instagram refuses in a comment.\n\nSend another version, or /cancel.",
    ]);
    expect(await chat.send("Red, green and a lovely teal 🚲")).toEqual([
      "✅ Reply updated: tap 💬 Send on the card to post it.",
    ]);
    expect(readable(await cardOf(commentId))).toContain("Reply: Red, green and a lovely teal 🚲");

    await press(commentId, "💬 Send");
    expect(fake.comment(commentId)!.replies.map((r) => r.text)).toEqual(["Red, green and a lovely teal 🚲"]);
  });

  it("Hide hides the comment on Instagram and the card says who did it", async () => {
    const post = await publishedPost("Velo Hide");
    const { commentId } = await commentArrives(post, "meh");
    const tap = await press(commentId, "🙈 Hide");
    expect(tap.toast).toBe("🙈 Hidden on Instagram.");
    expect(fake.comment(commentId)!.hidden).toBe(true);
    expect(readable(await cardOf(commentId))).toMatch(/🙈 Hidden on Instagram by Anna at \d\d:\d\d\.$/);
    expect(buttonsOf(await cardOf(commentId))).toEqual([]);
  });

  it("Ignore closes the card without calling Instagram", async () => {
    const post = await publishedPost("Velo Ignore");
    const { commentId } = await commentArrives(post, "first");
    const calls = fake.calls().length;
    const tap = await press(commentId, "Ignore");
    expect(tap.toast).toBe("Ignored.");
    expect(fake.calls().length).toBe(calls);
    expect(readable(await cardOf(commentId))).toMatch(/Ignored by Anna at \d\d:\d\d\.$/);
    expect((await storedComment(commentId)).status).toBe("ignored");
  });
});

describe("spam and abuse", () => {
  it("is marked on the card and gets no drafted reply until the owner asks for one", async () => {
    const post = await publishedPost("Velo Spam");
    const before = claudeRequests().length;
    const { commentId, sent } = await commentArrives(
      post,
      "Want free followers? DM me 🔥 www.cheap-fame.example",
    );
    expect(sent[0]).toContain("🚫 Looks like spam (it carries a link).");
    expect(sent[0]).toContain(
      "No reply drafted: it looks like spam or abuse. Tap ✍️ Draft a reply if you want to answer it.",
    );
    expect(claudeRequests().length).toBe(before);

    const abuse = await commentArrives(post, "You are all idiots");
    expect(abuse.sent[0]).toContain("⚠️ Looks abusive (it says “idiots”).");
    expect(claudeRequests().length).toBe(before);

    const tap = await press(commentId, "✍️ Draft a reply");
    expect(tap.toast).toBe("✍️ Drafting a reply…");
    const asked = claudeRequests().slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          content: [
            expect.objectContaining({
              text: expect.stringContaining("The owner asked for a reply to this comment"),
            }),
          ],
        }),
      ]),
    );
    expect(readable(await cardOf(commentId))).toContain("Reply: Thanks, @kim.cycles! Glad you liked it.");
  });
});

describe("which comments reach the chat (/comments)", () => {
  it("questions only lets questions through in the brand's language; none lets nothing through; all are stored", async () => {
    const post = await publishedPost("Velo Filter", { language: "es" });
    const chat = chatAs(t, anna);
    expect(await chat.send("/comments sometimes")).toEqual([
      "“sometimes” is not a comments setting. Send /comments all, /comments questions or /comments none.",
    ]);
    expect(await chat.send("/comments questions")).toEqual([
      "🏷 Velo Filter\n✅ Comments on Instagram: only comments that ask something get a card.",
    ]);
    seen = t.telegram.messagesIn(OWNER_ID).length;
    const praise = await commentArrives(post, "Me encanta 😍");
    expect(praise.sent).toEqual([]);
    const spanish = await commentArrives(post, "¿Dónde la puedo comprar?");
    expect(spanish.sent).toHaveLength(1);
    const noMark = await commentArrives(post, "cuánto cuesta el modelo grande");
    expect(noMark.sent).toHaveLength(1);
    const english = await commentArrives(post, "how heavy is it");
    expect(english.sent).toHaveLength(1);

    expect(await chat.send("/comments none")).toHaveLength(1);
    seen = t.telegram.messagesIn(OWNER_ID).length;
    const quiet = await commentArrives(post, "¿Hay en verde?");
    expect(quiet.sent).toEqual([]);
    expect((await storedComment(praise.commentId)).card).toBe("filtered");
    expect((await storedComment(quiet.commentId)).card).toBe("filtered");
    const [shown] = await chat.send("/comments");
    expect(shown).toContain("💬 Comments on Instagram: no comment cards.");
    expect(shown).toContain("2 comments kept out of the chat in the last 7 days (still stored).");
    await chat.send("/comments all");
  });
});

describe("a burst of comments on one post", () => {
  it(
    "sends at most the hourly limit of cards and one summary, whose 👀 Show opens the rest",
    { timeout: 120_000 },
    async () => {
      const post = await publishedPost("Velo Viral");
      // The limit is per clock hour: a burst that straddled two hours would rightly get two limits' worth.
      const leftInHour = 3_600_000 - (Date.now() % 3_600_000);
      if (leftInHour < 60_000) await new Promise((resolve) => setTimeout(resolve, leftInHour + 1_000));
      const before = claudeRequests().length;
      const notifications = Array.from({ length: 10 }, (_, i) =>
        fake.commentNotification(post.account, post.mediaId, {
          text: `Love it #${i + 1}`,
          from: { id: `17841${i}`, username: `fan${i + 1}` },
        }),
      );
      await Promise.all(notifications.map((n) => fake.deliverWebhook(webhookUrl(), n.body)));
      const sent = await processAndDeliver();

      const cards = sent.filter((text) => text.includes("commented on"));
      expect(cards).toHaveLength(CARDS_PER_HOUR);
      const summaries = t.telegram
        .messagesIn(OWNER_ID)
        .filter((m) => readable(m).includes("more comments on"));
      expect(summaries).toHaveLength(1);
      expect(sent).toHaveLength(CARDS_PER_HOUR + 1);
      const summary = summaries[0]!;
      await eventually(async () => {
        await deliverOutbox(t);
        expect(readable(t.telegram.messages.get(summary.message_id)!)).toBe(
          "💬 Velo Viral: 7 more comments on “Cargo bikes now outsell cars in three Dutch cities.” this hour, kept here so the chat is not flooded.\n7 waiting.",
        );
      });
      // Claude drafts only for comments likely to get a card of their own: the limit, plus at most one that a
      // second worker drafted for while the last place was being taken (the place is decided under a lock).
      expect(claudeRequests().length - before).toBeGreaterThanOrEqual(CARDS_PER_HOUR);
      expect(claudeRequests().length - before).toBeLessThanOrEqual(CARDS_PER_HOUR + 1);
      const stored = await t.app.sql`select 1 from instagram_comments where draft_id = ${post.draftId}`;
      expect(stored).toHaveLength(10);

      const shownSummary = t.telegram.messages.get(summary.message_id)!;
      const tap = await chatAs(t, anna).tap(buttonsOf(shownSummary)[0]!.callback_data!, summary.message_id);
      expect(tap.toast).toBe("Opening 5 as cards…");
      await deliverOutbox(t);
      const opened = t.telegram
        .messagesIn(OWNER_ID)
        .slice(seen)
        .filter((m) => readable(m).includes("commented on"));
      expect(opened).toHaveLength(5);
      expect(readable(opened[0]!)).toContain("Tap ✍️ Draft a reply for one.");
      await eventually(async () => {
        const now = t.telegram.messages.get(summary.message_id)!;
        expect(readable(now)).toContain("5 opened as cards so far.\n2 waiting.");
      });
      seen = t.telegram.messagesIn(OWNER_ID).length;
    },
  );
});

describe("deleting data", () => {
  it("/deletedata removes the drafted and edited replies with the comments and their summaries", async () => {
    const other = 5550888;
    const otherOwner = await insertOwner(t.app.sql, { telegramUserId: other, displayName: "Bo" });
    const brandId = await insertBrand(t.app.sql, otherOwner, { name: "Bo's Bikes" });
    const account = fake.addAccount({ username: "bos_bikes_2" });
    await connectAccount(t, fake, brandId, account);
    const media = fake.postDirectly(account, "Bo's post");
    const draftId = await insertDraft(t.app.sql, brandId, { status: "published", caption: "Bo's post" });
    await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
    for (let i = 0; i < CARDS_PER_HOUR + 1; i++) {
      const n = fake.commentNotification(account, media.mediaId, { text: `Hi Bo ${i}` });
      await fake.deliverWebhook(webhookUrl(), n.body);
    }
    await processAndDeliver();
    const replies = await t.app
      .sql`select 1 from instagram_comments where brand_id = ${brandId} and reply_text is not null`;
    expect(replies.length).toBeGreaterThanOrEqual(CARDS_PER_HOUR);
    await deliverOutbox(t);

    const chat = chatAs(t, { id: other, first_name: "Bo" });
    await chat.send("/deletedata");
    await chat.press("🗑 Yes, delete everything");
    expect(await t.app.sql`select 1 from instagram_comments where brand_id = ${brandId}`).toEqual([]);
    expect(await t.app.sql`select 1 from comment_summaries where brand_id = ${brandId}`).toEqual([]);
    expect(
      await t.app
        .sql`select 1 from telegram_outbox where chat_id = ${other} and kind in ('comment_card', 'comment_summary')`,
    ).toEqual([]);
  });

  it("Meta's data-deletion request removes the brand's drafted replies with its comments", async () => {
    const post = await publishedPost("Velo Meta Deletion Replies");
    await t.app.sql`
      update instagram_accounts set app_scoped_user_id = ${post.account.appScopedId} where brand_id = ${post.brandId}`;
    const { commentId } = await commentArrives(post, "Lovely!");
    expect((await storedComment(commentId)).reply_text).toBe("Thanks, @kim.cycles! Glad you liked it.");
    const response = await fetch(`${t.app.url}/meta/data-deletion`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ signed_request: fake.signedRequestFor(post.account) }).toString(),
    });
    expect(response.status).toBe(200);
    await eventually(async () => {
      await t.app.scheduler.runNow("meta-deletions");
      const [request] = await t.app.sql<{ status: string }[]>`
        select status from deletion_requests where instagram_user_id = ${post.account.appScopedId}`;
      expect(request?.status).toBe("completed");
    });
    expect(await t.app.sql`select 1 from instagram_comments where brand_id = ${post.brandId}`).toEqual([]);
  });
});
