import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, type FakeRequestView, startFakeAnthropic } from "./fakes/fake-anthropic.ts";
import {
  type FakeFeedServer,
  type FakeFeedItem,
  renderRssFeed,
  startFakeFeedServer,
} from "./fakes/fake-feed-server.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import { answerTo, buttonsOf, cardMessages, deliverOutbox, readable } from "./helpers/draft-fixtures.ts";
import { ingestAndDraft } from "./helpers/drafting-runs.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { OWNER_ID, setByBeforeAll, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import {
  botMembershipUpdate,
  type From,
  groupCallbackUpdate,
  groupMessageUpdate,
  postUpdate,
} from "./helpers/telegram-updates.ts";

/**
 * Issue 13's "done when", end to end through the real service: an agency's Spanish-speaking owner is invited by
 * link, sets up a Spanish brand and gets Spanish cards; a client in the brand's linked group approves one and the
 * card names her; a stranger in that group can do nothing. Fakes stand only for Telegram, Anthropic, OpenAI and
 * the news site.
 */

const OPERATOR: From = { id: OWNER_ID, first_name: "Olga", language_code: "en" };
const LUCIA: From = { id: 7_310_001, first_name: "Lucía", language_code: "es" };
const CARMEN: From = { id: 7_310_002, first_name: "Carmen", language_code: "es" };
const HANS: From = { id: 7_310_003, first_name: "Hans", language_code: "de" };
const GROUP = { id: -1_007_310_000, title: "Bici Madrid · clientes" };

/** What Claude answers a Spanish brand: captions, credit lines and hashtags in Spanish. */
const HOOKS: Record<string, string> = {
  carril: "Madrid estrena 20 km de carril bici: así cambia tu ruta al trabajo.",
  bicimad: "BiciMAD suma 50 estaciones nuevas antes del verano.",
};
function answerInSpanish(request: FakeRequestView) {
  if (request.kind === "relevance") {
    return {
      json: {
        scores: request.articles.map((a) => ({
          ref: a.ref,
          score: 92,
          reason: "Movilidad urbana en Madrid.",
        })),
      },
    };
  }
  const key = request.userText.includes("BiciMAD") ? "bicimad" : "carril";
  return {
    json: {
      hook: HOOKS[key],
      body: "Más espacio seguro para pedalear por la ciudad.",
      call_to_action: "¿Ya lo has probado? Cuéntanoslo en los comentarios.",
      credit: `Fuente: Noticias Bici — https://news.example/${key}`,
      hashtags: ["#CiclismoUrbano", "#Madrid"],
    },
  };
}

const ARTICLES: Record<string, FakeFeedItem> = {
  carril: {
    title: "Madrid opens 20 km of new bike lanes",
    link: "https://news.example/carril",
    guid: "carril",
    description: "The city adds protected bike lanes on its main avenues.",
    publishedAt: new Date(),
  },
  bicimad: {
    title: "BiciMAD adds 50 new stations",
    link: "https://news.example/bicimad",
    guid: "bicimad",
    description: "The public bike system grows before the summer.",
    publishedAt: new Date(),
  },
};

let feeds: FakeFeedServer | undefined;
let anthropic: FakeAnthropic | undefined;
let openai: FakeOpenAi | undefined;
let app: TestApp | undefined;
const t = () => setByBeforeAll(app);

function serveNews(items: readonly FakeFeedItem[]) {
  setByBeforeAll(feeds).serve("/noticias.xml", {
    kind: "feed",
    body: renderRssFeed({ title: "Noticias Bici", link: "https://news.example/", items }),
  });
}

beforeAll(async () => {
  feeds = await startFakeFeedServer();
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAi();
  anthropic.setDefault(answerInSpanish);
  serveNews([ARTICLES.carril!]);
  app = await startTestApp({
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
  });
});

afterAll(async () => {
  await app?.stop();
  await feeds?.close();
  await anthropic?.close();
  await openai?.close();
});

/** The invitation link's code in a reply to /invite. */
function linkCode(replies: readonly string[]): string {
  const link = /https:\/\/t\.me\/greenlight_test_bot\?start=([A-Za-z0-9_-]+)/.exec(replies.join("\n"));
  if (!link) throw new Error(`no invitation link in ${JSON.stringify(replies)}`);
  return link[1]!;
}

