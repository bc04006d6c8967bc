import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttonsOf,
  cardMessages,
  insertBrand,
  insertOwner,
  pressButton,
  readable,
  reviewCard,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp, TEST_WEBHOOK_SECRET } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

let t: TestApp;
let brandId: number;

beforeAll(async () => {
  t = await startTestApp();
  const ownerId = await insertOwner(t.app.sql);
  brandId = await insertBrand(t.app.sql, ownerId);
});
afterAll(() => t.stop());

const ORIGINAL = "Cargo bikes now outsell cars in three Dutch cities.";

async function draftRow(draftId: number) {
  const [row] = await t.app.sql<
    {
      status: string;
      caption: string;
      edited: boolean;
      generated_caption: string;
      rejection_reason: string | null;
    }[]
  >`select status, caption, edited, generated_caption, rejection_reason from drafts where id = ${draftId}`;
  return row!;
}

/** Sends the owner's message and returns the bot's replies to it. */
async function say(text: string): Promise<string[]> {
  const before = new Set(t.telegram.messagesIn(OWNER_ID).map((m) => m.message_id));
  const response = await postUpdate(t, textUpdate(text));
  expect(response.status).toBe(200);
  return t.telegram
    .messagesIn(OWNER_ID)
    .filter((m) => !before.has(m.message_id))
    .map((m) => readable(m));
}

/**
 * The owner answers a prompt within a millisecond of its reaching Telegram: the fake delivers `answer` to the
 * webhook as soon as it receives the sendMessage whose text contains `prompt`, and answers that call only after.
 */
function answerAsSoonAsAsked(prompt: string, answer: string): void {
  t.telegram.beforeAnswering(
    "sendMessage",
    (payload) => String(payload.text).includes(prompt),
    () => t.telegram.deliver(`${t.app.url}/telegram/webhook`, textUpdate(answer), TEST_WEBHOOK_SECRET),
  );
}

/** The texts the bot sent the owner since `before` sendMessage calls, in the order Telegram received them. */
function sentSince(before: number): string[] {
  return t.telegram
    .callsTo("sendMessage")
    .slice(before)
    .filter((call) => call.payload.chat_id === OWNER_ID)
    .map((call) => String(call.payload.text));
}

async function cardText(draftId: number): Promise<string> {
  return readable((await cardMessages(t, draftId)).text);
}

