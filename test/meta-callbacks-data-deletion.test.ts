import { describe, expect, it } from "vitest";
import { BudgetExceededError, reserveAiSpend } from "../src/budget/ledger.ts";
import { signSignedRequest } from "../src/meta-callbacks/signed-request.ts";
import {
  buttonsOf,
  insertAiUsage,
  insertBrand,
  insertDraft,
  readable,
  sampleJpeg,
} from "./helpers/draft-fixtures.ts";
import { instagramTestSuite, localUrl } from "./helpers/instagram-connection.ts";
import { OWNER_ID } from "./helpers/start-test-app.ts";
import { postUpdate, textUpdate } from "./helpers/telegram-updates.ts";

/** start-test-app's PUBLIC_URL, where the status links Meta is given must point. */
const PUBLIC_URL = "http://127.0.0.1:1";

const suite = instagramTestSuite();

/** What the pipeline leaves behind for a brand: an article, drafts with stored images, AI usage, a feed. */
async function brandContent(brandId: number, drafts = 3): Promise<{ imageKeys: string[] }> {
  const [article] = await suite.t.app.sql<{ id: number }[]>`
    insert into articles (brand_id, dedupe_key, title) values (${brandId}, ${`story-${brandId}`}, 'A story')
    returning id`;
  await suite.t.app
    .sql`insert into feeds (brand_id, url) values (${brandId}, ${`https://news.example/${brandId}.xml`})`;
  const jpeg = await sampleJpeg();
  const imageKeys: string[] = [];
  for (let i = 0; i < drafts; i++) {
    const draftId = await insertDraft(suite.t.app.sql, brandId, {
      status: i === 0 ? "published" : "pending_review",
    });
    const key = `drafts/${draftId}/image.jpg`;
    const stored = await suite.t.app.services.media.put(key, jpeg, "image/jpeg");
    await suite.t.app.sql`
      update drafts set image_key = ${key}, image_url = ${stored.url}, article_id = ${article!.id} where id = ${draftId}`;
    await insertAiUsage(suite.t.app.sql, { brandId, draftId, costUsd: 0.01 });
    imageKeys.push(key);
  }
  // What the drafter learnt from the posts' performance: copies of captions and headlines.
  await suite.t.app.sql`
    insert into brand_performance_lessons (brand_id, computed_on, best_captions, summary)
    values (${brandId}, current_date, '{"A caption that did well"}', 'Stories that did better: "A story".')`;
  return { imageKeys };
}

async function counts(brandId: number) {
  const [row] = await suite.t.app.sql<
    {
      accounts: number;
      drafts: number;
      articles: number;
      usage: number;
      lessons: number;
      feeds: number;
      brands: number;
    }[]
  >`
    select (select count(*) from instagram_accounts where brand_id = ${brandId})::int as accounts,
           (select count(*) from drafts where brand_id = ${brandId})::int as drafts,
           (select count(*) from articles where brand_id = ${brandId})::int as articles,
           (select count(*) from ai_usage where brand_id = ${brandId})::int as usage,
           (select count(*) from brand_performance_lessons where brand_id = ${brandId})::int as lessons,
           (select count(*) from feeds where brand_id = ${brandId})::int as feeds,
           (select count(*) from brands where id = ${brandId})::int as brands`;
  return row!;
}

