import sharp from "sharp";
import { type FakeReply, type FakeRequestView, validReply } from "../fakes/fake-anthropic.ts";
import type { FakeAccount } from "../fakes/fake-instagram.ts";
import { EVERY_DAY, insertBrand, insertOwner } from "../helpers/draft-fixtures.ts";
import type { FaultCluster } from "./fault-cluster.ts";

/** Owners, brands and connected accounts written straight into the database, as onboarding leaves them. */

const DAY_MS = 86_400_000;

/** Every hour of every day: enough slots that the posts of a scenario never wait for one. */
export const HOURLY_SLOTS = Array.from({ length: 24 }, (_, hour) => ({
  time: `${String(hour).padStart(2, "0")}:00`,
  days: EVERY_DAY,
}));

export interface FaultBrand {
  brandId: number;
  ownerChatId: number;
  account: FakeAccount;
}

/**
 * `count` brands, each of its own owner (so each has its own Telegram chat), each connected to its own account
 * in the fake Instagram.
 */
export async function connectedBrands(
  cluster: FaultCluster,
  count: number,
  fields: { monthlyBudgetUsd?: (index: number) => number } = {},
): Promise<FaultBrand[]> {
  const brands: FaultBrand[] = [];
  for (let index = 0; index < count; index++) {
    const ownerChatId = 7_100_000 + index;
    const ownerId = await insertOwner(cluster.sql, { telegramUserId: ownerChatId });
    const brandId = await insertBrand(cluster.sql, ownerId, {
      name: `Fault Brand ${index}`,
      timeZone: "UTC",
      postingSlots: HOURLY_SLOTS,
    });
    await cluster.sql`
      update brands set topic = 'test topic', monthly_budget_usd = ${fields.monthlyBudgetUsd?.(index) ?? 10}
       where id = ${brandId}`;
    const account = cluster.instagram.addAccount({ username: `fault_brand_${index}` });
    const sealed = Buffer.from(cluster.vault.seal(cluster.instagram.issueLongLivedToken(account)));
    await cluster.sql`
      insert into instagram_accounts (brand_id, instagram_user_id, username, token_ciphertext, token_expires_at)
      values (${brandId}, ${account.userId}, ${account.username}, ${sealed}, ${new Date(Date.now() + 50 * DAY_MS)})`;
    brands.push({ brandId, ownerChatId, account });
  }
  return brands;
}

/** A 1080×1350 JPEG on the fake public image host, the image every post of a scenario carries. */
export async function hostedPostImage(cluster: FaultCluster): Promise<string> {
  const jpeg = await sharp({
    create: { width: 1080, height: 1350, channels: 3, background: { r: 40, g: 110, b: 170 } },
  })
    .jpeg()
    .toBuffer();
  return cluster.imageHost.serve("/post.jpg", jpeg);
}

/**
 * An approved post whose slot passed `minutesAgo` minutes ago (one post per brand and slot), with a caption
 * carrying `marker`, the token by which the fake Instagram's posts are matched to it.
 */
export async function approvedDuePost(
  cluster: FaultCluster,
  brand: FaultBrand,
  input: { marker: string; minutesAgo: number; imageUrl: string },
): Promise<number> {
  const caption = `Post ${input.marker}: what changed this week, in one picture.`;
  const [row] = await cluster.sql<{ id: number }[]>`
    insert into drafts (brand_id, status, caption, generated_caption, hashtags, source_title, image_url,
                        image_source, scheduled_for)
    values (${brand.brandId}, 'approved', ${caption}, ${caption}, ${["#faults"]}, ${`Story ${input.marker}`},
            ${input.imageUrl}, 'article', ${new Date(Date.now() - input.minutesAgo * 60_000)})
    returning id`;
  return row!.id;
}

/** The marker of each post that went live on the fake Instagram, with how often it went live. */
export function liveMarkers(cluster: FaultCluster, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const media of cluster.instagram.published()) {
    const marker = pattern.exec(media.caption)?.[0];
    if (marker) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  }
  return counts;
}

/** The fake Claude's answers for a scenario: every article relevant (90/100), captions the fake's valid ones. */
export function everyArticleRelevant(view: FakeRequestView): FakeReply {
  return view.kind === "relevance"
    ? { json: { scores: view.articles.map((a) => ({ ref: a.ref, score: 90, reason: "On topic." })) } }
    : validReply(view);
}
