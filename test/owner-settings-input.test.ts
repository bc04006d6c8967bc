import { describe, expect, it } from "vitest";
import { textsFor } from "../src/i18n/texts.ts";
import { brandListKeyboard, withBrandHeading } from "../src/owner-settings/brands/brand-views.ts";
import {
  budgetKeyboard,
  formatLedgerMonth,
  formatUsd,
  renderBudget,
} from "../src/owner-settings/budget/budget-view.ts";
import { leadingCommand } from "../src/owner-settings/shared/dialog-flow.ts";
import { englishOwnerCommands, renderHelp } from "../src/owner-settings/start/owner-commands.ts";
import {
  settingsCallback,
  settingsCallbackPattern,
} from "../src/owner-settings/shared/settings-callbacks.ts";
import {
  parseBrandName,
  parseBudgetAmount,
  parseFeedUrl,
  parseHashtags,
  parseScheduleChange,
  parseTopic,
  parseVoiceDescription,
} from "../src/owner-settings/shared/settings-input.ts";
import { summariseExampleCaptions } from "../src/owner-settings/brand-profile/voice-deriver.ts";

const brand = {
  id: 7,
  owner_id: 1,
  name: "Bikes & <Co>",
  topic: "cycling",
  voice: "",
  default_hashtags: [],
  language: "en",
  audience: "",
  banned_terms: [],
  visual_style: "",
  time_zone: "Europe/Berlin",
  posting_slots: [{ time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] }],
  monthly_budget_usd: 10,
  paused: false,
  first_comment_mode: "off" as const,
  first_comment_text: null,
};