/** What a user reads in the bot's newest message in the group. */
function lastInGroup(): string {
  return readable(t().telegram.lastMessageIn(GROUP.id)!);
}

/** A press on a button of the bot's message in the group; returns the toast the presser sees. */
async function pressInGroup(data: string, messageId: number, from: From): Promise<string | undefined> {
  const update = groupCallbackUpdate(data, { message_id: messageId, chat: GROUP }, from);
  expect((await postUpdate(t(), update)).status).toBe(200);
  return answerTo(t(), update.callback_query.id);
}

async function draftOf(hookKey: string) {
  const [row] = await t().app.sql<{ id: number; status: string; decided_by: string | null }[]>`
    select id, status, decided_by from drafts where caption like ${`%${HOOKS[hookKey]!.slice(0, 20)}%`}`;
  return row;
}

describe("an agency's Spanish-speaking owner and her client", () => {
  it("are invited by link, get a Spanish brand and Spanish cards, and only the brand's team decides them in its group", async () => {
    // Before anyone opens a chat, a Spanish Telegram shows the bot's description in Spanish.
    expect(t().telegram.descriptionsByLanguage.get("es")).toContain("Es un espacio privado");
    expect(t().telegram.shortDescriptionsByLanguage.get("es")).toBeTruthy();

    // The operator makes an owner invitation: /invite, then the owner button.
    const operator = chatAs(t(), OPERATOR);
    expect(await operator.send("/invite")).toEqual([
      "Who is the invitation for? An owner link makes a new owner with brands of their own.",
    ]);
    const { replies: ownerInvite } = await operator.press("👑 A new owner");
    expect(ownerInvite).toEqual([]);
    const ownerLink = operator.last();
    expect(ownerLink).toContain("🔗 Invitation for a new owner");
    const ownerCode = linkCode([ownerLink]);

    // Lucía, whose Telegram is in Spanish, opens the link and is an owner, with the owner's menu in Spanish.
    const lucia = chatAs(t(), LUCIA);
    expect(await lucia.send(`/start ${ownerCode}`)).toEqual([
      "¡Hola, Lucía! Ya eres propietario en este espacio de Greenlight. Envía /start para configurar tu primera marca.",
    ]);
    const luciaMenu = t().telegram.scopedCommands.get(`chat:${LUCIA.id}`)!;
    expect(luciaMenu).toContainEqual({ command: "help", description: "Lo que puedo hacer" });
    expect(luciaMenu.map((c) => c.command)).toEqual(expect.arrayContaining(["team", "invite", "linkgroup"]));
    expect(await t().app.sql`select 1 from owners where telegram_user_id = ${LUCIA.id}`).toHaveLength(1);

    // The set-up dialog, in Spanish, proposes Spanish for the captions.
    const [intro] = await lucia.send("/start");
    expect(intro).toMatch(
      /^¡Te damos la bienvenida a Greenlight, Lucía! Configuremos tu primera marca: 6 preguntas rápidas\./,
    );
    await lucia.send("Bici Madrid");
    expect(await lucia.send("ok")).toEqual([
      "Describe el tema en unas palabras, por ejemplo «ciclismo urbano en Madrid».",
    ]);
    await lucia.send("ciclismo urbano en Madrid: carriles, eventos y material");
    const [languageQuestion] = await lucia.send("cercano y curioso, frases cortas");
    expect(languageQuestion).toContain("Pulsa «Usar español»");
    expect(await lucia.send("klingon")).toEqual([
      "No conozco el idioma «klingon». Envía un código o nombre de idioma, p. ej. de, es, pt-BR, fr, ja, German o Deutsch.",
    ]);
    const { replies: languageSet } = await lucia.press("Usar español");
    expect(languageSet[0]).toBe("Idioma: español (es).");
    const [zoneSet] = await lucia.send("Europe/Madrid");
    expect(zoneSet).toMatch(/^Zona horaria: Europe\/Madrid \(allí son las \d\d:\d\d\)\.$/);
    const created = await lucia.send(setByBeforeAll(feeds).url("/noticias.xml"));
    expect(created[0]).toBe("Feed encontrado: “Noticias Bici”.");
    expect(created.at(-1)).toContain("✅ Bici Madrid está configurada.");
    expect(created.at(-1)).toContain("Idioma: español (es) (/brand)");
    expect(created.at(-1)).toContain("Zona horaria: Europe/Madrid");
    expect(created.at(-1)).toContain("Siguiente: /connect vincula la cuenta de Instagram de la marca.");
    const [brand] = await t().app.sql<{ id: number; name: string; language: string; time_zone: string }[]>`
      select b.id, b.name, b.language, b.time_zone from brands b join owners o on o.id = b.owner_id
       where o.telegram_user_id = ${LUCIA.id}`;
    expect(brand).toMatchObject({ name: "Bici Madrid", language: "es", time_zone: "Europe/Madrid" });

    // The drafter is asked for Spanish, and the card comes to Lucía in Spanish.
    await ingestAndDraft(t());
    await deliverOutbox(t());
    const draftRequest = anthropic!.requests.find((r) =>
      JSON.stringify(r.body).includes("Write an Instagram caption"),
    );
    expect(JSON.stringify(draftRequest?.body.system)).toContain(
      "Language of captions: Spanish (es). Write the whole caption in Spanish",
    );
    const firstDraft = (await draftOf("carril"))!;
    const firstCard = await cardMessages(t(), firstDraft.id);
    expect(firstCard.chatId).toBe(LUCIA.id);
    const firstShown = readable(firstCard.text);
    expect(firstShown).toContain("📝 Nuevo borrador para revisar");
    expect(firstShown).toContain(HOOKS.carril);
    expect(firstShown).toContain("Fuente: Noticias Bici — https://news.example/carril");
    expect(buttonsOf(firstCard.text).map((b) => b.text)).toEqual(
      expect.arrayContaining(["✅ Aprobar", "✏️ Editar", "❌ Rechazar"]),
    );

    // Lucía invites her client Carmen as an approver; Carmen joins by the link.
    const approverInvite = await lucia.send("/invite approver");
    expect(approverInvite[0]).toContain("🔗 Invitación para un aprobador de Bici Madrid");
    expect(approverInvite[0]).toMatch(/Sirve una sola vez, hasta el .+ UTC\./);
    const carmen = chatAs(t(), CARMEN);
    expect(await carmen.send(`/start ${linkCode(approverInvite)}`)).toEqual([
      [
        "¡Te damos la bienvenida! Ahora eres aprobador de Bici Madrid.",
        "Puedes aprobar y rechazar sus tarjetas en su grupo de Telegram.",
        "Su propietario aún no ha vinculado un grupo: te añadirá cuando lo haga.",
      ].join("\n"),
    ]);
    expect(await carmen.send(`/start ${linkCode(approverInvite)}`)).toEqual([
      "Este enlace de invitación ya se usó: cada enlace sirve una sola vez. Pide uno nuevo.",
    ]);
    expect(
      await t().app
        .sql`select role from brand_members where telegram_user_id = ${CARMEN.id} and brand_id = ${brand!.id}`,
    ).toEqual([{ role: "approver" }]);

    // Carmen's own chat speaks Spanish too: her menu, /status of the brand and /help.
    expect(t().telegram.scopedCommands.get(`chat:${CARMEN.id}`)).toContainEqual({
      command: "status",
      description: "Instagram, feeds, borradores, próxima publicación y gasto de un vistazo",
    });
    const [carmenStatus] = await carmen.send("/status");
    expect(carmenStatus).toContain("Bici Madrid");
    expect(carmenStatus).toContain("Estado");
    expect(await carmen.send("/help")).toEqual([
      "Formas parte del equipo de Bici Madrid. Las tarjetas llegan al grupo de la marca. /status muestra la marca de un vistazo.",
    ]);

    // Lucía adds the bot to the client group, which greets them in her language, and links it to the brand.
    const added = botMembershipUpdate(GROUP, t().telegram.botInfo, LUCIA, { from: "left", to: "member" });
    await postUpdate(t(), added);
    expect(lastInGroup()).toBe(
      "👋 ¡Hola! Un propietario puede enviar /linkgroup aquí para que las tarjetas de una marca lleguen a este grupo. Solo quien tenga un rol en la marca puede actuar sobre ellas.",
    );
    await postUpdate(t(), groupMessageUpdate("/linkgroup", GROUP, LUCIA));
    const offer = t().telegram.lastMessageIn(GROUP.id)!;
    expect(readable(offer)).toBe(
      "¿Las tarjetas de qué marca deben llegar a este grupo? Solo el propietario de la marca puede confirmarlo.",
    );
    const linkButton = buttonsOf(offer).find((b) => b.text === "🔗 Bici Madrid")!;
    // Carmen cannot link the group: only the brand's owner confirms.
    expect(await pressInGroup(linkButton.callback_data!, offer.message_id, CARMEN)).toContain(
      "Solo el propietario de la marca puede",
    );
    expect(await t().app.sql`select 1 from brand_groups where chat_id = ${GROUP.id}`).toHaveLength(0);
    expect(await pressInGroup(linkButton.callback_data!, offer.message_id, LUCIA)).toBe(
      "Vinculado: las tarjetas de Bici Madrid llegan aquí.",
    );
    expect(lastInGroup()).toBe(
      "✅ Las nuevas tarjetas de Bici Madrid llegan ahora a este grupo (vinculado por Lucía). Sus aprobadores pueden aprobarlas y rechazarlas aquí; los demás solo pueden verlas.",
    );
    expect(await t().app.sql`select brand_id from brand_groups where chat_id = ${GROUP.id}`).toEqual([
      { brand_id: brand!.id },
    ]);

    // The group's menu: members' commands, in Spanish for members whose Telegram is in Spanish.
    expect(t().telegram.scopedCommands.get(`chat:${GROUP.id}|es`)).toContainEqual({
      command: "status",
      description: "Instagram, feeds, borradores, próxima publicación y gasto de un vistazo",
    });
    expect(
      t()
        .telegram.scopedCommands.get(`chat:${GROUP.id}`)
        ?.map((c) => c.command),
    ).toEqual(["status", "help"]);

    // /team shows the client and the group, in Spanish.
    expect(await lucia.send("/team")).toEqual([
      [
        "👥 Equipo de Bici Madrid",
        "",
        `Las tarjetas van al grupo ${GROUP.title}. /unlinkgroup las devuelve aquí.`,
        "",
        "✅ Carmen – aprobador",
      ].join("\n"),
    ]);
    expect(lucia.findButton("✖ Quitar a Carmen").data).toMatch(/^tm:r:/);

    // The next card goes to the group, in Spanish.
    serveNews([ARTICLES.carril!, ARTICLES.bicimad!]);
    await ingestAndDraft(t());
    await deliverOutbox(t());
    const groupDraft = (await draftOf("bicimad"))!;
    const groupCard = await cardMessages(t(), groupDraft.id);
    expect(groupCard.chatId).toBe(GROUP.id);
    expect(readable(groupCard.text)).toContain(HOOKS.bicimad);
    expect(readable(groupCard.text)).toContain("📝 Nuevo borrador para revisar");

    // Carmen approves it there; the card says so, naming her, in Spanish.
    const approve = buttonsOf(groupCard.text).find((b) => b.text === "✅ Aprobar")!;
    expect(await pressInGroup(approve.callback_data!, groupCard.text.message_id, CARMEN)).toMatch(
      /^✅ Programado para /,
    );
    expect(await draftOf("bicimad")).toMatchObject({ status: "approved", decided_by: "Carmen" });
    const approvedCard = t().telegram.messages.get(groupCard.text.message_id)!;
    expect(readable(approvedCard)).toContain("✅ Aprobado por Carmen");

    // Hans, in the group but on no team, taps the card: refused in German, told his id, and nothing changes.
    const editsBefore = approvedCard.edits;
    const textBefore = approvedCard.text;
    const groupMessagesBefore = t().telegram.messagesIn(GROUP.id).length;
    const [anyButton] = buttonsOf(approvedCard);
    expect(anyButton?.callback_data).toBeDefined();
    expect(await pressInGroup(anyButton!.callback_data!, approvedCard.message_id, HANS)).toBe(
      `Nur das Team dieser Marke kann auf ihre Karten reagieren. Deine Telegram-ID ist ${HANS.id}: Gib sie an den Betreiber weiter.`,
    );
    expect(await draftOf("bicimad")).toMatchObject({ status: "approved", decided_by: "Carmen" });
    expect(approvedCard.edits).toBe(editsBefore);
    expect(approvedCard.text).toBe(textBefore);
    expect(t().telegram.messagesIn(GROUP.id)).toHaveLength(groupMessagesBefore);
    expect(await t().app.sql`select 1 from brand_members where telegram_user_id = ${HANS.id}`).toEqual([]);
  });
});
