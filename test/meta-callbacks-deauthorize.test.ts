import { describe, expect, it } from "vitest";
import { loadAccessToken } from "../src/instagram-auth/access-token.ts";
import { signSignedRequest } from "../src/meta-callbacks/signed-request.ts";
import { buttonsOf, insertDraft, readable } from "./helpers/draft-fixtures.ts";
import { instagramTestSuite } from "./helpers/instagram-connection.ts";

const suite = instagramTestSuite();

function deauthorize(signedRequest: string) {
  return fetch(`${suite.t.app.url}/meta/deauthorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ signed_request: signedRequest }).toString(),
  });
}

async function accountRow(brandId: number) {
  const [row] = await suite.t.app.sql<
    {
      token_ciphertext: Buffer | null;
      status: string;
      disconnect_reason: string | null;
      instagram_user_id: string;
    }[]
  >`select token_ciphertext, status, disconnect_reason, instagram_user_id
      from instagram_accounts where brand_id = ${brandId}`;
  return row;
}

describe("POST /meta/deauthorize", () => {
  it("deletes the token, marks the brand disconnected and offers the owner a reconnect", async () => {
    const { brandId, account } = await suite.connectedBrand("Removed App");
    const draftId = await insertDraft(suite.t.app.sql, brandId, { status: "approved" });

    const response = await deauthorize(suite.fake.signedRequestFor(account));
    expect(response.status).toBe(200);

    expect(await accountRow(brandId)).toMatchObject({
      token_ciphertext: null,
      status: "disconnected",
      disconnect_reason: expect.stringContaining("removed from the Instagram account's apps"),
      // The ids stay, so a data-deletion request that follows still finds the brand.
      instagram_user_id: account.userId,
    });
    expect(await loadAccessToken(suite.t.app.services, brandId)).toBeUndefined();
    // Publishing waits; the approved post is not lost.
    expect(
      await suite.t.app.sql`select 1 from drafts where id = ${draftId} and status = 'approved'`,
    ).toHaveLength(1);

    const [notice] = await suite.delivered();
    expect(readable(notice!)).toContain(`Instagram disconnected @${account.username}`);
    expect(buttonsOf(notice!)).toEqual([
      { text: "🔗 Reconnect Instagram", callback_data: `ig:connect:${brandId}` },
    ]);
  });

  it("a replayed callback changes nothing more and does not notify twice", async () => {
    const { brandId, account } = await suite.connectedBrand("Replayed Removal");
    const signed = suite.fake.signedRequestFor(account);
    expect((await deauthorize(signed)).status).toBe(200);
    expect(await suite.delivered()).toHaveLength(1);
    const after = await accountRow(brandId);

    expect((await deauthorize(signed)).status).toBe(200);
    expect(await accountRow(brandId)).toEqual(after);
    expect(await suite.delivered()).toEqual([]);
  });

  it("refuses forged, malformed and wrong-algorithm callbacks with 4xx and keeps the token", async () => {
    const { brandId, account } = await suite.connectedBrand("Still Connected");
    const user_id = account.appScopedId;
    const refused: [string, number][] = [];
    for (const [what, signed] of [
      ["another secret", signSignedRequest({ user_id }, "someone-elses-secret")],
      ["another algorithm", signSignedRequest({ algorithm: "HMAC-SHA512", user_id }, suite.fake.appSecret)],
      ["not a signed request", "not-a-signed-request"],
      ["truncated signature", suite.fake.signedRequestFor(account).slice(10)],
      ["empty", ""],
    ] as const) {
      refused.push([what, (await deauthorize(signed)).status]);
    }
    for (const [what, status] of refused) {
      expect(status, what).toBeGreaterThanOrEqual(400);
      expect(status, what).toBeLessThan(500);
    }
    expect((await accountRow(brandId))?.status).toBe("connected");
    expect(await loadAccessToken(suite.t.app.services, brandId)).toBeDefined();
    expect(await suite.delivered()).toEqual([]);
  });

  it("answers 200 for a user Greenlight holds nothing for", async () => {
    const response = await deauthorize(
      signSignedRequest({ user_id: "880000000000001" }, suite.fake.appSecret),
    );
    expect(response.status).toBe(200);
    expect(await suite.delivered()).toEqual([]);
  });

  it("is followed by a data-deletion request that still finds the brand", async () => {
    const { brandId, account } = await suite.connectedBrand("Deauthorized Then Deleted");
    await insertDraft(suite.t.app.sql, brandId);
    expect((await deauthorize(suite.fake.signedRequestFor(account))).status).toBe(200);

    const response = await fetch(`${suite.t.app.url}/meta/data-deletion`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ signed_request: suite.fake.signedRequestFor(account) }).toString(),
    });
    const { confirmation_code } = (await response.json()) as { confirmation_code: string };
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await suite.t.app.sql<{ status: string }[]>`
        select status from deletion_requests where confirmation_code = ${confirmation_code}`;
      if (row?.status === "completed") break;
      if (Date.now() > deadline) throw new Error("deletion did not complete");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await accountRow(brandId)).toBeUndefined();
    expect(await suite.t.app.sql`select 1 from drafts where brand_id = ${brandId}`).toHaveLength(0);
  });
});
