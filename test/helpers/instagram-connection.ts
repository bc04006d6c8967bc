import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type FakeAccount, FakeInstagram } from "../fakes/fake-instagram.ts";
import type { FakeMessage } from "../fakes/fake-telegram.ts";
import { buttonsOf, deliverOutbox, insertBrand, insertOwner } from "./draft-fixtures.ts";
import { OWNER_ID, setByBeforeAll, startTestApp, type TestApp } from "./start-test-app.ts";
import { postUpdate, textUpdate } from "./telegram-updates.ts";

/** The service's Instagram settings pointed at the fake. */
export function instagramEnv(fake: FakeInstagram): Record<string, string> {
  return {
    INSTAGRAM_APP_ID: fake.appId,
    INSTAGRAM_APP_SECRET: fake.appSecret,
    INSTAGRAM_AUTH_URL: fake.urls.authUrl,
    INSTAGRAM_API_URL: fake.urls.apiUrl,
    INSTAGRAM_GRAPH_URL: fake.urls.graphUrl,
  };
}

/** start-test-app's PUBLIC_URL is a placeholder nobody listens on: links are pointed at the running server. */
export function localUrl(t: TestApp, url: string): string {
  return url.replace(t.app.config.PUBLIC_URL ?? "", t.app.url);
}

/** A new brand connected to a new Instagram account through the real /connect → Instagram → callback flow. */
export async function connectBrandThroughOAuth(
  t: TestApp,
  fake: FakeInstagram,
  ownerId: number,
  name: string,
): Promise<{ brandId: number; account: FakeAccount }> {
  const brandId = await insertBrand(t.app.sql, ownerId, { name });
  await t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${ownerId}`;
  const account = fake.addAccount({ username: name.toLowerCase().replace(/\W+/g, "_") });
  fake.loginAs(account);
  const before = t.telegram.messagesIn(OWNER_ID).length;
  expect((await postUpdate(t, textUpdate("/connect"))).status).toBe(200);
  const link = t.telegram
    .messagesIn(OWNER_ID)
    .slice(before)
    .flatMap(buttonsOf)
    .find((b) => b.url)!.url!;
  const start = await fetch(localUrl(t, link), { redirect: "manual" });
  const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const callback = await fetch(localUrl(t, consent.headers.get("location")!), { redirect: "manual" });
  expect(callback.status).toBe(200);
  await deliverOutbox(t);
  return { brandId, account };
}

/** What the tests of one file share: the running service, the fake Instagram it talks to, and one owner. */
export interface InstagramTestSuite {
  readonly t: TestApp;
  readonly fake: FakeInstagram;
  readonly ownerId: number;
  /** A new brand of the owner's, connected to a new Instagram account through the real OAuth flow. */
  connectedBrand(name: string): Promise<{ brandId: number; account: FakeAccount }>;
  /** Delivers the queued Telegram messages as the outbox worker would; returns the ones the owner received. */
  delivered(): Promise<FakeMessage[]>;
}

/**
 * Starts one service, pointed at a fake Instagram that grants consent, and registers one owner, before the
 * file's tests; stops both after them. Call it at the top of a test file: it registers the vitest hooks.
 */
export function instagramTestSuite(): InstagramTestSuite {
  let fake: FakeInstagram | undefined;
  let t: TestApp | undefined;
  let ownerId: number | undefined;
  const suite: InstagramTestSuite = {
    get t() {
      return setByBeforeAll(t);
    },
    get fake() {
      return setByBeforeAll(fake);
    },
    get ownerId() {
      return setByBeforeAll(ownerId);
    },
    connectedBrand: (name) => connectBrandThroughOAuth(suite.t, suite.fake, suite.ownerId, name),
    async delivered() {
      const before = suite.t.telegram.messagesIn(OWNER_ID).length;
      await deliverOutbox(suite.t);
      return suite.t.telegram.messagesIn(OWNER_ID).slice(before);
    },
  };
  beforeAll(async () => {
    fake = await FakeInstagram.start({ consent: "allow" });
    t = await startTestApp(instagramEnv(fake));
    ownerId = await insertOwner(t.app.sql);
  });
  // Every test starts with an empty outbox, so the messages it reads are its own.
  afterEach(() => deliverOutbox(suite.t));
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
  });
  return suite;
}
