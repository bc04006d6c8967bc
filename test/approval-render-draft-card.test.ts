import { describe, expect, it } from "vitest";
import {
  type DraftCard,
  describeDraftState,
  formatUsd,
  type RenderedDraftCard,
  renderDraftCard,
} from "../src/approval/render-draft-card.ts";
import { visibleText } from "./fakes/fake-telegram.ts";

// Monday 13 April 2026, 12:00 UTC (14:00 in Berlin, summer time).
const NOW = new Date("2026-04-13T12:00:00Z");

function draft(fields: Partial<DraftCard> = {}): DraftCard {
  return {
    id: 42,
    status: "pending_review",
    caption: "Cargo bikes now outsell cars in three Dutch cities.",
    hashtags: ["#cycling", "#cities"],
    edited: false,
    sourceTitle: "Cargo bikes overtake cars",
    sourceLink: "https://news.example.com/cargo?a=1&b=2",
    relevanceReason: "Urban cycling is the brand's topic.",
    rejectionReason: null,
    scheduledFor: null,
    permalink: null,
    lastError: null,
    aiCostUsd: 0.0123,
    brandName: "Velo Daily",
    timeZone: "Europe/Berlin",
    ownerHasSeveralBrands: false,
    hasPhoto: true,
    altText: null,
    brandFirstComment: { mode: "off", text: null },
    firstComment: null,
    hashtagsInComment: false,
    firstCommentState: null,
    firstCommentError: null,
    ...fields,
  };
}

/** What the owner reads, as Telegram parses it (the fake's parser refuses what Telegram would refuse). */
function shown(html: string): string {
  const parsed = visibleText(html, "HTML");
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.text;
}

function buttonLabels(card: RenderedDraftCard): string[][] {
  return card.keyboard.inline_keyboard.map((row) => row.map((button) => button.text));
}

