import { expect } from "vitest";
import type { FakeAccount, FakeInstagram } from "../fakes/fake-instagram.ts";
import { buttonsOf, deliverOutbox, insertBrand } from "./draft-fixtures.ts";
import { OWNER_ID, type TestApp } from "./start-test-app.ts";
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
