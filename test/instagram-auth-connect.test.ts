import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashOAuthState } from "../src/instagram-auth/oauth-state.ts";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import type { FakeMessage } from "./fakes/fake-telegram.ts";
import { buttonsOf, deliverOutbox, insertBrand, insertOwner, readable } from "./helpers/draft-fixtures.ts";
import { OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

/** start-test-app's PUBLIC_URL: a placeholder nobody listens on, so every link is pointed at the running server. */
const PUBLIC_URL = "http://127.0.0.1:1";
const REDIRECT_URI = `${PUBLIC_URL}/auth/instagram/callback`;

let fake: FakeInstagram;
let t: TestApp;
let ownerId: number;

beforeAll(async () => {
  fake = await FakeInstagram.start({ redirectUris: [REDIRECT_URI], consent: "allow" });
  t = await startTestApp({
    INSTAGRAM_APP_ID: fake.appId,
    INSTAGRAM_APP_SECRET: fake.appSecret,
    INSTAGRAM_AUTH_URL: fake.urls.authUrl,
    INSTAGRAM_API_URL: fake.urls.apiUrl,
    INSTAGRAM_GRAPH_URL: fake.urls.graphUrl,
  });
  ownerId = await insertOwner(t.app.sql);
});
// Every test starts with an empty outbox, so the messages it reads are its own.
afterEach(() => deliverOutbox(t));
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

const local = (url: string) => url.replace(PUBLIC_URL, t.app.url);

/** A brand of its own, selected, and an Instagram account of its own that the next login belongs to. */
async function newBrandAndAccount(name: string): Promise<{ brandId: number; account: FakeAccount }> {
  const brandId = await insertBrand(t.app.sql, ownerId, { name });
  await t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${ownerId}`;
  const account = fake.addAccount({ username: name.toLowerCase().replace(/\W+/g, "_") });
  fake.loginAs(account);
  return { brandId, account };
}

/** Sends a command as the owner and returns the bot's replies. */
async function send(text: string): Promise<FakeMessage[]> {
  const before = t.telegram.messagesIn(OWNER_ID).length;
  const response = await postUpdate(t, textUpdate(text));
  expect(response.status).toBe(200);
  return t.telegram.messagesIn(OWNER_ID).slice(before);
}

/** Queued Telegram messages, delivered as the outbox worker would; returns the ones that arrived. */
async function delivered(): Promise<FakeMessage[]> {
  const before = t.telegram.messagesIn(OWNER_ID).length;
  await deliverOutbox(t);
  return t.telegram.messagesIn(OWNER_ID).slice(before);
}

/** /connect, and the link on its button. */
async function connectLink(): Promise<string> {
  const [reply] = await send("/connect");
  const button = buttonsOf(reply!).find((b) => b.url);
  expect(button?.text).toBe("🔗 Connect Instagram");
  return button!.url!;
}

/** Opens the /connect link and lets Instagram's consent redirect back; returns the callback URL. */
async function authorize(link: string): Promise<string> {
  const start = await fetch(local(link), { redirect: "manual" });
  expect(start.status).toBe(302);
  const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
  expect(consent.status).toBe(302);
  return consent.headers.get("location")!;
}

async function openCallback(
  url: string,
  headers?: Record<string, string>,
): Promise<{ status: number; page: string }> {
  const response = await fetch(local(url), { redirect: "manual", headers });
  return { status: response.status, page: await response.text() };
}

async function accountRow(brandId: number) {
  const [row] = await t.app.sql<
    {
      instagram_user_id: string;
      app_scoped_user_id: string | null;
      username: string;
      token_ciphertext: Buffer | null;
      token_expires_at: Date | null;
      status: string;
      disconnect_reason: string | null;
    }[]
  >`select instagram_user_id, app_scoped_user_id, username, token_ciphertext, token_expires_at, status,
           disconnect_reason
      from instagram_accounts where brand_id = ${brandId}`;
  return row;
}

/** Every row of every table as Postgres prints it: what a database dump would hold. */
async function databaseDump(): Promise<string> {
  const tables = await t.app.sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.app.sql<{ row: string }[]>`select t::text as row from ${t.app.sql(table_name)} t`;
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

function everythingTelegramWasSent(): string {
  return JSON.stringify(t.telegram.calls.map((call) => call.payload));
}

describe("connecting Instagram with /connect", () => {
  it("walks from /connect through Instagram's consent page to a connected brand and a Telegram confirmation", async () => {
    const { brandId, account } = await newBrandAndAccount("Velo Daily");
    fake.setConsent("ask");
    try {
      const [reply] = await send("/connect");
      expect(readable(reply!)).toContain("The link works once, for 10 minutes.");
      const link = buttonsOf(reply!).find((b) => b.url)!.url!;
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:1\/auth\/instagram\/start\?s=[A-Za-z0-9_-]{43}$/);
      const state = new URL(link).searchParams.get("s")!;
      // Only the hash of the state is stored.
      expect(await t.app.sql`select 1 from oauth_states where state_hash = ${state}`).toHaveLength(0);
      expect(
        await t.app
          .sql`select 1 from oauth_states where state_hash = ${hashOAuthState(state)} and brand_id = ${brandId}`,
      ).toHaveLength(1);

      const start = await fetch(local(link), { redirect: "manual" });
      expect(start.status).toBe(302);
      const authorizeUrl = new URL(start.headers.get("location")!);
      expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(fake.urls.authUrl);
      expect(Object.fromEntries(authorizeUrl.searchParams)).toEqual({
        client_id: fake.appId,
        redirect_uri: REDIRECT_URI,
        response_type: "code",
        scope:
          "instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights",
        state,
      });

      // The owner reads the consent page and taps Allow.
      const consentPage = await (await fetch(authorizeUrl)).text();
      expect(consentPage).toContain(account.username);
      const form = new URLSearchParams({ decision: "allow" });
      for (const [, name, value] of consentPage.matchAll(
        /<input type="hidden" name="(\w+)" value="([^"]*)">/g,
      )) {
        form.set(
          name!,
          value!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
        );
      }
      const decision = await fetch(new URL("/auth/oauth/authorize/decision", fake.urls.authUrl), {
        method: "POST",
        body: form,
        redirect: "manual",
      });
      expect(decision.status).toBe(302);
      const callbackUrl = decision.headers.get("location")!;
      expect(callbackUrl.startsWith(`${REDIRECT_URI}?code=`)).toBe(true);

      const { status, page } = await openCallback(callbackUrl);
      expect(status).toBe(200);
      expect(page).toContain(`Connected @${account.username} — you can go back to Telegram`);

      const row = await accountRow(brandId);
      expect(row).toMatchObject({
        instagram_user_id: account.userId,
        app_scoped_user_id: account.appScopedId,
        username: account.username,
        status: "connected",
        disconnect_reason: null,
      });
      const token = t.app.vault.open(row!.token_ciphertext!);
      expect(token.startsWith("IGAAL")).toBe(true); // the long-lived token, not the one-hour one
      // What the owner allowed is kept: /report knows the insights permission is there.
      const [granted] = await t.app.sql<{ granted_scopes: string[] }[]>`
        select granted_scopes from instagram_accounts where brand_id = ${brandId}`;
      expect(granted!.granted_scopes).toContain("instagram_business_manage_insights");
      const sixtyDays = Date.now() + 60 * 24 * 3600_000;
      expect(Math.abs(row!.token_expires_at!.getTime() - sixtyDays)).toBeLessThan(60_000);

      const [notice] = await delivered();
      expect(readable(notice!)).toContain(
        `✅ Instagram connected: approved posts now go out as @${account.username}.`,
      );
    } finally {
      fake.setConsent("allow");
    }
  });

  it("keeps the token only as ciphertext: not in any table, log line, page or Telegram message", async () => {
    const { brandId } = await newBrandAndAccount("Cipher Cycles");
    const callbackUrl = await authorize(await connectLink());
    const code = new URL(callbackUrl).searchParams.get("code")!.replace(/#_$/, "");
    const { status, page } = await openCallback(callbackUrl);
    expect(status).toBe(200);
    await delivered();

    const row = await accountRow(brandId);
    const token = t.app.vault.open(row!.token_ciphertext!);
    expect(token.length).toBeGreaterThan(20);
    const dump = await databaseDump();
    expect(dump).toContain("Cipher Cycles"); // the dump does hold the brand's rows
    for (const form of [token, Buffer.from(token).toString("hex"), Buffer.from(token).toString("base64")]) {
      expect(dump).not.toContain(form);
    }
    for (const secret of [token, code]) {
      expect(t.logs.text()).not.toContain(secret);
      expect(page).not.toContain(secret);
      expect(everythingTelegramWasSent()).not.toContain(secret);
    }
  });

  it("connecting again replaces the account and says which one was connected before", async () => {
    const { brandId } = await newBrandAndAccount("Second Spin");
    expect((await openCallback(await authorize(await connectLink()))).status).toBe(200);
    const first = await accountRow(brandId);

    const replacement = fake.addAccount({ username: "second_spin_new" });
    fake.loginAs(replacement);
    const [reply] = await send("/connect");
    expect(readable(reply!)).toContain("Now connected as @second_spin; connecting again replaces it.");
    const link = buttonsOf(reply!).find((b) => b.url)!.url!;
    expect((await openCallback(await authorize(link))).status).toBe(200);

    const second = await accountRow(brandId);
    expect(second).toMatchObject({ instagram_user_id: replacement.userId, username: "second_spin_new" });
    expect(t.app.vault.open(second!.token_ciphertext!)).not.toBe(t.app.vault.open(first!.token_ciphertext!));
  });
});

describe("a connection that does not complete stores nothing", () => {
  it("a denied consent shows a page saying nothing was connected, tells the owner, and uses the link up", async () => {
    const { brandId } = await newBrandAndAccount("Denied Deals");
    const link = await connectLink();
    fake.setConsent("deny");
    try {
      const callbackUrl = await authorize(link);
      expect(new URL(callbackUrl).searchParams.get("error")).toBe("access_denied");
      const { status, page } = await openCallback(callbackUrl);
      expect(status).toBe(403);
      expect(page).toContain("You did not allow Greenlight to use the Instagram account");
    } finally {
      fake.setConsent("allow");
    }
    expect(await accountRow(brandId)).toBeUndefined();
    const [notice] = await delivered();
    expect(readable(notice!)).toContain("You did not allow Greenlight to use the Instagram account");
    expect(readable(notice!)).toContain("Send /connect to try again.");
    // The link cannot be used for a second attempt.
    expect((await fetch(local(link), { redirect: "manual" })).status).toBe(400);
  });

  it("a state Greenlight never issued is refused before anything is exchanged, and nobody is messaged", async () => {
    const exchangesBefore = fake.calls("exchange_code").length;
    const messagesBefore = t.telegram.calls.length;
    const forged = "A".repeat(43);
    for (const query of [
      `state=${forged}&code=AQBcode`,
      "code=AQBcode",
      "state=short&code=AQBcode",
      `state=${forged}&error=access_denied`,
    ]) {
      const { status, page } = await openCallback(`${t.app.url}/auth/instagram/callback?${query}`);
      expect(status).toBe(400);
      expect(page).toContain("This link is not valid");
    }
    for (const query of [`s=${forged}`, "", "s=%3Cscript%3E"]) {
      const start = await fetch(`${t.app.url}/auth/instagram/start?${query}`, { redirect: "manual" });
      expect(start.status).toBe(400);
      expect(await start.text()).toContain("This link no longer works");
    }
    expect(fake.calls("exchange_code").length).toBe(exchangesBefore);
    await deliverOutbox(t);
    expect(t.telegram.calls.length).toBe(messagesBefore);
  });

  it("an expired link neither redirects nor connects, and the owner hears why", async () => {
    const { brandId } = await newBrandAndAccount("Late Laps");
    const link = await connectLink();
    const callbackUrl = await authorize(link);
    const state = new URL(link).searchParams.get("s")!;
    await t.app.sql`
      update oauth_states set expires_at = now() - interval '1 second' where state_hash = ${hashOAuthState(state)}`;

    expect((await fetch(local(link), { redirect: "manual" })).status).toBe(400);
    const { status, page } = await openCallback(callbackUrl);
    expect(status).toBe(400);
    expect(page).toContain("This link has expired");
    expect(await accountRow(brandId)).toBeUndefined();
    const [notice] = await delivered();
    expect(readable(notice!)).toContain("The connection link expired (links work for 10 minutes)");
  });

  it("a replayed callback is refused and changes nothing; the owner is told once", async () => {
    const { brandId } = await newBrandAndAccount("Replay Riders");
    const callbackUrl = await authorize(await connectLink());
    expect((await openCallback(callbackUrl)).status).toBe(200);
    await delivered();
    const before = await accountRow(brandId);
    const exchanges = fake.calls("exchange_code").length;

    for (let i = 0; i < 2; i++) {
      const { status, page } = await openCallback(callbackUrl);
      expect(status).toBe(400);
      expect(page).toContain("This link was already used");
    }
    expect(fake.calls("exchange_code").length).toBe(exchanges);
    expect(await accountRow(brandId)).toEqual(before);
    const notices = await delivered();
    expect(notices).toHaveLength(1);
    expect(readable(notices[0]!)).toContain("A connection link that had already been used was opened again");
  });

  it("two browsers racing with the same callback connect once", async () => {
    const { brandId } = await newBrandAndAccount("Race Rims");
    const callbackUrl = await authorize(await connectLink());
    const exchanges = fake.calls("exchange_code").length;
    const results = await Promise.all([openCallback(callbackUrl), openCallback(callbackUrl)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    // The state decided it, not Instagram's single-use code: the loser never reached the code exchange.
    expect(fake.calls("exchange_code").length - exchanges).toBe(1);
    expect((await accountRow(brandId))?.status).toBe("connected");
  });

  it("a code Instagram refuses shows a clear page and a Telegram message, and stores nothing", async () => {
    const { brandId } = await newBrandAndAccount("Bad Code Bikes");
    const callbackUrl = new URL(await authorize(await connectLink()));
    callbackUrl.searchParams.set("code", "AQBnot-a-code-instagram-issued");
    const { status, page } = await openCallback(callbackUrl.toString());
    expect(status).toBe(400);
    expect(page).toContain("Instagram refused the login code (it works once, for one hour).");
    expect(await accountRow(brandId)).toBeUndefined();
    const [notice] = await delivered();
    expect(readable(notice!)).toContain(
      "Instagram did not complete the connection: Instagram refused the login code",
    );
    expect(readable(notice!)).toContain("Nothing was stored.");
  });

  it("a Spanish browser reads the page in Spanish, while the owner's Telegram message keeps their language", async () => {
    await newBrandAndAccount("Bicis Baratas");
    const callbackUrl = new URL(await authorize(await connectLink()));
    callbackUrl.searchParams.set("code", "AQBnot-a-code-instagram-issued");
    const { status, page } = await openCallback(callbackUrl.toString(), {
      "accept-language": "es-ES,es;q=0.9,en;q=0.8",
    });
    expect(status).toBe(400);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain("Instagram no se conectó");
    expect(page).toContain(
      "Instagram rechazó el código de inicio de sesión (sirve una vez, durante una hora).",
    );
    expect(page).toContain("Envía /connect en Telegram para recibir un enlace nuevo.");
    expect(page).not.toContain("Instagram refused the login code");
    expect(readable((await delivered())[0]!)).toContain("Instagram refused the login code");
  });

  it("Instagram failing during the long-lived exchange answers 502 and stores nothing", async () => {
    const { brandId } = await newBrandAndAccount("Outage Outfitters");
    const callbackUrl = await authorize(await connectLink());
    fake.failNext("exchange_long_lived", { kind: "server_error" });
    const { status, page } = await openCallback(callbackUrl);
    expect(status).toBe(502);
    expect(page).toContain("Instagram could not be reached or had a temporary problem.");
    expect(await accountRow(brandId)).toBeUndefined();
    expect(readable((await delivered())[0]!)).toContain("Instagram could not be reached");
  });

  it("a profile Instagram will not show (not a professional account) stores nothing", async () => {
    const { brandId } = await newBrandAndAccount("Personal Pedals");
    const callbackUrl = await authorize(await connectLink());
    fake.failNext("get_profile", {
      kind: "meta_error",
      code: 10,
      message: "Application does not have permission",
    });
    const { status, page } = await openCallback(callbackUrl);
    expect(status).toBe(400);
    expect(page).toContain("Only professional (business or creator) accounts can be connected.");
    expect(await accountRow(brandId)).toBeUndefined();
    await delivered();
  });

  it("escapes what Instagram reports before showing it", async () => {
    await newBrandAndAccount("Escape Wheels");
    const link = await connectLink();
    const state = new URL(link).searchParams.get("s")!;
    const { status, page } = await openCallback(
      `${t.app.url}/auth/instagram/callback?state=${state}&error=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
    );
    expect(status).toBe(400);
    expect(page).not.toContain("<script>");
    expect(page).toContain("&#60;script&#62;");
    const [notice] = await delivered();
    expect(readable(notice!)).toContain("Instagram reported an error (<script>alert(1)</script>).");
  });
});

