import { describe, expect, it } from "vitest";
import { loadAccessToken, markTokenInvalid } from "../src/instagram-auth/access-token.ts";
import { createInstagramClientFromConfig } from "../src/instagram-auth/instagram-client-factory.ts";
import { EXPIRED_REASON } from "../src/instagram-auth/token-refresh.ts";
import type { FakeMessage } from "./fakes/fake-telegram.ts";
import { buttonsOf, insertBrand, pressButton, readable } from "./helpers/draft-fixtures.ts";
import { instagramTestSuite, localUrl } from "./helpers/instagram-connection.ts";
import { OWNER_ID } from "./helpers/start-test-app.ts";

const DAY_MS = 24 * 3600_000;

const suite = instagramTestSuite();

function connectLinkInChat(messages: FakeMessage[]): string {
  const button = messages.flatMap(buttonsOf).find((b) => b.url);
  expect(button?.text).toBe("🔗 Connect Instagram");
  return button!.url!;
}

/** Lets `days` pass for one connection: on Instagram's side (the fake's clock) and in what Greenlight stored. */
async function age(brandId: number, days: number): Promise<void> {
  suite.fake.advanceClock(days * DAY_MS);
  await suite.t.app.sql`
    update instagram_accounts
       set token_expires_at = token_expires_at - make_interval(days => ${days}),
           token_refreshed_at = token_refreshed_at - make_interval(days => ${days}),
           connected_at = connected_at - make_interval(days => ${days})
     where brand_id = ${brandId}`;
}

async function accountRow(brandId: number) {
  const [row] = await suite.t.app.sql<
    {
      token_ciphertext: Buffer | null;
      token_expires_at: Date | null;
      token_refreshed_at: Date | null;
      status: string;
      disconnect_reason: string | null;
    }[]
  >`select token_ciphertext, token_expires_at, token_refreshed_at, status, disconnect_reason
      from instagram_accounts where brand_id = ${brandId}`;
  return row!;
}

const refreshCalls = () => suite.fake.calls("refresh_token").length;
const runRefresh = () => suite.t.app.scheduler.runNow("instagram-token-refresh");