describe("budget amounts an owner types", () => {
  it.each([
    ["25", 25],
    ["12.50", 12.5],
    ["12,5", 12.5],
    ["$25", 25],
    ["25 usd", 25],
    ["10000", 10_000],
    ["0.01", 0.01],
  ])("reads %j as $%d", (text, amount) => {
    expect(parseBudgetAmount(text)).toEqual({ ok: true, value: amount });
  });

  it.each([
    ["0", "more than $0"],
    ["-5", "more than $0"],
    ["abc", "is not an amount"],
    ["", "is not an amount"],
    ["10000.01", "at most $10,000"],
    ["20000", "at most $10,000"],
    ["12.345", "two decimals"],
    ["1,500", "without thousands separators"],
  ])("refuses %j, saying it %s", (text, message) => {
    const parsed = parseBudgetAmount(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe("hashtags an owner types", () => {
  it("keeps valid tags in order, drops repeats regardless of case, and accepts commas", () => {
    expect(parseHashtags("#Cycling, #berlin #cycling  #rad_weg #Straße")).toEqual({
      ok: true,
      value: ["#Cycling", "#berlin", "#rad_weg", "#Straße"],
    });
  });

  it("clears them with “none”", () => {
    expect(parseHashtags(" none ")).toEqual({ ok: true, value: [] });
  });

  it.each([
    ["cycling", "needs a # in front"],
    ["#bike-lane", "only letters, digits and _"],
    ["#2024", "at least one letter"],
    ["#", "only letters, digits and _"],
  ])("refuses %j: %s", (text, message) => {
    const parsed = parseHashtags(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it("allows 30 hashtags and refuses 31, as Instagram does", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(" ");
    expect(parseHashtags(tags(30)).ok).toBe(true);
    expect(parseHashtags(tags(31))).toEqual({
      ok: false,
      error: "That is 31 hashtags; Instagram allows at most 30 in a post.",
    });
  });
});

describe("schedule changes an owner types", () => {
  it("reads times only", () => {
    expect(parseScheduleChange("09:00, 18:00 weekdays")).toEqual({
      ok: true,
      value: {
        slots: [
          { time: "09:00", days: [1, 2, 3, 4, 5] },
          { time: "18:00", days: [1, 2, 3, 4, 5] },
        ],
      },
    });
  });

  it("reads a time zone only, fixing its case", () => {
    expect(parseScheduleChange("europe/berlin")).toEqual({ ok: true, value: { timeZone: "Europe/Berlin" } });
  });

  it("reads times and a time zone together", () => {
    expect(parseScheduleChange("9am mon-fri America/New_York")).toEqual({
      ok: true,
      value: { slots: [{ time: "09:00", days: [1, 2, 3, 4, 5] }], timeZone: "America/New_York" },
    });
  });

  it("explains a wrong time, a wrong zone, two zones and an empty answer", () => {
    expect(parseScheduleChange("25:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not a time of day"),
    });
    expect(parseScheduleChange("09:00 Mars/Olympus")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not a time zone I know"),
    });
    expect(parseScheduleChange("Europe/Berlin Europe/Paris")).toEqual({
      ok: false,
      error: "Please give one time zone, not 2.",
    });
    expect(parseScheduleChange("  ")).toMatchObject({
      ok: false,
      error: expect.stringContaining("at least one posting time"),
    });
  });

  it("accepts every example the /schedule help shows, in each language", () => {
    for (const locale of ["en", "es", "pt-BR", "de"] as const) {
      const examples = textsFor(locale).t("schedule-examples");
      const quoted = [...examples.matchAll(/[«“„]([^»”“]+)[»”“]/g)].map((match) => match[1]!);
      expect(quoted, locale).toHaveLength(3);
      for (const example of quoted) {
        expect(parseScheduleChange(example, textsFor(locale)), `${locale}: ${example}`).toMatchObject({
          ok: true,
        });
      }
      expect(parseScheduleChange(quoted[2]!)).toMatchObject({
        ok: true,
        value: {
          slots: [
            { time: "09:00", days: [1, 2, 3, 4, 5] },
            { time: "11:00", days: [6, 7] },
          ],
        },
      });
    }
  });
});

describe("other settings", () => {
  it("normalises a brand name and limits it to 60 characters", () => {
    expect(parseBrandName("  Berlin   Bike News ")).toEqual({ ok: true, value: "Berlin Bike News" });
    expect(parseBrandName("x".repeat(60)).ok).toBe(true);
    expect(parseBrandName("x".repeat(61))).toEqual({
      ok: false,
      error: "That name is 61 characters; keep it to 60 or fewer.",
    });
    expect(parseBrandName(" ").ok).toBe(false);
  });

  it("wants a topic of a few words and a voice of at most 1,000 characters", () => {
    expect(parseTopic("ab").ok).toBe(false);
    expect(parseTopic("urban cycling")).toEqual({ ok: true, value: "urban cycling" });
    expect(parseVoiceDescription("warm\n\n\n\nwitty  and short")).toEqual({
      ok: true,
      value: "warm\n\nwitty and short",
    });
    expect(parseVoiceDescription("x".repeat(1001)).ok).toBe(false);
  });

  it("accepts http(s) feed addresses, adding https:// to a bare one", () => {
    expect(parseFeedUrl("example.com/feed.xml")).toEqual({ ok: true, value: "https://example.com/feed.xml" });
    expect(parseFeedUrl("<http://127.0.0.1:8080/rss>")).toEqual({
      ok: true,
      value: "http://127.0.0.1:8080/rss",
    });
    expect(parseFeedUrl("ftp://example.com/feed").ok).toBe(false);
    expect(parseFeedUrl("hello")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not a complete host name"),
    });
    expect(parseFeedUrl("https://user:pw@example.com/feed")).toMatchObject({
      ok: false,
      error: expect.stringContaining("password"),
    });
    expect(parseFeedUrl("two words").ok).toBe(false);
  });
});

describe("dialog commands", () => {
  it("recognises a command at the start of a message, with or without the bot's name", () => {
    expect(leadingCommand("/cancel")).toBe("cancel");
    expect(leadingCommand("/Skip@greenlight_bot now")).toBe("skip");
    expect(leadingCommand("cancel")).toBeUndefined();
    expect(leadingCommand("/ not a command")).toBeUndefined();
  });
});

describe("rendering", () => {
  it("names the brand only when the owner has more than one, escaped for HTML", () => {
    expect(withBrandHeading({ brandCount: 1, brand }, "Body")).toBe("Body");
    expect(withBrandHeading({ brandCount: 2, brand }, "Body")).toBe("🏷 <b>Bikes &amp; &lt;Co&gt;</b>\nBody");
  });

  it("formats money, keeping sub-cent amounts visible", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.0042)).toBe("$0.0042");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatLedgerMonth("2026-03")).toBe("March 2026");
  });

  it("shows spend by operation and provider, the projection, and warns when the cap will be reached", () => {
    const text = renderBudget(
      { brand, brandCount: 1 },
      {
        budgetUsd: 10,
        spentUsd: 3.25,
        reservedUsd: 0.5,
        byOperation: { draft: 1.25, image: 2 },
        byProvider: { anthropic: 1.25, openai: 2 },
        projectedUsd: 12.4,
        month: "2026-03",
      },
    );
    expect(text).toContain("AI budget · March 2026</b> (Europe/Berlin)");
    expect(text).toContain("Spent so far: <b>$3.75</b> of $10.00 (38%)");
    expect(text).toContain("in progress (reserved): $0.50");
    expect(text).toContain("Projected by the end of the month: $12.40");
    expect(text).toContain("cap is reached before the month ends");
    expect(text.indexOf("• image: $2.00")).toBeLessThan(text.indexOf("• draft: $1.25"));
    expect(text).toContain("• openai: $2.00");
  });

  it("offers only the cap buttons that stay within $10,000", () => {
    const labels = (cap: number) =>
      budgetKeyboard(7, cap)
        .inline_keyboard.flat()
        .map((button) => button.text);
    expect(labels(10)).toEqual(["+$5", "+$20", "×2", "✏️ Type an amount"]);
    expect(labels(6000)).toEqual(["+$5", "+$20", "✏️ Type an amount"]);
    expect(labels(9990)).toEqual(["+$5", "✏️ Type an amount"]);
  });

  it("summarises example captions without AI, saying so", () => {
    const summary = summariseExampleCaptions([
      "New bike lane on Karl-Marx-Allee! Have you tried it yet? 🚲 #berlin",
      "We rode the new ring route this weekend. What's your favourite stretch? #cycling",
    ]);
    expect(summary).toMatch(/^Summary of 2 example captions \(no AI\): /);
    expect(summary).toContain("short captions");
    expect(summary).toContain("often asks the reader a question");
    expect(summary).toContain("sometimes uses emoji");
    expect(summary).toContain("about 1 hashtag;");
    expect(summary).toContain("Openings like “New bike lane on Karl-Marx-Allee! Have you tried…”");
  });
});

