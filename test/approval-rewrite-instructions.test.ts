import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REGENERATIONS_JOB } from "../src/approval/regeneration-worker.ts";
import { costOfTranscriptionUsage } from "../src/budget/cost.ts";
import { requestDraftingWork } from "../src/pipeline/drafting-queue.ts";
import {
  type FakeAnthropic,
  type FakeRequestView,
  startFakeAnthropic,
  validReply,
} from "./fakes/fake-anthropic.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  eventually,
  insertBrand,
  insertOwner,
  pressButton,
  readable,
  reviewCard,
  sentToOwnerSince,
} from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate, voiceUpdate } from "./helpers/telegram-updates.ts";

/**
 * 🔁 Rewrite with the owner's instruction: a quick choice on the card, their own words, or a voice note that is
 * transcribed (and billed) but never kept. The instruction reaches Claude, the card shows the new caption, the
 * request survives a restart, and later drafts learn from it.
 */

let anthropic: FakeAnthropic;
let openai: FakeOpenAi;
let t: TestApp;
/** Milliseconds the fake Claude waits before answering a rewrite, for the restart test. */
let rewriteLatencyMs = 0;

beforeAll(async () => {
  anthropic = await startFakeAnthropic({
    latencyMs: (request) => (request.userText.includes("asked for a rewrite") ? rewriteLatencyMs : 0),
  });
  openai = await startFakeOpenAi();
  t = await startTestApp({
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    SHUTDOWN_TIMEOUT_MS: "300",
  });
});
afterAll(async () => {
  await t?.stop();
  await anthropic?.close();
  await openai?.close();
});

let brandId: number;
beforeEach(async () => {
  const [owner] = await t.app.sql<
    { id: number }[]
  >`select id from owners where telegram_user_id = ${OWNER_ID}`;
  brandId = await insertBrand(t.app.sql, owner?.id ?? (await insertOwner(t.app.sql)));
  rewriteLatencyMs = 0;
});

/** Claude's rewrite answers with a caption that names what it was asked, so the card shows it was rewritten. */
function rewriteAnswers(request: FakeRequestView) {
  const asked = /<owner_instruction>([^<]*)<\/owner_instruction>/.exec(request.userText)?.[1] ?? "nothing";
  return {
    json: {
      hook: `Rewritten as asked: ${asked}`,
      body: "Cargo bikes outsell cars in three Dutch cities.",
      call_to_action: "Would you ride one?",
      credit: "Source: news.example.com",
      hashtags: ["#cargobikes"],
    },
  };
}

/** The last rewrite request Claude received: its per-call text and its cached system prefix. */
function lastRewriteRequest() {
  const request = anthropic.requests.findLast((r) =>
    JSON.stringify(r.body.messages).includes("asked for a rewrite"),
  );
  if (!request) throw new Error("Claude received no rewrite request");
  const messages = request.body.messages as { content: { text: string }[] }[];
  const system = request.body.system as { text: string }[];
  return { user: messages[0]!.content[0]!.text, system: system.map((block) => block.text).join("\n") };
}

async function requestsOf(draftId: number) {
  return t.app.sql<{ status: string; instruction: string | null; attempts: number }[]>`
    select status, instruction, attempts from regeneration_requests where draft_id = ${draftId} order by id`;
}

/** Waits for the draft's rewrite to finish, sends the card's update and returns what the card reads. */
async function cardAfterRewrite(draftId: number): Promise<string> {
  await eventually(async () => expect((await requestsOf(draftId)).at(-1)?.status).toBe("done"));
  await deliverOutbox(t);
  return readable((await cardMessages(t, draftId)).text);
}

/** A card with the rewrite choices open. */
async function cardChoosingRewrite() {
  const card = await reviewCard(t, brandId, { caption: "The old caption about cargo bikes." });
  expect((await pressButton(t, `w:${card.draftId}`, card.message)).answer).toBe(
    "Pick how, or send me what to change.",
  );
  const shown = (await cardMessages(t, card.draftId)).text;
  expect(readable(shown)).toContain("How should I rewrite it?");
  expect(buttonsOf(shown).map((b) => b.text)).toEqual([
    "Shorter",
    "Longer",
    "More formal",
    "More playful",
    "Just rewrite",
    "↩️ Back",
  ]);
  return card;
}

