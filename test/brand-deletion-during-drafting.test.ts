import { afterAll, beforeAll, expect, it } from "vitest";
import { deleteBrand } from "../src/owner-settings/shared/brand-queries.ts";
import { insertOwnerAndBrand } from "./helpers/migrated-database.ts";
import { startTestApp, type TestApp } from "./helpers/start-test-app.ts";

let t: TestApp;

beforeAll(async () => {
  // No AI keys: the template drafter writes the drafts, so the pass reaches the database at once.
  t = await startTestApp();
});
afterAll(() => t.stop());

it("deletes a brand while a drafting run looks for work: the run leaves the brand being deleted alone, and both complete without a deadlock", async () => {
  const { ownerId, brandId } = await insertOwnerAndBrand(t.app.sql, { name: "Racing Soon" });
  await t.app
    .sql`update brands set posting_slots = '[{"time":"09:00","days":[1,2,3,4,5,6,7]}]' where id = ${brandId}`;
  await t.app.sql`
    insert into articles (brand_id, dedupe_key, title, link, summary, status, relevance_score, relevance_reason)
    select ${brandId}, 'trail-' || n, 'Trail race ' || n, 'https://news.example/' || n, 'A race.', 'scored', 90,
           'A trail running story.'
      from generate_series(1, 3) n`;

  await t.app.scheduler.runNow("ingest"); // asks for drafting
  // The owner's deletion has locked the brand (its first step) when the drafting run comes to claim it.
  const deletion = t.app.sql.begin(async (tx) => {
    await tx`select 1 from brands where id = ${brandId} for update`;
    return deleteBrand(tx, ownerId, brandId);
  });
  const pass = t.app.scheduler.runNow("drafting");

  expect((await deletion).kind).toBe("deleted");
  await pass;
  expect(t.logs.text()).not.toContain("deadlock");
  expect(await t.app.sql`select 1 from articles where brand_id = ${brandId}`).toHaveLength(0);
  expect(await t.app.sql`select 1 from drafts where brand_id = ${brandId}`).toHaveLength(0);
});
