import { afterAll, expect, it } from "vitest";
import { enqueueDraftCard } from "../../src/approval/draft-card-queries.ts";
import { TEST_WEBHOOK_SECRET } from "../helpers/start-test-app.ts";
import { callbackUpdate } from "../helpers/telegram-updates.ts";
import { describeCrashes, eventually, type FaultCluster, sleep, startFaultCluster } from "./fault-cluster.ts";
import { approvedDuePost, connectedBrands, hostedPostImage, liveMarkers } from "./fault-fixtures.ts";
import { scenarioRandom } from "./seeded-random.ts";

/**
 * Two instances under load (owners approving drafts through the webhook, due posts publishing) lose their
 * database for a few seconds: the suite cuts the TCP link between them and PostgreSQL, then restores it. While
 * it is cut, /healthz must answer 503; no update may be answered 200 without its effect stored (Telegram would
 * not deliver it again); afterwards both instances must recover by themselves and the work go on.
 */

const BRANDS = 4;
const DRAFTS = 40;
const DUE_POSTS = 30;
const CUT_MS = 5000;
const RECOVERY_MS = 60_000;
const MARKER = /fp-\d+/;

let cluster: FaultCluster | undefined;

afterAll(async () => {
  await cluster?.stop();
});

it(
  "answers 503 while the database is cut, acknowledges no update it did not store, and recovers by itself",
  { timeout: 300_000 },
  async () => {
    const random = scenarioRandom("database-cut");
    cluster = await startFaultCluster({
      instances: 2,
      env: { PUBLISH_CRON: "* * * * * *", OUTBOX_CRON: "* * * * * *" },
    });
    const c = cluster;
    const brands = await connectedBrands(c, BRANDS);
    const imageUrl = await hostedPostImage(c);
    const drafts: { id: number; chatId: number }[] = [];
    for (let i = 0; i < DRAFTS; i++) {
      const brand = brands[i % BRANDS]!;
      const caption = `Draft ds-${i % BRANDS}-${i} waiting for a decision.`;
      const [row] = await c.sql<{ id: number }[]>`
        insert into drafts (brand_id, status, caption, generated_caption, hashtags, source_title, image_url, image_source)
        values (${brand.brandId}, 'pending_review', ${caption}, ${caption}, ${["#faults"]}, ${`Story ${i}`},
                ${imageUrl}, 'article')
        returning id`;
      await enqueueDraftCard(c.sql, row!.id);
      drafts.push({ id: row!.id, chatId: brand.ownerChatId });
    }
    await Promise.all([c.start(0), c.start(1)]);
    const cardsOut = await eventually(async () => {
      const [row] = await c.sql<{ n: number }[]>`
        select count(*)::int as n from drafts where telegram_text_message_id is not null`;
      return row!.n === DRAFTS;
    }, 60_000);
    expect(cardsOut, "every card sent before the cut").toBe(true);
    const cards = await c.sql<{ id: number; telegram_chat_id: number; telegram_text_message_id: number }[]>`
      select id, telegram_chat_id, telegram_text_message_id from drafts order by id`;
    for (let i = 0; i < DUE_POSTS; i++) {
      await approvedDuePost(c, brands[i % BRANDS]!, { marker: `fp-${i + 1}`, minutesAgo: i + 1, imageUrl });
    }

    // Owners approve, one tap every 100–400 ms, each update to a random instance; like Telegram, an update not
    // answered 200 is delivered again a second later, until it is.
    const acknowledged = new Set<number>();
    let deliveries = 0;
    let refused = 0;
    const approve = async (card: (typeof cards)[number]) => {
      const update = callbackUpdate(
        `a:${card.id}`,
        { message_id: card.telegram_text_message_id, chat_id: card.telegram_chat_id },
        { id: card.telegram_chat_id },
      );
      for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
        const instance = c.instances[random.between(0, 1)]!;
        deliveries++;
        try {
          const { status } = await c.telegram.deliver(
            `${instance.url}/telegram/webhook`,
            update,
            TEST_WEBHOOK_SECRET,
          );
          if (status === 200) {
            acknowledged.add(card.id);
            return;
          }
        } catch {
          // Not listening, or the connection dropped: Telegram tries again later.
        }
        refused++;
        await sleep(1000);
      }
    };
    const approvals: Promise<void>[] = [];
    const tapping = (async () => {
      for (const card of cards) {
        approvals.push(approve(card));
        await sleep(random.between(100, 400));
      }
    })();

    // The cut, a few seconds into the load; /healthz asked every 250 ms meanwhile.
    await sleep(random.between(2000, 4000));
    c.databaseLink.cut();
    const cutEnds = Date.now() + CUT_MS;
    const healthDuringCut = c.instances.map(() => new Map<string, number>());
    while (Date.now() < cutEnds) {
      await Promise.all(
        c.instances.map(async (instance, index) => {
          const seen = healthDuringCut[index]!;
          const answer = await fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(3000) })
            .then((response) => String(response.status))
            .catch(() => "no answer");
          seen.set(answer, (seen.get(answer) ?? 0) + 1);
        }),
      );
      await sleep(250);
    }
    c.databaseLink.restore();

    const healthy = await eventually(
      async () =>
        (
          await Promise.all(
            c.instances.map((instance) =>
              fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(3000) })
                .then((response) => response.status === 200)
                .catch(() => false),
            ),
          )
        ).every(Boolean),
      RECOVERY_MS,
      250,
    );
    await tapping;
    await Promise.all(approvals);
    const published = await eventually(() => liveMarkers(c, MARKER).size >= DUE_POSTS, RECOVERY_MS, 250);
    await sleep(2000);

    const decided = await c.sql<{ id: number }[]>`
      select id from drafts where id = any(${cards.map((card) => card.id)}::bigint[])
         and status in ('approved', 'publishing', 'published')`;
    const stored = new Set(decided.map((row) => row.id));
    const acknowledgedWithoutEffect = [...acknowledged].filter((id) => !stored.has(id));
    const live = liveMarkers(c, MARKER);
    const duplicates = [...live.values()].reduce((sum, times) => sum + times - 1, 0);
    const describeHealth = healthDuringCut
      .map((seen, index) => `instance ${index} ${JSON.stringify(Object.fromEntries(seen))}`)
      .join(", ");
    console.log(
      `faults database-cut: ${CUT_MS / 1000} s cut, ${cards.length} approvals (${deliveries} deliveries, ` +
        `${refused} not answered 200, ${acknowledged.size} acknowledged, ${acknowledgedWithoutEffect.length} ` +
        `acknowledged without effect), /healthz during the cut: ${describeHealth}, ` +
        `${healthy ? "healthy again" : "NOT healthy again"} within ${RECOVERY_MS / 1000} s, ` +
        `${live.size}/${DUE_POSTS} due posts published, ${duplicates} duplicates, ${c.crashes.length} crashes`,
    );

    expect(c.crashes, describeCrashes(c)).toEqual([]);
    for (const [index, seen] of healthDuringCut.entries())
      expect(seen.get("503") ?? 0, `instance ${index}: /healthz answers during the cut`).toBeGreaterThan(0);
    expect(acknowledgedWithoutEffect, "updates answered 200 whose approval was not stored").toEqual([]);
    expect(healthy, "both instances answer /healthz 200 again after the cut").toBe(true);
    expect(acknowledged.size, "every approval acknowledged in the end").toBe(cards.length);
    expect(published, "every due post published after the cut").toBe(true);
    expect(duplicates).toBe(0);
  },
);
