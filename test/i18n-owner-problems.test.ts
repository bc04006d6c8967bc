import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textsFor } from "../src/i18n/texts.ts";
import { OWNER_NOTIFICATION_THRESHOLD } from "../src/ingest/feed-backoff.ts";
import { FeedError } from "../src/ingest/feed-error.ts";
import { describeFeedProblem } from "../src/ingest/feed-problem.ts";
import { fetchFeed } from "../src/ingest/fetch-feed.ts";
import { type FakeAnthropic, startFakeAnthropic, validReply } from "./fakes/fake-anthropic.ts";
import { type FakeFeedServer, renderRssFeed, startFakeFeedServer } from "./fakes/fake-feed-server.ts";
import { ingestAndDraft } from "./helpers/drafting-runs.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

/**
 * What tells an owner about a problem speaks their language: a feed that keeps failing, the budget that stopped
 * drafting (both sent by jobs, outside any update), a /schedule they mistyped, and the bot's description before
 * they ever start it. Each feed failure says what failed, never just that something did.
 */

let t: TestApp;
let feeds: FakeFeedServer;
let anthropic: FakeAnthropic;
let brandId: number;
const spanishOwner = () => chatAs(t, { id: OWNER_ID, first_name: "Lucía", language_code: "es" });

beforeAll(async () => {
  feeds = await startFakeFeedServer();
  anthropic = await startFakeAnthropic();
  anthropic.setDefault(validReply);
  t = await startTestApp({ ANTHROPIC_API_KEY: anthropic.apiKey, ANTHROPIC_BASE_URL: anthropic.baseUrl });
  // A budget of nothing: the first AI call of a drafting pass would pass it.
  ({ brandId } = await insertOwnerAndBrand(t.app.sql, {
    telegramUserId: OWNER_ID,
    name: "Bicis Madrid",
    timeZone: "Europe/Madrid",
    monthlyBudgetUsd: 0.0001,
  }));
});
afterAll(async () => {
  await t.stop();
  await feeds.close();
  await anthropic.close();
});

const deliver = () => t.app.scheduler.runNow("telegram-outbox");

