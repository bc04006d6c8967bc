import type { Sql, Transaction } from "../../database/connect.ts";
import type { Texts } from "../../i18n/texts.ts";
import { type FirstCommentSetting, parseFirstCommentSetting } from "../../publishing/first-comment.ts";
import type { Parsed } from "../../publishing/posting-slots.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { quoteInputHtml } from "../../shared/telegram-text-limits.ts";
import {
  type BrandScope,
  checkBrandName,
  renameBrand,
  setBudgetCap,
  setFirstComment,
  setHashtags,
  setSchedule,
  setTopic,
  setVoice,
} from "./brand-queries.ts";
import { type BrandProfileField, brandProfileDefinitions } from "../brand-profile/brand-profile-fields.ts";
import { withBrandHeading } from "../brands/brand-views.ts";
import type { FeedChecker } from "../feeds/feed-check.ts";
import { addFeed, countFeeds, feedExists, MAX_FEEDS_PER_BRAND } from "../feeds/feed-queries.ts";
import { describeFirstRead } from "../feeds/feeds-view.ts";
import { describeFirstCommentIn } from "../brand-profile/profile-views.ts";
import { renderScheduleChanged } from "../schedule/schedule-view.ts";
import {
  MAX_HASHTAGS,
  MAX_MONTHLY_BUDGET_USD,
  parseBudgetAmount,
  parseFeedUrl,
  parseHashtags,
  parseScheduleChange,
  parseTopic,
  parseVoiceDescription,
} from "./settings-input.ts";

/**
 * The brand settings an owner changes by typing one answer: what to ask, how to check the answer, how to store
 * it and what to say then. The same definitions serve the dialog (tap Change, then type) and the shorthand
 * (`/topic urban cycling`), so both validate and save identically.
 */
export type SettingField =
  | "name"
  | "topic"
  | "voice"
  | "hashtags"
  | "firstComment"
  | "budget"
  | "schedule"
  | "feed"
  | BrandProfileField;

export interface SettingDefinition<V> {
  /** The question (HTML) that opens the dialog. */
  prompt(scope: BrandScope, texts: Texts): string;
  /** Validates the owner's text; may do I/O (a feed is fetched once). Plain-words error otherwise. */
  check(text: string, scope: BrandScope, texts: Texts): Promise<Parsed<V>>;
  /** Stores the value in the caller's transaction; returns the confirmation (HTML) or a refusal. */
  save(tx: Transaction, scope: BrandScope, value: V, texts: Texts): Promise<Parsed<string>>;
}

export interface SettingDeps {
  sql: Sql;
  checkFeed: FeedChecker;
  clock?: () => Date;
  /** When feeds are next read (the ingest schedule), so a new feed's confirmation says when it is first read. */
  nextFeedRead?: (after: Date) => Date | null;
}

/** The refusal when the brand was deleted while its setting was being changed. */
export const brandGone = (texts: Texts): Parsed<string> => ({
  ok: false,
  error: texts.t("settings-brand-gone"),
});

