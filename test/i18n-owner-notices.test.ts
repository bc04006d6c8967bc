import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDraftCardUpdate } from "../src/approval/draft-card-queries.ts";
import { META_WEBHOOKS_JOB } from "../src/meta-webhooks/webhook-worker.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  eventually,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
  reviewCard,
} from "./helpers/draft-fixtures.ts";
import { publishedPost } from "./helpers/comment-fixtures.ts";
import { chatAs } from "./helpers/owner-chat.ts";
import {
  connectedBrand,
  duePost,
  runPublisher,
  setClock,
  startPublishingTestApp,
  makeDueNow,
  replaceToken,
} from "./helpers/publishing-fixtures.ts";
import { OWNER_ID, type TestApp } from "./helpers/start-test-app.ts";

/**
 * What the bot sends a Spanish-speaking owner outside the settings: the note when a post went out, a comment's
 * card and its buttons, the weekly report a job queues, the draft card's dialogs and the /connect, /disconnect,
 * /comments and /report replies, all in Spanish, through the real service with Instagram and Telegram faked.
 * The owner's language is only what their Telegram app reports, as the bot learns it from their messages.
 */

const VERIFY_TOKEN = "verify-token-for-meta-0123456789";

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
const lucia = { id: OWNER_ID, first_name: "Lucía", language_code: "es" };

