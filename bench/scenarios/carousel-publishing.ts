import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { type RunningGreenlight, startGreenlight } from "../../src/app.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { FakeImageHost, FakeInstagram } from "../../test/fakes/fake-instagram.ts";
import { instagramEnv } from "../../test/helpers/instagram-connection.ts";
import { createBenchDatabase } from "../bench-database.ts";
import type { Figure } from "../run.ts";

const SLIDES = 6;
const LATENCY_MS = 1000;
const KEY = Buffer.alloc(32, 9).toString("base64");
const NEVER = "0 0 1 1 *";

/**
 * One 6-slide carousel published end to end on real PostgreSQL against the fake Instagram, every Graph call
 * answered after 1 s: the calls it takes, by kind, and the wall time from the publish tick until it is recorded
 * as published (children made one at a time, carousel-children.ts). The fake downloads each slide from a local
 * image host, as Meta downloads them from the service's media route.
 */
export async function carouselPublishingScenario(): Promise<Figure[]> {
  const images = await FakeImageHost.start();
  const ig = await FakeInstagram.start();
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-carousel-"));
  let app: RunningGreenlight | undefined;
  try {
    app = await startGreenlight(
      loadConfig({
        PORT: "0",
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        ENCRYPTION_KEY: KEY,
        PUBLIC_URL: "http://127.0.0.1:1",
        LOG_LEVEL: "warn",
        ...instagramEnv(ig),
        INGEST_CRON: NEVER,
        PUBLISH_CRON: NEVER,
        OUTBOX_CRON: NEVER,
        MEDIA_DELETIONS_CRON: NEVER,
        SHUTDOWN_TIMEOUT_MS: "1000",
      }),
      { hostname: "127.0.0.1", logger: createLogger("error") },
    );
    const { sql } = app;
    const account = ig.addAccount();
    const [owner] = await sql<{ id: number }[]>`
      insert into owners (telegram_user_id, telegram_chat_id, display_name) values (1, 1, 'Bench') returning id`;
    const [brand] = await sql<{ id: number }[]>`
      insert into brands (owner_id, name, time_zone, posting_slots)
      values (${owner!.id}, 'Carousel bench', 'UTC', ${sql.json([{ time: "09:00", days: [1, 2, 3, 4, 5, 6, 7] }])})
      returning id`;
    const sealed = Buffer.from(app.vault.seal(ig.issueLongLivedToken(account)));
    await sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
      values (${brand!.id}, ${account.userId}, ${account.username}, ${sealed},
              ${new Date(Date.now() + 50 * 86_400_000)})`;
    const urls: string[] = [];
    for (let position = 0; position < SLIDES; position++) {
      const jpeg = await sharp({
        create: { width: 1080, height: 1350, channels: 3, background: { r: 40 * position, g: 120, b: 90 } },
      })
        .jpeg()
        .toBuffer();
      urls.push(images.serve(`/slide-${position}.jpg`, jpeg));
    }
    const [draft] = await sql<{ id: number }[]>`
      insert into drafts (brand_id, status, format, caption, image_url, alt_text, scheduled_for)
      values (${brand!.id}, 'approved', 'carousel', 'Six numbers from the report.', ${urls[0]!},
              'The report cover.', ${new Date(Date.now() - 1000)})
      returning id`;
    for (const [position, imageUrl] of urls.entries()) {
      await sql`
        insert into draft_slides (draft_id, position, kind, body, image_url, alt_text)
        values (${draft!.id}, ${position}, ${position === 0 ? "cover" : position === SLIDES - 1 ? "credit" : "facts"},
                ${`Slide ${position + 1}`}, ${imageUrl}, ${`Slide ${position + 1} of the report.`})`;
    }

    ig.setLatency(LATENCY_MS);
    const started = performance.now();
    await app.scheduler.runNow("publish");
    const seconds = (performance.now() - started) / 1000;
    const [row] = await sql<{ status: string }[]>`select status from drafts where id = ${draft!.id}`;
    if (row?.status !== "published") throw new Error(`the carousel ended ${row?.status}, not published`);

    const calls = ig.calls().filter((call) => call.userId === account.userId);
    const byEndpoint = new Map<string, number>();
    for (const call of calls) byEndpoint.set(call.endpoint, (byEndpoint.get(call.endpoint) ?? 0) + 1);
    const breakdown = [...byEndpoint].map(([endpoint, count]) => `${endpoint} ${count}`).join(", ");
    return [
      {
        scenario: "carousel-publishing",
        metric: `${SLIDES}-slide carousel: Instagram calls (${breakdown})`,
        value: String(calls.length),
      },
      {
        scenario: "carousel-publishing",
        metric: `${SLIDES}-slide carousel published end to end (1 s per call)`,
        value: `${seconds.toFixed(1)} s`,
        target: "≤ 30 s",
      },
      {
        scenario: "carousel-publishing",
        metric: "posts live / most calls at once on the account / duplicate publishes",
        value: `${ig.published(account).length} / ${ig.mostCallsAtOnce(account)} / ${ig.duplicatePublishAttempts}`,
      },
    ];
  } finally {
    await app?.stop();
    await ig.close();
    await images.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
