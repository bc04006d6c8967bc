import { describe, expect, it } from "vitest";
import { assessComment, isQuestion } from "../src/comments/comment-assessment.ts";
import { encodeCommentCallback, parseCommentCallback } from "../src/comments/comment-callback-data.ts";
import { renderCommentCard } from "../src/comments/comment-card.ts";
import type { StoredComment } from "../src/comments/comment-queries.ts";
import { parseCommentsSetting } from "../src/comments/comments-setting.ts";
import { summaryWindowStart } from "../src/comments/comment-summaries.ts";
import { replyProblems } from "../src/comments/reply-limits.ts";
import { storeMessage } from "../src/i18n/stored-message.ts";
import { textsFor } from "../src/i18n/texts.ts";

describe("spotting spam and abuse without AI", () => {
  it.each([
    ["Check my page for more 🔥", "spam", "it says “check my page”"],
    ["DM me to collab", "spam", "it says “dm me”"],
    ["Get 10k real followers fast", "spam", "it says “real followers”"],
    ["Earn with bitcoin today", "spam", "it says “bitcoin”"],
    ["Great pics → https://spam.example/x", "spam", "it carries a link"],
    ["visit www.promo.example", "spam", "it carries a link"],
    ["🔥🔥🔥🔥🔥🔥🔥🔥 @promo_page", "spam", "repeated characters and a mention"],
    ["you absolute idiot", "abuse", "it says “idiot”"],
    ["Fuck off with this", "abuse", "it says “fuck off”"],
  ])("%s → %s", (text, flag, reason) => {
    expect(assessComment(text)).toEqual({ flag, reason });
  });

  it.each([
    "Love this! Where can I buy one?",
    "🔥🔥🔥🔥🔥🔥🔥🔥🔥", // enthusiasm alone is not spam
    "Idiomatic German is hard", // a word that merely starts like an insult
    "My dmitri loves it",
    "Sooooooo good",
  ])("leaves an ordinary comment alone: %s", (text) => {
    expect(assessComment(text)).toEqual({ flag: null, reason: null });
  });
});

describe("telling questions in the brand's language", () => {
  it.each([
    ["Where can I buy one?", "en"],
    ["¿Dónde la compro", "es"],
    ["هل يتوفر باللون الأخضر؟", "ar"],
    ["緑色はありますか？", "ja"],
    ["wie teuer ist das", "de"],
    ["combien ça coûte", "fr"],
    ["quanto custa", "pt-BR"],
    ["сколько стоит", "ru"],
    ["how heavy is it", "de"], // English question words count for every brand
    ["@velo what size is this", "en"],
  ])("%s (%s) is a question", (text, language) => {
    expect(isQuestion(text, language)).toBe(true);
  });

  it.each([
    ["Love it", "en"],
    ["Me encanta 😍", "es"],
    ["Wunderschön", "de"],
    ["whatever, nice", "en"],
  ])("%s (%s) is not", (text, language) => {
    expect(isQuestion(text, language)).toBe(false);
  });
});

describe("Instagram's limits on a reply", () => {
  it("accepts a short reply and explains each problem of a bad one", () => {
    expect(replyProblems("Thanks! Teal is coming in May 🚲")).toEqual([]);
    expect(replyProblems("   ")).toEqual(["The reply is empty."]);
    expect(replyProblems("é".repeat(300))).toEqual([]);
    expect(replyProblems(`${"a".repeat(299)}🚲🚲`)).toEqual([
      "It is 301 characters long; Instagram takes at most 300 in a comment.",
    ]);
    expect(replyProblems("#a #b #c #d #e")).toEqual([
      "It has 5 hashtags; Instagram takes at most 4 in a comment.",
    ]);
    expect(replyProblems("see https://a.example and https://b.example")).toEqual([
      "It has 2 links; Instagram takes at most 1 in a comment.",
    ]);
    expect(replyProblems("THANK YOU 🙏")).toEqual([
      "It is all in capital letters, which Instagram refuses in a comment.",
    ]);
    expect(replyProblems("OK")).toEqual([
      "It is all in capital letters, which Instagram refuses in a comment.",
    ]);
    expect(replyProblems("I")).toEqual([]);
  });
});