beforeAll(async () => {
  ig = await FakeInstagram.start({ consent: "allow" });
  t = await startPublishingTestApp(ig, { META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN });
  ownerId = await insertOwner(t.app.sql, { displayName: "Lucía" });
  // The owner writes to the bot once from a Telegram app in Spanish: from then on jobs know her language too.
  await chatAs(t, lucia).send("/help");
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

/** The owner's messages sent from the `from`-th on, as she reads them. */
function readSince(from: number): string[] {
  return t.telegram
    .messagesIn(OWNER_ID)
    .slice(from)
    .map((message) => readable(message));
}

describe("a Spanish owner", () => {
  it("is told in Spanish that a post went out, with its link", async () => {
    const { brandId } = await connectedBrand(t, ig, ownerId);
    const draftId = await duePost(t, brandId);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    await runPublisher(t);
    await deliverOutbox(t);
    const [row] = await t.app.sql<
      { permalink: string }[]
    >`select permalink from drafts where id = ${draftId}`;
    expect(readSince(before)).toContain(`Publicado ✅ ${row!.permalink}`);
  });

  it("reads on a failed post's card, in Spanish, why Instagram refused it, and an older English reason as it was", async () => {
    const { brandId } = await connectedBrand(t, ig, ownerId);
    const { draftId } = await reviewCard(t, brandId);
    // The fake Instagram refuses a PNG for good (36001/2207005), as Meta does.
    await makeDueNow(t, draftId, "png");
    await runPublisher(t);
    await deliverOutbox(t);
    const card = (await cardMessages(t, draftId)).text;
    expect(readable(card)).toContain(
      "La publicación falló: Instagram solo acepta imágenes JPEG, y esta imagen tiene otro formato.",
    );
    expect(buttonsOf(card).map((button) => button.text)).toEqual(["🔁 Reintentar"]);

    // A post that failed before reasons were stored as messages keeps its English words.
    const older = await reviewCard(t, brandId);
    const english = "The image is larger than Instagram's 8 MB limit. It needs a smaller image.";
    await t.app.sql`update drafts set status = 'failed', last_error = ${english} where id = ${older.draftId}`;
    await enqueueDraftCardUpdate(t.app.sql, older.draftId);
    await deliverOutbox(t);
    expect(readable((await cardMessages(t, older.draftId)).text)).toContain(
      `La publicación falló: ${english}`,
    );
  });

  it("is told in Spanish why a post's first comment was refused, in the Posted note and on the card", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    await t.app.sql`update brands set first_comment_mode = 'hashtags' where id = ${brandId}`;
    // Connected before Greenlight asked for the permission to manage comments: Instagram refuses the comment.
    await replaceToken(t, ig, brandId, account, [
      "instagram_business_basic",
      "instagram_business_content_publish",
    ]);
    const draftId = await duePost(t, brandId, { hashtags: ["#ciclismo"] });
    const before = t.telegram.messagesIn(OWNER_ID).length;
    await runPublisher(t);
    await deliverOutbox(t);

    const why =
      "Instagram no dejó comentar a Greenlight: la cuenta se conectó sin el permiso para gestionar comentarios. Vuelve a conectar Instagram para permitirlo.";
    const note = readSince(before).find((text) => text.startsWith("Publicado ✅"));
    expect(note).toContain(
      `⚠️ El primer comentario no se publicó; la publicación en sí ya está visible. ${why}`,
    );
    expect(readable((await cardMessages(t, draftId)).text)).toContain(
      `⚠️ Primer comentario no publicado: ${why}`,
    );
  });

  it("gets a comment's card in Spanish, with Spanish buttons", async () => {
    const post = await publishedPost(
      t,
      ig,
      ownerId,
      "Bicis Madrid",
      "Las bicis de carga ya superan a los coches.",
    );
    const notification = ig.commentNotification(post.account, post.mediaId, {
      text: "¿Cuándo llega en verde?",
      from: { id: "17841234567", username: "kim.cycles" },
    });
    expect((await ig.deliverWebhook(`${t.app.url}/meta/webhooks`, notification.body)).status).toBe(200);
    const before = t.telegram.messagesIn(OWNER_ID).length;
    await eventually(async () => {
      await t.app.scheduler.runNow(META_WEBHOOKS_JOB);
      expect(await t.app.sql`select 1 from meta_webhook_inbox where status in ('queued', 'running')`).toEqual(
        [],
      );
    });
    await deliverOutbox(t);

    const card = t.telegram
      .messagesIn(OWNER_ID)
      .slice(before)
      .find((m) => readable(m).includes("kim.cycles"))!;
    expect(readable(card)).toContain(
      "💬 Bicis Madrid: @kim.cycles comentó en “Las bicis de carga ya superan a los coches.”",
    );
    // Claude is not set up here, so the card says why it drafted no reply, in Spanish too.
    expect(readable(card)).toContain(
      "No se redactó respuesta: Claude no está configurado (ANTHROPIC_API_KEY).",
    );
    expect(buttonsOf(card).map((button) => button.text)).toEqual([
      "✍️ Redactar respuesta",
      "✏️ Escribirla yo",
      "🙈 Ocultar",
      "Ignorar",
    ]);

    const chat = chatAs(t, lucia);
    const { toast } = await chat.tap(
      buttonsOf(card).find((b) => b.text === "Ignorar")!.callback_data!,
      card.message_id,
    );
    expect(toast).toBe("Ignorado.");
    expect(readable(t.telegram.messages.get(card.message_id)!)).toMatch(
      /Ignorado por Lucía a las \d\d:\d\d\.$/,
    );
    const [setting] = await chat.send("/comments");
    expect(setting).toContain("💬 Comentarios de Instagram: cada comentario recibe una tarjeta.");
  });

  it("gets the weekly report in Spanish, its numbers written the Spanish way", async () => {
    const brandId = await insertBrand(t.app.sql, ownerId, {
      name: "Informe Semanal",
      timeZone: "Europe/Madrid",
    });
    await t.app.sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, granted_scopes)
      values (${brandId}, ${`1784${brandId}`}, ${`brand_${brandId}`}, ${Buffer.from("sealed")},
              ${["instagram_business_basic", "instagram_business_manage_insights"]})`;
    // Monday 7 December 2026, 09:30 in Madrid; the post went out two days before.
    const monday = new Date("2026-12-07T08:30:00Z");
    const draftId = await insertDraft(t.app.sql, brandId, {
      status: "published",
      caption: "Ruta en bici por el Retiro",
      permalink: "https://www.instagram.com/p/RETIRO/",
    });
    await t.app.sql`
      update drafts set published_at = ${new Date(monday.getTime() - 2 * 86_400_000)} where id = ${draftId}`;
    await t.app.sql`
      insert into post_insights (draft_id, brand_id, checkpoint, status, due_at, views, reach, total_interactions,
                                 collected_at)
      values (${draftId}, ${brandId}, 'day', 'collected', now(), 12345, 10000, 420, now())`;

    const before = t.telegram.messagesIn(OWNER_ID).length;
    setClock(t, monday);
    try {
      await t.app.scheduler.runNow("weekly-report");
      await deliverOutbox(t);
    } finally {
      t.app.services.clock = () => new Date();
    }
    const report = readSince(before).find((text) => text.includes("Informe Semanal"))!;
    expect(report).toContain("📈 Últimos 7 días (30 nov 2026 – 7 dic 2026)");
    expect(report).toContain("Visualizaciones: 12.345 · Alcance: 10.000");
    expect(report).toMatch(/Tasa de interacción: 4,2\s%/);
    expect(report).toContain("🏆 Mejor: 12.345 visualizaciones — “Ruta en bici por el Retiro”");
  });

  it("edits a draft's caption in a Spanish dialog", async () => {
    const brandId = await insertBrand(t.app.sql, ownerId, { name: "Borradores" });
    // The draft comes with two hashtags of its own, counted with the caption against Instagram's 30.
    const { message } = await reviewCard(t, brandId, { caption: "Texto original." });
    const chat = chatAs(t, lucia);
    const card = t.telegram.messages.get(message.message_id)!;
    const { toast, replies } = await chat.tap(
      buttonsOf(card).find((button) => button.text === "✏️ Editar")!.callback_data!,
      message.message_id,
    );
    expect(toast).toBe("Envía el nuevo texto.");
    expect(replies.join("\n")).toContain("✏️ Envíame el nuevo texto, o /cancel para mantener el actual.");
    expect(replies.join("\n")).toContain("Texto actual (toca para copiar):\nTexto original.");
    expect(await chat.send("#a ".repeat(31))).toEqual([
      [
        "Ese texto no puede ir a Instagram así (contando los hashtags del borrador):",
        "• El texto tiene 33 hashtags; Instagram permite 30.",
        "",
        "Envía una versión más corta, o /cancel para mantener el texto actual.",
      ].join("\n"),
    ]);
    expect(await chat.send("/cancel")).toEqual(["Edición cancelada: el texto no cambia."]);
  });

  it("is told in Spanish, with the reason, when Instagram's connection ran out before it could be renewed", async () => {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    await t.app.sql`
      update instagram_accounts
         set token_expires_at = now() - interval '1 hour', token_refreshed_at = now() - interval '61 days'
       where brand_id = ${brandId}`;
    const before = t.telegram.messagesIn(OWNER_ID).length;
    await t.app.scheduler.runNow("instagram-token-refresh");
    await deliverOutbox(t);
    const notice = t.telegram
      .messagesIn(OWNER_ID)
      .slice(before)
      .find((message) => readable(message).includes(account.username))!;
    expect(readable(notice)).toContain(
      `🔌 Instagram desconectó @${account.username}. La conexión con Instagram caducó antes de que Greenlight pudiera renovarla.`,
    );
    expect(buttonsOf(notice).map((button) => button.text)).toEqual(["🔗 Reconectar Instagram"]);
  });

  it("answers /report, /connect and /disconnect in Spanish", async () => {
    const chat = chatAs(t, lucia);
    const brandId = await insertBrand(t.app.sql, ownerId, { name: "Sin Posts" });
    await t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${ownerId}`;
    const [report] = await chat.send("/report");
    expect(report).toContain("No salió ninguna publicación en este periodo.");
    expect(report).toMatch(/💰 Gasto en IA: 0,00\sUS\$/);
    expect((await chat.send("/report 12"))[0]).toBe(
      "“12” no es un periodo que conozca. Envía /report para los últimos 7 días o /report 30 para los últimos 30 días.",
    );
    const [connect] = await chat.send("/connect");
    expect(connect).toContain("Toca el botón, inicia sesión en Instagram con la cuenta profesional");
    expect(buttonsOf(t.telegram.lastMessageIn(OWNER_ID)!).map((button) => button.text)).toEqual([
      "🔗 Conectar Instagram",
    ]);
    const [disconnect] = await chat.send("/disconnect");
    expect(disconnect).toContain("No hay ninguna cuenta de Instagram conectada");
  });
});
