import { describe, expect, it } from "vitest";
import {
  DRAFT_ACTION_CODES,
  type DraftAction,
  encodeDraftCallback,
  MAX_CALLBACK_DATA_BYTES,
  parseDraftCallback,
} from "../src/approval/callback-data.ts";
import { REJECTION_REASON_CODES } from "../src/approval/rejection-reasons.ts";
import { REWRITE_CHOICE_CODES } from "../src/approval/rewrite-choices.ts";

const LARGEST_ID = 999_999_999_999_999;

describe("draft card callback data", () => {
  it("round-trips every action, within Telegram's 64 bytes even for the largest id", () => {
    const actions = Object.keys(DRAFT_ACTION_CODES).filter(
      (a) => a !== "rejectBecause" && a !== "rewriteAs" && a !== "slide",
    ) as Exclude<DraftAction, "rejectBecause" | "rewriteAs" | "slide">[];
    for (const action of actions) {
      const data = encodeDraftCallback({ action, draftId: LARGEST_ID });
      expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(parseDraftCallback(data)).toEqual({ action, draftId: LARGEST_ID });
    }
    for (const reason of REJECTION_REASON_CODES) {
      const data = encodeDraftCallback({ action: "rejectBecause", draftId: LARGEST_ID, reason });
      expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(parseDraftCallback(data)).toEqual({ action: "rejectBecause", draftId: LARGEST_ID, reason });
    }
    for (const choice of REWRITE_CHOICE_CODES) {
      const data = encodeDraftCallback({ action: "rewriteAs", draftId: LARGEST_ID, choice });
      expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(parseDraftCallback(data)).toEqual({ action: "rewriteAs", draftId: LARGEST_ID, choice });
    }
    for (const position of [0, 1, 9]) {
      const data = encodeDraftCallback({ action: "slide", draftId: LARGEST_ID, position });
      expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(parseDraftCallback(data)).toEqual({ action: "slide", draftId: LARGEST_ID, position });
    }
    expect(parseDraftCallback("q:1:1")).toBeNull();
    expect(parseDraftCallback("l:1:o")).toBeNull();
    // A rewrite choice is not a rejection reason, nor the other way round.
    expect(parseDraftCallback("v:1:o")).toBeNull();
    expect(parseDraftCallback("q:1:s")).toBeNull();
  });

  it("is compact: approve draft 123 is a:123", () => {
    expect(encodeDraftCallback({ action: "approve", draftId: 123 })).toBe("a:123");
    expect(encodeDraftCallback({ action: "rejectBecause", draftId: 123, reason: "o" })).toBe("q:123:o");
  });

  it.each([
    "",
    "a",
    "a:",
    "a:0",
    "a:-1",
    "a:01",
    "a:1.5",
    "a:12x",
    "z:12",
    "A:12",
    "a:12:o",
    "q:12",
    "q:12:z",
    "a:1234567890123456",
    "a:9999999999999999999999",
    " a:12",
    "a:12\n",
    "brand:sel:3",
    "queue:mv:12",
  ])("rejects %j", (junk) => {
    expect(parseDraftCallback(junk)).toBeNull();
  });

  it("refuses to encode an id that is not a positive integer", () => {
    expect(() => encodeDraftCallback({ action: "approve", draftId: 0 })).toThrow(RangeError);
    expect(() => encodeDraftCallback({ action: "approve", draftId: 1.5 })).toThrow(RangeError);
  });
});
