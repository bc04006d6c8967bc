import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { META_WEBHOOKS_JOB, WEBHOOK_LEASE_MS } from "../src/meta-webhooks/webhook-worker.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import {
  freePort,
  killService,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "./helpers/child-process.ts";
import {
  deliverOutbox,
  eventually,
  insertBrand,
  insertDraft,
  insertOwner,
  readable,
} from "./helpers/draft-fixtures.ts";
import { instagramEnv } from "./helpers/instagram-connection.ts";
import { connectAccount } from "./helpers/publishing-fixtures.ts";
import { childServiceEnv, OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

/**
 * The real service (as `npm start` runs it) acknowledges a comment notification and is killed (SIGKILL: no
 * shutdown hook runs) before it has processed it. Meta will not deliver it again, so the next run of the service
 * must find it in the inbox and handle it: the comment stored once, one card to the owner.
 */

const VERIFY_TOKEN = "verify-token-for-meta-0123456789";
let fake: FakeInstagram;
let t: TestApp;
let service: ServiceProcess | undefined;
let port: number;

beforeAll(async () => {
  fake = await FakeInstagram.start();
  port = await freePort();
  t = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...instagramEnv(fake),
    META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  });
}, 120_000);

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await fake?.close();
});

it(
  "a comment acknowledged by a service killed right after its 200 is handled once by the next run",
  { timeout: 180_000 },
  async () => {
    const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql), { name: "Velo Kill" });
    const account = fake.addAccount({ username: "velo_kill" });
    await connectAccount(t, fake, brandId, account);
    const media = fake.postDirectly(account, "Cargo bikes now outsell cars.");
    const draftId = await insertDraft(t.app.sql, brandId, { status: "published" });
    await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
    const told = t.telegram.messagesIn(OWNER_ID).length;
    await t.app.stop();

    service = spawnService(
      childServiceEnv(t, port, {
        ...instagramEnv(fake),
        META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
      }),
    );
    await waitForHealthy(`http://127.0.0.1:${port}`, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${service!.output()}`);
    });

    // On a PostgreSQL server the test makes sure the kill lands mid-processing: it holds the brand's row, so
    // the service's insert of the comment (whose foreign key needs a share lock on it) waits, uncommitted, until
    // the process is gone. The embedded database belongs to the service process alone; there the kill simply
    // follows the 200, and whatever the service managed before it must still add up to one comment, one card.
    const side = t.database.url ? postgres(t.database.url, { max: 2, onnotice: () => {} }) : undefined;
    let release = () => {};
    const held = side?.begin(async (tx) => {
      await tx`select 1 from brands where id = ${brandId} for update`;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const { body, commentId } = fake.commentNotification(account, media.mediaId, {
      text: "Does it come in green?",
      from: { id: "17841455500000009", username: "kim.cycles" },
    });
    const response = await fake.deliverWebhook(`http://127.0.0.1:${port}/meta/webhooks`, body);
    expect(response.status).toBe(200);
    if (side) {
      // Claimed by the service and stuck on the lock: the work is in hand, not done.
      await eventually(async () => {
        const [row] = await side<{ status: string }[]>`select status from meta_webhook_inbox`;
        expect(row?.status).toBe("running");
      });
    }
    service.child.kill("SIGKILL");
    await service.exited;
    release();
    await held;
    if (side) {
      expect(await side`select 1 from instagram_comments`).toEqual([]);
      await side.end();
    }

    const app = await t.restart();
    // The killed worker's lease runs out; a later run of the job takes the notification over. (On a loaded
    // machine the killed process's backend can still hold its locks for a moment, and that first try is retried
    // after its back-off: the clock moves on by a lease and a retry delay each run, at most three runs.)
    for (let run = 1; run <= 3; run++) {
      const later = run * (WEBHOOK_LEASE_MS + 60_000);
      app.services.clock = () => new Date(Date.now() + later);
      await app.scheduler.runNow(META_WEBHOOKS_JOB);
      const [row] = await app.sql<{ status: string }[]>`select status from meta_webhook_inbox`;
      if (row?.status === "done") break;
    }
    app.services.clock = () => new Date();
    // Meta redelivering it anyway changes nothing.
    expect((await fake.deliverWebhook(`${app.url}/meta/webhooks`, body)).status).toBe(200);
    await app.scheduler.runNow(META_WEBHOOKS_JOB);
    await deliverOutbox(t);

    const [inbox] = await app.sql<{ status: string }[]>`select status from meta_webhook_inbox`;
    expect(inbox!.status).toBe("done");
    expect(
      await app.sql`select text, commenter_username from instagram_comments where comment_id = ${commentId}`,
    ).toEqual([{ text: "Does it come in green?", commenter_username: "kim.cycles" }]);
    const cards = t.telegram
      .messagesIn(OWNER_ID)
      .slice(told)
      .map((message) => readable(message))
      .filter((text) => text.includes("Does it come in green?"));
    expect(cards).toEqual([
      "💬 Velo Kill: @kim.cycles commented on “Cargo bikes now outsell cars in three Dutch cities.”\n\nDoes it come in green?\n\nNo reply drafted: Claude is not set up (ANTHROPIC_API_KEY).",
    ]);
  },
);