describe("rendering a draft card", () => {
  it("shows the caption as it will be posted, the source, why it is relevant and what it cost, with five buttons", () => {
    const card = renderDraftCard(draft(), { now: NOW });
    const text = shown(card.text);
    expect(text).toContain("Cargo bikes now outsell cars in three Dutch cities.\n\n#cycling #cities");
    expect(text).toContain("Source: Cargo bikes overtake cars");
    expect(card.text).toContain('href="https://news.example.com/cargo?a=1&amp;b=2"');
    expect(text).toContain("Why: Urban cycling is the brand's topic.");
    expect(text).toContain("AI cost of this draft: $0.0123");
    expect(buttonLabels(card)).toEqual([
      ["✅ Approve", "✏️ Edit", "❌ Reject"],
      ["🖼 New image", "🔁 Rewrite", "🦯 Alt text"],
    ]);
    expect(
      card.keyboard.inline_keyboard.flat().map((b) => (b as { callback_data: string }).callback_data),
    ).toEqual(["a:42", "e:42", "r:42", "i:42", "w:42", "x:42"]);
    expect(shown(card.photoCaption)).toBe("📰 Cargo bikes overtake cars");
  });

  it("keeps a caption full of HTML and ampersands intact, escaped for Telegram", () => {
    const hostile = `<script>alert("x")</script> & <b>bold</b> &amp; 1 < 2 > 0 "quoted" <a href="javascript:x">`;
    const card = renderDraftCard(
      draft({
        caption: hostile,
        hashtags: [],
        sourceTitle: "<i>Breaking</i> & more",
        relevanceReason: "a < b",
      }),
      { now: NOW },
    );
    expect(shown(card.text)).toContain(hostile);
    expect(shown(card.text)).toContain("<i>Breaking</i> & more");
    expect(shown(card.photoCaption)).toBe("📰 <i>Breaking</i> & more");
  });

  it("shows a 2,200-character caption in full in the text message, within 4,096 characters", () => {
    const caption = "Ride on. ".repeat(244).concat("End.").slice(0, 2200);
    expect(caption.length).toBe(2200);
    const card = renderDraftCard(draft({ caption, hashtags: [] }), { now: NOW });
    const text = shown(card.text);
    expect(text).toContain(caption.trim());
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(shown(card.photoCaption).length).toBeLessThanOrEqual(1024);
  });

  it("moves the facts to the photo when an emoji-heavy caption fills the text message, and says when it is cut", () => {
    // 2,200 emoji are 4,400 UTF-16 code units: Telegram counts those, so this cannot fit in one message.
    const caption = "🚲".repeat(2200);
    const card = renderDraftCard(draft({ caption, hashtags: [] }), { now: NOW });
    const text = shown(card.text);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain("too long to show here in full");
    expect(text).not.toContain("\uFFFD");
    const photo = shown(card.photoCaption);
    expect(photo.length).toBeLessThanOrEqual(1024);
    expect(photo).toContain("AI cost of this draft: $0.0123");
  });

  it("fits 2,000 emoji in full once the facts move to the photo", () => {
    const caption = "🚲".repeat(2000);
    const card = renderDraftCard(draft({ caption, hashtags: [] }), { now: NOW });
    expect(shown(card.text)).toContain(caption);
    expect(shown(card.text)).not.toContain("too long");
    expect(shown(card.photoCaption)).toContain("Source: Cargo bikes overtake cars");
  });

  it("shows the alt text and the first comment compactly, and a comment that failed with its reason", () => {
    const pending = renderDraftCard(
      draft({
        altText: `A rider on a <b>cargo</b> bike. ${"More. ".repeat(100)}`,
        brandFirstComment: { mode: "hashtags", text: null },
      }),
      { now: NOW },
    );
    const text = shown(pending.text);
    expect(text).toContain(
      "Cargo bikes now outsell cars in three Dutch cities.\n\n💬 First comment: #cycling #cities",
    );
    expect(text).not.toContain("cities.\n\n#cycling");
    const altLine = text
      .split("\n")
      .find((line) => line.startsWith("🦯 Alt text: A rider on a <b>cargo</b> bike."))!;
    expect(altLine.length).toBeLessThanOrEqual(140);
    expect(altLine.endsWith("…")).toBe(true);

    const published = renderDraftCard(
      draft({
        status: "published",
        permalink: "https://www.instagram.com/p/abc/",
        firstComment: "Link in bio",
        firstCommentState: "failed",
        firstCommentError: "Instagram did not let Greenlight comment.",
      }),
      { now: NOW },
    );
    expect(shown(published.text)).toContain(
      "⚠️ First comment not posted: Instagram did not let Greenlight comment.",
    );
    expect(shown(published.text)).toContain("#cycling #cities");
  });

  it("names the brand when the owner runs several", () => {
    const card = renderDraftCard(draft({ ownerHasSeveralBrands: true, brandName: "Velo <Daily>" }), {
      now: NOW,
    });
    expect(shown(card.text).split("\n")[0]).toBe("🏷 Velo <Daily>");
    expect(shown(card.photoCaption)).toContain("🏷 Velo <Daily>");
  });

  it("says when an approved post is scheduled, in the brand's time zone, with Undo and Post now", () => {
    const card = renderDraftCard(
      draft({ status: "approved", scheduledFor: new Date("2026-04-14T07:00:00Z") }),
      { now: NOW },
    );
    expect(shown(card.text)).toContain("✅ Scheduled for Tue 09:00, Europe/Berlin");
    expect(buttonLabels(card)).toEqual([["↩️ Undo", "🚀 Post now"]]);
  });

  it("says a post due now is going out, leaving only Undo", () => {
    const card = renderDraftCard(draft({ status: "approved", scheduledFor: NOW }), { now: NOW });
    expect(shown(card.text)).toContain("Going out now");
    expect(buttonLabels(card)).toEqual([["↩️ Undo"]]);
  });

  it("archives a rejected card with its reason and no buttons", () => {
    const card = renderDraftCard(draft({ status: "rejected", rejectionReason: "off-topic" }), { now: NOW });
    expect(shown(card.text).split("\n")[0]).toBe("❌ Rejected: off-topic");
    expect(card.keyboard.inline_keyboard).toEqual([]);
  });

  it("links a published post's permalink", () => {
    const permalink = "https://www.instagram.com/p/Cx1/";
    const card = renderDraftCard(draft({ status: "published", permalink }), { now: NOW });
    expect(shown(card.text)).toContain(`Published on Instagram: ${permalink}`);
    expect(card.keyboard.inline_keyboard).toEqual([[{ text: "📷 Open on Instagram", url: permalink }]]);
  });

  it("explains a failed publish in plain words with a Retry button", () => {
    const card = renderDraftCard(
      draft({
        status: "failed",
        lastError: "The image is larger than Instagram's 8 MB limit. It needs a smaller image.",
      }),
      { now: NOW },
    );
    expect(shown(card.text)).toContain("Publishing failed: The image is larger than Instagram's 8 MB limit.");
    expect(buttonLabels(card)).toEqual([["🔁 Retry"]]);
  });

  it("shows cancelled and in-progress states without decision buttons", () => {
    expect(buttonLabels(renderDraftCard(draft({ status: "cancelled" }), { now: NOW }))).toEqual([]);
    expect(buttonLabels(renderDraftCard(draft({ status: "publishing" }), { now: NOW }))).toEqual([]);
    expect(shown(renderDraftCard(draft({ status: "cancelled" }), { now: NOW }).text)).toContain("Cancelled");
  });

  it("offers the quick rejection reasons while the owner chooses", () => {
    const card = renderDraftCard(draft(), { now: NOW, moment: "choosing_reject_reason" });
    expect(shown(card.text)).toContain("Why reject it?");
    expect(buttonLabels(card)).toEqual([
      ["Off-topic", "Tone"],
      ["Image", "Already covered"],
      ["Other…"],
      ["↩️ Back"],
    ]);
  });

  it("offers the rewrite choices while the owner chooses, and still fits a 2,200-emoji caption", () => {
    const card = renderDraftCard(draft(), { now: NOW, moment: "choosing_rewrite" });
    expect(shown(card.text)).toContain("How should I rewrite it?");
    expect(buttonLabels(card)).toEqual([
      ["Shorter", "Longer"],
      ["More formal", "More playful"],
      ["Just rewrite", "↩️ Back"],
    ]);
    const longest = renderDraftCard(draft({ caption: "🚲".repeat(2200), hashtags: [] }), {
      now: NOW,
      moment: "choosing_rewrite",
    });
    expect(shown(longest.text).length).toBeLessThanOrEqual(4096);
  });

  it("never links anything but http(s)", () => {
    const card = renderDraftCard(draft({ sourceLink: "javascript:alert(1)" }), { now: NOW });
    expect(card.text).not.toContain("javascript:");
    expect(shown(card.text)).toContain("Source: Cargo bikes overtake cars");
  });

  it("formats costs so a cheap draft does not read as free", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.0042)).toBe("$0.0042");
    expect(formatUsd(0.0123)).toBe("$0.0123");
    expect(formatUsd(0.25)).toBe("$0.25");
    expect(formatUsd(1.254)).toBe("$1.25");
  });

  it("tells a stale button what happened to the draft", () => {
    const scheduled = {
      status: "approved" as const,
      scheduledFor: new Date("2026-04-14T07:00:00Z"),
      timeZone: "Europe/Berlin",
    };
    expect(describeDraftState(scheduled, NOW)).toBe(
      "Already approved — scheduled for Tue 09:00, Europe/Berlin.",
    );
    expect(describeDraftState({ ...scheduled, status: "rejected" }, NOW)).toBe("Already rejected.");
    for (const status of [
      "generating",
      "pending_review",
      "publishing",
      "published",
      "failed",
      "cancelled",
    ] as const) {
      expect(describeDraftState({ ...scheduled, status }, NOW).length).toBeLessThanOrEqual(200);
    }
  });
});
