import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "./fakes/fake-telegram.ts";

/**
 * The fake Bot API's sendMediaGroup keeps Telegram's rules, so a test that a card's album went out proves it is
 * one Telegram would take: 2 to 10 items, captions of at most 1,024 characters, media types that may share an album.
 */

let telegram: FakeTelegram;
beforeAll(async () => {
  telegram = await new FakeTelegram().start();
});
afterAll(() => telegram.stop());

async function sendMediaGroup(media: unknown[]) {
  const response = await fetch(`${telegram.apiRoot}/bot${telegram.token}/sendMediaGroup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: 42, media }),
  });
  return (await response.json()) as { ok: boolean; result?: { message_id: number }[]; description?: string };
}

const photo = (n: number, caption?: string) => ({
  type: "photo",
  media: `https://cdn.example/${n}.jpg`,
  ...(caption === undefined ? {} : { caption }),
});

describe("the fake Bot API's sendMediaGroup", () => {
  it("sends 2 to 10 photos as one album, in order", async () => {
    for (const count of [2, 10]) {
      const answer = await sendMediaGroup(
        Array.from({ length: count }, (_, i) => photo(i, i === 0 ? "Card" : undefined)),
      );
      expect(answer.ok).toBe(true);
      const ids = answer.result!.map((m) => m.message_id);
      expect(ids).toHaveLength(count);
      expect(telegram.messages.get(ids[0]!)!.caption).toBe("Card");
      expect(ids.map((id) => telegram.messages.get(id)!.photoSource)).toEqual(
        Array.from({ length: count }, (_, i) => `https://cdn.example/${i}.jpg`),
      );
    }
  });

  it("refuses an album of 1 or 11, a caption over 1,024 characters and a document among photos", async () => {
    expect((await sendMediaGroup([photo(1)])).description).toMatch(/at least 2 media/);
    expect((await sendMediaGroup(Array.from({ length: 11 }, (_, i) => photo(i)))).description).toMatch(
      /too many messages/,
    );
    expect((await sendMediaGroup([photo(1, "x".repeat(1025)), photo(2)])).description).toBe(
      "Bad Request: message caption is too long",
    );
    expect(
      (await sendMediaGroup([photo(1), { type: "document", media: "https://cdn.example/a.pdf" }]))
        .description,
    ).toMatch(/can't be mixed/);
    expect((await sendMediaGroup([photo(1), { type: "sticker", media: "x" }])).description).toMatch(
      /unsupported media type/,
    );
  });
});
