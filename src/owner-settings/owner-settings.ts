import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { createDialog } from "../bot/dialog-messages.ts";
import type { Services } from "../services.ts";
import { brandHandlers } from "./brands/brand-handlers.ts";
import { brandProfileHandlers } from "./brand-profile/brand-profile-handlers.ts";
import { brandSetupDialog } from "./start/brand-setup-dialog.ts";
import { budgetHandlers } from "./budget/budget-handlers.ts";
import { deleteDataHandlers } from "./delete-data/delete-data-handlers.ts";
import { DIALOG } from "./shared/dialog-flow.ts";
import { createFeedChecker, type FeedChecker } from "./feeds/feed-check.ts";
import { feedHandlers } from "./feeds/feed-handlers.ts";
import { nextFeedReadBy } from "./feeds/feed-schedule.ts";
import type { HandlerDeps } from "./shared/handler-deps.ts";
import { type InstagramConnection, instagramConnectionUnavailable } from "./status/instagram-connection.ts";
import { profileHandlers } from "./brand-profile/profile-handlers.ts";
import { formatHandlers } from "./format/format-handlers.ts";
import { queueHandlers } from "./queue/queue-handlers.ts";
import { scheduleHandlers } from "./schedule/schedule-handlers.ts";
import { settingDialog } from "./shared/setting-dialog.ts";
import { settingDefinitions } from "./shared/setting-fields.ts";
import { startHandlers } from "./start/start-handlers.ts";
import { statusHandlers } from "./status/status-handlers.ts";
import { describeExamplesWithoutAi, type VoiceDeriver } from "./brand-profile/voice-deriver.ts";
import { voiceExamplesDialog } from "./brand-profile/voice-examples-dialog.ts";

export interface OwnerSettingsOptions {
  services: Services;
  /** Derives a voice from example captions; defaults to a plain summary without AI. */
  voiceDeriver?: VoiceDeriver;
  /** /connect and /disconnect; defaults to saying they are not available yet. */
  instagram?: InstagramConnection;
  /** Checks a feed address by fetching it once; defaults to the ingest fetcher. */
  checkFeed?: FeedChecker;
}

/** An unanswered setup question expires after a day, a settings question after an hour; then text is free again. */
const BRAND_SETUP_WAIT_MS = 24 * 60 * 60_000;
const SETTING_WAIT_MS = 60 * 60_000;

/**
 * Everything an owner configures by chatting: registration and brand setup (/start, /brands), each brand's
 * settings (/topic, /voice, /hashtags, /schedule, /feeds, /budget), its state (/status, /queue, /pause,
 * /resume, /connect, /disconnect), /deletedata, /help and /cancel. Goes before the draft cards in the chain:
 * its dialogs must see an owner's answer before anything else does.
 */
export function ownerSettings(options: OwnerSettingsOptions): Composer<BotContext> {
  const { sql, logger, clock, config, media } = options.services;
  const checkFeed =
    options.checkFeed ?? createFeedChecker({ allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK, logger });
  const nextFeedRead = nextFeedReadBy(config.INGEST_CRON);
  const definitions = settingDefinitions({ sql, checkFeed, clock, nextFeedRead });
  const deps: HandlerDeps = {
    sql,
    logger,
    clock,
    nextFeedRead,
    definitions,
    instagram: options.instagram ?? instagramConnectionUnavailable,
    media,
  };

  const composer = new Composer<BotContext>();
  composer.use(
    createDialog(brandSetupDialog({ sql, checkFeed }), {
      id: DIALOG.brandSetup,
      maxMillisecondsToWait: BRAND_SETUP_WAIT_MS,
    }),
    createDialog(settingDialog({ sql, definitions }), {
      id: DIALOG.setting,
      maxMillisecondsToWait: SETTING_WAIT_MS,
    }),
    createDialog(
      voiceExamplesDialog({ sql, voiceDeriver: options.voiceDeriver ?? describeExamplesWithoutAi }),
      { id: DIALOG.voiceExamples, maxMillisecondsToWait: SETTING_WAIT_MS },
    ),
  );
  composer.use(
    startHandlers(deps),
    brandHandlers(deps),
    statusHandlers(deps),
    queueHandlers(deps),
    feedHandlers(deps),
    scheduleHandlers(deps),
    profileHandlers(deps),
    formatHandlers(deps),
    brandProfileHandlers(deps),
    budgetHandlers(deps),
    deleteDataHandlers(deps),
  );
  return composer;
}
