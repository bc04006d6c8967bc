import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { createAiServices } from "../src/pipeline/ai-services.ts";
import { createClaudeVoiceDeriver } from "../src/pipeline/claude-voice-deriver.ts";
import { type FakeAnthropic, startFakeAnthropic } from "./fakes/fake-anthropic.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { insertOwnerAndBrand, openMigratedDatabase } from "./helpers/migrated-database.ts";

let db: Awaited<ReturnType<typeof openMigratedDatabase>>;
let anthropic: FakeAnthropic;
beforeAll(async () => {
  db = await openMigratedDatabase();
  anthropic = await startFakeAnthropic();
});
afterAll(async () => {
  await db.dispose();
  await anthropic.close();
});

const examples = [
  "New course record at Zegama! 🏔️ What changed on the climb?",
  "Rain, mud and a smile. Who ran it?",
];

async function deriver() {
  const config = loadConfig({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
  return createClaudeVoiceDeriver({
    sql: db.sql,
    ai: await createAiServices(config, capturedLogger().logger),
  })!;
}

describe("deriving a brand voice with Claude", () => {
  it("returns Claude's description and records its cost against the brand", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, { telegramUserId: 71, monthlyBudgetUsd: 5 });
    const voice = await (
      await deriver()
    ).deriveVoice({ brandId, brandName: "Trail Notes", topic: "trail running", examples });
    expect(voice).toBe("Warm and direct; short sentences; one emoji at most; ends with a question.");
    expect(JSON.stringify(anthropic.requests.at(-1)!.body)).toContain("New course record at Zegama!");
    const rows =
      await db.sql`select operation, status, cost_usd > 0 as costed from ai_usage where brand_id = ${brandId}`;
    expect(rows).toEqual([{ operation: "voice", status: "settled", costed: true }]);
  });

  it("says plainly when the budget is used up, and calls nothing", async () => {
    const { brandId } = await insertOwnerAndBrand(db.sql, { telegramUserId: 72, monthlyBudgetUsd: 0 });
    const before = anthropic.requests.length;
    await expect(
      (await deriver()).deriveVoice({ brandId, brandName: "Broke", topic: "", examples }),
    ).rejects.toThrow("this month's AI budget is used up (see /budget)");
    expect(anthropic.requests.length).toBe(before);
  });

  it("is absent without an Anthropic key, so the rule-based summary stands in", async () => {
    const ai = await createAiServices(loadConfig({}), capturedLogger().logger);
    expect(createClaudeVoiceDeriver({ sql: db.sql, ai })).toBeUndefined();
  });
});