describe("/disconnect", () => {
  it("deletes the token at once, voids open links and says so", async () => {
    const { brandId, account } = await newBrandAndAccount("Unplugged Urban");
    expect((await openCallback(await authorize(await connectLink()))).status).toBe(200);
    await delivered();
    const openLink = await connectLink();

    const [reply] = await send("/disconnect");
    expect(readable(reply!)).toContain(
      `🔌 Disconnected @${account.username}. Greenlight deleted its access token.`,
    );
    expect(await accountRow(brandId)).toMatchObject({
      token_ciphertext: null,
      status: "disconnected",
      disconnect_reason: "Disconnected by the owner with /disconnect.",
    });
    expect((await fetch(local(openLink), { redirect: "manual" })).status).toBe(400);

    const [again] = await send("/disconnect");
    expect(readable(again!)).toContain(
      "No Instagram account is connected, so there is nothing to disconnect.",
    );
  });

  it("answers a redelivered /disconnect update once", async () => {
    await newBrandAndAccount("Twice Told");
    expect((await openCallback(await authorize(await connectLink()))).status).toBe(200);
    const update = textUpdate("/disconnect");
    const before = t.telegram.messagesIn(OWNER_ID).length;
    expect((await postUpdate(t, update)).status).toBe(200);
    expect((await postUpdate(t, update)).status).toBe(200);
    expect(t.telegram.messagesIn(OWNER_ID).length - before).toBe(1);
  });
});