function postDeletion(signedRequest: string | undefined, contentType = "application/x-www-form-urlencoded") {
  const body =
    contentType === "application/json"
      ? JSON.stringify({ signed_request: signedRequest })
      : new URLSearchParams(signedRequest === undefined ? {} : { signed_request: signedRequest }).toString();
  return fetch(`${suite.t.app.url}/meta/data-deletion`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

async function requestCount(): Promise<number> {
  const [row] = await suite.t.app.sql<{ n: number }[]>`select count(*)::int as n from deletion_requests`;
  return row!.n;
}

async function deletionStatus(code: string): Promise<string | undefined> {
  const [row] = await suite.t.app.sql<{ status: string }[]>`
    select status from deletion_requests where confirmation_code = ${code}`;
  return row?.status;
}

/** The job was started by the request itself; this only watches (the schedule would take up to a minute). */
async function untilCompleted(code: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await deletionStatus(code)) !== "completed") {
    if (Date.now() > deadline) throw new Error(`deletion ${code} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("POST /meta/data-deletion", () => {
  it("answers at once with a status URL and code, then deletes everything held for that Instagram user", async () => {
    const { brandId, account } = await suite.connectedBrand("Deleted Drafts");
    const { imageKeys } = await brandContent(brandId);
    const bystander = await suite.connectedBrand("Bystander Bikes");
    const kept = await brandContent(bystander.brandId);

    const response = await postDeletion(suite.fake.signedRequestFor(account));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { url: string; confirmation_code: string };
    expect(body.confirmation_code).toMatch(/^[0-9a-f]{32}$/);
    expect(body.url).toBe(`${PUBLIC_URL}/meta/data-deletion/status?code=${body.confirmation_code}`);

    await untilCompleted(body.confirmation_code);
    expect(await counts(brandId)).toEqual({
      accounts: 0,
      drafts: 0,
      articles: 0,
      usage: 0,
      lessons: 0,
      feeds: 1,
      brands: 1,
    });
    for (const key of imageKeys) expect(await suite.t.app.services.media.get(key)).toBeNull();
    expect(await suite.t.app.sql`select 1 from owners where id = ${suite.ownerId}`).toHaveLength(1);

    // Another Instagram user's brand is untouched.
    expect(await counts(bystander.brandId)).toEqual({
      accounts: 1,
      drafts: 3,
      articles: 1,
      usage: 3,
      lessons: 1,
      feeds: 1,
      brands: 1,
    });
    for (const key of kept.imageKeys) expect(await suite.t.app.services.media.get(key)).not.toBeNull();

    const [notice] = await suite.delivered();
    const text = readable(notice!);
    expect(text).toContain(`Instagram asked Greenlight to delete the data it holds for @${account.username}`);
    expect(text).toContain("3 drafts and posts with their images, 1 article");
    expect(text).toContain("The brand's settings and feeds stay.");
  });

  it("tells an owner whose Telegram is in Spanish in Spanish", async () => {
    const { account } = await suite.connectedBrand("Borrado");
    await suite.t.app.sql`
      insert into telegram_user_languages (telegram_user_id, telegram_language_code) values (${OWNER_ID}, 'es')
      on conflict (telegram_user_id) do update set telegram_language_code = 'es'`;
    try {
      const body = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as {
        confirmation_code: string;
      };
      await untilCompleted(body.confirmation_code);
      const [notice] = await suite.delivered();
      const text = readable(notice!);
      expect(text).toContain(
        `Instagram pidió a Greenlight borrar los datos que guarda de @${account.username}`,
      );
      expect(text).toContain("El gasto de IA de este mes se conserva como un total anónimo");
      expect(text).toContain("Los ajustes y las fuentes de la marca se mantienen.");
    } finally {
      await suite.t.app.sql`delete from telegram_user_languages where telegram_user_id = ${OWNER_ID}`;
    }
  });

  it("keeps the month's AI spend, so /status still shows it and the budget cap still holds", async () => {
    const { brandId, account } = await suite.connectedBrand("Budget Kept");
    await suite.t.app.sql`update brands set monthly_budget_usd = 1 where id = ${brandId}`;
    const draftId = await insertDraft(suite.t.app.sql, brandId);
    await insertAiUsage(suite.t.app.sql, { brandId, draftId, costUsd: 0.6 });
    await insertAiUsage(suite.t.app.sql, { brandId, draftId, costUsd: 0.3 });
    // Last month's spend does not count against this month's cap; it goes with the rest.
    await suite.t.app.sql`
      insert into ai_usage (brand_id, provider, model, operation, status, cost_usd, created_at)
      values (${brandId}, 'openai', 'gpt-image-2', 'image', 'settled', 5, now() - interval '40 days')`;

    const body = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as {
      confirmation_code: string;
    };
    await untilCompleted(body.confirmation_code);
    expect((await counts(brandId)).usage).toBe(0);
    await postUpdate(suite.t, textUpdate("/status"));
    expect(readable(suite.t.telegram.lastMessageIn(OWNER_ID)!)).toContain(
      "💰 AI spend this month: $0.90 of $1.00 (90%)",
    );
    await expect(
      reserveAiSpend(suite.t.app.sql, {
        brandId,
        provider: "anthropic",
        model: "claude-haiku-5-5",
        operation: "draft",
        estimateUsd: 0.2,
      }),
    ).rejects.toBeInstanceOf(BudgetExceededError);
    // Only the month's total is kept: no draft, model, tokens or times.
    expect(
      await suite.t.app
        .sql`select provider, operation, cost_usd from kept_ai_spend where brand_id = ${brandId}`,
    ).toEqual([{ provider: "anthropic", operation: "caption", cost_usd: 0.9 }]);
  });

  it("shows the request's state and date on the status page, and a 404 page for codes it never issued", async () => {
    const { account } = await suite.connectedBrand("Status Spokes");
    const body = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as { url: string };
    const code = new URL(body.url).searchParams.get("code")!;
    await untilCompleted(code);

    const page = await fetch(localUrl(suite.t, body.url));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    const [row] = await suite.t.app.sql<{ completed_at: Date }[]>`
      select completed_at from deletion_requests where confirmation_code = ${code}`;
    const date = row!.completed_at.toISOString().slice(0, 16).replace("T", " ");
    expect(html).toContain(`Confirmation code: ${code}`);
    expect(html).toContain(`Status: completed on ${date} UTC.`);

    for (const query of ["code=0123456789abcdef0123456789abcdef", "code=%3Cscript%3E", ""]) {
      const unknown = await fetch(`${suite.t.app.url}/meta/data-deletion/status?${query}`);
      expect(unknown.status).toBe(404);
      const text = await unknown.text();
      expect(text).toContain("No such deletion request");
      expect(text).not.toContain("<script>");
    }
  });

  it("shows the status page in German to a German browser", async () => {
    const { account } = await suite.connectedBrand("Status Speichen");
    const body = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as { url: string };
    const code = new URL(body.url).searchParams.get("code")!;
    await untilCompleted(code);

    const german = { "accept-language": "de-DE,de;q=0.9,en;q=0.5" };
    const html = await (await fetch(localUrl(suite.t, body.url), { headers: german })).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Antrag auf Datenlöschung");
    expect(html).toContain(`Bestätigungscode: ${code}`);
    expect(html).toContain("Status: abgeschlossen am ");
    expect(html).not.toContain("Status: completed on");

    const unknown = await fetch(`${suite.t.app.url}/meta/data-deletion/status?code=${"0".repeat(32)}`, {
      headers: german,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Kein solcher Löschantrag");
  });

  it("answers a repeated request with the same code and completed state, and deletes nothing twice", async () => {
    const { account } = await suite.connectedBrand("Repeat Requests");
    const signed = suite.fake.signedRequestFor(account);
    const first = (await (await postDeletion(signed)).json()) as { confirmation_code: string };
    await untilCompleted(first.confirmation_code);
    await suite.delivered();

    const again = await postDeletion(signed);
    expect(again.status).toBe(200);
    const second = (await again.json()) as { url: string; confirmation_code: string };
    expect(second.confirmation_code).toBe(first.confirmation_code);
    expect(await deletionStatus(first.confirmation_code)).toBe("completed");
    expect(await (await fetch(localUrl(suite.t, second.url))).text()).toContain("Status: completed on");
    await suite.t.app.scheduler.runNow("meta-deletions");
    expect(await suite.delivered()).toEqual([]);
  });

  it("reopens the request of a user who connected again after an earlier deletion", async () => {
    const { account } = await suite.connectedBrand("Came Back");
    const first = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as {
      confirmation_code: string;
    };
    await untilCompleted(first.confirmation_code);

    // The same Instagram user connects a brand again, then asks for deletion again.
    const brandId = await insertBrand(suite.t.app.sql, suite.ownerId, { name: "Came Back Again" });
    await suite.t.app.sql`update owners set selected_brand_id = ${brandId} where id = ${suite.ownerId}`;
    suite.fake.loginAs(account);
    const before = suite.t.telegram.messagesIn(OWNER_ID).length;
    await postUpdate(suite.t, textUpdate("/connect"));
    const link = suite.t.telegram
      .messagesIn(OWNER_ID)
      .slice(before)
      .flatMap(buttonsOf)
      .find((b) => b.url)!.url!;
    const start = await fetch(localUrl(suite.t, link), { redirect: "manual" });
    const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
    expect((await fetch(localUrl(suite.t, consent.headers.get("location")!))).status).toBe(200);
    expect((await counts(brandId)).accounts).toBe(1);

    const second = (await (await postDeletion(suite.fake.signedRequestFor(account))).json()) as {
      confirmation_code: string;
    };
    expect(second.confirmation_code).toBe(first.confirmation_code);
    await untilCompleted(second.confirmation_code);
    expect((await counts(brandId)).accounts).toBe(0);
  });

  it("records a request for a user it holds nothing for, and completes it", async () => {
    const signed = signSignedRequest({ user_id: "990000000000001", issued_at: 1 }, suite.fake.appSecret);
    const response = await postDeletion(signed);
    expect(response.status).toBe(200);
    const { confirmation_code } = (await response.json()) as { confirmation_code: string };
    await untilCompleted(confirmation_code);
  });

  it("refuses forged, malformed, unsigned and wrong-algorithm requests with 4xx and deletes nothing", async () => {
    const { brandId, account } = await suite.connectedBrand("Forgery Target");
    await brandContent(brandId);
    const before = await counts(brandId);
    const requestsBefore = await requestCount();
    const payload = Buffer.from(
      JSON.stringify({ algorithm: "HMAC-SHA256", user_id: account.appScopedId }),
    ).toString("base64url");

    const attempts: [string, Response][] = [
      [
        "signed with another secret",
        await postDeletion(signSignedRequest({ user_id: account.appScopedId }, "not-the-secret")),
      ],
      [
        "payload swapped under a valid signature",
        await postDeletion(`${suite.fake.signedRequestFor(account).split(".")[0]}.${payload}x`),
      ],
      ["unsigned", await postDeletion(`.${payload}`)],
      ["no dot", await postDeletion("garbage")],
      ["three parts", await postDeletion("a.b.c")],
      ["empty", await postDeletion("")],
      ["missing field", await postDeletion(undefined)],
      [
        "JSON instead of a form",
        await postDeletion(suite.fake.signedRequestFor(account), "application/json"),
      ],
      [
        "another algorithm",
        await postDeletion(
          signSignedRequest({ algorithm: "HMAC-SHA1", user_id: account.appScopedId }, suite.fake.appSecret),
        ),
      ],
      ["no user", await postDeletion(signSignedRequest({ issued_at: 1 }, suite.fake.appSecret))],
      [
        "far larger than anything Meta sends",
        await postDeletion(`${suite.fake.signedRequestFor(account)}${"A".repeat(20_000)}`),
      ],
    ];
    for (const [what, response] of attempts) {
      expect(response.status, what).toBeGreaterThanOrEqual(400);
      expect(response.status, what).toBeLessThan(500);
    }
    expect(attempts.find(([what]) => what === "signed with another secret")![1].status).toBe(403);

    await suite.t.app.scheduler.runNow("meta-deletions");
    expect(await counts(brandId)).toEqual(before);
    expect(await requestCount()).toBe(requestsBefore);
    expect(suite.t.logs.text()).toContain('"reason":"bad_signature"');
    expect(suite.t.logs.text()).toContain('"reason":"unsupported_algorithm"');
  });

  it("answers fast for a brand with thousands of drafts and images, and finishes the deletion in the background", async () => {
    const { brandId, account } = await suite.connectedBrand("Bulk Bikes");
    await suite.t.app.sql`
      insert into drafts (brand_id, status, caption, image_key)
      select ${brandId}, 'published', 'Caption ' || n, 'drafts/bulk-' || n || '/image.jpg'
        from generate_series(1, 3000) as n`;
    await suite.t.app.sql`
      insert into ai_usage (brand_id, provider, model, operation, status)
      select ${brandId}, 'anthropic', 'claude-haiku-5-5', 'caption', 'settled' from generate_series(1, 3000)`;
    const jpeg = await sampleJpeg();
    for (let n = 1; n <= 300; n++)
      await suite.t.app.services.media.put(`drafts/bulk-${n}/image.jpg`, jpeg, "image/jpeg");

    const started = performance.now();
    const response = await postDeletion(suite.fake.signedRequestFor(account));
    const answeredMs = performance.now() - started;
    expect(response.status).toBe(200);
    expect(answeredMs).toBeLessThan(1000);

    const { confirmation_code } = (await response.json()) as { confirmation_code: string };
    await untilCompleted(confirmation_code);
    // Had the request waited for the deletion, the answer would have come no sooner than the deletion ended.
    const completedMs = performance.now() - started;
    expect(answeredMs).toBeLessThan(completedMs / 3);
    expect(await counts(brandId)).toMatchObject({ accounts: 0, drafts: 0, usage: 0 });
    expect(await suite.t.app.services.media.get("drafts/bulk-1/image.jpg")).toBeNull();
    expect(await suite.t.app.services.media.get("drafts/bulk-300/image.jpg")).toBeNull();
  });
});
