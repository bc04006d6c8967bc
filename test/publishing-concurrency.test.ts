import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { type FakeAccount, FakeInstagram } from "./fakes/fake-instagram.ts";
import { insertOwner } from "./helpers/draft-fixtures.ts";
import {
  connectedBrand,
  duePost,
  postRow,
  runPublisher,
  setClock,
  startPublishingTestApp,
} from "./helpers/publishing-fixtures.ts";
import type { TestApp } from "./helpers/start-test-app.ts";

/**
 * Due posts of many brands go out side by side, as Instagram sees it: calls of different accounts overlap at the
 * fake, calls of one account never do, and an account whose calls hang keeps only its own posts waiting.
 */

let ig: FakeInstagram;
let t: TestApp;
let ownerId: number;
let storyNumber = 0;

beforeAll(async () => {
  ig = await FakeInstagram.start();
  t = await startPublishingTestApp(ig);
  ownerId = await insertOwner(t.app.sql);
});

afterAll(async () => {
  await t?.stop();
  await ig?.close();
});

afterEach(() => {
  ig.setLatency(0);
  t.app.services.clock = () => new Date();
});

async function brandsWithDuePosts(brands: number, postsEach: number) {
  const made: { account: FakeAccount; draftIds: number[] }[] = [];
  for (let i = 0; i < brands; i++) {
    const { brandId, account } = await connectedBrand(t, ig, ownerId);
    const draftIds = [];
    for (let p = 0; p < postsEach; p++) {
      draftIds.push(await duePost(t, brandId, { caption: `Story ${++storyNumber} of the day.` }));
    }
    made.push({ account, draftIds });
  }
  return made;
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("publishes the posts of different accounts at the same time, and one account's posts one after another", async () => {
  const brands = await brandsWithDuePosts(5, 2);
  ig.setLatency(150);

  await runPublisher(t);

  for (const { account, draftIds } of brands) {
    expect(ig.published(account)).toHaveLength(2);
    for (const id of draftIds) expect((await postRow(t, id)).status).toBe("published");
    expect(ig.mostCallsAtOnce(account)).toBe(1);
  }
  expect(ig.mostCallsAtOnce()).toBeGreaterThan(1);
  expect(ig.duplicatePublishAttempts).toBe(0);
});

it("lets every other account's posts go out while one account's calls hang", async () => {
  const [stuck, ...others] = await brandsWithDuePosts(4, 1);
  ig.hang(stuck!.account, 4000);
  try {
    const run = runPublisher(t);
    await until(() => others.every(({ account }) => ig.published(account).length === 1));
    // The hung account has not got as far as its first answer, and the others are all out.
    expect(ig.published(stuck!.account)).toHaveLength(0);
    ig.hang(stuck!.account, null);
    await run;
  } finally {
    ig.hang(stuck!.account, null);
  }
  for (const { draftIds } of others) expect((await postRow(t, draftIds[0]!)).status).toBe("published");
});

it("after a lost publish answer, finds the post even when the account has posted 150 times since", async () => {
  const [{ account, draftIds }] = (await brandsWithDuePosts(1, 1)) as [
    { account: FakeAccount; draftIds: number[] },
  ];
  const draftId = draftIds[0]!;
  ig.failNext("container_status", { kind: "delay", ms: 0 }); // the poll before publishing answers
  ig.failNext("container_status", { kind: "drop_before_action" }); // the check after the lost answer does not
  ig.failNext("publish", { kind: "drop_after_action" });
  const start = new Date();
  setClock(t, start);
  await runPublisher(t);
  expect(await postRow(t, draftId)).toMatchObject({ status: "publishing", instagram_media_id: null });
  const [live] = ig.published(account);

  // 150 posts made in the Instagram app since: more than one page of the account's media (at most 100 a page).
  for (let i = 0; i < 150; i++) ig.postDirectly(account, `Posted by hand, number ${i}.`);
  const listed = ig.calls("list_media").length;

  setClock(t, new Date(start.getTime() + 31_000));
  await runPublisher(t);
  expect(await postRow(t, draftId)).toMatchObject({
    status: "published",
    instagram_media_id: live!.mediaId,
    permalink: live!.permalink,
  });
  expect(ig.calls("list_media").length - listed).toBeGreaterThan(1);
  expect(ig.calls("publish").filter((call) => call.userId === account.userId)).toHaveLength(1);
  expect(ig.duplicatePublishAttempts).toBe(0);
});