describe("without Instagram app credentials", () => {
  it("/connect tells the owner exactly what the operator must set, and the routes say Instagram is not set up", async () => {
    const bare = await startTestApp();
    try {
      const owner = await insertOwner(bare.app.sql);
      await insertBrand(bare.app.sql, owner, { name: "Unconfigured" });
      expect((await postUpdate(bare, textUpdate("/connect"))).status).toBe(200);
      const reply = readable(bare.telegram.lastMessageIn(OWNER_ID)!);
      expect(reply).toContain("Instagram is not set up on this Greenlight yet.");
      // PUBLIC_URL is set in tests, so only the two app credentials are missing.
      expect(reply).toContain(
        "The operator must set INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET, restart Greenlight",
      );
      expect(buttonsOf(bare.telegram.lastMessageIn(OWNER_ID)!)).toEqual([]);
      expect(await bare.app.sql`select 1 from oauth_states`).toHaveLength(0);

      for (const path of [`/auth/instagram/start?s=${"A".repeat(43)}`, "/auth/instagram/callback?state=x"]) {
        const response = await fetch(`${bare.app.url}${path}`, { redirect: "manual" });
        expect(response.status).toBe(503);
        expect(await response.text()).toContain("Instagram is not set up");
      }
    } finally {
      await bare.stop();
    }
  });
});
