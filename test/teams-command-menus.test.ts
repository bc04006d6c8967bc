import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../src/i18n/locales.ts";
import { memberMenu, ownerMenu, strangerMenu } from "../src/teams/command-menus.ts";
import { FakeTelegram } from "./fakes/fake-telegram.ts";

/** The Bot API's BotCommand rules: 1–32 of [a-z0-9_], a 1–256 character description, at most 100 a menu. */
function expectWithinBotCommandLimits(menu: { command: string; description: string }[]) {
  expect(menu.length).toBeGreaterThan(0);
  expect(menu.length).toBeLessThanOrEqual(100);
  for (const { command, description } of menu) {
    expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
    expect(description.length).toBeGreaterThanOrEqual(1);
    expect(description.length).toBeLessThanOrEqual(256);
  }
  expect(new Set(menu.map((c) => c.command)).size).toBe(menu.length);
}

describe("the bot's menus and description", () => {
  it("keep within Telegram's limits for every kind of user", () => {
    for (const locale of LOCALES) {
      for (const menu of [strangerMenu(locale), ownerMenu(locale), memberMenu(locale)])
        expectWithinBotCommandLimits(menu);
    }
  });

  it("give strangers /start and /help only, and members only what their role allows", () => {
    expect(strangerMenu().map((c) => c.command)).toEqual(["start", "help"]);
    expect(memberMenu().map((c) => c.command)).toEqual(["status", "help"]);
    expect(ownerMenu().map((c) => c.command)).toEqual(
      expect.arrayContaining(["start", "status", "team", "invite", "linkgroup", "unlinkgroup", "help"]),
    );
  });

  it("speak the user's language", () => {
    expect(strangerMenu("es")).toContainEqual({ command: "help", description: "Lo que puedo hacer" });
    expect(ownerMenu("de")).toContainEqual({
      command: "language",
      description: "Die Sprache, in der ich mit dir spreche",
    });
    expect(memberMenu("pt-BR")).toContainEqual({ command: "help", description: "O que eu sei fazer" });
  });
});

describe("the fake Bot API", () => {
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await telegram.stop();
  });

  async function call(method: string, payload: Record<string, unknown>) {
    const response = await fetch(`${telegram.apiRoot}/bot${telegram.token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    return (await response.json()) as { ok: boolean; result?: unknown; description?: string };
  }

  it("refuses what Telegram refuses in command menus and descriptions", async () => {
    const one = (command: string, description = "x") => ({ commands: [{ command, description }] });
    expect((await call("setMyCommands", one("Start"))).ok).toBe(false);
    expect((await call("setMyCommands", one("a".repeat(33)))).ok).toBe(false);
    expect((await call("setMyCommands", one("ok", ""))).ok).toBe(false);
    expect((await call("setMyCommands", one("ok", "d".repeat(257)))).ok).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "d" }));
    expect((await call("setMyCommands", { commands: many })).ok).toBe(false);
    expect((await call("setMyCommands", { ...one("ok"), scope: { type: "chat" } })).ok).toBe(false);
    expect((await call("setMyDescription", { description: "d".repeat(513) })).ok).toBe(false);
    expect((await call("setMyShortDescription", { short_description: "d".repeat(121) })).ok).toBe(false);
    expect(telegram.refusals).toHaveLength(8);
  });

  it("keeps one menu per scope, the narrower one for its chat only", async () => {
    await call("setMyCommands", { commands: [{ command: "start", description: "Start" }] });
    await call("setMyCommands", {
      commands: [{ command: "status", description: "Status" }],
      scope: { type: "chat", chat_id: 42 },
    });
    expect((await call("getMyCommands", {})).result).toEqual([{ command: "start", description: "Start" }]);
    expect((await call("getMyCommands", { scope: { type: "chat", chat_id: 42 } })).result).toEqual([
      { command: "status", description: "Status" },
    ]);
    await call("deleteMyCommands", { scope: { type: "chat", chat_id: 42 } });
    expect((await call("getMyCommands", { scope: { type: "chat", chat_id: 42 } })).result).toEqual([]);
  });
});
