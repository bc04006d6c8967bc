import { describe, expect, it } from "vitest";
import { enqueueDraftCard } from "../src/approval/draft-card-queries.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { strangerMenu } from "../src/teams/command-menus.ts";
import { chatAs, ownerChatTestSuite } from "./helpers/owner-chat.ts";
import { OWNER_ID } from "./helpers/start-test-app.ts";

/**
 * The bot in the owner's language: chosen from the language Telegram reports, overridden with /language, kept
 * across restarts, and used for the cards jobs send as well as for replies.
 */

const suite = ownerChatTestSuite({ owners: 5, feeds: {} });

/** A registered owner with one brand, chatting from a Telegram app in `languageCode`. */
async function ownerWithBrand(languageCode: string, telegramUserId: number) {
  const { sql } = suite.t.app;
  const ownerId = await insertOwner(sql, { telegramUserId, displayName: "Lucía" });
  const brandId = await insertBrand(sql, ownerId, { name: "Bicis Madrid", timeZone: "Europe/Madrid" });
  const chat = chatAs(suite.t, { id: telegramUserId, first_name: "Lucía", language_code: languageCode });
  return { ownerId, brandId, chat };
}

/** A new draft's card, as the outbox job sends it (outside any update). */
async function newCard(brandId: number) {
  const draftId = await insertDraft(suite.t.app.sql, brandId);
  await enqueueDraftCard(suite.t.app.sql, draftId);
  await deliverOutbox(suite.t);
  return cardMessages(suite.t, draftId);
}

