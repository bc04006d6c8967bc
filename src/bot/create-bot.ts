import { isDatabaseUnavailable } from "../database/postgres-errors.ts";
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, Bot, type BotConfig, Composer, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Sql } from "../database/connect.ts";
import type { Metrics } from "../metrics/metrics.ts";
import type { Logger } from "../shared/logger.ts";
import type { BotContext, ConversationContext } from "./bot-context.ts";
import { postgresConversationStorage } from "./conversation-storage.ts";
import { sendDialogMessagesAfterSave } from "./dialog-messages.ts";
import { fitTelegramLimits } from "./fit-telegram-limits.ts";
import { chooseLocale, rememberLanguage, textsOfUpdate } from "../i18n/bot-locale.ts";
import { findOwner } from "./owner-access.ts";

export interface BotDeps {
  token: string;
  apiRoot: string;
  ownerTelegramIds: readonly number[];
  sql: Sql;
  logger: Logger;
  /** The HTTP client for the Bot API (createBotApiFetch); grammY's default when absent. */
  fetch?: typeof fetch;
  /** Known bot identity: skips the getMe call (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /**
   * Features that run ahead of the owner gate and the dialogs, for updates that need neither: each checks in
   * its own first query that the sender owns what they act on, and passes on anything else. Keeps the reads of
   * the owner row and of dialog state off the hottest path (a card's Approve).
   */
  direct?: Composer<BotContext>[];
  /**
   * For users the gate does not let in as owners (team members, see src/teams/): what it does not handle gets the
   * refusal with the user's Telegram id.
   */
  guests?: Composer<BotContext>;
  /** Bot features in order; each is a Composer owned by its capability. */
  features: Composer<BotContext>[];
  /** Counts every update by kind and outcome. */
  metrics?: Pick<Metrics, "telegramUpdates">;
}

/**
 * Builds the grammY bot once. Middleware order: an error boundary (so a failing handler is logged and the
 * webhook still answers 200 instead of making Telegram redeliver forever), the direct features, the user's
 * language (i18n/bot-locale.ts), the owner gate,
 * the sender of dialog messages held until the dialog's state is stored (dialog-messages.ts), the conversations
 * plugin on Postgres storage, then the features.
 *
 * In webhook mode the first answerCallbackQuery of an update is sent as the webhook's response (Telegram runs
 * a method given there): one request to the Bot API fewer per button press. Its result is not known, which is
 * fine for a toast; every other method is called normally.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const config: BotConfig<BotContext> = {
    client: {
      apiRoot: deps.apiRoot,
      canUseWebhookReply: (method) => method === "answerCallbackQuery",
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    },
  };
  if (deps.botInfo) config.botInfo = deps.botInfo;
  const bot = new Bot<BotContext>(deps.token, config);

  bot.api.config.use(shortRetry());
  bot.api.config.use(fitTelegramLimits({ logger: deps.logger }));

  // Updates the error boundary caught: they end in a 200 like any other, so they are marked on the way out.
  const failed = new WeakSet<BotContext>();
  bot.use(async function countUpdate(ctx, next) {
    // The update's one field besides update_id names its kind (message, callback_query…): a small fixed set.
    const kind = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
    try {
      await next();
    } catch (error) {
      failed.add(ctx);
      throw error;
    } finally {
      deps.metrics?.telegramUpdates.inc({ kind, outcome: failed.has(ctx) ? "failed" : "handled" });
    }
  });

  const guarded = new Composer<BotContext>();
  for (const feature of deps.direct ?? []) guarded.use(feature);
  guarded.use(chooseLocale<BotContext>(deps.sql));
  guarded.use(async (ctx, next) => {
    const user = ctx.from;
    if (!user || user.is_bot) return;
    const owner = await findOwner(deps.sql, user.id);
    if (!owner && !deps.ownerTelegramIds.includes(user.id)) {
      // Told their id, which is what the operator needs, in their own Telegram language.
      const refuse = async () => {
        const refusal = ctx.t("refused", { telegramId: String(user.id) });
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: refusal });
        else if (ctx.chat?.type === "private") await ctx.reply(refusal);
      };
      if (deps.guests) await deps.guests.middleware()(ctx, refuse);
      else await refuse();
      return;
    }
    ctx.owner = owner;
    await next();
  });
  guarded.use(rememberLanguage(deps.sql));
  guarded.use(sendDialogMessagesAfterSave());
  guarded.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: "key",
        version: 1,
        adapter: postgresConversationStorage(deps.sql),
        prefix: "conversation:",
      },
      // A conversation's context gets an API of its own, without the bot's transformers.
      plugins: [
        async function fitConversationReplies(ctx, next) {
          ctx.api.config.use(fitTelegramLimits({ logger: deps.logger }));
          await next();
        },
        chooseLocale(deps.sql),
      ],
    }),
  );
  for (const feature of deps.features) guarded.use(feature);

  bot.errorBoundary(async (error) => {
    const ctx = error.ctx;
    failed.add(ctx);
    // Nothing of this update was stored (each update's effect commits with its update id, or not at all). Thrown
    // on, it answers the webhook with 500 (or stops long polling before the update is confirmed), so Telegram
    // delivers it again once the database is back; answered 200 with an apology, the owner's tap would be lost.
    if (isDatabaseUnavailable(error.error)) {
      deps.logger.warn(
        { err: error.error, updateId: ctx.update.update_id },
        "database unavailable: the update is left for Telegram to deliver again",
      );
      throw error.error;
    }
    deps.logger.error(
      {
        err:
          error.error instanceof GrammyError
            ? { method: error.error.method, description: error.error.description }
            : error.error,
        updateId: ctx.update.update_id,
      },
      "bot handler failed",
    );
    try {
      const texts = textsOfUpdate(ctx);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: texts.t("error-button") });
      else if (ctx.chat) await ctx.reply(texts.t("error-message"));
    } catch {
      // The apology itself failed (Telegram down): the error is logged above, nothing more to do.
    }
  }, guarded);

  return bot;
}

/**
 * Retries only a short 429 wait: calls made while handling an update must not hold the webhook past its timeout,
 * and the plugin's defaults retry network errors without limit and back off 3 s, 6 s, 12 s on 5xx. Longer waits
 * belong to the outbox worker, which keeps the message and retries it later.
 */