export function settingDefinitions(deps: SettingDeps): { [F in SettingField]: SettingDefinition<unknown> } {
  const clock = deps.clock ?? (() => new Date());
  const name: SettingDefinition<string> = {
    prompt: (scope, texts) => texts.t("rename-prompt", { name: escapeHtml(scope.brand.name) }),
    check: (text, scope, texts) =>
      checkBrandName(deps.sql, scope.brand.owner_id, text, scope.brand.id, texts),
    async save(tx, scope, value, texts) {
      // Checked again here: another dialog may have taken the name since the answer was checked.
      const checked = await checkBrandName(tx, scope.brand.owner_id, value, scope.brand.id, texts);
      if (!checked.ok) return checked;
      if (!(await renameBrand(tx, scope.brand.id, value))) return brandGone(texts);
      return {
        ok: true,
        value: texts.t("rename-saved", { oldName: escapeHtml(scope.brand.name), name: escapeHtml(value) }),
      };
    },
  };

  const topic: SettingDefinition<string> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("topic-prompt")),
    check: async (text, _scope, texts) => parseTopic(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setTopic(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, texts.t("topic-saved", { topic: escapeHtml(value) })) }
        : brandGone(texts),
  };

  const voice: SettingDefinition<string> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("voice-prompt")),
    check: async (text, _scope, texts) => parseVoiceDescription(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setVoice(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, texts.t("voice-saved", { voice: escapeHtml(value) })) }
        : brandGone(texts),
  };

  const hashtags: SettingDefinition<string[]> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("hashtags-prompt", { limit: MAX_HASHTAGS })),
    check: async (text, _scope, texts) => parseHashtags(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setHashtags(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              value.length > 0
                ? texts.t("hashtags-saved", { hashtags: escapeHtml(value.join(" ")) })
                : texts.t("hashtags-cleared"),
            ),
          }
        : brandGone(texts),
  };

  const firstComment: SettingDefinition<FirstCommentSetting> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("first-comment-prompt")),
    async check(text) {
      const parsed = parseFirstCommentSetting(text);
      return parsed.ok ? { ok: true, value: parsed.setting } : { ok: false, error: parsed.problem };
    },
    save: async (tx, scope, value, texts) =>
      (await setFirstComment(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              texts.t("first-comment-saved", { setting: escapeHtml(describeFirstCommentIn(value, texts)) }),
            ),
          }
        : brandGone(texts),
  };

  const budget: SettingDefinition<number> = {
    prompt: (scope, texts) =>
      withBrandHeading(
        scope,
        texts.t("budget-prompt", {
          cap: texts.usd(scope.brand.monthly_budget_usd),
          // English keeps its short "$10,000"; other locales write the amount their way.
          max:
            texts.locale === "en"
              ? `$${MAX_MONTHLY_BUDGET_USD.toLocaleString("en-US")}`
              : texts.usd(MAX_MONTHLY_BUDGET_USD),
        }),
      ),
    check: async (text, _scope, texts) => parseBudgetAmount(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setBudgetCap(tx, scope.brand.id, Math.round(value * 100)))
        ? { ok: true, value: withBrandHeading(scope, texts.t("budget-saved", { cap: texts.usd(value) })) }
        : brandGone(texts),
  };

  const schedule: SettingDefinition<{ slots?: { time: string; days: number[] }[]; timeZone?: string }> = {
    prompt: (scope, texts) =>
      withBrandHeading(
        scope,
        texts.t("schedule-prompt", { examples: escapeHtml(texts.t("schedule-examples")) }),
      ),
    check: async (text, _scope, texts) => parseScheduleChange(text, texts),
    save: async (tx, scope, value, texts) =>
      (await setSchedule(tx, scope.brand.id, value))
        ? { ok: true, value: renderScheduleChanged(scope, value, texts) }
        : brandGone(texts),
  };

  const feed: SettingDefinition<{ url: string; title: string }> = {
    prompt: (scope, texts) => withBrandHeading(scope, texts.t("feeds-prompt")),
    async check(text, scope, texts) {
      const url = parseFeedUrl(text, texts);
      if (!url.ok) return url;
      if (await feedExists(deps.sql, scope.brand.id, url.value)) {
        return { ok: false, error: texts.t("feeds-duplicate") };
      }
      if ((await countFeeds(deps.sql, scope.brand.id)) >= MAX_FEEDS_PER_BRAND) {
        return { ok: false, error: texts.t("feeds-too-many", { limit: MAX_FEEDS_PER_BRAND }) };
      }
      return deps.checkFeed(url.value, texts);
    },
    async save(tx, scope, value, texts) {
      if (!(await addFeed(tx, scope.brand.id, value.url, value.title))) {
        return { ok: false, error: texts.t("feeds-already-listed") };
      }
      const title = value.title ? quoteInputHtml(value.title, 100) : texts.t("feeds-added-untitled");
      const now = clock();
      const when = describeFirstRead(deps.nextFeedRead?.(now), scope.brand.time_zone, now, texts);
      return { ok: true, value: withBrandHeading(scope, texts.t("feeds-added", { title, when })) };
    },
  };

  return {
    name,
    topic,
    voice,
    hashtags,
    firstComment,
    budget,
    schedule,
    feed,
    ...brandProfileDefinitions(),
  } as {
    [F in SettingField]: SettingDefinition<unknown>;
  };
}