describe("a Spanish owner's problems, in Spanish", () => {
  it("refuses a mistyped /schedule in Spanish, naming what was wrong", async () => {
    const chat = spanishOwner();
    expect(await chat.send("/schedule 25:00")).toEqual([
      "“25:00” no es una hora del día. Escribe horas como 09:00, 18:30 o 6pm.",
    ]);
    expect(await chat.send("/schedule 09:00 Europe/Berln")).toEqual([
      "No conozco la zona horaria “Europe/Berln”. ¿Quisiste decir Europe/Berlin?",
    ]);
    const [schedule] = await t.app.sql`select posting_slots, time_zone from brands where id = ${brandId}`;
    expect(schedule!.time_zone).toBe("Europe/Madrid");
  });

  it("refuses brand profile, budget and feed input in Spanish", async () => {
    const chat = spanishOwner();
    expect(await chat.send("/brand audience ab")).toEqual([
      "Describe el público en unas palabras, por ejemplo «ciclistas urbanos y familias de Madrid», o envía «none».",
    ]);
    expect(await chat.send("/brand language klingonisch")).toEqual([
      "No conozco el idioma «klingonisch». Envía un código o nombre de idioma, p. ej. de, es, pt-BR, fr, ja, German o Deutsch.",
    ]);
    expect(await chat.send("/budget 1,500")).toEqual([
      "Escribe la cantidad sin separadores de miles, como 1500.",
    ]);
    expect(await chat.send("/feeds ftp://example.com/feed")).toEqual([
      "Los feeds deben ser direcciones web que empiecen por https:// o http://.",
    ]);
  });

  it("tells them in Spanish when a feed keeps failing, and /feeds shows why in the reader's language", async () => {
    feeds.serve("/gone.xml", { kind: "status", status: 404 });
    await t.app
      .sql`insert into feeds (brand_id, url, title) values (${brandId}, ${feeds.url("/gone.xml")}, 'Noticias')`;
    for (let i = 0; i < OWNER_NOTIFICATION_THRESHOLD; i++) {
      await t.app.sql`update feeds set next_fetch_at = now() - interval '1 second'`;
      await t.app.scheduler.runNow("ingest");
    }
    await deliver();
    const notices = spanishOwner()
      .messages()
      .filter((m) => m.text?.includes("ha fallado"));
    expect(notices.map((m) => m.text)).toEqual([
      `⚠️ Bicis Madrid: el feed «Noticias» ha fallado ${OWNER_NOTIFICATION_THRESHOLD} veces seguidas.\n` +
        `Último error: El feed en ${feeds.url("/gone.xml")} respondió 404 Not Found.\n\n` +
        "Seguiré intentándolo, con menos frecuencia. Usa /feeds para revisarlo o quitarlo.",
    ]);

    const [spanishList] = await spanishOwner().send("/feeds");
    expect(spanishList).toContain(`respondió 404 Not Found.`);
    // The same stored reason, read by someone whose Telegram is in German.
    const [germanList] = await chatAs(t, { id: OWNER_ID, first_name: "Lucía", language_code: "de" }).send(
      "/feeds",
    );
    expect(germanList).toContain(`antwortete mit 404 Not Found.`);

    // A reason stored before reasons were codes is an English sentence, and is still shown.
    await t.app.sql`update feeds set last_error = 'The feed at https://old.example/rss answered 410 Gone.'
                     where brand_id = ${brandId}`;
    const [oldRow] = await spanishOwner().send("/feeds");
    expect(oldRow).toContain("The feed at https://old.example/rss answered 410 Gone.");
  });

  it("tells them in Spanish when the budget stops drafting, with the figures written the Spanish way", async () => {
    feeds.serve("/news.xml", {
      kind: "feed",
      body: renderRssFeed({
        title: "Noticias de bicis",
        link: "https://news.example/",
        items: [{ title: "Nuevo carril bici", link: "https://news.example/1", guid: "n-1" }],
      }),
    });
    await t.app.sql`insert into feeds (brand_id, url) values (${brandId}, ${feeds.url("/news.xml")})`;
    const calls = anthropic.requests.length;
    await ingestAndDraft(t);
    expect(anthropic.requests.length).toBe(calls);
    await deliver();
    const notices = spanishOwner()
      .messages()
      .filter((m) => m.text?.startsWith("💸"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(
      /^💸 Bicis Madrid: el presupuesto de IA de este mes se ha agotado, así que la redacción está en pausa\.\nGastado: 0,00\sUS\$ \(\+0,00\sUS\$ en curso\) de 0,00\sUS\$; la siguiente llamada habría costado hasta [\d,]+\sUS\$\.\nLa redacción se reanuda el día 1 del mes que viene, o ya mismo si subes el tope con \/budget\.$/,
    );
  });
});

describe("the bot's description before a chat starts", () => {
  it("is shown in the user's language: Spanish to a Spanish user, English to a French one", () => {
    const spanish = t.telegram.profileSeenIn("es");
    expect(spanish.description).toBe(textsFor("es").t("bot-description"));
    expect(spanish.description).toMatch(/^Greenlight convierte las noticias/);
    expect(spanish.shortDescription).toBe(textsFor("es").t("bot-short-description"));
    expect(t.telegram.profileSeenIn("pt-br").description).toMatch(/^O Greenlight transforma/);
    expect(t.telegram.profileSeenIn("de").shortDescription).toMatch(/^Eine KI-Redaktion/);
    expect(t.telegram.profileSeenIn("fr").description).toMatch(/^Greenlight turns the news/);
    expect(t.telegram.profileSeenIn(undefined).description).toMatch(/^Greenlight turns the news/);
  });
});

describe("feed failure reasons", () => {
  /** A port nothing listens on: taken, then given back. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it("each say what failed, specifically, in every language", async () => {
    feeds.serve("/page.html", {
      kind: "status",
      status: 200,
      contentType: "text/html",
      body: "<!doctype html><html><body>Hi</body></html>",
    });
    feeds.serve("/data.json", { kind: "status", status: 200, contentType: "application/json", body: "{}" });
    feeds.serve("/empty.xml", { kind: "status", status: 200, contentType: "application/xml", body: "" });
    feeds.serve("/catalog.xml", { kind: "status", status: 200, body: "<catalog><book/></catalog>" });
    const truncated = renderRssFeed({ title: "Cut", link: "https://cut.example/", items: [] }).slice(0, -20);
    feeds.serve("/broken.xml", { kind: "status", status: 200, body: truncated });
    feeds.serve("/server-error.xml", { kind: "status", status: 503 });
    const port = await closedPort();
    const local = { allowPrivateNetwork: true };
    const cases: [string, Parameters<typeof fetchFeed>[0]][] = [
      ["web page", { url: feeds.url("/page.html"), ...local }],
      ["JSON", { url: feeds.url("/data.json"), ...local }],
      ["empty", { url: feeds.url("/empty.xml"), ...local }],
      ["other XML", { url: feeds.url("/catalog.xml"), ...local }],
      ["broken XML", { url: feeds.url("/broken.xml"), ...local }],
      ["HTTP status", { url: feeds.url("/server-error.xml"), ...local }],
      ["refused", { url: `http://127.0.0.1:${port}/feed.xml`, ...local }],
      ["private address", { url: feeds.url("/page.html") }],
      ["unknown host", { url: "https://no-such-host.example/feed", resolveHost: async () => [] }],
      ["not http", { url: "ftp://files.example/feed.xml" }],
    ];
    const reasons = new Map<string, string[]>();
    for (const [name, input] of cases) {
      const error = await fetchFeed(input).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, name).toBeInstanceOf(FeedError);
      const problem = (error as FeedError).problem;
      reasons.set(
        name,
        (["en", "es", "pt-BR", "de"] as const).map((locale) =>
          describeFeedProblem(problem, textsFor(locale)),
        ),
      );
    }
    for (const [name, [english, ...others]] of reasons) {
      expect(english, name).not.toMatch(/something went wrong|an error occurred|unexpected/i);
      // Translated: each locale's sentence differs from the English one.
      for (const other of others) expect(other, name).not.toBe(english);
    }
    // No two failures read the same.
    const english = [...reasons.values()].map(([sentence]) => sentence!.replace(/http\S+/g, "<url>"));
    expect(new Set(english).size).toBe(cases.length);
    expect(reasons.get("web page")![1]).toContain("devuelve una página web (HTML)");
    expect(reasons.get("refused")![1]).toContain("127.0.0.1 rechazó la conexión");
    expect(reasons.get("unknown host")![2]).toContain("o servidor no-such-host.example não foi encontrado");
    expect(reasons.get("private address")![3]).toContain("private oder reservierte Netzwerkadresse");
  });
});

describe("a Spanish owner's posting times, in Spanish", () => {
  it("sets /schedule with Spanish day words and reads them back the same way", async () => {
    const chat = spanishOwner();
    const [changed] = await chat.send("/schedule 09:00 lun-vie; 11:00 sáb");
    expect(changed).toContain("Los horarios de publicación ahora son 09:00 entre semana; 11:00 sáb.");
    const [schedule] = await t.app.sql`select posting_slots from brands where id = ${brandId}`;
    expect(schedule!.posting_slots).toEqual([
      { time: "09:00", days: [1, 2, 3, 4, 5] },
      { time: "11:00", days: [6] },
    ]);
    const [view] = await chat.send("/schedule");
    expect(view).toContain("Horarios de publicación: 09:00 entre semana; 11:00 sáb");
    expect(view).toContain("«9:00 lun-vie; 11:00 fines de semana America/Mexico_City»");
  });
});
