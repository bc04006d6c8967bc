import { type Context, InlineKeyboard } from "grammy";
import {
  brandLanguageOf,
  describeLanguage,
  LANGUAGE_EXAMPLES,
  parseBrandLanguage,
} from "../drafting/brand-languages.ts";
import type { Sql } from "../database/connect.ts";
import { type Parsed, validateTimeZone } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInput } from "../shared/telegram-text-limits.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import { checkBrandName, createBrand, unusedDefaultBrandName } from "./brand-queries.ts";
import { renderBrandCreated } from "./brand-views.ts";
import { type SettingsConversation, skipOrCancelKeyboard, waitForAnswer } from "./dialog-flow.ts";
import { dialogCallback } from "./settings-callbacks.ts";
import type { FeedChecker } from "./feed-check.ts";
import { runOnce } from "./run-once.ts";
import { parseFeedUrl, parseTopic, parseVoiceDescription } from "./settings-input.ts";
import { formatLocalTime } from "./time-text.ts";

export interface BrandSetupArgs {
  ownerId: number;
  /** The owner's first brand, right after registering: the dialog greets them. */
  first: boolean;
  firstName: string;
  /** The owner's Telegram `language_code`, proposed as the brand's language when it is one we draft in. */
  languageCode?: string | undefined;
}

const STEPS = 6;

/**
 * A new brand in six skippable questions: name, topic, voice, language, time zone, first feed. Answers are checked as
 * they come (a wrong one is asked again, nothing is lost) and the brand is created only at the end, in one
 * transaction with its feed, so a cancelled or abandoned setup leaves nothing half-made. The dialog state lives
 * in Postgres, so a restart continues it at the same question.
 */
export function brandSetupDialog(deps: { sql: Sql; checkFeed: FeedChecker }) {
  return async function brandSetup(conversation: SettingsConversation, ctx: Context, args: BrandSetupArgs) {
    const options = {
      dialogName: "the brand setup",
      cancelledText: args.first
        ? "Cancelled. No brand was created. Send /start whenever you want to set one up."
        : "Cancelled. No brand was created.",
      skippable: true,
    };

    /**
     * Asks one question until the answer passes `check`; undefined when skipped. A `proposal` adds a button
     * that answers with its value in one tap.
     */
    const ask = async <V>(
      prompt: string,
      check: (text: string) => Promise<Parsed<V>>,
      proposal?: { label: string; value: V },
    ) => {
      const keyboard = proposal
        ? new InlineKeyboard()
            .text(proposal.label, dialogCallback.use)
            .row()
            .text("⏭ Skip", dialogCallback.skip)
            .text("✖ Cancel", dialogCallback.cancel)
        : skipOrCancelKeyboard();
      await replyInDialog(ctx, `${prompt}\n\n/skip skips this question, /cancel stops.`, {
        parse_mode: "HTML",
        reply_markup: keyboard,
        link_preview_options: { is_disabled: true },
      });
      const waitOptions = proposal ? { ...options, choices: [dialogCallback.use] } : options;
      for (;;) {
        const answer = await waitForAnswer(conversation, waitOptions);
        if (answer.kind === "skip") return { value: undefined, ctx: answer.ctx, updateId: answer.updateId };
        if (answer.kind === "choice" && proposal) {
          return { value: proposal.value, ctx: answer.ctx, updateId: answer.updateId };
        }
        if (answer.kind !== "text") continue;
        const checked = await conversation.external(() => check(answer.text));
        if (checked.ok) return { value: checked.value, ctx: answer.ctx, updateId: answer.updateId };
        await replyInDialog(answer.ctx, checked.error);
      }
    };

    const intro = args.first
      ? `Welcome to Greenlight, ${escapeHtml(args.firstName)}! Let's set up your first brand: ${STEPS} quick questions.\n\n`
      : `A new brand: ${STEPS} quick questions.\n\n`;

    const name = await ask(
      `${intro}<b>1/${STEPS}</b> What is the brand called? e.g. “Berlin Bike News”.`,
      (text) => checkBrandName(deps.sql, args.ownerId, text),
    );
    const topic = await ask(
      `<b>2/${STEPS}</b> What does it post about? e.g. “urban cycling in Berlin: infrastructure, events, gear”.`,
      async (text) => parseTopic(text),
    );
    const voice = await ask(
      `<b>3/${STEPS}</b> How should captions sound? e.g. “friendly and curious, short sentences, one emoji at most”. You can also derive it from example captions later with /voice.`,
      async (text) => parseVoiceDescription(text),
    );
    const proposed = brandLanguageOf(args.languageCode);
    const language = await ask(
      `<b>4/${STEPS}</b> Which language should captions, credit lines and hashtags be written in? ${proposed ? `Tap “Use ${escapeHtml(proposed.name)}”, or send` : "Send"} a language code or name, e.g. ${LANGUAGE_EXAMPLES}. Skipping keeps English.`,
      async (text) => parseBrandLanguage(text),
      proposed ? { label: `Use ${proposed.name}`, value: proposed.tag } : undefined,
    );
    if (language.value !== undefined) {
      await replyInDialog(language.ctx, `Language set: ${describeLanguage(language.value)}.`);
    }
    const timeZone = await ask(
      `<b>5/${STEPS}</b> Which time zone does it post in? Send a Region/City name such as Europe/Berlin, America/New_York, Asia/Kolkata or Australia/Sydney. Skipping keeps UTC.`,
      async (text) => validateTimeZone(text),
    );
    if (timeZone.value !== undefined) {
      const now = new Date(await conversation.now());
      await replyInDialog(
        timeZone.ctx,
        `Time zone set: ${timeZone.value} (${formatLocalTime(now, timeZone.value)} there now).`,
      );
    }
    const feed = await ask(
      `<b>6/${STEPS}</b> Send the address of a news feed (RSS or Atom) to draft from, e.g. https://example.com/feed.xml. I will fetch it once to check it.`,
      async (text) => {
        const url = parseFeedUrl(text);
        return url.ok ? deps.checkFeed(url.value) : url;
      },
    );
    if (feed.value !== undefined) {
      await replyInDialog(
        feed.ctx,
        `Found the feed ${feed.value.title ? quoteInput(feed.value.title, 100) : "(untitled)"}.`,
      );
    }

    const brandName =
      name.value ?? (await conversation.external(() => unusedDefaultBrandName(deps.sql, args.ownerId)));
    const brand = {
      ownerId: args.ownerId,
      name: brandName,
      topic: topic.value ?? "",
      voice: voice.value ?? "",
      timeZone: timeZone.value ?? "UTC",
      language: language.value ?? "en",
      ...(feed.value ? { feed: feed.value } : {}),
    };
    const created = await conversation.external(() =>
      runOnce(deps.sql, feed.updateId, (tx) => createBrand(tx, brand)),
    );
    if (!created.applied) return;
    await feed.ctx.reply(
      renderBrandCreated({
        name: brand.name,
        topic: brand.topic,
        voice: brand.voice,
        timeZone: brand.timeZone,
        language: brand.language,
        feedTitle: feed.value ? feed.value.title : null,
        postingSlots: created.value.posting_slots,
        monthlyBudgetUsd: created.value.monthly_budget_usd,
        first: args.first,
      }),
      { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    );
  };
}