describe("the bot in the owner's language", () => {
  it("speaks Spanish to an owner whose Telegram is in Spanish: /start, /help and the cards a job sends", async () => {
    const { brandId, chat } = await ownerWithBrand("es", OWNER_ID);

    const [welcome] = await chat.send("/start");
    expect(welcome).toContain("¡Hola de nuevo, Lucía! Estás trabajando en Bicis Madrid.");
    expect(welcome).toContain("/language – El idioma en que te hablo");
    const [help] = await chat.send("/help");
    expect(help).toContain("Greenlight convierte las noticias que sigues en borradores de Instagram");
    expect(help).toContain("/deletedata – Borrar todo lo que se guarda sobre ti");

    const card = await newCard(brandId);
    const text = readable(card.text);
    expect(text).toContain("📝 Nuevo borrador para revisar");
    expect(text).toMatch(/💰 Coste de IA de este borrador: 0,00\sUS\$/);
    expect(buttonsOf(card.text).map((button) => button.text)).toEqual([
      "✅ Aprobar",
      "✏️ Editar",
      "❌ Rechazar",
      "🖼 Nueva imagen",
      "🔁 Reescribir",
      "🦯 Texto alt.",
    ]);

    // Approving answers in Spanish, with the slot written the Spanish way, and the card says the same.
    const approved = await chat.tap(
      buttonsOf(card.text).find((button) => button.text === "✅ Aprobar")!.callback_data!,
      card.text.message_id,
    );
    expect(approved.toast).toMatch(/^✅ Programado para [a-záéíóú]{2,4}, \d\d:\d\d, Europe\/Madrid$/);
    const after = readable(suite.t.telegram.messages.get(card.text.message_id)!);
    expect(after).toMatch(/^✅ Programado para /);
    expect(buttonsOf(suite.t.telegram.messages.get(card.text.message_id)!).map((b) => b.text)).toEqual([
      "↩️ Deshacer",
      "🚀 Publicar ya",
    ]);

    const [status] = await chat.send("/status");
    expect(status).toContain("📝 Borradores pendientes de revisión: 0");
    expect(status).toMatch(/💰 Gasto en IA este mes: 0,00\sUS\$ de 10,00\sUS\$ \(0\s%\) \(\/budget\)/);
  });

  it("welcomes a new owner whose Telegram is in Spanish with the set-up dialog in Spanish", async () => {
    const chat = chatAs(suite.t, { id: OWNER_ID + 3, first_name: "Mateo", language_code: "es-MX" });
    const [welcome] = await chat.send("/start");
    expect(welcome).toContain("¡Te damos la bienvenida a Greenlight, Mateo! Configuremos tu primera marca");
    expect(welcome).toContain("1/6 ¿Cómo se llama la marca?");
    expect(welcome).toContain("/skip salta esta pregunta, /cancel lo detiene.");
    expect(chat.findButton("✖ Cancelar").data).toBeTruthy();
    const [topic] = await chat.send("Bicis CDMX");
    expect(topic).toContain("2/6 ¿Sobre qué publica?");
    await chat.send("/skip");
    await chat.send("/skip");
    expect(chat.findButton("Usar español de México").data).toBeTruthy();
    const [cancelled] = await chat.send("/cancel");
    expect(cancelled).toBe(
      "Cancelado. No se creó ninguna marca. Envía /start cuando quieras configurar una.",
    );
  });

  it("switches to German with /language de, and stays German after a restart, in replies and in cards", async () => {
    const { brandId, chat } = await ownerWithBrand("es", OWNER_ID + 1);
    const [menu] = await chat.send("/language");
    expect(menu).toContain("Te hablo en Español, el idioma de tu Telegram.");
    expect(chat.findButton("Deutsch").data).toBe("lang:de");

    const [switched] = await chat.send("/language de");
    expect(switched).toBe("✅ Ab jetzt spreche ich Deutsch mit dir.");
    const [help] = await chat.send("/help");
    expect(help).toContain("/language – Die Sprache, in der ich mit dir spreche");

    await suite.t.restart();

    const [afterRestart] = await chat.send("/language");
    expect(afterRestart).toContain("Ich spreche mit dir Deutsch, wie du es gewählt hast.");
    const [question] = await chat.send("/deletedata");
    expect(question).toContain(
      "Das sind deine Registrierung, 1 Marke mit ihren Einstellungen, 0 Feeds mit ihren Artikeln",
    );
    const card = await newCard(brandId);
    expect(readable(card.text)).toContain("📝 Neuer Entwurf zur Prüfung");
    expect(buttonsOf(card.text)[0]!.text).toBe("✅ Freigeben");

    // A button press switches back to following Telegram (Spanish here), and answers in that language.
    const { toast } = await chat.press("🔄 Telegram folgen");
    expect(toast).toBe("✅ A partir de ahora sigo el idioma de tu Telegram: Español.");
    const [spanishAgain] = await chat.send("/help");
    expect(spanishAgain).toContain("/help – Lo que puedo hacer");
  });

  it("shows and changes the brand's settings in the owner's language: /brand, /feeds, /schedule, /hashtags and their dialogs", async () => {
    const { chat } = await ownerWithBrand("de", OWNER_ID + 4);
    const [profile] = await chat.send("/brand");
    expect(profile).toContain("Markenprofil: woraus jeder Entwurf geschrieben wird.");
    expect(profile).toContain("Sprache: Englisch (en)");
    expect(chat.findButton("✏️ Zielgruppe").data).toMatch(/^prof:aud:/);
    expect((await chat.send("/feeds"))[0]).toContain("Noch keine Feeds.");
    expect((await chat.send("/schedule"))[0]).toContain("Zeitzone: Europe/Madrid");
    expect(await chat.send("/hashtags radfahren")).toEqual([
      "“radfahren” braucht ein # davor, etwa #radfahren.",
    ]);
    expect(await chat.send("/hashtags #radfahren #berlin")).toEqual([
      "✅ Standard-Hashtags: #radfahren #berlin",
    ]);
    await chat.send("/topic");
    await chat.press("✏️ Ändern");
    expect(chat.last()).toContain("Worüber postet die Marke?");
    expect(await chat.send("ab")).toEqual([
      "Beschreibe das Thema in ein paar Worten, zum Beispiel „Radfahren in Berlin“.",
    ]);
    expect(await chat.send("/cancel")).toEqual(["Abgebrochen. Nichts wurde geändert."]);
  });

  it("keeps English for an owner whose Telegram language it does not speak, and says which languages it does", async () => {
    const { chat } = await ownerWithBrand("fr", OWNER_ID + 2);
    const [help] = await chat.send("/help");
    expect(help).toContain("/help – What I can do");
    const [refused] = await chat.send("/language français");
    expect(refused).toBe(
      "I don't speak “français”. I speak English (en), Español (es), Português (Brasil) (pt-BR) and Deutsch (de).",
    );

    // The language kept for them goes with everything else on /deletedata.
    const stored = () =>
      suite.t.app.sql`select 1 from telegram_user_languages where telegram_user_id = ${OWNER_ID + 2}`;
    expect(await stored()).toHaveLength(1);
    await chat.send("/deletedata");
    const { toast } = await chat.press("🗑 Yes, delete everything");
    expect(toast).toBe("Deleted");
    expect(await stored()).toHaveLength(0);
  });

  it("refuses a stranger in their own language, with their Telegram id, and stores nothing about them", async () => {
    const stranger = chatAs(suite.t, { id: 4_242_4242, first_name: "Zé", language_code: "pt-br" });
    const [refusal] = await stranger.send("/start");
    expect(refusal).toBe(
      "Desculpe, este é um painel privado do Greenlight. Peça ao operador para adicionar seu id do Telegram: 42424242",
    );
    const rows = await suite.t.app
      .sql`select 1 from telegram_user_languages where telegram_user_id = ${4_242_4242}`;
    expect(rows).toHaveLength(0);
  });

  it("sets strangers' command menu in each language besides the English default", () => {
    expect(suite.t.telegram.commands).toEqual(strangerMenu());
    expect(suite.t.telegram.commandsByLanguage.get("es")).toContainEqual({
      command: "help",
      description: "Lo que puedo hacer",
    });
    expect(suite.t.telegram.commandsByLanguage.get("pt")).toContainEqual({
      command: "help",
      description: "O que eu sei fazer",
    });
    expect(suite.t.telegram.commandsByLanguage.get("de")).toContainEqual({
      command: "start",
      description: "Starten oder mit einem Einladungslink beitreten",
    });
  });
});
