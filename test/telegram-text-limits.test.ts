import { Api, GrammyError, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitTelegramLimits } from "../src/bot/fit-telegram-limits.ts";
import {
  fitTelegramText,
  quoteInput,
  quoteInputHtml,
  shortenText,
  telegramLength,
  wellFormed,
} from "../src/shared/telegram-text-limits.ts";
import { FakeTelegram, visibleText } from "./fakes/fake-telegram.ts";
import { capturedLogger } from "./helpers/log-capture.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What Telegram would show for `html`, failing the test when Telegram could not parse it. */
function shown(html: string): string {
  const parsed = visibleText(html, "HTML");
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.text;
}

describe("Telegram's length, as Telegram counts it", () => {
  it("counts the text after entity parsing, in UTF-16 code units", () => {
    expect(telegramLength("<b>a&amp;b</b> &lt;3", "HTML")).toBe(6);
    expect(telegramLength("🍕", "HTML")).toBe(2);
    expect(telegramLength("&#127829;", "HTML")).toBe(2);
    expect(telegramLength("<b>x</b>", undefined)).toBe(8);
  });
});

describe("fitting a text into a limit", () => {
  it("leaves a text that fits unchanged", () => {
    const html = `<b>Feeds</b>\n${"a".repeat(4000)}`;
    expect(fitTelegramText(html, "HTML", 4096)).toBe(html);
  });

  it("cuts HTML between tags and entities, closes the open tags and marks the cut", () => {
    const html = `<b>Title</b>\n<i>${"&lt;tag&gt; &amp; ".repeat(1000)}</i><a href="https://x.example/">link</a>`;
    const fitted = fitTelegramText(html, "HTML", 4096);
    const text = shown(fitted);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.length).toBeGreaterThan(4000);
    expect(fitted.endsWith("…</i>")).toBe(true);
    expect(fitted).not.toMatch(/&[a-z]*$|&[a-z]*…/);
  });

  it("never leaves half an emoji, in HTML or plain text", () => {
    for (const mode of ["HTML", undefined]) {
      const fitted = fitTelegramText(`x${"🍕".repeat(3000)}`, mode, 4096);
      expect(fitted).not.toMatch(LONE_SURROGATE);
      expect(telegramLength(fitted, mode)).toBeLessThanOrEqual(4096);
      expect(fitted.endsWith("🍕…")).toBe(true);
    }
  });

  it("replaces half an emoji already in a text by the replacement character", () => {
    expect(wellFormed("pizza \uD83C and more")).toBe("pizza \uFFFD and more");
    expect(wellFormed("🍕")).toBe("🍕");
  });
});

describe("quoting what the owner typed", () => {
  it("quotes a short input whole and a long one cut, with an ellipsis", () => {
    expect(quoteInput("Europe/Berln")).toBe("“Europe/Berln”");
    expect(quoteInput("x".repeat(5000), 20)).toBe(`“${"x".repeat(19)}…”`);
  });

  it("cuts on a grapheme boundary: an emoji family or an accented letter stays whole", () => {
    const family = "👩‍👩‍👧‍👦";
    const quoted = quoteInput(family.repeat(10), 30);
    expect(quoted).toBe(`“${family.repeat(2)}…”`);
    expect(quoteInput(`${"e\u0301".repeat(30)}`, 10)).toBe(`“${"e\u0301".repeat(4)}…”`);
  });

  it("collapses line breaks, and escapes HTML for an HTML message", () => {
    expect(quoteInput("two\n\nlines")).toBe("“two lines”");
    expect(quoteInputHtml("<b>&</b>")).toBe("“&lt;b&gt;&amp;&lt;/b&gt;”");
    expect(shortenText("  spaced   out  ", 40)).toBe("spaced out");
  });
});

describe("the bot's API on the fake Telegram", () => {
  const telegram = new FakeTelegram();
  let raw: Api;
  let fitted: Api;
  const chatId = 4242;
  const logs = capturedLogger();

  beforeAll(async () => {
    await telegram.start();
    raw = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    fitted = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    fitted.config.use(fitTelegramLimits({ logger: logs.logger }));
  });
  afterAll(() => telegram.stop());

  it("is refused by the fake as by Telegram when a text, a caption or a toast is over the limit", async () => {
    await expect(raw.sendMessage(chatId, "x".repeat(4097))).rejects.toThrow(
      "Bad Request: message is too long",
    );
    await expect(raw.sendMessage(chatId, "🍕".repeat(2049))).rejects.toThrow("message is too long");
    expect((await raw.sendMessage(chatId, "🍕".repeat(2048))).text).toHaveLength(4096);
    await expect(
      raw.sendMessage(chatId, `<b>${"&amp;".repeat(4097)}</b>`, { parse_mode: "HTML" }),
    ).rejects.toThrow("message is too long");
    await expect(
      raw.sendPhoto(chatId, new InputFile(Buffer.from("jpeg")), { caption: "c".repeat(1025) }),
    ).rejects.toThrow("Bad Request: message caption is too long");
    await expect(raw.sendMessage(chatId, "half a pizza \uD83C")).rejects.toThrow(
      "Bad Request: strings must be encoded in UTF-8",
    );
    const sent = await raw.sendMessage(chatId, "short");
    await expect(raw.editMessageText(chatId, sent.message_id, "y".repeat(4097))).rejects.toBeInstanceOf(
      GrammyError,
    );
  });

  it("delivers the same texts through the bot's reply path, cut to fit", async () => {
    const refusals = telegram.refusals.length;
    const text = await fitted.sendMessage(chatId, "x".repeat(5000));
    expect(text.text).toHaveLength(4096);
    const html = await fitted.sendMessage(chatId, `<b>${"&amp;".repeat(5000)}</b>`, { parse_mode: "HTML" });
    expect(telegram.messages.get(html.message_id)!.text!.endsWith("…</b>")).toBe(true);
    const photo = await fitted.sendPhoto(chatId, new InputFile(Buffer.from("jpeg")), {
      caption: `<i>${"c".repeat(2200)}</i>`,
      parse_mode: "HTML",
    });
    expect(shown(telegram.messages.get(photo.message_id)!.caption!)).toHaveLength(1024);
    await fitted.editMessageText(chatId, text.message_id, "🍕".repeat(3000));
    const edited = telegram.messages.get(text.message_id)!.text!;
    expect(edited).not.toMatch(LONE_SURROGATE);
    expect(edited.endsWith("🍕…")).toBe(true);
    await fitted.sendMessage(chatId, "half a pizza \uD83C");
    expect(await fitted.answerCallbackQuery("cbq-1", { text: "t".repeat(500) })).toBe(true);
    expect(telegram.refusals.slice(refusals)).toEqual([]);
    // Operators hear of every cut (a view that should be paged or quoted), without the text itself.
    expect(logs.text()).toContain('"method":"sendMessage","field":"text","length":5000,"max":4096');
    expect(logs.text()).toContain('"method":"answerCallbackQuery","field":"text","length":500,"max":200');
    expect(logs.text()).not.toContain("xxxxxxxx");
  });
});
