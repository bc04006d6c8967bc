import type { Context } from "grammy";
import type { Sql } from "../database/connect.ts";
import { type Parsed, validateTimeZone } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInput } from "../shared/telegram-text-limits.ts";
import { replyInDialog } from "../bot/dialog-reply.ts";
import { checkBrandName, createBrand, unusedDefaultBrandName } from "./brand-queries.ts";
import { renderBrandCreated } from "./brand-views.ts";
import { type SettingsConversation, skipOrCancelKeyboard, waitForAnswer } from "./dialog-flow.ts";
import type { FeedChecker } from "./feed-check.ts";
import { runOnce } from "./run-once.ts";
import { parseFeedUrl, parseTopic, parseVoiceDescription } from "./settings-input.ts";
import { formatLocalTime } from "./time-text.ts";

export interface BrandSetupArgs {
  ownerId: number;
  /** The owner's first brand, right after registering: the dialog greets them. */
  first: boolean;
  firstName: string;
}

const STEPS = 5;

/**
 * A new brand in five skippable questions: name, topic, voice, time zone, first feed. Answers are checked as
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

    /** Asks one question until the answer passes `check`; undefined when skipped. */
    const ask = async <V>(prompt: string, check: (text: string) => Promise<Parsed<V>>) => {
      await replyInDialog(ctx, `${prompt}\n\n/skip skips this question, /cancel stops.`, {
        parse_mode: "HTML",
        reply_markup: skipOrCancelKeyboard(),
        link_preview_options: { is_disabled: true },
      });
      for (;;) {
        const answer = await waitForAnswer(conversation, options);
        if (answer.kind === "skip") return { value: undefined, ctx: answer.ctx, updateId: answer.updateId };
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
    const timeZone = await ask(
      `<b>4/${STEPS}</b> Which time zone does it post in? Send a Region/City name such as Europe/Berlin, America/New_York, Asia/Kolkata or Australia/Sydney. Skipping keeps UTC.`,
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
      `<b>5/${STEPS}</b> Send the address of a news feed (RSS or Atom) to draft from, e.g. https://example.com/feed.xml. I will fetch it once to check it.`,
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
        feedTitle: feed.value ? feed.value.title : null,
        postingSlots: created.value.posting_slots,
        monthlyBudgetUsd: created.value.monthly_budget_usd,
        first: args.first,
      }),
      { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    );
  };
}
