import { type Context, InlineKeyboard } from "grammy";
import { brandLanguageOf, parseBrandLanguage } from "../../drafting/brand-languages.ts";
import type { Sql } from "../../database/connect.ts";
import type { Parsed } from "../../publishing/posting-slots.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { quoteInput } from "../../shared/telegram-text-limits.ts";
import { replyInDialog } from "../../bot/dialog-reply.ts";
import { textsOfUpdate } from "../../i18n/bot-locale.ts";
import { checkBrandName, createBrand, unusedDefaultBrandName } from "../shared/brand-queries.ts";
import { describeLanguageIn } from "../brand-profile/brand-profile-view.ts";
import { renderBrandCreated } from "../brands/brand-views.ts";
import { type SettingsConversation, skipOrCancelKeyboard, waitForAnswer } from "../shared/dialog-flow.ts";
import { dialogCallback } from "../shared/settings-callbacks.ts";
import type { FeedChecker } from "../feeds/feed-check.ts";
import { runOnce } from "../shared/run-once.ts";
import { parseFeedUrl, parseTimeZone, parseTopic, parseVoiceDescription } from "../shared/settings-input.ts";
import { formatLocalTime } from "../shared/time-text.ts";

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
    const texts = textsOfUpdate(ctx);
    const { t } = texts;
    const options = {
      dialogName: "the brand setup",
      cancelledText: t(args.first ? "setup-cancelled-first" : "setup-cancelled"),
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
            .text(t("button-skip"), dialogCallback.skip)
            .text(t("button-cancel"), dialogCallback.cancel)
        : skipOrCancelKeyboard(texts);
      await replyInDialog(ctx, `${prompt}\n\n${t("setup-skip-hint")}`, {
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
      ? `${t("setup-intro-first", { firstName: escapeHtml(args.firstName), steps: STEPS })}\n\n`
      : `${t("setup-intro-new", { steps: STEPS })}\n\n`;
    /** "<b>2/6</b> What does it post about?…": a question with its place in the dialog. */
    const question = (step: number, key: string, args?: Record<string, string>) =>
      `<b>${step}/${STEPS}</b> ${t(key, args)}`;

    const name = await ask(`${intro}${question(1, "setup-question-name")}`, (text) =>
      checkBrandName(deps.sql, args.ownerId, text, undefined, texts),
    );
    const topic = await ask(question(2, "setup-question-topic"), async (text) => parseTopic(text, texts));
    const voice = await ask(question(3, "setup-question-voice"), async (text) =>
      parseVoiceDescription(text, texts),
    );
    const proposed = brandLanguageOf(args.languageCode);
    // The proposal is named in the owner's language ("Usar español de México"); English keeps the list's names.
    const proposedName =
      proposed && (texts.locale === "en" ? proposed.name : texts.languageName(proposed.tag));
    const useProposed = proposed ? t("setup-use-language", { language: proposedName! }) : null;
    const language = await ask(
      useProposed
        ? question(4, "setup-question-language-proposed", {
            button: escapeHtml(useProposed),
            examples: t("setup-language-examples"),
          })
        : question(4, "setup-question-language", { examples: t("setup-language-examples") }),
      async (text) => parseBrandLanguage(text, texts),
      proposed && useProposed ? { label: useProposed, value: proposed.tag } : undefined,
    );
    if (language.value !== undefined) {
      await replyInDialog(
        language.ctx,
        t("setup-language-set", { language: describeLanguageIn(language.value, texts) }),
      );
    }
    const timeZone = await ask(question(5, "setup-question-time-zone"), async (text) =>
      parseTimeZone(text, texts),
    );
    if (timeZone.value !== undefined) {
      const now = new Date(await conversation.now());
      await replyInDialog(
        timeZone.ctx,
        t("setup-time-zone-set", { timeZone: timeZone.value, time: formatLocalTime(now, timeZone.value) }),
      );
    }
    const feed = await ask(question(6, "setup-question-feed"), async (text) => {
      const url = parseFeedUrl(text, texts);
      return url.ok ? deps.checkFeed(url.value, texts) : url;
    });
    if (feed.value !== undefined) {
      await replyInDialog(
        feed.ctx,
        t("setup-feed-found", {
          title: feed.value.title ? quoteInput(feed.value.title, 100) : t("setup-feed-untitled"),
        }),
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
      renderBrandCreated(
        {
          name: brand.name,
          topic: brand.topic,
          voice: brand.voice,
          timeZone: brand.timeZone,
          language: brand.language,
          feedTitle: feed.value ? feed.value.title : null,
          postingSlots: created.value.posting_slots,
          monthlyBudgetUsd: created.value.monthly_budget_usd,
          first: args.first,
        },
        texts,
      ),
      { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    );
  };
}