function shortRetry() {
  return autoRetry({
    maxRetryAttempts: 2,
    maxDelaySeconds: 5,
    rethrowInternalServerErrors: true,
    rethrowHttpErrors: true,
  });
}

/**
 * The Bot API client of the outbox worker, where bursts come from: a feed pass drafting for many owners at once,
 * a card of a photo and its text. With `pacing`, its calls keep to Telegram's limits instead of running into
 * 429s: at most 30 messages a second overall and, per chat, 3 at once then one a second (Telegram allows short
 * bursts in a chat; "avoid more than one message per second" is its rule for the long run). grammY's throttler
 * plugin does the queueing, on Bottleneck. Button presses and dialog replies use the bot's own client,
 * unthrottled: each answers one action of the owner's, and the answer must not queue behind a burst of cards.
 */
export function createOutboxApi(deps: {
  token: string;
  apiRoot: string;
  fetch?: typeof fetch;
  pacing: boolean;
  logger?: Logger;
}): Api {
  const api = new Api(deps.token, { apiRoot: deps.apiRoot, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  if (deps.pacing) {
    api.config.use(
      apiThrottler({
        // Evenly spaced rather than 30 per clock second, so that no second, however it is cut, holds more. 37 ms
        // (27 a second) rather than 34: chats are sent side by side, and a send delayed on its way (a busy event
        // loop) arrives close behind the next; the margin keeps such bunching under Telegram's 30.
        global: { minTime: 37 },
        out: {
          maxConcurrent: 1,
          reservoir: 3,
          reservoirIncreaseAmount: 1,
          reservoirIncreaseInterval: 1000,
          reservoirIncreaseMaximum: 3,
        },
      }),
    );
  }
  api.config.use(shortRetry());
  api.config.use(fitTelegramLimits({ logger: deps.logger }));
  return api;
}
