import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { draftCardSenders } from "./approval/draft-card-telegram.ts";
import { draftDecisions, draftDialogs } from "./approval/draft-decisions.ts";
import {
  createRegenerationWorker,
  REGENERATIONS_CRON,
  REGENERATIONS_JOB,
} from "./approval/regeneration-worker.ts";
import { fallbackHint } from "./bot/basic-commands.ts";
import {
  COMMENT_REPLIES_CRON,
  COMMENT_REPLIES_JOB,
  commentButtons,
  commentDialogs,
} from "./comments/comment-buttons.ts";
import { commentSenders, enqueueCommentCardUpdate } from "./comments/comment-card-telegram.ts";
import { commentSettingHandlers } from "./comments/comment-setting-handlers.ts";
import { finishUncertainSends } from "./comments/send-reply.ts";
import type { BotContext } from "./bot/bot-context.ts";
import { createBot, createOutboxApi } from "./bot/create-bot.ts";
import { pruneProcessedUpdates } from "./bot/processed-updates.ts";
import { purgeEndedKeptSpend } from "./budget/kept-spend.ts";
import { releaseStaleReservations } from "./budget/ledger.ts";
import { type Config, publicBaseUrl, secretValues } from "./config/config.ts";
import { type Database, openDatabase, type Sql } from "./database/connect.ts";
import type { EmbeddedPostgres } from "./database/embedded-postgres.ts";
import { migrate } from "./database/migrate.ts";
import { purgeStaleArticles } from "./ingest/feed-queries.ts";
import { createInsightsCollector, INSIGHTS_JOB } from "./insights/collect-insights.ts";
import { reportCommands } from "./insights/report-handlers.ts";
import { queueWeeklyReports, reportOutboxSenders, WEEKLY_REPORT_JOB } from "./insights/weekly-report.ts";
import { pollDueFeeds } from "./ingest/poll-feeds.ts";
import { instagramConnection } from "./instagram-auth/connect-commands.ts";
import { createInstagramClientFromConfig } from "./instagram-auth/instagram-client-factory.ts";
import { instagramAuthRoutes } from "./instagram-auth/oauth-routes.ts";
import { refreshInstagramTokens } from "./instagram-auth/token-refresh.ts";
import { META_DELETIONS_JOB, processDeletionRequests } from "./meta-callbacks/delete-instagram-user-data.ts";
import { metaCallbackRoutes } from "./meta-callbacks/meta-callback-routes.ts";
import { pruneWebhookInbox } from "./meta-webhooks/webhook-inbox.ts";
import { metaWebhookRoutes } from "./meta-webhooks/webhook-routes.ts";
import {
  createWebhookWorker,
  META_WEBHOOKS_CRON,
  META_WEBHOOKS_JOB,
} from "./meta-webhooks/webhook-worker.ts";
import { drainOutbox, sendTextMessage } from "./notifications/deliver-outbox.ts";
import { pruneDeliveredMessages } from "./notifications/telegram-outbox.ts";
import { languageCommand } from "./i18n/language-command.ts";
import { ownerSettings } from "./owner-settings/owner-settings.ts";
import { publishBotProfile, teams } from "./teams/teams.ts";
import { createAiServices } from "./pipeline/ai-services.ts";
import { createClaudeVoiceDeriver } from "./pipeline/claude-voice-deriver.ts";
import { createPipelineRegenerator } from "./pipeline/pipeline-regenerator.ts";
import { createMetrics } from "./metrics/metrics.ts";
import { type MetricsExposure, metricsExposure, metricsRoute } from "./metrics/metrics-route.ts";
import { readQueueDepths } from "./metrics/queue-depths.ts";
import { requestDraftingWork } from "./pipeline/drafting-queue.ts";
import { createDraftingWorkers, type DraftingDeps } from "./pipeline/run-drafting.ts";
import { publishJob } from "./publishing/publish-job.ts";
import { runJobSoon } from "./scheduler/run-job-soon.ts";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.ts";
import { type AppEnv, createHttpApp } from "./server/http-app.ts";
import { mediaRoute } from "./server/media-route.ts";
import { telegramWebhook } from "./server/telegram-webhook-route.ts";
import { createBotApiFetch } from "./bot/bot-api-fetch.ts";
import type { Services } from "./services.ts";
import { loadSharp } from "./images/load-sharp.ts";
import { InFlightWork } from "./shared/in-flight-work.ts";
import { createLogger, type Logger, withSecretsScrubbed } from "./shared/logger.ts";
import { createTokenVault, generateEncryptionKey, type TokenVault } from "./shared/token-vault.ts";
import { createMediaStore } from "./storage/create-media-store.ts";
import { MEDIA_DELETIONS_JOB, removeQueuedMedia } from "./storage/media-deletions.ts";