/** A voice note the owner sends: OGG bytes Telegram holds and the fake OpenAI "hears" as `text`. */
function voiceNote(text: string, seconds: number) {
  const audio = Buffer.concat([Buffer.from("OggS"), randomBytes(4096)]);
  openai.willHear(audio, { text, seconds });
  return { audio, update: voiceUpdate({ ...t.telegram.addFile(audio), duration: seconds }) };
}

describe("quick choices", () => {
  it.each([
    ["s", "Make it shorter."],
    ["l", "Make it longer, with more from the article."],
    ["f", "Make it more formal."],
    ["p", "Make it more playful."],
  ])("choice %s reaches Claude's request as “%s”, and the card shows the new caption", async (code, said) => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId, message } = await cardChoosingRewrite();
    expect((await pressButton(t, `v:${draftId}:${code}`, message)).answer).toBe("🔁 Rewriting the caption…");

    const card = await cardAfterRewrite(draftId);
    expect(lastRewriteRequest().user).toContain(`<owner_instruction>${said}</owner_instruction>`);
    expect(card).toContain(`Rewritten as asked: ${said}`);
    expect(card).not.toContain("The old caption");
    expect(await requestsOf(draftId)).toMatchObject([{ status: "done", instruction: said }]);
  });

  it("a double tap and a redelivered update make one request and one call to Claude", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId, message } = await cardChoosingRewrite();
    const claudeCalls = anthropic.requests.length;
    rewriteLatencyMs = 2000;
    const first = await pressButton(t, `v:${draftId}:s`, message);
    expect((await pressButton(t, `v:${draftId}:p`, message)).answer).toBe("Already rewriting the caption…");
    await postUpdate(t, first.update);
    expect(await cardAfterRewrite(draftId)).toContain("Rewritten as asked: Make it shorter.");
    expect(await requestsOf(draftId)).toMatchObject([{ instruction: "Make it shorter." }]);
    expect(anthropic.requests.length).toBe(claudeCalls + 1);
  });

  it("“Just rewrite” asks for a plain rewrite, with no instruction", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId, message } = await cardChoosingRewrite();
    await pressButton(t, `v:${draftId}:j`, message);
    expect(await cardAfterRewrite(draftId)).toContain("Rewritten as asked: nothing");
    expect(lastRewriteRequest().user).not.toContain("<owner_instruction>");
    expect(await requestsOf(draftId)).toMatchObject([{ status: "done", instruction: null }]);
  });

  it("Back leaves the choices: the card is as before and a message afterwards is no instruction", async () => {
    const { draftId, message } = await cardChoosingRewrite();
    expect((await pressButton(t, `k:${draftId}`, message)).answer).toBe("Kept for review.");
    expect(buttonsOf((await cardMessages(t, draftId)).text).map((b) => b.text)).toContain("🔁 Rewrite");
    await postUpdate(t, textUpdate("focus on the price"));
    expect(await requestsOf(draftId)).toEqual([]);
  });
});

describe("the owner's own words", () => {
  it("typed: the instruction reaches Claude and the card shows the new caption", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    const told = sentToOwnerSince(t, 0).length;
    await postUpdate(t, textUpdate("focus on the price"));
    expect(sentToOwnerSince(t, told)).toEqual(["🔁 Rewriting the caption: “focus on the price”"]);

    expect(await cardAfterRewrite(draftId)).toContain("Rewritten as asked: focus on the price");
    expect(lastRewriteRequest().user).toContain("<owner_instruction>focus on the price</owner_instruction>");
  });

  it("/cancel keeps the caption and asks Claude nothing", async () => {
    const { draftId } = await cardChoosingRewrite();
    const told = sentToOwnerSince(t, 0).length;
    const claudeCalls = anthropic.requests.length;
    await postUpdate(t, textUpdate("/cancel"));
    expect(sentToOwnerSince(t, told)).toEqual(["Not rewritten: the caption is unchanged."]);
    expect(buttonsOf((await cardMessages(t, draftId)).text).map((b) => b.text)).toContain("🔁 Rewrite");
    expect(await requestsOf(draftId)).toEqual([]);
    expect(anthropic.requests.length).toBe(claudeCalls);
  });
});