describe("comment card buttons and settings", () => {
  it("round-trips callback data and refuses anything else", () => {
    expect(encodeCommentCallback("send", 42)).toBe("cm:s:42");
    expect(parseCommentCallback("cm:s:42")).toEqual({ action: "send", id: 42 });
    expect(parseCommentCallback("cm:m:7")).toEqual({ action: "more", id: 7 });
    for (const junk of ["cm:x:1", "cm:s:0", "cm:s:", "a:42", "cm:s:42:x", "cm:s:1234567890123456"]) {
      expect(parseCommentCallback(junk)).toBeNull();
    }
    expect(() => encodeCommentCallback("send", 0)).toThrow(RangeError);
  });

  it("reads /comments all|questions|none in any case", () => {
    expect(parseCommentsSetting(" Questions ")).toBe("questions");
    expect(parseCommentsSetting("NONE")).toBe("none");
    expect(parseCommentsSetting("some")).toBeNull();
  });

  it("counts a comment in the clock hour it arrived", () => {
    expect(summaryWindowStart(new Date("2026-12-02T13:59:59.999Z")).toISOString()).toBe(
      "2026-12-02T13:00:00.000Z",
    );
    expect(summaryWindowStart(new Date("2026-12-02T14:00:00.000Z")).toISOString()).toBe(
      "2026-12-02T14:00:00.000Z",
    );
  });
});

describe("rendering a comment card", () => {
  const comment: StoredComment = {
    id: 5,
    brandId: 1,
    brandName: "Velo <Daily>",
    ownerId: 1,
    ownerChatId: 100,
    ownerLocale: "en",
    timeZone: "Europe/Berlin",
    language: "en",
    draftId: 2,
    caption: "Cargo bikes now outsell cars in three Dutch cities, and the trend is growing fast.\n#bikes",
    permalink: "https://www.instagram.com/p/abc/",
    commentId: "1797",
    parentCommentId: null,
    text: "Is <b>this</b> real?",
    commenterUsername: "kim",
    flagged: null,
    flagReason: null,
    replyText: "Yes & it's <growing>!",
    replyNote: null,
    status: "open",
    actedBy: null,
    actedAt: null,
    sendFence: 0,
    sendAttempts: 0,
    replyCommentId: null,
    lastError: null,
    cardChatId: null,
    cardMessageId: null,
  };

  it("escapes what Instagram and Claude wrote, and offers the four buttons while open", () => {
    const card = renderCommentCard(comment, "Europe/Berlin");
    expect(card.text).toBe(
      '💬 <b>Velo &lt;Daily&gt;</b>: @kim commented on <a href="https://www.instagram.com/p/abc/">“Cargo bikes now outsell cars in three Dutch cities, and the…”</a>\n\n' +
        "Is &lt;b&gt;this&lt;/b&gt; real?\n\n<b>Reply:</b> Yes &amp; it's &lt;growing&gt;!",
    );
    expect(card.keyboard.inline_keyboard.flat().map((b) => b.text)).toEqual([
      "💬 Send",
      "✏️ Edit",
      "🙈 Hide",
      "Ignore",
    ]);
  });

  it("shows who decided and when, in the brand's time zone, without buttons", () => {
    const card = renderCommentCard(
      { ...comment, status: "hidden", actedBy: "Anna", actedAt: new Date("2026-12-02T13:05:00Z") },
      "Europe/Berlin",
    );
    expect(card.text.endsWith("\n\n🙈 Hidden on Instagram by Anna at 14:05.")).toBe(true);
    expect(card.keyboard.inline_keyboard.flat()).toEqual([]);
  });

  it("says why a reply was refused in the reader's language, Instagram's words as it wrote them", () => {
    const refused = {
      ...comment,
      lastError: storeMessage({ key: "comment-send-refused", args: { words: "(#100) Comment <hidden>" } }),
    };
    expect(renderCommentCard(refused, "Europe/Berlin", textsFor("es")).text).toContain(
      "⚠️ Instagram rechazó la respuesta: (#100) Comment &lt;hidden&gt;",
    );
    expect(renderCommentCard(refused, "Europe/Berlin").text).toContain(
      "⚠️ Instagram refused the reply: (#100) Comment &lt;hidden&gt;",
    );
    // A refusal stored before reasons were kept as messages is shown in its English words.
    const older = { ...comment, lastError: "Instagram refused the reply: (#10) No permission" };
    expect(renderCommentCard(older, "Europe/Berlin", textsFor("de")).text).toContain(
      "⚠️ Instagram refused the reply: (#10) No permission",
    );
  });
});
