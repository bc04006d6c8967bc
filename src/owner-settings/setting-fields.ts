import type { Sql, Transaction } from "../database/connect.ts";
import {
  describeFirstComment,
  type FirstCommentSetting,
  parseFirstCommentSetting,
} from "../publishing/first-comment.ts";
import type { Parsed } from "../publishing/posting-slots.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import { quoteInputHtml } from "../shared/telegram-text-limits.ts";
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
import { type BrandProfileField, brandProfileDefinitions } from "./brand-profile-fields.ts";
import { withBrandHeading } from "./brand-views.ts";
import { formatUsd } from "./budget-view.ts";
import type { FeedChecker } from "./feed-check.ts";
import { addFeed, countFeeds, feedExists, MAX_FEEDS_PER_BRAND } from "./feed-queries.ts";
import { renderScheduleChanged, SCHEDULE_EXAMPLES } from "./schedule-view.ts";
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
  prompt(scope: BrandScope): string;
  /** Validates the owner's text; may do I/O (a feed is fetched once). Plain-words error otherwise. */
  check(text: string, scope: BrandScope): Promise<Parsed<V>>;
  /** Stores the value in the caller's transaction; returns the confirmation (HTML) or a refusal. */
  save(tx: Transaction, scope: BrandScope, value: V): Promise<Parsed<string>>;
}

export interface SettingDeps {
  sql: Sql;
  checkFeed: FeedChecker;
}

const gone: Parsed<string> = { ok: false, error: "That brand no longer exists." };

export function settingDefinitions(deps: SettingDeps): { [F in SettingField]: SettingDefinition<unknown> } {
  const name: SettingDefinition<string> = {
    prompt: (scope) =>
      `What should <b>${escapeHtml(scope.brand.name)}</b> be called from now on? Send the new name.`,
    check: (text, scope) => checkBrandName(deps.sql, scope.brand.owner_id, text, scope.brand.id),
    async save(tx, scope, value) {
      // Checked again here: another dialog may have taken the name since the answer was checked.
      const checked = await checkBrandName(tx, scope.brand.owner_id, value, scope.brand.id);
      if (!checked.ok) return checked;
      if (!(await renameBrand(tx, scope.brand.id, value))) return gone;
      return {
        ok: true,
        value: `✅ <b>${escapeHtml(scope.brand.name)}</b> is now called <b>${escapeHtml(value)}</b>.`,
      };
    },
  };

  const topic: SettingDefinition<string> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        "What does the brand post about? Send the topic in a sentence, e.g. “urban cycling in Berlin”.",
      ),
    check: async (text) => parseTopic(text),
    save: async (tx, scope, value) =>
      (await setTopic(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, `✅ Topic set: ${escapeHtml(value)}`) }
        : gone,
  };

  const voice: SettingDefinition<string> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        "Describe how captions should sound, e.g. “warm and curious, short sentences, no jargon”.",
      ),
    check: async (text) => parseVoiceDescription(text),
    save: async (tx, scope, value) =>
      (await setVoice(tx, scope.brand.id, value))
        ? { ok: true, value: withBrandHeading(scope, `✅ Voice saved: ${escapeHtml(value)}`) }
        : gone,
  };

  const hashtags: SettingDefinition<string[]> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        `Send the default hashtags, e.g. #cycling #berlin (at most ${MAX_HASHTAGS}), or “none”.`,
      ),
    check: async (text) => parseHashtags(text),
    save: async (tx, scope, value) =>
      (await setHashtags(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              value.length > 0
                ? `✅ Default hashtags: ${escapeHtml(value.join(" "))}`
                : "✅ Default hashtags cleared.",
            ),
          }
        : gone,
  };

  const firstComment: SettingDefinition<FirstCommentSetting> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        "What should the first comment under each post be? Send “hashtags” (the post's hashtags move from the caption to the comment), “off”, or the line to post.",
      ),
    async check(text) {
      const parsed = parseFirstCommentSetting(text);
      return parsed.ok ? { ok: true, value: parsed.setting } : { ok: false, error: parsed.problem };
    },
    save: async (tx, scope, value) =>
      (await setFirstComment(tx, scope.brand.id, value))
        ? {
            ok: true,
            value: withBrandHeading(
              scope,
              `✅ First comment: ${escapeHtml(describeFirstComment(value))}. It applies to posts that have not started going out.`,
            ),
          }
        : gone,
  };

  const budget: SettingDefinition<number> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        `The monthly AI budget is ${formatUsd(scope.brand.monthly_budget_usd)}. Send the new amount in US dollars, e.g. 25 (at most $${MAX_MONTHLY_BUDGET_USD.toLocaleString("en-US")}).`,
      ),
    check: async (text) => parseBudgetAmount(text),
    save: async (tx, scope, value) =>
      (await setBudgetCap(tx, scope.brand.id, Math.round(value * 100)))
        ? { ok: true, value: withBrandHeading(scope, `✅ Monthly AI budget set to ${formatUsd(value)}.`) }
        : gone,
  };

  const schedule: SettingDefinition<{ slots?: { time: string; days: number[] }[]; timeZone?: string }> = {
    prompt: (scope) =>
      withBrandHeading(
        scope,
        `Send new posting times, a time zone, or both, e.g. ${escapeHtml(SCHEDULE_EXAMPLES)}.`,
      ),
    check: async (text) => parseScheduleChange(text),
    save: async (tx, scope, value) =>
      (await setSchedule(tx, scope.brand.id, value))
        ? { ok: true, value: renderScheduleChanged(scope, value) }
        : gone,
  };

  const feed: SettingDefinition<{ url: string; title: string }> = {
    prompt: (scope) =>
      withBrandHeading(scope, "Send the address of an RSS or Atom feed, e.g. https://example.com/feed.xml."),
    async check(text, scope) {
      const url = parseFeedUrl(text);
      if (!url.ok) return url;
      if (await feedExists(deps.sql, scope.brand.id, url.value)) {
        return { ok: false, error: "That feed is already in the list. Send another address, or /cancel." };
      }
      if ((await countFeeds(deps.sql, scope.brand.id)) >= MAX_FEEDS_PER_BRAND) {
        return {
          ok: false,
          error: `A brand can have at most ${MAX_FEEDS_PER_BRAND} feeds; remove one in /feeds first.`,
        };
      }
      return deps.checkFeed(url.value);
    },
    async save(tx, scope, value) {
      if (!(await addFeed(tx, scope.brand.id, value.url, value.title))) {
        return { ok: false, error: "That feed is already in the list." };
      }
      const title = value.title ? quoteInputHtml(value.title, 100) : "the feed (it has no title)";
      return {
        ok: true,
        value: withBrandHeading(scope, `✅ Added ${title}. New stories from it will arrive as drafts.`),
      };
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
