import { afterAll, beforeAll, expect, it } from "vitest";
import { PUBLISH_LEASE_MS } from "../src/publishing/publish-retry-policy.ts";
import { FakeInstagram } from "./fakes/fake-instagram.ts";
import { killService, type ServiceProcess } from "./helpers/child-process.ts";
import { eventually, insertBrand, insertOwner } from "./helpers/draft-fixtures.ts";
import {
  connectAccount,
  duePost,
  spawnPublishingService,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";

/**
 * The first comment across a real crash: the service process is killed (SIGKILL, no shutdown) while Instagram is
 * carrying out the comment, after the post went live. The comment is made and nobody records it; the next
 * process must find it among the post's comments, record the post as published, and never comment twice.
 */

let ig: FakeInstagram;
let t: TestApp;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
});

afterAll(async () => {
  await killService(service);
  await t?.stop();
  await ig?.close();
});

it(
  "comments once when the service is killed between publishing the post and hearing back about its comment",
  { timeout: 60_000 },
  async () => {
    const account = ig.addAccount();
    const ownerId = await insertOwner(t.app.sql);
    const brandId = await insertBrand(t.app.sql, ownerId);
    await t.app.sql`update brands set first_comment_mode = 'hashtags' where id = ${brandId}`;
    await connectAccount(t, ig, brandId, account);
    const draftId = await duePost(t, brandId, {
      hashtags: ["#cycling", "#cities"],
      scheduledFor: new Date(Date.now() - 60_000),
    });
    await t.app.stop();

    ig.failNext("post_comment", { kind: "delay", ms: 1500 });
    service = await spawnPublishingService(t, ig);
    // The comment is asked for: Instagram holds the answer for 1.5 s, and the process dies meanwhile.
    await eventually(() => expect(ig.calls("post_comment")).toHaveLength(1));
    service.child.kill("SIGKILL");
    await service.exited;
    const [live] = ig.published(account);
    await eventually(() => expect(ig.commentsOn(live!.mediaId)).toHaveLength(1), 5000);

    const app = await t.restart();
    const [left] = await app.sql<
      { status: string; instagram_media_id: string | null; first_comment_state: string | null }[]
    >`select status, instagram_media_id, first_comment_state from drafts where id = ${draftId}`;
    expect(left).toEqual({
      status: "publishing",
      instagram_media_id: live!.mediaId,
      first_comment_state: "sending",
    });

    app.services.clock = () => new Date(Date.now() + PUBLISH_LEASE_MS + 1000);
    // On Postgres the killed process's advisory lock goes when the server notices the dropped connection.
    const deadline = Date.now() + 10_000;
    while (!(await app.scheduler.runNow("publish"))) {
      if (Date.now() > deadline) throw new Error("the publish job never got its lock");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const comments = ig.commentsOn(live!.mediaId);
    const [row] = await app.sql<
      { status: string; first_comment_state: string | null; first_comment_id: string | null }[]
    >`select status, first_comment_state, first_comment_id from drafts where id = ${draftId}`;
    expect(row).toEqual({
      status: "published",
      first_comment_state: "posted",
      first_comment_id: comments[0]!.id,
    });
    expect(comments.map((comment) => comment.text)).toEqual(["#cycling #cities"]);
    expect(ig.calls("post_comment")).toHaveLength(1);
    expect(ig.published(account)).toHaveLength(1);
    expect(ig.duplicatePublishAttempts).toBe(0);
  },
);
