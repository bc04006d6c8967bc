import type { FakeInstagram } from "../fakes/fake-instagram.ts";
import { insertBrand, insertDraft } from "./draft-fixtures.ts";
import { connectAccount } from "./publishing-fixtures.ts";
import type { TestApp } from "./start-test-app.ts";

/**
 * A brand of the owner's, connected to a new account in the fake Instagram, with one post Greenlight published
 * (its media id as Instagram gave it): what a comment notification needs to be about.
 */
export async function publishedPost(
  t: TestApp,
  fake: FakeInstagram,
  ownerId: number,
  name: string,
  caption = "Cargo bikes now outsell cars in three Dutch cities.",
) {
  const brandId = await insertBrand(t.app.sql, ownerId, { name });
  const account = fake.addAccount({ username: name.toLowerCase().replace(/\W+/g, "_") });
  await connectAccount(t, fake, brandId, account);
  const media = fake.postDirectly(account, caption);
  const draftId = await insertDraft(t.app.sql, brandId, {
    status: "published",
    caption,
    permalink: media.permalink,
  });
  await t.app.sql`update drafts set instagram_media_id = ${media.mediaId} where id = ${draftId}`;
  return { brandId, account, draftId, mediaId: media.mediaId, permalink: media.permalink };
}