describe("the instagram-token-refresh job", () => {
  it("renews a token with fewer than 15 days left and stores the new one encrypted", async () => {
    const { brandId, account } = await suite.connectedBrand("Renewal Rides");
    await age(brandId, 46);
    const before = await accountRow(brandId);
    const oldToken = suite.t.app.vault.open(before.token_ciphertext!);
    const calls = refreshCalls();

    expect(await runRefresh()).toBe(true);

    expect(refreshCalls() - calls).toBe(1);
    const after = await accountRow(brandId);
    expect(after.status).toBe("connected");
    const newToken = suite.t.app.vault.open(after.token_ciphertext!);
    expect(newToken).not.toBe(oldToken);
    expect(Math.abs(after.token_expires_at!.getTime() - (Date.now() + 60 * DAY_MS))).toBeLessThan(60_000);
    expect(Date.now() - after.token_refreshed_at!.getTime()).toBeLessThan(60_000);
    expect(suite.t.logs.text()).not.toContain(newToken);
    expect(suite.t.logs.text()).not.toContain(oldToken);

    // The publisher's view: the new token, for the professional-account id, and Instagram accepts it.
    const loaded = await loadAccessToken(suite.t.app.services, brandId);
    expect(loaded).toMatchObject({ igUserId: account.userId, token: newToken, username: account.username });
    const client = createInstagramClientFromConfig(suite.t.app.config)!;
    expect((await client.getProfile(loaded!.token)).userId).toBe(account.userId);
  });

  it("waits while Meta has asked for no calls on the account, then renews the token", async () => {
    const { brandId } = await suite.connectedBrand("Paused Pedals");
    await age(brandId, 46);
    await suite.t.app.sql`
      update instagram_accounts set calls_paused_until = now() + interval '20 minutes' where brand_id = ${brandId}`;
    const calls = refreshCalls();
    expect(await runRefresh()).toBe(true);
    expect(refreshCalls()).toBe(calls);

    await suite.t.app.sql`
      update instagram_accounts set calls_paused_until = now() - interval '1 second' where brand_id = ${brandId}`;
    expect(await runRefresh()).toBe(true);
    expect(refreshCalls() - calls).toBe(1);
    expect((await accountRow(brandId)).token_expires_at!.getTime()).toBeGreaterThan(Date.now() + 59 * DAY_MS);
  });

  it("leaves alone tokens younger than 24 hours and tokens with more than 15 days left", async () => {
    const young = await suite.connectedBrand("Young Token");
    // Expiring soon but issued just now: Instagram would refuse to refresh it.
    await suite.t.app.sql`
      update instagram_accounts set token_expires_at = now() + interval '10 days' where brand_id = ${young.brandId}`;
    const healthy = await suite.connectedBrand("Healthy Token");
    await age(healthy.brandId, 30);
    const before = [await accountRow(young.brandId), await accountRow(healthy.brandId)];
    const calls = refreshCalls();

    await runRefresh();

    expect(refreshCalls()).toBe(calls);
    expect([await accountRow(young.brandId), await accountRow(healthy.brandId)]).toEqual(before);
  });

  it("disconnects a brand whose token Instagram rejects (190) and sends a Reconnect button that issues a new link", async () => {
    const { brandId, account } = await suite.connectedBrand("Revoked Rims");
    await age(brandId, 46);
    suite.fake.revokeAccess(account, 460);

    await runRefresh();

    expect(await accountRow(brandId)).toMatchObject({
      token_ciphertext: null,
      status: "disconnected",
      disconnect_reason: expect.stringContaining("The Instagram password was changed"),
    });
    expect(await loadAccessToken(suite.t.app.services, brandId)).toBeUndefined();

    const [notice] = await suite.delivered();
    const text = readable(notice!);
    expect(text).toContain(`Instagram disconnected @${account.username}. The Instagram password was changed`);
    expect(text).toContain("Approved posts wait and nothing is lost");
    const [button] = buttonsOf(notice!);
    expect(button).toEqual({ text: "🔗 Reconnect Instagram", callback_data: `ig:connect:${brandId}` });

    // The button works even after the owner selected another brand: it names its brand.
    await insertBrand(suite.t.app.sql, suite.ownerId, { name: "Elsewhere" }).then(
      (other) => suite.t.app.sql`update owners set selected_brand_id = ${other} where id = ${suite.ownerId}`,
    );
    const pressed = await pressButton(suite.t, button!.callback_data!, {
      message_id: notice!.message_id,
      chat_id: OWNER_ID,
    });
    expect(pressed.status).toBe(200);
    const reply = suite.t.telegram.lastMessageIn(OWNER_ID)!;
    expect(readable(reply)).toContain("Revoked Rims");
    const start = await fetch(localUrl(suite.t, connectLinkInChat([reply])), { redirect: "manual" });
    expect(start.status).toBe(302);
    const [state] = await suite.t.app.sql<{ brand_id: number }[]>`
      select brand_id from oauth_states where used_at is null order by created_at desc limit 1`;
    expect(state!.brand_id).toBe(brandId);
  });

  it("keeps the connection through a temporary Instagram failure and renews it on the next run", async () => {
    const { brandId } = await suite.connectedBrand("Flaky Forks");
    await age(brandId, 50);
    const before = await accountRow(brandId);
    suite.fake.failNext("refresh_token", { kind: "server_error" });

    await runRefresh();

    expect(await accountRow(brandId)).toEqual(before);
    expect(suite.t.logs.text()).toContain("instagram token refresh failed; retrying next run");

    await runRefresh();
    const after = await accountRow(brandId);
    expect(after.status).toBe("connected");
    expect(after.token_ciphertext).not.toEqual(before.token_ciphertext);
  });

  it("disconnects a token that already expired without asking Instagram, and tells the owner", async () => {
    const { brandId } = await suite.connectedBrand("Expired Express");
    await suite.t.app.sql`
      update instagram_accounts
         set token_expires_at = now() - interval '1 hour', token_refreshed_at = now() - interval '61 days'
       where brand_id = ${brandId}`;
    const calls = refreshCalls();

    await runRefresh();

    expect(refreshCalls()).toBe(calls);
    expect(await accountRow(brandId)).toMatchObject({
      token_ciphertext: null,
      status: "disconnected",
      disconnect_reason: EXPIRED_REASON,
    });
    const [notice] = await suite.delivered();
    expect(readable(notice!)).toContain(EXPIRED_REASON);
  });
});

describe("markTokenInvalid, as the publisher calls it", () => {
  it("deletes the token, keeps the reason and notifies once however often it is called", async () => {
    const { brandId } = await suite.connectedBrand("Publisher Path");
    expect(await markTokenInvalid(suite.t.app.sql, brandId, "Instagram refused the token.")).toBe(true);
    expect(await markTokenInvalid(suite.t.app.sql, brandId, "Instagram refused the token.")).toBe(false);
    expect(await accountRow(brandId)).toMatchObject({
      token_ciphertext: null,
      status: "disconnected",
      disconnect_reason: "Instagram refused the token.",
    });
    const notices = await suite.delivered();
    expect(notices).toHaveLength(1);
    expect(readable(notices[0]!)).toContain("Instagram refused the token.");
  });

  it("joins the caller's transaction, so a rollback keeps the token and sends nothing", async () => {
    const { brandId } = await suite.connectedBrand("Rolled Back");
    await expect(
      suite.t.app.sql.begin(async (tx) => {
        expect(await markTokenInvalid(tx, brandId, "gone")).toBe(true);
        throw new Error("the publisher's transaction fails");
      }),
    ).rejects.toThrow("the publisher's transaction fails");
    expect((await accountRow(brandId)).status).toBe("connected");
    expect(await loadAccessToken(suite.t.app.services, brandId)).toBeDefined();
    expect(
      await suite.t.app
        .sql`select 1 from telegram_outbox where status = 'pending' and payload->>'text' like '%gone%'`,
    ).toHaveLength(0);
  });
});