export interface RunningGreenlight {
  config: Config;
  /** The address the HTTP server is listening on, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  sql: Sql;
  database: Database;
  logger: Logger;
  vault: TokenVault;
  bot: Bot<BotContext> | undefined;
  scheduler: Scheduler;
  services: Services;
  /**
   * Resolves once every Telegram update received so far is fully handled, with the work it set going (a card
   * edit after an early answer).
   */
  settled(): Promise<void>;
  /** Stops jobs, lets in-flight work finish, closes the server and the pool. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Known bot identity (skips getMe): tests and benchmarks. */
  botInfo?: UserFromGetMe;
  /** Host to bind; defaults to all interfaces (a container needs that). */
  hostname?: string;
  /** The embedded database, already opening (main.ts starts it before this module loads); else opened here. */
  embeddedDatabase?: Promise<EmbeddedPostgres>;
}

/** How long one run of the outbox job keeps sending a backlog before it leaves the rest to the next run. */
const OUTBOX_DRAIN_MS = 30_000;
const OUTBOX_JOB_LEASE_MS = 20_000;

/** The composition root: builds every part from the config and tears them down in reverse order. */
export async function startGreenlight(
  config: Config,
  options: StartOptions = {},
): Promise<RunningGreenlight> {
  const logger = withSecretsScrubbed(options.logger ?? createLogger(config.LOG_LEVEL), secretValues(config));
  // The vault loads libsodium and compiles its WebAssembly: begun first, it runs while the database connects.
  const vaultLoading = resolveEncryptionKey(config, logger).then(createTokenVault);
  vaultLoading.catch(() => {}); // awaited below; a failure is start-up's

  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
    embedded: options.embeddedDatabase,
  });
  const { sql } = database;
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  // One deadline for all the waiting a shutdown does (running jobs, work still in flight), so that together it
  // stays within SHUTDOWN_TIMEOUT_MS, which main.ts enforces.
  let shutdownDeadline = 0;
  const shutdownTimeLeft = () => Math.max(0, shutdownDeadline - Date.now());
  const runCleanups = async () => {
    shutdownDeadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error) => logger.error({ err: error }, "shutdown step failed"));
  };

  try {
    await migrate(sql, logger);
    const vault = await vaultLoading;

    const media = await createMediaStore({
      s3: config.S3_BUCKET
        ? {
            bucket: config.S3_BUCKET,
            endpoint: config.S3_ENDPOINT,
            region: config.S3_REGION,
            publicUrl: config.S3_PUBLIC_URL,
          }
        : undefined,
      dataDir: config.DATA_DIR,
      publicBaseUrl: publicBaseUrl(config),
    });
    cleanups.push(() => media.close());
    // Closed after everything that calls the Bot API has stopped (the jobs, the webhook's work).
    const botApi = createBotApiFetch();
    cleanups.push(() => botApi.close());
    // Stopped with the work in flight below, before the media store and the pool close (cleanups run in
    // reverse), so jobs still running at shutdown can finish their writes. No job is added before that step.
    const exposure = metricsExposure(config);
    const metrics = createMetrics({
      readQueueDepths: () => readQueueDepths(sql),
      processMetrics: config.METRICS_ENABLED,
    });
    const scheduler = createScheduler({
      sql,
      logger,
      onRun: metrics.observeJobRun,
    });
    const services: Services = {
      config,
      sql,
      logger,
      vault,
      scheduler,
      media,
      outboxSenders: {
        text: sendTextMessage,
        ...draftCardSenders({ sql, media, logger }),
        ...reportOutboxSenders,
        ...commentSenders({ sql, logger }),
      },
      clock: () => new Date(),
      inFlight: new InFlightWork(),
      metrics,
    };

    const drafting: DraftingDeps = {
      sql,
      logger,
      ai: { ...(await createAiServices(config, logger)), observeSpend: metrics.observeAiSpend },
      media,
      allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK,
      clock: services.clock,
      metrics,
    };
    // 🖼 New image and 🔁 Rewrite: requests recorded by the tap, run by whichever instance claims them.
    const regenerations = createRegenerationWorker({
      sql,
      logger,
      clock: () => services.clock(),
      regenerator: createPipelineRegenerator(drafting),
      onClosed: () => runJobSoon(scheduler, logger, "telegram-outbox"),
    });
    /** Undefined until INSTAGRAM_APP_ID/SECRET are set; the publisher and comment replies use this same client. */
    const instagramClient = createInstagramClientFromConfig(config);
    // Meta's webhook notifications (comments), stored by the route and processed by whichever instance claims them.
    const webhookWorker = createWebhookWorker({
      sql,
      logger,
      clock: () => services.clock(),
      comments: {
        sql,
        logger,
        ai: drafting.ai,
        clock: () => services.clock(),
        cardsPerHour: config.COMMENT_CARDS_PER_POST_PER_HOUR,
      },
      onMessageQueued: () => runJobSoon(scheduler, logger, "telegram-outbox"),
    });
    const draftingWorkers = createDraftingWorkers(drafting, { concurrency: config.DRAFTING_CONCURRENCY });
    const publisher = publishJob({ services, instagram: instagramClient });
    const insightsCollector = createInsightsCollector({ services, instagram: instagramClient });

    const draftButtons = draftDecisions({ services, regenerationJob: REGENERATIONS_JOB });
    const team = teams({ services, adminIds: config.OWNER_TELEGRAM_IDS });
    const bot = config.TELEGRAM_BOT_TOKEN
      ? createBot({
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          ownerTelegramIds: config.OWNER_TELEGRAM_IDS,
          sql,
          logger,
          botInfo: options.botInfo,
          fetch: botApi.fetch,
          metrics,
          direct: [draftButtons.direct, team.entry],
          guests: team.guests,
          features: [
            draftDialogs({
              services,
              regenerationJob: REGENERATIONS_JOB,
              voice: {
                transcribe: drafting.ai.transcribe,
                model: drafting.ai.models.transcription,
                prices: drafting.ai.prices,
                observeSpend: drafting.ai.observeSpend,
              },
            }),
            commentDialogs({ services }),
            languageCommand({ sql }),
            ownerSettings({
              services,
              voiceDeriver: createClaudeVoiceDeriver(drafting),
              instagram: instagramConnection({ services, client: instagramClient }),
            }),
            team.commands,
            draftButtons.buttons,
            reportCommands({ services }),
            commentSettingHandlers({ sql }),
            commentButtons({ services, instagram: instagramClient, ai: drafting.ai }),
            fallbackHint(),
          ],
        })
      : undefined;
    if (!bot)
      logger.warn(
        "TELEGRAM_BOT_TOKEN is not set: the Telegram bot is off. Set it in .env to approve drafts.",
      );

    const routes = [];
    if (!config.S3_BUCKET) routes.push(mediaRoute(media));
    if (bot && config.webhookMode) {
      routes.push(
        telegramWebhook(bot, config.TELEGRAM_WEBHOOK_SECRET!, { logger, inFlight: services.inFlight }),
      );
    }
    routes.push(instagramAuthRoutes({ services, client: instagramClient }));
    routes.push(metaCallbackRoutes({ services }));
    routes.push(metaWebhookRoutes({ services }));
    if (config.INSTAGRAM_APP_SECRET && !config.META_WEBHOOK_VERIFY_TOKEN)
      logger.warn(
        "META_WEBHOOK_VERIFY_TOKEN is not set: Meta cannot verify /meta/webhooks, so comments on the brands' posts do not arrive.",
      );
    routes.push(metricsRoute(metrics, exposure));
    const app = createHttpApp({
      sql,
      logger,
      routes,
      metrics: config.METRICS_ENABLED ? metrics : undefined,
    });

    // Runs after the server has closed (cleanups run in reverse): updates answered early may still be editing
    // their cards; they need the pool. The jobs are stopped at the same time, not after, so all get the whole
    // deadline. A regeneration still running then is given back for the next instance to finish.
    cleanups.push(async () => {
      const [abandoned] = await Promise.all([
        services.inFlight.drain(shutdownTimeLeft()),
        scheduler.stop(shutdownTimeLeft()),
        publisher.stop(shutdownTimeLeft()),
        regenerations.stop(shutdownTimeLeft()),
        webhookWorker.stop(shutdownTimeLeft()),
        insightsCollector.stop(shutdownTimeLeft()),
        // Claims no more brands; a step still running past the deadline is taken over after its lease.
        draftingWorkers.stop(shutdownTimeLeft()),
      ]);
      if (abandoned > 0) logger.warn({ abandoned }, "shutdown: stopped waiting for work still running");
    });
    const server = await listen(app.fetch, config.PORT, options.hostname);
    cleanups.push(server.close);
    const port = server.port;
    // Fly's scraper (and any inside a private network) cannot send the bearer token: a second listener on
    // METRICS_PORT serves /metrics alone, open, on a port that fly.toml never exposes to the internet.
    if (config.METRICS_ENABLED && config.METRICS_PORT !== undefined) {
      const privateMetrics = new Hono<AppEnv>();
      metricsRoute(metrics, { kind: "open" })(privateMetrics);
      cleanups.push((await listen(privateMetrics.fetch, config.METRICS_PORT, options.hostname)).close);
    }

    if (bot) {
      const outboxApi = createOutboxApi({
        token: config.TELEGRAM_BOT_TOKEN!,
        apiRoot: config.TELEGRAM_API_ROOT,
        fetch: botApi.fetch,
        pacing: config.TELEGRAM_OUTBOX_PACING,
        logger,
      });
      // One sender at a time keeps the bot's overall pace in one throttler; a dead sender's turn passes within
      // OUTBOX_JOB_LEASE_MS, and its claimed messages within OUTBOX_CLAIM_MS.
      scheduler.add(
        "telegram-outbox",
        config.OUTBOX_CRON,
        async () => {
          await drainOutbox(
            { sql, api: outboxApi, senders: services.outboxSenders, logger },
            OUTBOX_DRAIN_MS,
          );
        },
        { leaseMs: OUTBOX_JOB_LEASE_MS },
      );
    }
    scheduler.add(REGENERATIONS_JOB, REGENERATIONS_CRON, () => regenerations.fill(), { everyInstance: true });
    scheduler.add(META_WEBHOOKS_JOB, META_WEBHOOKS_CRON, () => webhookWorker.fill(), { everyInstance: true });
    // 💬 Send taps whose outcome was unknown (no answer from Instagram, or an instance that died mid-send).
    scheduler.add(
      COMMENT_REPLIES_JOB,
      COMMENT_REPLIES_CRON,
      async () => {
        const settled = await finishUncertainSends({ services, instagram: instagramClient });
        for (const id of settled) await enqueueCommentCardUpdate(sql, id);
        if (settled.length > 0) runJobSoon(scheduler, logger, "telegram-outbox");
      },
      { everyInstance: true },
    );
    scheduler.add("prune-processed-updates", "17 * * * *", async () => {
      await pruneProcessedUpdates(sql);
    });
    scheduler.add("ingest", config.INGEST_CRON, async () => {
      await pollDueFeeds({
        sql,
        logger,
        allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK,
        retentionDays: config.ARTICLE_RETENTION_DAYS,
      });
      // Drafting itself is claimed brand by brand by every instance (the drafting job).
      await requestDraftingWork(sql);
    });
    scheduler.add("drafting", config.DRAFTING_CRON, () => draftingWorkers.fill(), { everyInstance: true });
    scheduler.add("instagram-token-refresh", "0 */6 * * *", async () => {
      await refreshInstagramTokens({ services, client: instagramClient });
    });
    scheduler.add(META_DELETIONS_JOB, "* * * * *", async () => {
      await processDeletionRequests(services);
    });
    // Images whose removal failed or was cut short when their drafts were deleted (see media-deletions.ts).
    scheduler.add(MEDIA_DELETIONS_JOB, config.MEDIA_DELETIONS_CRON, async () => {
      await removeQueuedMedia(services);
    });
    scheduler.add("publish", config.PUBLISH_CRON, publisher.publishDuePosts, { everyInstance: true });
    scheduler.add(INSIGHTS_JOB, config.INSIGHTS_CRON, () => insightsCollector.collect(), {
      everyInstance: true,
    });
    scheduler.add(WEEKLY_REPORT_JOB, config.WEEKLY_REPORT_CRON, async () => {
      if ((await queueWeeklyReports(services)) > 0) runJobSoon(scheduler, logger, "telegram-outbox");
    });
    scheduler.add("housekeeping", "23 * * * *", async () => {
      await purgeStaleArticles(sql, config.ARTICLE_RETENTION_DAYS);
      await releaseStaleReservations(sql);
      await purgeEndedKeptSpend(sql);
      await pruneDeliveredMessages(sql);
      await pruneWebhookInbox(sql, services.clock());
    });

    // Telegram's start-up calls (the webhook, the description and menus) cost about 35 ms of CPU: the catalogue,
    // the HTTP client's first load. They wait for the server's first answer (a health check, or an update Telegram
    // held back during a deploy) or a tenth of a second, so that answer does not queue behind them.
    if (bot) await Promise.race([server.firstAnswered, new Promise((resolve) => setTimeout(resolve, 100))]);
    if (bot) cleanups.push(await connectBot(bot, config, logger));
    if (bot)
      cleanups.push(
        await publishBotProfile({ api: bot.api, sql, logger, adminIds: config.OWNER_TELEGRAM_IDS }),
      );

    logger.info(
      {
        port,
        database: database.embedded ? "embedded" : "postgres",
        telegram: bot ? (config.webhookMode ? "webhook" : "long polling") : "off",
        publicUrl: publicBaseUrl(config),
        metrics:
          describeExposure(exposure) +
          (config.METRICS_ENABLED && config.METRICS_PORT !== undefined
            ? `; open at :${config.METRICS_PORT}/metrics for a private network`
            : ""),
      },
      "greenlight started",
    );
    // sharp loads on first use; a broken install should show in the log soon after start-up, not at the first
    // image hours later. Not at once: loading it blocks for about 0.1 s, and the first requests come first.
    setTimeout(() => {
      loadSharp().catch((error: unknown) =>
        logger.error({ err: error }, "sharp failed to load: drafts cannot get images until it is fixed"),
      );
    }, 2000).unref();

    let stopping: Promise<void> | undefined;
    return {
      config,
      url: `http://127.0.0.1:${port}`,
      port,
      sql,
      database,
      logger,
      vault,
      bot,
      scheduler,
      services,
      settled: () => services.inFlight.settled(),
      stop() {
        stopping ??= runCleanups().then(() => logger.info("greenlight stopped"));
        return stopping;
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/** Serves `fetch` on `port`; `close` waits for requests in flight, not for idle keep-alive sockets. */
async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string | undefined,
): Promise<{ port: number; firstAnswered: Promise<void>; close: () => Promise<void> }> {
  const server = serve({ fetch, port, hostname });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const firstAnswered = new Promise<void>((resolve) =>
    server.once(
      "request",
      (_request: unknown, response: { once(event: "finish", listener: () => void): void }) =>
        response.once("finish", resolve),
    ),
  );
  return {
    port: (server.address() as AddressInfo).port,
    firstAnswered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}

/** How the start-up line says whether /metrics can be scraped. */
function describeExposure(exposure: MetricsExposure): string {
  switch (exposure.kind) {
    case "open":
      return "exposed at /metrics";
    case "token":
      return "exposed at /metrics to Authorization: Bearer <METRICS_TOKEN>";
    case "hidden":
    case "off":
      return `not exposed: ${exposure.reason}`;
  }
}

/**
 * Webhook mode registers the webhook (with the secret Telegram must echo); long polling starts the poller.
 * Neither blocks start-up: Telegram being unreachable is retried in the background and logged, while the HTTP
 * server and the jobs run.
 */
async function connectBot(
  bot: Bot<BotContext>,
  config: Config,
  logger: Logger,
): Promise<() => Promise<void>> {
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const retryLater = (attempt: () => void, delayMs: number) => {
    if (!stopped) retryTimer = setTimeout(attempt, delayMs);
  };

  if (config.webhookMode) {
    const url = `${config.PUBLIC_URL}/telegram/webhook`;
    const register = (delayMs = 1000) => {
      bot.api
        .setWebhook(url, {
          secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
          allowed_updates: ["message", "callback_query", "my_chat_member"],
        })
        .then(() => logger.info({ url }, "telegram webhook registered"))
        .catch((error) => {
          logger.error(
            { err: { message: (error as Error).message } },
            "telegram webhook registration failed; retrying",
          );
          retryLater(() => register(Math.min(delayMs * 2, 60_000)), delayMs);
        });
    };
    register();
    return async () => {
      stopped = true;
      clearTimeout(retryTimer);
    };
  }

  let polling: Promise<void> | undefined;
  const poll = (delayMs = 1000) => {
    polling = bot
      .start({
        allowed_updates: ["message", "callback_query", "my_chat_member"],
        onStart: () => logger.info("telegram long polling started"),
      })
      .catch((error) => {
        if (stopped) return;
        logger.error(
          { err: { message: (error as Error).message } },
          "telegram long polling failed; retrying",
        );
        retryLater(() => poll(Math.min(delayMs * 2, 60_000)), delayMs);
      });
  };
  poll();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    // bot.stop() confirms the last update offset with Telegram; when Telegram is unreachable that call would
    // retry for longer than a shutdown may take, and the offset is confirmed again on the next start anyway.
    const settle = new Promise((resolve) => setTimeout(resolve, 2000).unref());
    await Promise.race([Promise.allSettled([bot.isRunning() ? bot.stop() : undefined, polling]), settle]);
  };
}

/**
 * ENCRYPTION_KEY when configured. A local install (no PUBLIC_URL) may run without one: a key is generated once
 * into DATA_DIR, with a warning, because losing that file makes stored tokens unreadable.
 */
async function resolveEncryptionKey(config: Config, logger: Logger): Promise<Uint8Array> {
  if (config.ENCRYPTION_KEY) return config.ENCRYPTION_KEY;
  const keyPath = join(config.DATA_DIR, "encryption.key");
  if (!existsSync(keyPath)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(keyPath, `${await generateEncryptionKey()}\n`, { mode: 0o600 });
    logger.warn(
      { keyPath },
      "ENCRYPTION_KEY is not set: generated a local key. Set ENCRYPTION_KEY before deploying.",
    );
  }
  const key = Buffer.from(readFileSync(keyPath, "utf8").trim(), "base64");
  if (key.length !== 32)
    throw new Error(`${keyPath} does not hold a 32-byte base64 key; delete it or set ENCRYPTION_KEY`);
  return new Uint8Array(key);
}