describe("✏️ Edit", () => {
  it("takes the owner's caption, keeps it as their voice and updates the card in place", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    const press = await pressButton(t, `e:${draftId}`, message);
    expect(press.answer).toBe("Send the new caption.");
    const prompt = t.telegram
      .messagesIn(OWNER_ID)
      .slice(before)
      .map((m) => readable(m));
    expect(prompt).toHaveLength(1);
    expect(prompt[0]).toContain("Send me the new caption, or /cancel to keep the current one.");
    expect(prompt[0]).toContain("The hashtags stay as they are: #cycling #cities.");
    expect(prompt[0]).toContain(`Current caption (tap to copy):\n${ORIGINAL}`);

    const replies = await say("Three Dutch cities, more cargo bikes than cars. Your move, Berlin.");
    expect(replies).toEqual(["✅ Caption updated: the card shows it as it will be posted."]);
    expect(await draftRow(draftId)).toMatchObject({
      caption: "Three Dutch cities, more cargo bikes than cars. Your move, Berlin.",
      edited: true,
      generated_caption: ORIGINAL,
      status: "pending_review",
    });
    const card = await cardMessages(t, draftId);
    expect(card.text.message_id).toBe(message.message_id);
    expect(readable(card.text)).toContain(
      "📝 Draft for review (caption edited by you)\n\nThree Dutch cities, more cargo bikes than cars. Your move, Berlin.\n\n#cycling #cities",
    );

    // The dialog is over: the next message is not a caption.
    expect(await say("thanks")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
  });

  it("takes a caption sent within a millisecond of the prompt", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    const before = t.telegram.callsTo("sendMessage").length;
    answerAsSoonAsAsked("Send me the new caption", "Typed ahead of the prompt.");
    await pressButton(t, `e:${draftId}`, message);
    await t.app.settled();
    expect(await draftRow(draftId)).toMatchObject({ caption: "Typed ahead of the prompt.", edited: true });
    expect(sentSince(before)).toEqual([
      expect.stringContaining("✏️ Send me the new caption"),
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
  });

  it("takes a corrected caption sent within a millisecond of being told why the first was refused", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    const before = t.telegram.callsTo("sendMessage").length;
    answerAsSoonAsAsked("Send a shorter version", "Shorter, and fast.");
    await say("Cargo bikes everywhere. ".repeat(100).trim());
    await t.app.settled();
    expect((await draftRow(draftId)).caption).toBe("Shorter, and fast.");
    expect(sentSince(before)).toEqual([
      expect.stringContaining("That caption can't go to Instagram as it is"),
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    // The edit is over: a dialog state written late must not bring it back to take the next message.
    expect(await say("thanks")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
    expect((await draftRow(draftId)).caption).toBe("Shorter, and fast.");
  });

  it("/cancel leaves the caption as it was", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    expect(await say("/cancel")).toEqual(["Edit cancelled: the caption is unchanged."]);
    expect(await draftRow(draftId)).toMatchObject({ caption: ORIGINAL, edited: false });
    expect(await say("some text")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
  });

  it("explains why a caption Instagram would refuse is refused, and keeps waiting for a better one", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    const tooLong = "Cargo bikes everywhere. ".repeat(100).trim();
    const [explanation] = await say(tooLong);
    expect(explanation).toBe(
      [
        "That caption can't go to Instagram as it is (counting the draft's hashtags):",
        `• The caption is ${(tooLong.length + 2 + "#cycling #cities".length).toLocaleString("en-US")} characters; Instagram allows 2,200.`,
        "",
        "Send a shorter version, or /cancel to keep the current caption.",
      ].join("\n"),
    );
    const manyTags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(" ");
    const [tags] = await say(`Bikes! ${manyTags}`);
    expect(tags).toContain("• The caption has 33 hashtags; Instagram allows 30.");
    expect(await draftRow(draftId)).toMatchObject({ caption: ORIGINAL, edited: false });

    expect(await say("Short and sweet.")).toEqual([
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    expect((await draftRow(draftId)).caption).toBe("Short and sweet.");
  });

  it("keeps waiting for the caption when Telegram refuses its explanation, and takes the next one", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    t.telegram.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long" });
    expect(await say("Cargo bikes everywhere. ".repeat(100).trim())).toEqual([
      "⚠️ Telegram did not take my reply (message is too long). Your answers so far are kept: send your answer again, or /cancel.",
    ]);
    expect(await say("Short and sweet, second try.")).toEqual([
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    expect((await draftRow(draftId)).caption).toBe("Short and sweet, second try.");
  });

  it("continues where it was after a restart", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    await t.restart();
    expect(await say("Written before the deploy, sent after it.")).toEqual([
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    expect(await draftRow(draftId)).toMatchObject({
      caption: "Written before the deploy, sent after it.",
      edited: true,
    });
    expect(await cardText(draftId)).toContain("Written before the deploy, sent after it.");
  });

  it("lets other cards' buttons work while it waits for the caption", async () => {
    const editing = await reviewCard(t, brandId);
    const other = await reviewCard(t, brandId);
    await pressButton(t, `e:${editing.draftId}`, editing.message);
    const approve = await pressButton(t, `a:${other.draftId}`, other.message);
    expect(approve.answer).toMatch(/^✅ Scheduled for /);
    expect((await draftRow(other.draftId)).status).toBe("approved");

    expect(await say("Still editing the first one.")).toEqual([
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    expect((await draftRow(editing.draftId)).caption).toBe("Still editing the first one.");
    expect((await draftRow(other.draftId)).caption).toBe(ORIGINAL);
  });

  it("saves onto a draft approved meanwhile, but not onto one rejected meanwhile", async () => {
    const approved = await reviewCard(t, brandId);
    await pressButton(t, `e:${approved.draftId}`, approved.message);
    await pressButton(t, `a:${approved.draftId}`, approved.message);
    expect(await say("Approved, then polished.")).toEqual([
      "✅ Caption updated: the card shows it as it will be posted.",
    ]);
    expect(await draftRow(approved.draftId)).toMatchObject({
      status: "approved",
      caption: "Approved, then polished.",
    });
    expect(await cardText(approved.draftId)).toMatch(/^✅ Scheduled for [\s\S]*Approved, then polished\./);

    const rejected = await reviewCard(t, brandId);
    await pressButton(t, `e:${rejected.draftId}`, rejected.message);
    await pressButton(t, `q:${rejected.draftId}:t`, rejected.message);
    expect(await say("Too late for this one.")).toEqual(["The caption was not changed. Already rejected."]);
    expect((await draftRow(rejected.draftId)).caption).toBe(ORIGINAL);
  });

  it("another command leaves the edit and runs", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `e:${draftId}`, message);
    const replies = await say("/nosuchcommand");
    expect(replies[0]).toBe("Left the caption edit: the caption is unchanged.");
    expect(await say("not a caption")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
    expect((await draftRow(draftId)).caption).toBe(ORIGINAL);
  });

  it("answers a tap on Edit for a decided draft with what happened", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `q:${draftId}:o`, message);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    expect((await pressButton(t, `e:${draftId}`, message)).answer).toBe("Already rejected.");
    expect(t.telegram.messagesIn(OWNER_ID).length).toBe(before);
  });
});

describe("❌ Reject with a typed reason", () => {
  it("asks for the reason, stores it for the drafter and archives the card", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `r:${draftId}`, message);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    expect((await pressButton(t, `q:${draftId}:x`, message)).answer).toBe("Type the reason below.");
    expect(readable(t.telegram.messagesIn(OWNER_ID).slice(before)[0]!)).toBe(
      "❌ What was wrong with this draft? Send a short reason, or /cancel to keep the draft.",
    );
    expect(await say("  Too clickbaity\nfor our readers  ")).toEqual([
      "❌ Rejected. Thanks, the reason helps the next drafts.",
    ]);
    expect(await draftRow(draftId)).toMatchObject({
      status: "rejected",
      rejection_reason: "Too clickbaity for our readers",
    });
    const card = (await cardMessages(t, draftId)).text;
    expect(readable(card).split("\n")[0]).toBe("❌ Rejected: Too clickbaity for our readers");
    expect(buttonsOf(card)).toEqual([]);
  });

  it("takes a reason sent within a millisecond of the question", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `r:${draftId}`, message);
    answerAsSoonAsAsked("What was wrong with this draft?", "Off topic");
    await pressButton(t, `q:${draftId}:x`, message);
    await t.app.settled();
    expect(await draftRow(draftId)).toMatchObject({ status: "rejected", rejection_reason: "Off topic" });
  });

  it("/cancel keeps the draft and puts its buttons back", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `r:${draftId}`, message);
    await pressButton(t, `q:${draftId}:x`, message);
    expect(await say("/cancel")).toEqual(["Not rejected: the draft is still waiting for your review."]);
    expect((await draftRow(draftId)).status).toBe("pending_review");
    expect(buttonsOf((await cardMessages(t, draftId)).text)[0]?.text).toBe("✅ Approve");
  });

  it("a quick reason tapped instead of typing one ends the question", async () => {
    const { draftId, message } = await reviewCard(t, brandId);
    await pressButton(t, `r:${draftId}`, message);
    await pressButton(t, `q:${draftId}:x`, message);
    await pressButton(t, `q:${draftId}:i`, message);
    expect(await draftRow(draftId)).toMatchObject({ status: "rejected", rejection_reason: "image" });
    expect(await say("hello")).toEqual(["I didn't catch that. Send /help to see what I can do."]);
  });
});
