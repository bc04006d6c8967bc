import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REGENERATION_LEASE_MS, REGENERATIONS_JOB } from "../src/approval/regeneration-worker.ts";
import { type FakeOpenAi, startFakeOpenAi } from "./fakes/fake-openai.ts";
import {
  freePort,
  killService,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "./helpers/child-process.ts";
import {
  buttonsOf,
  cardMessages,
  deliverOutbox,
  insertBrand,
  insertOwner,
  pressWithoutWaiting,
  readable,
  sentToOwnerSince,
  reviewCard,
} from "./helpers/draft-fixtures.ts";
import { childServiceEnv, OWNER_ID, startTestApp, type TestApp } from "./helpers/start-test-app.ts";

/**
 * The real service (as `npm start` runs it) is killed while OpenAI is making the image an owner asked for: no
 * shutdown hook runs, nothing is given back. The next run of the service must finish the request by itself.
 */

let openai: FakeOpenAi;
let t: TestApp;
let service: ServiceProcess | undefined;
let port: number;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  port = await freePort();
  t = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
  });
}, 120_000);

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await openai?.close();
});

it(
  "a New image whose service was killed before the image arrived is finished after the restart, with no 'tap again'",
  { timeout: 180_000 },
  async () => {
    const brandId = await insertBrand(t.app.sql, await insertOwner(t.app.sql));
    const { draftId, message } = await reviewCard(t, brandId, {
      imageUrl: "https://cdn.example.com/old.jpg",
    });
    const photo = (await cardMessages(t, draftId)).photo!;
    const told = t.telegram.messagesIn(OWNER_ID).length;
    await t.app.stop();

    service = spawnService(
      childServiceEnv(t, port, {
        OPENAI_API_KEY: openai.apiKey,
        OPENAI_BASE_URL: openai.baseUrl,
      }),
    );
    await waitForHealthy(`http://127.0.0.1:${port}`, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${service!.output()}`);
    });
    const imageRequests = openai.requests.length;
    openai.delayNext(30_000);
    expect(await pressWithoutWaiting(t, `i:${draftId}`, message)).toBe("🖼 Making a new image…");
    await t.telegram.waitFor(() => openai.requests.length > imageRequests, 20_000);
    service.child.kill("SIGKILL");
    await service.exited;

    const app = await t.restart();
    // The killed worker's lease runs out a minute later; then the next run of the job takes the request over.
    app.services.clock = () => new Date(Date.now() + REGENERATION_LEASE_MS + 1000);
    await app.scheduler.runNow(REGENERATIONS_JOB);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [request] = await app.sql<{ status: string }[]>`
        select status from regeneration_requests where draft_id = ${draftId}`;
      if (request?.status === "done") break;
      if (Date.now() > deadline) throw new Error(`the request is still ${request?.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    app.services.clock = () => new Date();
    await deliverOutbox(t);

    const card = await cardMessages(t, draftId);
    expect(readable(card.text)).not.toContain("Making a new image");
    expect(buttonsOf(card.text).map((b) => b.text)).toContain("🖼 New image");
    expect(
      t.telegram.callsTo("editMessageMedia").filter((c) => Number(c.payload.message_id) === photo.message_id),
    ).toHaveLength(1);
    expect(sentToOwnerSince(t, told)).toEqual([]);
    const [draft] = await app.sql<{ status: string; image_key: string | null }[]>`
      select status, image_key from drafts where id = ${draftId}`;
    expect(draft!.status).toBe("pending_review");
    const folder = join(t.dataDir, "media", "drafts", String(draftId));
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([draft!.image_key!.split("/").pop()]);
    expect(openai.requests.length).toBe(imageRequests + 2);
  },
);
