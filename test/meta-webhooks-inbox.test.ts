import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/database/connect.ts";
import { createGroupCommit } from "../src/database/group-commit.ts";
import { migrate } from "../src/database/migrate.ts";
import { claimWebhookChanges, storeWebhookNotifications } from "../src/meta-webhooks/webhook-inbox.ts";
import type { InboxChange } from "../src/meta-webhooks/webhook-notification.ts";
import { capturedLogger } from "./helpers/log-capture.ts";
import { type PgBouncer, pgbouncerAvailable, startPgBouncer } from "./helpers/pgbouncer.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

/**
 * The inbox's own statements, on a database no service runs on (no worker claims behind the test's back): the
 * group-committed store and the batch claim, directly and, where PgBouncer is installed, through a
 * transaction-mode pooler, where no statement may rely on session state.
 */

let testDb: TestDatabase;
let dataDir: string;
let pgbouncer: PgBouncer | undefined;
const databases: Database[] = [];
let commentNumber = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "greenlight-inbox-"));
  const direct = await open(testDb.url);
  await migrate(direct.sql, capturedLogger().logger);
  if (pgbouncerAvailable()) pgbouncer = await startPgBouncer();
});

afterAll(async () => {
  for (const database of databases.splice(0).reverse()) await database.close();
  await pgbouncer?.stop();
  await testDb?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await databases[0]!.sql`delete from meta_webhook_inbox`;
});

async function open(url: string | undefined): Promise<Database> {
  const database = await openDatabase({ url, dataDir, poolSize: 4, logger: capturedLogger().logger });
  databases.push(database);
  return database;
}

function comment(text = "Where can I buy one?"): InboxChange {
  const id = `1797${++commentNumber}`;
  return {
    dedupeKey: `comments:${id}`,
    accountId: "17841400000000001",
    field: "comments",
    value: { id, text, media: { id: "17920000000000001" } },
    eventTime: new Date(),
  };
}

async function stored(change: InboxChange): Promise<number> {
  const sql = databases[0]!.sql;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from meta_webhook_inbox where dedupe_key = ${change.dedupeKey}`;
  return row!.n;
}

const connections = [
  { name: "directly", url: () => testDb.url },
  ...(pgbouncerAvailable()
    ? [{ name: "through PgBouncer in transaction mode", url: () => pgbouncer!.pooled(testDb.url!) }]
    : []),
];

describe.runIf(Boolean(process.env.TEST_DATABASE_URL)).each(connections)(
  "the webhook inbox, $name",
  ({ url }) => {
    it("answers each notification of a shared batch with its own count, and stores a comment two of them carry once", async () => {
      const { sql } = await open(url());
      const [a, b, c] = [comment(), comment(), comment()];
      const inbox = createGroupCommit<InboxChange[], number>({
        writeBatch: (notifications) => storeWebhookNotifications(sql, notifications, new Date()),
        maxBatch: 100,
        maxInFlight: 1,
      });

      // Made in one turn of the event loop: one statement carries all three.
      const counts = await Promise.all([inbox.write([a!, b!]), inbox.write([b!, c!]), inbox.write([a!])]);

      expect(counts).toEqual([2, 1, 0]);
      for (const change of [a!, b!, c!]) expect(await stored(change)).toBe(1);
      // Meta delivering the first notification again: acknowledged, nothing new.
      expect(await inbox.write([a!, b!])).toBe(0);
    });

    it("fails only the notification the database refuses, not the others that shared its batch", async () => {
      const { sql } = await open(url());
      const inbox = createGroupCommit<InboxChange[], number>({
        writeBatch: (notifications) => storeWebhookNotifications(sql, notifications, new Date()),
        maxBatch: 100,
        maxInFlight: 1,
      });
      const [before, after] = [comment(), comment()];
      // jsonb has no NUL character: Postgres refuses "\u0000" (22P05), so this one cannot be stored.
      const refused = comment("nul \u0000 inside");

      const results = await Promise.allSettled([
        inbox.write([before!]),
        inbox.write([refused]),
        inbox.write([after!]),
      ]);

      expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(await stored(before!)).toBe(1);
      expect(await stored(after!)).toBe(1);
      expect(await stored(refused)).toBe(0);
    });

    it("makes a notification due at the service's time of storing it, whatever the database's clock says", async () => {
      const { sql } = await open(url());
      // A service clock an hour ahead of the database's makes the difference plain; the same held for a claim in
      // the very millisecond of the store, which then found nothing (Postgres keeps microseconds, a Date does not).
      const at = new Date(Date.now() + 3600_000);
      const change = comment();
      await storeWebhookNotifications(sql, [[change]], at);
      const leaseUntil = new Date(at.getTime() + 30_000);

      const early = await claimWebhookChanges(sql, {
        now: new Date(at.getTime() - 1),
        leaseUntil,
        limit: 10,
      });
      expect(early.map((claimed) => claimed.value.id)).not.toContain(change.value.id);
      const due = await claimWebhookChanges(sql, { now: at, leaseUntil, limit: 10 });
      expect(due.map((claimed) => claimed.value.id)).toContain(change.value.id);
    });

    it("hands each due change to one of two claimers taking several at once, in the order they arrived", async () => {
      const { sql } = await open(url());
      const at = new Date(Date.now() + 7200_000);
      const changes = Array.from({ length: 15 }, () => comment());
      await storeWebhookNotifications(
        sql,
        changes.map((change) => [change]),
        at,
      );
      const claim = () =>
        claimWebhookChanges(sql, { now: at, leaseUntil: new Date(at.getTime() + 30_000), limit: 10 });

      const [first, second] = await Promise.all([claim(), claim()]);

      const ids = [...first, ...second].map((claimed) => claimed.value.id);
      expect([...ids].sort()).toEqual(changes.map((change) => change.value.id).sort());
      expect(Math.max(first.length, second.length)).toBe(10);
      for (const batch of [first, second]) {
        const order = batch.map((claimed) => claimed.id);
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }
      expect(await claim()).toEqual([]);
    });
  },
);