describe("a voice note", () => {
  it("is transcribed, billed in the ledger, shown back, and its words reach Claude", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    const told = sentToOwnerSince(t, 0).length;
    const { update } = voiceNote("Mention the early-bird price, please.", 6);
    await postUpdate(t, update);

    expect(sentToOwnerSince(t, told)).toEqual([
      "🎙 Heard: “Mention the early-bird price, please.”",
      "🔁 Rewriting the caption: “Mention the early-bird price, please.”",
    ]);
    const transcription = openai.transcriptions.at(-1)!;
    expect(transcription).toMatchObject({
      model: "gpt-4o-mini-transcribe",
      fileName: "voice.oga",
      status: 200,
    });
    const [usage] = await t.app.sql<
      {
        provider: string;
        model: string;
        status: string;
        cost_usd: number;
        input_tokens: number;
        output_tokens: number;
      }[]
    >`select provider, model, status, cost_usd, input_tokens, output_tokens
        from ai_usage where draft_id = ${draftId} and operation = 'transcription'`;
    expect(usage).toEqual({
      provider: "openai",
      model: "gpt-4o-mini-transcribe",
      status: "settled",
      cost_usd: costOfTranscriptionUsage("gpt-4o-mini-transcribe", {
        input_tokens: transcription.usage!.input_tokens,
        output_tokens: transcription.usage!.output_tokens,
        input_token_details: { audio_tokens: transcription.usage!.audio_tokens, text_tokens: 0 },
      }),
      input_tokens: 60,
      output_tokens: transcription.usage!.output_tokens,
    });
    expect(usage!.cost_usd).toBeGreaterThan(0);

    expect(await cardAfterRewrite(draftId)).toContain(
      "Rewritten as asked: Mention the early-bird price, please.",
    );
    expect(lastRewriteRequest().user).toContain(
      "<owner_instruction>Mention the early-bird price, please.</owner_instruction>",
    );
  });

  it("delivered twice by Telegram is transcribed and billed once", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    const calls = openai.transcriptions.length;
    const { update } = voiceNote("Add the opening hours.", 3);
    await postUpdate(t, update);
    await postUpdate(t, update);
    await cardAfterRewrite(draftId);
    expect(openai.transcriptions.length).toBe(calls + 1);
    expect(await requestsOf(draftId)).toMatchObject([{ instruction: "Add the opening hours." }]);
    const [billed] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from ai_usage where draft_id = ${draftId} and operation = 'transcription'`;
    expect(billed!.n).toBe(1);
  });

  it("is not stored: only its transcript is kept", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    const { audio, update } = voiceNote("Lead with the new bike lane.", 4);
    await postUpdate(t, update);
    await cardAfterRewrite(draftId);

    expect(await requestsOf(draftId)).toMatchObject([{ instruction: "Lead with the new bike lane." }]);
    // Not in the media store, nor anywhere else in the service's data folder (the embedded database included).
    const marker = audio.subarray(4, 68);
    const holding = filesUnder(t.dataDir).filter((file) => readFileSync(file).includes(marker));
    expect(holding).toEqual([]);
    const [stored] = await t.app.sql<{ n: number }[]>`
      select count(*)::int as n from ai_usage where draft_id = ${draftId} and operation = 'transcription'`;
    expect(stored!.n).toBe(1);
  });

  it("over the budget is refused with a clear message, with no download and no call to OpenAI", async () => {
    const { draftId } = await cardChoosingRewrite();
    await t.app.sql`update brands set monthly_budget_usd = 0 where id = ${brandId}`;
    const told = sentToOwnerSince(t, 0).length;
    const calls = openai.transcriptions.length;
    const downloads = t.telegram.fileDownloads.length;
    await postUpdate(t, voiceNote("Shorter, please.", 3).update);

    expect(sentToOwnerSince(t, told)).toEqual([
      "🎙 Not transcribed: this month's AI budget is used up ($0.00 of $0.00). Raise it with /budget, or type what to change (or /cancel).",
    ]);
    expect(openai.transcriptions.length).toBe(calls);
    expect(t.telegram.fileDownloads.length).toBe(downloads);
    expect(await requestsOf(draftId)).toEqual([]);
    // The dialog still waits: the owner can leave it.
    await postUpdate(t, textUpdate("/cancel"));
    expect(sentToOwnerSince(t, told).at(-1)).toBe("Not rewritten: the caption is unchanged.");
  });

  it("for a draft approved meanwhile is not transcribed, and the owner is told what happened", async () => {
    const { draftId, message } = await cardChoosingRewrite();
    expect((await pressButton(t, `a:${draftId}`, message)).answer).toMatch(/^✅ Scheduled for /);
    const told = sentToOwnerSince(t, 0).length;
    const calls = openai.transcriptions.length;
    await postUpdate(t, voiceNote("Make it punchier.", 3).update);
    expect(sentToOwnerSince(t, told)).toEqual([
      expect.stringMatching(/^Not rewritten\. Already approved — scheduled for /),
    ]);
    expect(openai.transcriptions.length).toBe(calls);
    expect(await requestsOf(draftId)).toEqual([]);
  });

  it("that is too long is refused before it is downloaded, and typing still works", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    const told = sentToOwnerSince(t, 0).length;
    const downloads = t.telegram.fileDownloads.length;
    await postUpdate(t, voiceNote("A very long ramble.", 300).update);
    expect(sentToOwnerSince(t, told)).toEqual([
      "🎙 That voice note is 300 seconds long; I take up to 2 minutes. Send another, or type what to change (or /cancel).",
    ]);
    expect(t.telegram.fileDownloads.length).toBe(downloads);
    // Telegram says how big the file is; over the 20 MB a bot may download, it is not fetched.
    const huge = voiceUpdate({
      file_id: "AwACAgIAAxkBhuge",
      file_unique_id: "AgADhuge",
      file_size: 21 * 1024 * 1024,
      duration: 60,
    });
    await postUpdate(t, huge);
    expect(sentToOwnerSince(t, told).at(-1)).toBe(
      "🎙 That voice note is over the 20 MB Telegram lets bots download. Send another, or type what to change (or /cancel).",
    );
    expect(t.telegram.fileDownloads.length).toBe(downloads);

    await postUpdate(t, textUpdate("shorter"));
    expect(await cardAfterRewrite(draftId)).toContain("Rewritten as asked: shorter");
  });
});

describe("a rewrite with an instruction", () => {
  it("survives a restart: the next run finishes it, with the instruction", async () => {
    rewriteLatencyMs = 3000;
    anthropic.enqueue(rewriteAnswers, rewriteAnswers);
    const { draftId, message } = await cardChoosingRewrite();
    await pressButton(t, `v:${draftId}:f`, message);
    await eventually(async () => expect((await requestsOf(draftId))[0]?.status).toBe("running"));

    // The restart cannot wait for Claude: the request is given back, due at once, instruction and all.
    await t.restart();
    expect(await requestsOf(draftId)).toMatchObject([
      { status: "queued", attempts: 0, instruction: "Make it more formal." },
    ]);
    rewriteLatencyMs = 0;
    await t.app.scheduler.runNow(REGENERATIONS_JOB);

    expect(await cardAfterRewrite(draftId)).toContain("Rewritten as asked: Make it more formal.");
    expect(lastRewriteRequest().user).toContain(
      "<owner_instruction>Make it more formal.</owner_instruction>",
    );
  });

  it("teaches the drafter: a later draft's prompt carries it among the brand's rewrite requests", async () => {
    anthropic.enqueue(rewriteAnswers);
    const { draftId } = await cardChoosingRewrite();
    await postUpdate(t, textUpdate("always name the city"));
    await cardAfterRewrite(draftId);

    await t.app.sql`
      insert into articles (brand_id, dedupe_key, title, link, summary, status, relevance_score, relevance_reason)
      values (${brandId}, 'learned-1', 'Utrecht opens a cycle bridge', 'https://news.example/bridge',
              'A new bridge for bikes.', 'scored', 90, 'On topic.')`;
    anthropic.setDefault(validReply);
    await requestDraftingWork(t.app.sql);
    await t.app.scheduler.runNow("drafting");
    const draft = anthropic.requests.find((r) =>
      JSON.stringify(r.body.messages).includes("Utrecht opens a cycle bridge"),
    );
    const system = (draft!.body.system as { text: string }[]).map((block) => block.text).join("\n");
    expect(system).toContain("<request>always name the city</request>");
  });
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