describe("buttons and menu", () => {
  it("keeps every callback_data within Telegram's 64 bytes and matches its own pattern", () => {
    const big = 999_999_999_999_999;
    const samples: [string, RegExp][] = [
      [settingsCallback.selectBrand(big), settingsCallbackPattern.selectBrand],
      [settingsCallback.budgetSet(big, big, big), settingsCallbackPattern.budgetSet],
      [settingsCallback.queueMoveTo(big, new Date(4_102_444_800_000)), settingsCallbackPattern.queueMoveTo],
      [settingsCallback.voiceExamples(big), settingsCallbackPattern.voiceExamples],
      [settingsCallback.deleteDataConfirm(new Date()), settingsCallbackPattern.deleteDataConfirm],
    ];
    for (const [data, pattern] of samples) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(data).toMatch(pattern);
    }
    const keyboard = brandListKeyboard([{ id: big, name: "Ä".repeat(60), paused: false, selected: true }]);
    for (const button of keyboard.inline_keyboard.flat()) {
      expect(Buffer.byteLength((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
    }
  });

  it("lists each command once, within Telegram's command rules, and in the help text", () => {
    const names = englishOwnerCommands().map((entry) => entry.command);
    expect(new Set(names).size).toBe(names.length);
    for (const { command, description } of englishOwnerCommands()) {
      expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(description.length).toBeGreaterThan(2);
      expect(description.length).toBeLessThanOrEqual(256);
      expect(renderHelp()).toContain(`/${command} – ${description}`);
    }
  });
});
