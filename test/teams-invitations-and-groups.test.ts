import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeDraftCallback } from "../src/approval/callback-data.ts";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import { visibleText } from "./fakes/fake-telegram.ts";
import {
  answerTo,
  cardMessages,
  deliverOutbox,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { OWNER_ID, setByBeforeAll, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import {
  botMembershipUpdate,
  type From,
  groupCallbackUpdate,
  groupMessageUpdate,
  postUpdate,
  textUpdate,
} from "./helpers/telegram-updates.ts";

let app: TestApp | undefined;
const t = () => setByBeforeAll(app);
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

let nextUserId = 8_800_000;
let nextGroupId = -1_001_000;

/** A Telegram user no test has used yet: a stranger to the desk until something gives them a role. */
function newPerson(firstName: string): From {
  return { id: nextUserId++, first_name: firstName };
}

function adminChat() {
  return chatAs(t(), { id: OWNER_ID, first_name: "Olga" });
}

/** Makes an invitation link through /invite in the admin's chat, and returns its code. */
async function invitationCode(args: string): Promise<string> {
  if (args !== "owner") await adminWithBrand();
  const replies = await adminChat().send(`/invite ${args}`);
  const link = /https:\/\/t\.me\/greenlight_test_bot\?start=([A-Za-z0-9_-]+)/.exec(replies.join("\n"));
  if (!link) throw new Error(`no invitation link in ${JSON.stringify(replies)}`);
  return link[1]!;
}

/** A group the bot is in, as Telegram names it in updates. */
const group = (id: number) => ({ id, title: "Velo team" });

/** The bot's own membership changing in a group. */
function botMembership(chatId: number, from: From, before: string, after: string) {
  return botMembershipUpdate(group(chatId), t().telegram.botInfo, from, { from: before, to: after });
}

async function press(data: string, message: { message_id: number; chat_id: number }, from: From) {
  const update = groupCallbackUpdate(
    data,
    { message_id: message.message_id, chat: group(message.chat_id) },
    from,
  );
  expect((await postUpdate(t(), update)).status).toBe(200);
  return answerTo(t(), update.callback_query.id);
}

function plainText(message: { text?: string; parse_mode?: string } | undefined): string {
  if (!message?.text) return "";
  const parsed = visibleText(message.text, message.parse_mode);
  return "text" in parsed ? parsed.text : message.text;
}

async function draftStatus(draftId: number): Promise<string> {
  const [row] = await t().app.sql<{ status: string }[]>`select status from drafts where id = ${draftId}`;
  return row!.status;
}

/** The admin as a registered owner with one brand, written as the onboarding leaves them. */
let adminBrand: Promise<{ ownerId: number; brandId: number }> | undefined;
function adminWithBrand() {
  adminBrand ??= (async () => {
    const ownerId = await insertOwner(t().app.sql, { telegramUserId: OWNER_ID, displayName: "Olga" });
    const brandId = await insertBrand(t().app.sql, ownerId, { name: "Velo Daily" });
    return { ownerId, brandId };
  })();
  return adminBrand;
}

/** A group the bot was added to and the admin linked to the brand, by the updates Telegram would send. */
async function linkedGroup(): Promise<number> {
  await adminWithBrand();
  const chatId = nextGroupId--;
  await postUpdate(t(), botMembership(chatId, { id: OWNER_ID, first_name: "Olga" }, "left", "member"));
  await postUpdate(
    t(),
    groupMessageUpdate("/linkgroup", group(chatId), { id: OWNER_ID, first_name: "Olga" }),
  );
  const offer = t().telegram.lastMessageIn(chatId)!;
  const button = offer.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "🔗 Velo Daily")!;
  await press(
    button.callback_data!,
    { message_id: offer.message_id, chat_id: chatId },
    { id: OWNER_ID, first_name: "Olga" },
  );
  return chatId;
}

/** A member of the admin's brand, by an invitation link they opened. */
async function member(role: "approver" | "viewer", firstName: string): Promise<From> {
  await adminWithBrand();
  const person = newPerson(firstName);
  const [welcome] = await chatAs(t(), person).send(`/start ${await invitationCode(role)}`);
  expect(welcome).toContain(`You are now ${role === "approver" ? "an approver" : "a viewer"} of Velo Daily`);
  return person;
}

/** A new draft of the admin's brand, its card delivered by the outbox to wherever the brand's cards go. */
async function newCard(): Promise<{ draftId: number; message: { message_id: number; chat_id: number } }> {
  const { brandId } = await adminWithBrand();
  const draftId = await insertDraft(t().app.sql, brandId);
  await enqueueDraftCard(t().app.sql, draftId);
  await deliverOutbox(t());
  const card = await cardMessages(t(), draftId);
  return { draftId, message: { message_id: card.text.message_id, chat_id: card.chatId } };
}

describe("invitation links", () => {
  it("make a new owner, who can then /start a brand of their own", async () => {
    const code = await invitationCode("owner");
    const newcomer = chatAs(t(), newPerson("Nadia"));
    expect(await newcomer.send("/start")).toEqual([
      `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${newcomer.from.id}`,
    ]);

    const [welcome] = await newcomer.send(`/start ${code}`);
    expect(welcome).toBe(
      "Welcome, Nadia! You are now an owner on this Greenlight desk. Send /start to set up your first brand.",
    );
    await newcomer.send("/start");
    await newcomer.send("Nadia's Bakery");
    for (let i = 0; i < 5; i++) await newcomer.send("/skip");
    const brands = await t().app.sql<{ name: string }[]>`
      select b.name from brands b join owners o on o.id = b.owner_id where o.telegram_user_id = ${newcomer.from.id}`;
    expect(brands.map((b) => b.name)).toEqual(["Nadia's Bakery"]);
    // Their private chat shows the owner's menu, with the team's commands.
    const menu = t()
      .telegram.scopedCommands.get(`chat:${newcomer.from.id}`)!
      .map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(["status", "brands", "team", "invite", "linkgroup"]));
  });

  it("are stored only as a hash of the code", async () => {
    const code = await invitationCode("viewer");
    const rows = await t().app.sql`select * from team_invitations`;
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("work once, even when two people open the same link at the same moment", async () => {
    await adminWithBrand();
    const code = await invitationCode("approver");
    const [first, second] = [chatAs(t(), newPerson("Ben")), chatAs(t(), newPerson("Cleo"))];
    const [a, b] = await Promise.all([first.send(`/start ${code}`), second.send(`/start ${code}`)]);
    const answers = [...a, ...b].sort();
    expect(answers).toEqual([
      "This invitation link was already used: each link works once. Ask for a new one.",
      expect.stringContaining("You are now an approver of Velo Daily"),
    ]);
    const late = chatAs(t(), newPerson("Dan"));
    expect(await late.send(`/start ${code}`)).toEqual([
      "This invitation link was already used: each link works once. Ask for a new one.",
    ]);
    const members = await t().app.sql`
      select telegram_user_id from brand_members
       where telegram_user_id in (${first.from.id}, ${second.from.id}, ${late.from.id})`;
    expect(members).toHaveLength(1);
  });

  it("act once when Telegram delivers the same update twice", async () => {
    const code = await invitationCode("viewer");
    const person = newPerson("Gus");
    const update = textUpdate(`/start ${code}`, person);
    await postUpdate(t(), update);
    await postUpdate(t(), update);
    const replies = t().telegram.messagesIn(person.id).map(plainText);
    expect(replies).toEqual([expect.stringContaining("You are now a viewer of Velo Daily")]);
  });

  it("are refused with the day they expired once their week is over", async () => {
    await adminWithBrand();
    const code = await invitationCode("viewer");
    const realClock = t().app.services.clock;
    t().app.services.clock = () => new Date(Date.now() + 8 * 24 * 60 * 60_000);
    try {
      const late = chatAs(t(), newPerson("Erin"));
      const [reply] = await late.send(`/start ${code}`);
      expect(reply).toMatch(
        /^This invitation link expired on \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\. Ask whoever sent it for a new one\.$/,
      );
      expect(
        await t().app.sql`select 1 from brand_members where telegram_user_id = ${late.from.id}`,
      ).toHaveLength(0);
    } finally {
      t().app.services.clock = realClock;
    }
  });

  it("answer in the opener's Telegram language, unknown, expired and used alike", async () => {
    await adminWithBrand();
    const code = await invitationCode("viewer");
    const brazilian = chatAs(t(), { ...newPerson("Bia"), language_code: "pt-br" });
    expect(await brazilian.send("/start AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toEqual([
      "Este link de convite não é válido. Confira se você abriu o link inteiro ou peça um novo.",
    ]);
    const realClock = t().app.services.clock;
    t().app.services.clock = () => new Date(Date.now() + 8 * 24 * 60 * 60_000);
    try {
      const [expired] = await brazilian.send(`/start ${code}`);
      expect(expired).toMatch(/^Este link de convite expirou em \d{1,2} de \w+\.? de \d{4}, \d\d:\d\d UTC\./);
    } finally {
      t().app.services.clock = realClock;
    }
    const german = chatAs(t(), { ...newPerson("Jonas"), language_code: "de" });
    const [welcome] = await german.send(`/start ${code}`);
    expect(welcome).toMatch(
      /^Willkommen! Du liest jetzt bei Velo Daily mit\.\nDu siehst ihre Karten in ihrer Telegram-Gruppe, und hier \/status\./,
    );
    expect(await brazilian.send(`/start ${code}`)).toEqual([
      "Este link de convite já foi usado: cada link vale uma vez. Peça um novo.",
    ]);
  });

  it("used by an owner who then deletes their data leave nothing that names them", async () => {
    const owner = chatAs(t(), newPerson("Hana"));
    await owner.send(`/start ${await invitationCode("owner")}`);
    await owner.send(`/start ${await invitationCode("viewer")}`);
    expect(
      await t().app.sql`select 1 from team_invitations where redeemed_by_user_id = ${owner.from.id}`,
    ).toHaveLength(2);
    await owner.send("/deletedata");
    await owner.press("🗑 Yes, delete everything");
    expect(
      await t().app.sql`select 1 from team_invitations where redeemed_by_user_id = ${owner.from.id}`,
    ).toEqual([]);
    expect(await t().app.sql`select 1 from brand_members where telegram_user_id = ${owner.from.id}`).toEqual(
      [],
    );
    expect(await t().app.sql`select 1 from owners where telegram_user_id = ${owner.from.id}`).toEqual([]);
  });

  it("for new owners are only made by the desk's operators", async () => {
    const owner = newPerson("Finn");
    const ownerId = await insertOwner(t().app.sql, { telegramUserId: owner.id, displayName: "Finn" });
    await insertBrand(t().app.sql, ownerId, { name: "Finn's Bikes" });
    const chat = chatAs(t(), owner);
    expect(await chat.send("/invite owner")).toEqual([
      "Only the desk's operators (OWNER_TELEGRAM_IDS) can invite new owners. You can invite approvers and viewers to your brands.",
    ]);
    const [link] = await chat.send("/invite viewer");
    expect(link).toContain("Invitation for a viewer of Finn's Bikes");
  });
});

describe("a brand's group", () => {
  it("gets the brand's cards once linked, and an approver's decision there names them", async () => {
    const anna = await member("approver", "Anna");
    const chatId = await linkedGroup();
    expect(plainText(t().telegram.lastMessageIn(chatId))).toContain(
      "Velo Daily's new cards now come to this group (linked by Olga)",
    );
    expect(
      t()
        .telegram.scopedCommands.get(`chat:${chatId}`)!
        .map((c) => c.command),
    ).toEqual(["status", "help"]);

    const { draftId, message } = await newCard();
    expect(message.chat_id).toBe(chatId);
    const toast = await press(encodeDraftCallback({ action: "approve", draftId }), message, anna);
    expect(toast).toMatch(/^✅ Scheduled for /);
    expect(await draftStatus(draftId)).toBe("approved");
    expect(readable(t().telegram.messages.get(message.message_id)!)).toContain("✅ Approved by Anna");
  });

  it("refuses a viewer's and a stranger's taps, and they change nothing", async () => {
    const vic = await member("viewer", "Vic");
    const chatId = await linkedGroup();
    const stranger = newPerson("Sam");
    const { draftId, message } = await newCard();
    expect(message.chat_id).toBe(chatId);
    const editsBefore = t().telegram.messages.get(message.message_id)!.edits;

    for (const action of ["approve", "reject", "edit"] as const) {
      const data = encodeDraftCallback({ action, draftId });
      expect(await press(data, message, vic)).toBe(
        "👀 You can see this brand's cards, not decide them. Ask its owner.",
      );
      expect(await press(data, message, stranger)).toBe(
        `Only this brand's team can act on its cards. Your Telegram id is ${stranger.id}: pass it to the operator.`,
      );
    }
    expect(await draftStatus(draftId)).toBe("pending_review");
    expect(t().telegram.messages.get(message.message_id)!.edits).toBe(editsBefore);
    expect(t().telegram.lastMessageIn(chatId)!.message_id).toBe(message.message_id);
  });

  it("leaves its earlier group when the brand is linked to another", async () => {
    const first = await linkedGroup();
    const second = await linkedGroup();
    expect(t().telegram.scopedCommands.has(`chat:${first}`)).toBe(false);
    expect(t().telegram.scopedCommands.has(`chat:${second}`)).toBe(true);
    expect((await newCard()).message.chat_id).toBe(second);
  });

  it("lets only the brand's owner confirm the link", async () => {
    await adminWithBrand();
    const chatId = nextGroupId--;
    await postUpdate(
      t(),
      groupMessageUpdate("/linkgroup", group(chatId), { id: OWNER_ID, first_name: "Olga" }),
    );
    const offer = t().telegram.lastMessageIn(chatId)!;
    const data = offer.reply_markup!.inline_keyboard!.flat()[0]!.callback_data!;
    const stranger = newPerson("Mallory");
    const toast = await press(data, { message_id: offer.message_id, chat_id: chatId }, stranger);
    expect(toast).toBe(
      `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${stranger.id}`,
    );
    expect(await t().app.sql`select 1 from brand_groups where chat_id = ${chatId}`).toHaveLength(0);
  });

  it("stops taking a removed member's taps at once", async () => {
    const rita = await member("approver", "Rita");
    await linkedGroup();
    const { draftId, message } = await newCard();

    const owner = adminChat();
    await owner.send("/team");
    const { toast } = await owner.press("✖ Remove Rita");
    expect(toast).toBe("Removed Rita.");

    expect(await press(encodeDraftCallback({ action: "approve", draftId }), message, rita)).toBe(
      `Only this brand's team can act on its cards. Your Telegram id is ${rita.id}: pass it to the operator.`,
    );
    expect(await draftStatus(draftId)).toBe("pending_review");
    // No role left: their chat falls back to the strangers' menu.
    expect(t().telegram.scopedCommands.has(`chat:${rita.id}`)).toBe(false);
  });

  it("gets no more cards once unlinked: they go to the owner's private chat", async () => {
    const uma = await member("approver", "Uma");
    const chatId = await linkedGroup();
    await postUpdate(
      t(),
      groupMessageUpdate("/unlinkgroup", group(chatId), { id: OWNER_ID, first_name: "Olga" }),
    );
    expect(plainText(t().telegram.lastMessageIn(chatId))).toBe(
      "Unlinked. New cards of Velo Daily go to the owner's private chat again.",
    );
    for (const language of ["", "|es", "|pt", "|de"])
      expect(t().telegram.scopedCommands.has(`chat:${chatId}${language}`)).toBe(false);

    const { draftId, message } = await newCard();
    expect(message.chat_id).toBe(OWNER_ID);
    expect(
      t()
        .telegram.messagesIn(chatId)
        .some((m) => m.text?.includes(`Cargo bikes`)),
    ).toBe(false);
    // An old card still in the group no longer takes the approver's taps.
    const inGroup = { message_id: message.message_id, chat_id: chatId };
    expect(await press(encodeDraftCallback({ action: "approve", draftId }), inGroup, uma)).toContain(
      "Only this brand's team can act on its cards.",
    );
    expect(await draftStatus(draftId)).toBe("pending_review");
  });

  it("follows the group when Telegram turns it into a supergroup", async () => {
    const chatId = await linkedGroup();
    const supergroupId = nextGroupId-- - 1_000_000_000_000;
    await postUpdate(
      t(),
      groupMessageUpdate(
        undefined,
        group(chatId),
        { id: OWNER_ID, first_name: "Olga" },
        {
          migrate_to_chat_id: supergroupId,
        },
      ),
    );
    const { message } = await newCard();
    expect(message.chat_id).toBe(supergroupId);
    // Put back where the other tests expect the brand's cards: nowhere but the next linked group.
    await t().app.sql`delete from brand_groups where chat_id = ${supergroupId}`;
  });

  it("is forgotten when the bot is removed from it", async () => {
    const chatId = await linkedGroup();
    await postUpdate(t(), botMembership(chatId, { id: OWNER_ID, first_name: "Olga" }, "member", "kicked"));
    expect(await t().app.sql`select 1 from brand_groups where chat_id = ${chatId}`).toHaveLength(0);
  });
});

describe("strangers", () => {
  it("are told their Telegram id, to pass to the operator", async () => {
    const stranger = chatAs(t(), newPerson("Zed"));
    expect(await stranger.send("hello")).toEqual([
      `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${stranger.from.id}`,
    ]);
    expect(await stranger.send("/start not-a-code")).toEqual([
      `Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: ${stranger.from.id}`,
    ]);
  });

  it("see only /start and /help in the command menu, and the bot says what it is", () => {
    expect(t().telegram.commands.map((c) => c.command)).toEqual(["start", "help"]);
    expect(t().telegram.description).toContain("private desk");
    expect(t().telegram.description.length).toBeLessThanOrEqual(512);
    expect(t().telegram.shortDescription.length).toBeGreaterThan(0);
    expect(t().telegram.shortDescription.length).toBeLessThanOrEqual(120);
    // The operator's own chat has the owner's menu from start-up, before they ever /start.
    const operatorMenu = t()
      .telegram.scopedCommands.get(`chat:${OWNER_ID}`)!
      .map((c) => c.command);
    expect(operatorMenu).toEqual(expect.arrayContaining(["status", "queue", "invite", "team", "help"]));
  });

  it("an approver's /status shows the brand", async () => {
    const stella = await member("approver", "Stella");
    const [status] = await chatAs(t(), stella).send("/status");
    expect(status).toContain("Velo Daily");
    expect(status).toContain("Drafts waiting for review");
  });
});
