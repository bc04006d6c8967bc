import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardMessages,
  insertBrand,
  insertOwner,
  pressButton,
  readable,
  reviewCard,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

/** The image's alt text on the draft card: shown compactly, and changed through the 🦯 Alt text dialog. */

let t: TestApp;
let brandId: number;

beforeAll(async () => {
  t = await startTestApp();
  const ownerId = await insertOwner(t.app.sql);
  brandId = await insertBrand(t.app.sql, ownerId);
});
afterAll(() => t.stop());

const ALT = "A blue cargo bike parked by a canal in Utrecht.";

async function say(text: string): Promise<string[]> {
  const before = new Set(t.telegram.messagesIn(OWNER_ID).map((m) => m.message_id));
  expect((await postUpdate(t, textUpdate(text))).status).toBe(200);
  return t.telegram
    .messagesIn(OWNER_ID)
    .filter((m) => !before.has(m.message_id))
    .map((m) => readable(m));
}

async function storedAltText(draftId: number): Promise<string | null> {
  const [row] = await t.app.sql<
    { alt_text: string | null }[]
  >`select alt_text from drafts where id = ${draftId}`;
  return row!.alt_text;
}

describe("🦯 Alt text", () => {
  it("shows the drafter's alt text on the card", async () => {
    const { draftId } = await reviewCard(t, brandId, { altText: ALT });
    expect(readable((await cardMessages(t, draftId)).text)).toContain(`🦯 Alt text: ${ALT}`);
  });

  it("takes the owner's alt text, refusing one over Instagram's 1,000 characters with how much to cut", async () => {
    const { draftId, message } = await reviewCard(t, brandId, { altText: ALT });
    const press = await pressButton(t, `x:${draftId}`, message);
    expect(press.answer).toBe("Send the new alt text.");
    const prompt = t.telegram.messagesIn(OWNER_ID).at(-1)!;
    expect(readable(prompt)).toContain("Send me the alt text for the image");
    expect(readable(prompt)).toContain(ALT);

    expect(await say("x".repeat(1003))).toEqual([
      "That alt text is 1,003 characters; Instagram allows at most 1,000. Please make it 3 characters shorter. Send it again, or /cancel to keep the current one.",
    ]);
    expect(await say("   ")).toEqual([
      "The alt text cannot be empty. Send it again, or /cancel to keep the current one.",
    ]);
    expect(await storedAltText(draftId)).toBe(ALT);

    const replies = await say("Two riders on cargo bikes\nwait at a red light.");
    expect(replies).toEqual(["✅ Alt text updated: Instagram gets it with the image."]);
    expect(await storedAltText(draftId)).toBe("Two riders on cargo bikes wait at a red light.");
    expect(readable((await cardMessages(t, draftId)).text)).toContain(
      "🦯 Alt text: Two riders on cargo bikes wait at a red light.",
    );
  });

  it("leaves the alt text as it was on /cancel", async () => {
    const { draftId, message } = await reviewCard(t, brandId, { altText: ALT });
    await pressButton(t, `x:${draftId}`, message);
    expect(await say("/cancel")).toEqual(["Alt text edit cancelled: the alt text is unchanged."]);
    expect(await storedAltText(draftId)).toBe(ALT);
  });
});
