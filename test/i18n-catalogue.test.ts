import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { encodeDraftCallback, MAX_CALLBACK_DATA_BYTES } from "../src/approval/callback-data.ts";
import { type DraftCard, type DraftStatus, renderDraftCard } from "../src/approval/render-draft-card.ts";
import { localesDir } from "../src/i18n/catalogue.ts";
import { languageCallback } from "../src/i18n/language-command.ts";
import {
  LOCALE_NAMES,
  LOCALES,
  localeFromAcceptLanguage,
  localeFromTelegram,
  parseLocaleChoice,
} from "../src/i18n/locales.ts";
import { textsFor } from "../src/i18n/texts.ts";
import {
  brandListKeyboard,
  renderBrandCreated,
  deleteBrandKeyboard,
  renderBrandDeleted,
  renderBrandList,
  renderDeleteBrandQuestion,
} from "../src/owner-settings/brands/brand-views.ts";
import {
  brandProfileKeyboard,
  renderBrandProfile,
} from "../src/owner-settings/brand-profile/brand-profile-view.ts";
import { feedsKeyboard, feedsPage, renderFeeds } from "../src/owner-settings/feeds/feeds-view.ts";
import {
  firstCommentKeyboard,
  hashtagsKeyboard,
  renderFirstComment,
  renderHashtags,
  renderTopic,
  renderVoice,
  topicKeyboard,
  voiceKeyboard,
} from "../src/owner-settings/brand-profile/profile-views.ts";
import { renderOverdueOnResume } from "../src/owner-settings/status/resume-view.ts";
import {
  renderSchedule,
  renderScheduleChanged,
  scheduleKeyboard,
} from "../src/owner-settings/schedule/schedule-view.ts";
import { budgetKeyboard, renderBudget } from "../src/owner-settings/budget/budget-view.ts";
import {
  deleteDataKeyboard,
  renderDataDeleted,
  renderDeleteDataQuestion,
} from "../src/owner-settings/delete-data/delete-data-view.ts";
import { ownerCommandsIn, renderHelp } from "../src/owner-settings/start/owner-commands.ts";
import { renderStatus } from "../src/owner-settings/status/status-view.ts";
import { visibleLength } from "../src/shared/telegram-html.ts";
import { formatUtcIn, teamTextsIn } from "../src/teams/team-texts.ts";
import { describeDecided, renderCommentCard, renderCommentSummary } from "../src/comments/comment-card.ts";
import type { StoredComment } from "../src/comments/comment-queries.ts";
import { escapeXml } from "../src/images/headline-card.ts";
import { buildPerformanceReport } from "../src/insights/performance-report.ts";
import { buildReportChartSvg } from "../src/insights/report-chart.ts";
import { renderReportText } from "../src/insights/report-text.ts";
import { OAUTH_STATE_TTL_MINUTES } from "../src/instagram-auth/oauth-state.ts";
import {
  connectedNotice,
  connectFailedNotice,
  reconnectNotice,
} from "../src/instagram-auth/owner-notices.ts";
import { postedText, quotaNoticeText } from "../src/publishing/publish-messages.ts";

/**
 * The message catalogue (locales/<locale>/<capability>.ftl): the same messages in every locale with the same
 * arguments, and every message and view within Telegram's limits in every locale, filled with the longest
 * values the bot lets through.
 */

interface CatalogueMessage {
  file: string;
  variables: Set<string>;
  /** Variables a select expression chooses on, with the keys of their variants. */
  selectors: Map<string, string[]>;
}

type Node = { type?: string; name?: string; selector?: Node; variants?: { key: Node; value: unknown }[] };

function walk(pattern: unknown, message: CatalogueMessage): void {
  if (typeof pattern === "string" || pattern === null || pattern === undefined) return;
  if (Array.isArray(pattern)) {
    for (const element of pattern) walk(element, message);
    return;
  }
  const node = pattern as Node;
  if (node.type === "var" && node.name) message.variables.add(node.name);
  if (node.type === "select" && node.selector) {
    walk(node.selector, message);
    if (node.selector.type === "var" && node.selector.name) {
      const keys = (node.variants ?? []).map((variant) =>
        String(variant.key.name ?? (variant.key as never)["value"]),
      );
      message.selectors.set(node.selector.name, keys);
    }
    for (const variant of node.variants ?? []) walk(variant.value, message);
  }
}

/** Every message of a locale by key, read from its files the way the catalogue reads them. */
function readLocale(locale: string): Map<string, CatalogueMessage> {
  const messages = new Map<string, CatalogueMessage>();
  for (const file of readdirSync(join(localesDir, locale)).filter((name) => name.endsWith(".ftl"))) {
    const source = readFileSync(join(localesDir, locale, file), "utf8");
    const resource = new FluentResource(source);
    // Fluent skips a message it cannot parse and the bot would show "{key}": every "key =" line must have parsed.
    const written = [...source.matchAll(/^([a-z][\w-]*) =/gm)].map((match) => match[1]);
    expect(
      resource.body.map((entry) => entry.id),
      `${locale}/${file}: a message Fluent could not parse`,
    ).toEqual(written);
    for (const entry of resource.body) {
      expect(messages.has(entry.id), `${locale}: ${entry.id} defined twice`).toBe(false);
      const message: CatalogueMessage = { file, variables: new Set(), selectors: new Map() };
      walk(entry.value, message);
      for (const attribute of Object.values(entry.attributes)) walk(attribute, message);
      messages.set(entry.id, message);
    }
  }
  return messages;
}

const catalogue = new Map(LOCALES.map((locale) => [locale, readLocale(locale)]));
const english = catalogue.get("en")!;

const NOW = new Date("2026-06-01T10:00:00Z");
const FAR = new Date("2027-12-28T23:45:00Z");
const LONGEST_ZONE = "America/Argentina/ComodRivadavia";
const filled = (text: string, length: number) =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);
/** 200 characters of a name, each `&` and `<` escaped as the views escape them (Telegram counts them as one). */
const LONG_NAME = filled("Ünïcode &amp; &lt;Brand&gt; 🚲 ", 200);
/** A brand's name as typed, before the views escape it. */
const LONG_BRAND = filled("Ünïcode & <Brand> 🚲 ", 200);

/** The longest realistic value of each argument the catalogue takes, in the locale being checked. */
function longestArgument(name: string, locale: (typeof LOCALES)[number]): string | number {
  const texts = textsFor(locale);
  switch (name) {
    case "when":
      return texts.slot(FAR, LONGEST_ZONE, NOW);
    case "date":
      return texts.date(FAR, LONGEST_ZONE);
    case "month":
      return texts.month(FAR, LONGEST_ZONE);
    case "timeZone":
      return LONGEST_ZONE;
    case "telegramId":
      return "9999999999999";
    case "language":
      return LOCALE_NAMES["pt-BR"];
    case "input":
      return filled("“quoted” ", 40);
    case "account":
      return `@${filled("a.b_", 30)}`;
    case "spent":
    case "cap":
    case "reserved":
    case "projected":
    case "cost":
    case "min":
    case "max":
      return texts.usd(10_000);
    case "percent":
      return ` (${texts.percent(123.45)})`;
    case "link":
      return `<a href="https://${filled("long.example/", 2000)}">${filled("A headline &amp; more ", 300)}</a>`;
    case "error":
    case "reason":
      return filled("Instagram said no &amp; more ", 601);
    case "comment":
    case "altText":
      return filled("A comment &amp; its words ", 121);
    case "connection":
      return texts.t("status-instagram-valid", {
        account: `@${filled("a", 30)}`,
        date: texts.date(FAR, LONGEST_ZONE),
        days: 59,
        warn: "yes",
      });
    case "number":
      return 1_000;
    case "status":
      return "pending_review";
    case "page":
    case "pages":
      return 99;
    case "state":
      return filled("a state ", 700);
    // A feed's or brand's name in a toast, cut to 150 characters (feed-handlers.ts, brand-handlers.ts).
    case "shortTitle":
      return filled("Ünïcode & <Feed> 🚲 ", 150);
    // A brand's name on the delete button, cut to 14 characters (brand-views.ts).
    case "buttonName":
      return filled("Ünïcode & Brand 🚲 ", 14);
    // The best posting times /schedule suggests: at most three (best-hours.ts).
    case "times":
      return "09:00, 13:00, 18:00";
    case "limit":
    case "length":
      return 10_000;
    case "examples":
      return texts.t("schedule-examples");
    case "ago":
      return texts.t("time-days-ago", { count: 1_234 });
    case "lastRead":
      return texts.t("feeds-last-read", { ago: texts.t("time-days-ago", { count: 1_234 }) });
    case "dialog":
      return texts.t("voice-examples-dialog-name");
    case "zone":
      return LONGEST_ZONE;
    case "localTime":
    case "time":
      return "23:45";
    // A member's or brand's name on a teams button, cut to 18 characters, and in a toast, to 40 (team-texts.ts).
    case "shortName":
      return filled("Ünïcode & Brand 🚲 ", 18);
    case "toastName":
      return filled("Ünïcode & <Brand> 🚲 ", 40);
    // When an invitation expires, in UTC for people in any time zone.
    case "until":
      return formatUtcIn(FAR, texts);
    // The brands of a team member or of a group: a few names, comma-separated.
    case "brands":
      return [LONG_NAME, LONG_NAME, LONG_NAME].join(", ");
    // The set-up dialog's answers, at their maximum lengths (settings-input.ts).
    case "topic":
      return filled("Cycling &amp; <i>cities</i> ", 500);
    case "voice":
      return filled("Friendly &amp; curious ", 1_000);
    case "feed":
      return filled("A feed &amp; its title ", 300);
    case "slots":
      return "07:00, 09:00, 11:00, 13:00, 15:00, 17:00, 19:00, 21:00 Mon–Fri; 10:00, 18:00 Sat, Sun";
    case "command":
      return "/topic";
    // A feed's address in a failure reason: up to 2,000 characters as typed (its query is left out).
    case "url":
      return `https://${filled("feeds.example/", 1992)}`;
    // A feed's server, as DNS allows it.
    case "host":
      return filled("sub.example.", 253);
    // What was wrong with a feed's document, inside the sentence that names the feed.
    case "problem":
      return texts.t("feed-problem-xml-root", { root: filled("element", 100) });
    // A database's or XML parser's words, cut to 200 characters.
    case "detail":
      return filled("unexpected end of input ", 200);
    // Why a post failed: a carousel slide's number, the attempts made, Meta's error code, Instagram's own words.
    case "position":
      return 10;
    case "attempts":
      return 1_000;
    case "code":
      return "2147483647/2147483647";
    case "words":
      return filled("Instagram's words & more ", 500);
    case "estimate":
      return texts.usdFine(0.9999);
    case "megabytes":
      return 10_000;
    // Publishing notices, the Instagram connection, reports, comments and dialogs.
    case "permalink":
      return "https://www.instagram.com/p/ABCDEFGHIJK_-abcdefghijk/";
    case "username":
      return filled("a.b_", 30);
    case "minutes":
      return OAUTH_STATE_TTL_MINUTES;
    case "settings":
      return new Intl.ListFormat(locale).format(
        ["INSTAGRAM_APP_ID", "INSTAGRAM_APP_SECRET", "PUBLIC_URL"].map((name) => `<code>${name}</code>`),
      );
    case "days":
      return 30;
    case "from":
    case "to":
      return texts.date(FAR, LONGEST_ZONE);
    case "posts":
    case "waiting":
    case "views":
    case "reach":
    case "count":
    case "actual":
    case "over":
    case "seconds":
      return 1_234_567;
    case "rate":
      return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1 }).format(12.345);
    // A post's caption quoted at 40 characters, linked to the post (report-text.ts).
    case "post":
      return `<a href="https://www.instagram.com/p/ABCDEFGHIJK/">${filled("“Cargo &amp; bikes… ", 42)}</a>`;
    case "who":
      return `@${filled("a.b_", 30)}`;
    // A reply is at most 300 characters (reply-limits.ts), escaped.
    case "reply":
      return filled("Thanks &amp; see you &lt;soon&gt; ", 300);
    case "by":
      return texts.t("comment-by", { name: filled("Ünïcode &amp; Name ", 64) });
    case "at":
      return texts.t("comment-at", { time: "23:45" });
    case "setting":
      return texts.t("comments-setting-questions");
    case "instagramSays":
      return filled("Instagram says no ", 100);
    case "hashtags":
      return Array.from({ length: 30 }, (_, i) => `#${filled(`tag${i}_`, 29)}`).join(" ");
    case "instruction":
      return `“${filled("Focus on the price ", 300)}…”`;
    default:
      return LONG_NAME;
  }
}

/** Every combination of the message's selector values (each variant key, and 0, 1 and a big count). */
function argumentSets(key: string, locale: (typeof LOCALES)[number]): Record<string, string | number>[] {
  const message = catalogue.get(locale)!.get(key)!;
  const base: Record<string, string | number> = {};
  for (const variable of message.variables) base[variable] = longestArgument(variable, locale);
  let sets = [base];
  for (const [variable, keys] of message.selectors) {
    const plural = new Set(["zero", "one", "two", "few", "many", "other"]);
    const values: (string | number)[] = [0, 1, 2, 5, 21, 1_234_567];
    for (const variantKey of keys)
      if (!plural.has(variantKey) && Number.isNaN(Number(variantKey))) values.push(variantKey);
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [variable]: value })));
  }
  return sets;
}

/** Button labels: Telegram shows about 20–30 characters of a button on a phone before cutting it. */
const MAX_BUTTON_CHARS = 30;
/** answerCallbackQuery's text: 0–200 characters. */
const MAX_TOAST_CHARS = 200;
const isButton = (key: string) =>
  !isToast(key) && (key.startsWith("button-") || key.endsWith("-button") || key === "budget-type-amount");
const isToast = (key: string) =>
  /^(state-|toast-|already-|delete-data-.*-toast$|team-.*-toast$|budget-cap-)/.test(key) ||
  [
    "refused",
    "error-button",
    "button-inactive",
    "send-start-first",
    "no-slots",
    "draft-gone",
    "images-unavailable",
    "rewrites-unavailable",
    "language-set",
    "language-auto",
    // Answers that are a message after a command and a toast after a button.
    "team-invite-owner-admins-only",
    "team-invite-needs-start",
    "team-link-group-in-private",
    "comment-still-open",
    "comment-already-sending",
    "comment-already-replied",
    "comment-already-hidden",
    "comment-already-ignored",
    "comment-gone",
  ].includes(key);

describe("the message catalogue", () => {
  it("has every English message in every locale, in the same file, and nothing else", () => {
    for (const locale of LOCALES) {
      const messages = catalogue.get(locale)!;
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
      for (const [key, message] of messages)
        expect(`${locale}/${message.file}: ${key}`).toBe(`${locale}/${english.get(key)!.file}: ${key}`);
    }
  });

  it("gives every message the same arguments as English, chosen on the same selectors", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of catalogue.get(locale)!) {
        const source = english.get(key)!;
        expect({ key, locale, variables: [...message.variables].sort() }).toEqual({
          key,
          locale,
          variables: [...source.variables].sort(),
        });
      }
    }
  });

  it("renders every message in every locale within Telegram's limits, with the longest arguments", () => {
    let rendered = 0;
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      for (const key of english.keys()) {
        for (const args of argumentSets(key, locale)) {
          const text = texts.t(key, args);
          rendered++;
          expect(text, `${locale} ${key}`).not.toMatch(/\{\$?[\w-]+\}/);
          expect(visibleLength(text), `${locale} ${key}`).toBeLessThanOrEqual(4096);
          if (isToast(key))
            expect(text.length, `${locale} ${key}: ${text}`).toBeLessThanOrEqual(MAX_TOAST_CHARS);
          if (isButton(key)) {
            expect(text.length, `${locale} ${key}: ${text}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
            expect(text).not.toMatch(/[<>]/);
          }
        }
      }
    }
    expect(rendered).toBeGreaterThan(LOCALES.length * english.size);
  });

  it("gives each locale a bot description (at most 512 characters) and short description (120) Telegram accepts", () => {
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      expect(texts.t("bot-description").length, locale).toBeLessThanOrEqual(512);
      expect(texts.t("bot-short-description").length, locale).toBeLessThanOrEqual(120);
      if (locale !== "en") expect(texts.t("bot-description")).not.toBe(textsFor("en").t("bot-description"));
    }
  });

  it("gives each locale a command menu Telegram accepts: 1–256 characters a description", () => {
    for (const locale of LOCALES) {
      for (const { command, description } of ownerCommandsIn(textsFor(locale))) {
        expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(description.length, `${locale} /${command}`).toBeGreaterThanOrEqual(1);
        expect(description.length, `${locale} /${command}`).toBeLessThanOrEqual(256);
      }
      expect(visibleLength(renderHelp(textsFor(locale)))).toBeLessThanOrEqual(4096);
    }
  });
});

describe("views in every locale at their maximum sizes", () => {
  // Instagram's 2,200 characters hold the caption and its hashtags together (caption-limits.ts).
  const hashtags = Array.from({ length: 30 }, (_, i) => `#${filled(`tag${i}_`, 30)}`);
  const card = (status: DraftStatus, overrides: Partial<DraftCard> = {}): DraftCard => ({
    id: 999_999_999_999_999,
    status,
    caption: filled(
      "Cargo bikes & <trams> outsell cars 🚲 in three Dutch cities. ",
      2200 - 2 - hashtags.join(" ").length,
    ),
    hashtags,
    edited: true,
    sourceTitle: filled("A headline & <more> ", 1000),
    sourceLink: `https://${filled("news.example/", 2000)}`,
    relevanceReason: filled("Because it fits & more ", 2000),
    rejectionReason: filled("Too salesy & loud ", 500),
    scheduledFor: FAR,
    permalink: "https://www.instagram.com/p/ABCDEFGHIJK/",
    lastError: filled("Instagram refused & more ", 2000),
    aiCostUsd: 0.98765,
    brandName: filled("Ünïcode & <Brand> 🚲 ", 200),
    timeZone: LONGEST_ZONE,
    ownerHasSeveralBrands: true,
    hasPhoto: true,
    regenerating: null,
    altText: filled("A cargo bike & a tram ", 1000),
    brandFirstComment: { mode: "hashtags", text: null },
    firstComment: filled("#tag ", 2200),
    hashtagsInComment: true,
    firstCommentState: "failed",
    firstCommentError: filled("Comment refused & more ", 2000),
    ...overrides,
  });
  const statuses: DraftStatus[] = [
    "generating",
    "pending_review",
    "approved",
    "publishing",
    "published",
    "failed",
    "rejected",
    "cancelled",
  ];

  it("keeps the draft card's text within 4,096 characters, its photo caption within 1,024, its buttons short", () => {
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      for (const status of statuses) {
        for (const moment of [undefined, "choosing_reject_reason", "choosing_rewrite"] as const) {
          for (const hasPhoto of [true, false]) {
            const rendered = renderDraftCard(card(status, { hasPhoto }), { now: NOW, moment, texts });
            const where = `${locale} ${status} ${moment ?? ""} photo:${hasPhoto}`;
            expect(visibleLength(rendered.text), where).toBeLessThanOrEqual(4096);
            expect(visibleLength(rendered.photoCaption), where).toBeLessThanOrEqual(1024);
            for (const button of rendered.keyboard.inline_keyboard.flat()) {
              expect(button.text.length, `${where}: ${button.text}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
              if ("callback_data" in button && button.callback_data)
                expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
            }
          }
        }
      }
    }
    expect(
      Buffer.byteLength(
        encodeDraftCallback({ action: "rejectBecause", draftId: 999_999_999_999_999, reason: "x" }),
      ),
    ).toBeLessThanOrEqual(64);
    for (const choice of [...LOCALES, "auto"] as const)
      expect(Buffer.byteLength(languageCallback(choice))).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
  });

  it("keeps /status, /budget and /deletedata within 4,096 characters", () => {
    const brand = {
      id: 1,
      name: filled("Ünïcode & <Brand> 🚲 ", 200),
      time_zone: LONGEST_ZONE,
      monthly_budget_usd: 10_000,
      paused: true,
    };
    const scope = { brand, brandCount: 30 } as never;
    const status = {
      instagram: {
        username: filled("a.b_", 30),
        status: "connected",
        has_token: true,
        token_expires_at: new Date(NOW.getTime() + 3 * 86_400_000),
        calls_paused_until: FAR,
      },
      feeds: { total: 50, failing: 49, lastSuccessAt: NOW, lastError: filled("The feed & its error ", 2000) },
      draftsWaiting: 1_234_567,
      nextPostAt: FAR,
      queued: 1_234_567,
      commentsToTelegram: "questions",
    } as never;
    const operations = Object.fromEntries(
      ["drafting", "relevance", "image", "rewrite", "transcription", "voice", "comment_reply"].map((name) => [
        name,
        1_234.5678,
      ]),
    );
    const spend = {
      month: "2027-12",
      spentUsd: 9_999.99,
      reservedUsd: 1_234.5,
      projectedUsd: 123_456.78,
      byOperation: operations,
      byProvider: { anthropic: 5_000.12, openai: 4_999.87 },
    } as never;
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      const views = {
        status: renderStatus(scope, status, 9_999.99, NOW, texts),
        budget: renderBudget(scope, spend, texts),
        question: renderDeleteDataQuestion({ brands: 30, feeds: 1_500, drafts: 1_234_567 }, texts),
        deleted: renderDataDeleted({ brands: 30, feeds: 1_500, drafts: 1_234_567, imageKeys: [] }, texts),
      };
      for (const [name, text] of Object.entries(views)) {
        expect(visibleLength(text), `${locale} ${name}`).toBeLessThanOrEqual(4096);
        expect(text, `${locale} ${name}`).not.toContain("{");
      }
      for (const keyboard of [budgetKeyboard(1, 25, texts), deleteDataKeyboard(NOW, texts)])
        for (const button of keyboard.inline_keyboard.flat())
          expect(button.text.length, `${locale}: ${button.text}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
    }
  });
});

describe("teams views in every locale at their maximum sizes", () => {
  it("keeps /team (a big team with long names), an invitation and the set-up summary within Telegram's limits", () => {
    // Telegram names are up to 64 characters each, first and last; a group title up to 128.
    const person = filled("Ünïcode & <Name> 🚲 ", 129);
    const members = Array.from({ length: 120 }, (_, i) => ({
      name: person,
      role: i % 2 === 0 ? ("approver" as const) : ("viewer" as const),
    }));
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      const say = teamTextsIn(texts);
      const views = {
        team: say.teamHtml(LONG_BRAND, { title: filled("A group & <title> ", 128) }, members),
        invitation: say.inviteCreatedHtml(
          "viewer",
          LONG_BRAND,
          `https://t.me/${filled("bot_", 32)}?start=${filled("Ab0_-", 43)}`,
          FAR,
        ),
        joined: say.joinedAsMemberHtml("approver", LONG_BRAND, false),
        linked: say.groupLinkedHtml(LONG_BRAND, person),
        created: renderBrandCreated(
          {
            name: LONG_BRAND,
            topic: filled("Cycling & <cities> ", 500),
            voice: filled("Friendly & curious ", 1_000),
            timeZone: LONGEST_ZONE,
            language: "zh-Hant-TW",
            feedTitle: filled("A feed & <title> ", 1_000),
            postingSlots: Array.from({ length: 24 }, (_, hour) => ({
              time: `${String(hour).padStart(2, "0")}:30`,
              days: [1, 3, 5, 7],
            })),
            monthlyBudgetUsd: 10_000,
            first: false,
          },
          texts,
        ),
      };
      for (const [name, text] of Object.entries(views)) {
        expect(visibleLength(text), `${locale} ${name}`).toBeLessThanOrEqual(4096);
        expect(text, `${locale} ${name}`).not.toContain("{");
      }
      for (const label of [
        say.removeMemberButton(person),
        say.linkGroupButton(LONG_BRAND),
        ...(["owner", "approver", "viewer"] as const).map(say.inviteButton),
      ])
        expect(label.length, `${locale}: ${label}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
      for (const toast of [
        say.memberRemoved(person),
        say.groupLinkedToast(LONG_BRAND),
        say.notOnTheTeam(1e13),
      ])
        expect(toast.length, `${locale}: ${toast}`).toBeLessThanOrEqual(MAX_TOAST_CHARS);
    }
  });
});

describe("settings views in every locale at their maximum sizes", () => {
  const longName = filled("Ünïcode & <Brand> 🚲 ", 200);
  const brand = {
    id: 999_999,
    name: longName,
    time_zone: LONGEST_ZONE,
    monthly_budget_usd: 10_000,
    paused: true,
    language: "pt-BR",
    topic: filled("Urban cycling & <trams> ", 500),
    audience: filled("Commuters & <families> ", 500),
    voice: filled("Warm & <curious> ", 1_000),
    visual_style: filled("Flat & <bright> ", 500),
    default_hashtags: Array.from({ length: 30 }, (_, i) => `#${filled(`tag${i}_`, 100)}`),
    banned_terms: Array.from({ length: 50 }, (_, i) => filled(`term ${i} & <x> `, 60)),
    first_comment_mode: "text",
    first_comment_text: filled("A comment & <more> ", 2_200),
    posting_slots: Array.from({ length: 24 }, (_, hour) => ({
      time: `${String(hour).padStart(2, "0")}:00`,
      days: [1, 3, 5, 6],
    })),
  };
  const scope = { brand, brandCount: 30 } as never;
  const feeds = Array.from({ length: 50 }, (_, i) => ({
    id: 1_000_000 + i,
    url: `https://${filled("feeds.example/", 2_000)}`,
    title: filled("A feed & <its title> 🚲 ", 1_000),
    last_success_at: i % 3 === 0 ? null : new Date(NOW.getTime() - 400 * 86_400_000),
    last_error: i % 2 === 0 ? filled("The feed & its error ", 2_000) : null,
    last_error_at: i % 2 === 0 ? NOW : null,
    consecutive_failures: i % 2 === 0 ? 1_234 : 0,
  }));
  const brands = Array.from({ length: 30 }, (_, i) => ({
    id: i + 1,
    name: longName,
    paused: true,
    selected: i === 0,
  }));
  const contents = {
    feeds: 50,
    drafts: 1_234_567,
    awaitingReview: 1_234_567,
    scheduled: 1_234,
    instagramConnected: true,
  };
  const overdue = Array.from({ length: 40 }, (_, i) => ({
    id: i,
    source_title: filled("A headline & <more> ", 1_000),
    caption: "",
    goesAt: i % 3 === 2 ? null : FAR,
    now: i % 3 === 0,
  }));

  it("keeps /feeds (every page of 50 feeds), /brands (30 brands), /brand, /schedule and the settings views within Telegram's limits", () => {
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      const views: Record<string, string> = {
        brands: renderBrandList(brands, texts),
        deleteQuestion: renderDeleteBrandQuestion(longName, contents, texts),
        deleted: renderBrandDeleted(longName, contents, texts),
        profile: renderBrandProfile(scope, texts),
        schedule: renderSchedule(scope, NOW, ["09:00", "13:00", "18:00"], texts),
        scheduleChanged: renderScheduleChanged(
          scope,
          { slots: brand.posting_slots, timeZone: LONGEST_ZONE },
          texts,
        ),
        topic: renderTopic(scope, texts),
        voice: renderVoice(scope, texts),
        hashtags: renderHashtags(scope, texts),
        firstComment: renderFirstComment(scope, texts),
        resume: renderOverdueOnResume(overdue, { timeZone: LONGEST_ZONE, now: NOW, connected: false }, texts),
      };
      const keyboards = [
        brandListKeyboard(brands, texts),
        deleteBrandKeyboard(1, longName, NOW, texts),
        brandProfileKeyboard(1, texts),
        scheduleKeyboard(1, ["09:00", "13:00", "18:00"], texts),
        topicKeyboard(1, texts),
        voiceKeyboard(1, texts),
        hashtagsKeyboard(1, true, texts),
        firstCommentKeyboard(1, texts),
      ];
      for (let pageNumber = 0; pageNumber < 7; pageNumber++) {
        const page = feedsPage(feeds, pageNumber);
        expect(page.page).toBe(pageNumber);
        views[`feeds page ${pageNumber + 1}`] = renderFeeds(scope, feeds, page, NOW, {
          texts,
          nextRead: FAR,
        });
        keyboards.push(feedsKeyboard(1, feeds, page, texts));
      }
      for (const [name, text] of Object.entries(views)) {
        expect(visibleLength(text), `${locale} ${name}`).toBeLessThanOrEqual(4096);
        expect(text, `${locale} ${name}`).not.toMatch(/\{\$?[\w-]+\}/);
      }
      for (const keyboard of keyboards) {
        const buttons = keyboard.inline_keyboard.flat();
        expect(buttons.length).toBeLessThanOrEqual(100);
        for (const button of buttons) {
          expect(button.text.length, `${locale}: ${button.text}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
          if ("callback_data" in button && button.callback_data)
            expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
        }
      }
    }
  });

  it("says the settings views in the owner's language, with the locale's plurals", () => {
    const plain = (html: string) => html.replace(/<[^>]+>/g, "");
    const one = { feeds: 1, drafts: 1, awaitingReview: 1, scheduled: 1, instagramConnected: false };
    expect(plain(renderDeleteBrandQuestion("Bäckerei", one, textsFor("de")))).toContain(
      "1 Feed mit seinen Artikeln, 1 Entwurf, der auf Prüfung wartet, 1 geplanter Post, der nicht mehr erscheint",
    );
    expect(plain(renderBrandDeleted("Panadería", { ...one, feeds: 2, drafts: 1_200 }, textsFor("es")))).toBe(
      "🗑 Panadería se ha borrado, con 2 feeds y 1200 borradores y posts.",
    );
    expect(
      plain(renderBrandProfile({ ...(scope as object), brandCount: 1 } as never, textsFor("de"))),
    ).toContain("Sprache: Portugiesisch (Brasilien) (pt-BR)");
    const unread = [{ ...feeds[0]!, title: "Radblog", last_success_at: null, consecutive_failures: 0 }];
    expect(
      plain(
        renderFeeds({ brand, brandCount: 1 } as never, unread, feedsPage(unread, 0), NOW, {
          texts: textsFor("pt-BR"),
        }),
      ),
    ).toContain("⏳ ainda não lido (primeira leitura em poucos minutos)");
  });
});

describe("plurals and number formats follow the locale", () => {
  const plain = (html: string) => html.replace(/<[^>]+>/g, "");

  it("says /deletedata's counts right in English for 0, 1 and many", () => {
    expect(plain(renderDeleteDataQuestion({ brands: 0, feeds: 0, drafts: 0 }))).toContain(
      "That is your registration, 0 brands with their settings, 0 feeds and their articles, 0 drafts and scheduled posts, AI usage records",
    );
    expect(plain(renderDeleteDataQuestion({ brands: 1, feeds: 1, drafts: 1 }))).toContain(
      "That is your registration, 1 brand with its settings, 1 feed and its articles, 1 draft or scheduled post, AI usage records",
    );
    expect(plain(renderDeleteDataQuestion({ brands: 3, feeds: 12, drafts: 1_200 }))).toContain(
      "That is your registration, 3 brands with their settings, 12 feeds and their articles, 1,200 drafts and scheduled posts, AI usage records",
    );
    expect(plain(renderDataDeleted({ brands: 0, feeds: 1, drafts: 2, imageKeys: [] }))).toContain(
      "Your registration, 0 brands, 1 feed, 2 drafts with their images, comments received",
    );
    expect(plain(renderDataDeleted({ brands: 1, feeds: 0, drafts: 1, imageKeys: [] }))).toContain(
      "Your registration, 1 brand, 0 feeds, 1 draft with its image, comments received",
    );
  });

  it("says them in Spanish, Portuguese and German with each language's own forms and separators", () => {
    const question = (locale: (typeof LOCALES)[number], brands: number, drafts: number) =>
      plain(renderDeleteDataQuestion({ brands, feeds: 1, drafts }, textsFor(locale)));
    expect(question("es", 1, 1_200)).toContain(
      "1 marca con su configuración, 1 feed y sus artículos, 1200 borradores",
    );
    expect(question("es", 2, 1)).toContain("2 marcas con su configuración");
    expect(question("de", 1, 12_000)).toContain(
      "1 Marke mit ihren Einstellungen, 1 Feed mit seinen Artikeln, 12.000 Entwürfe",
    );
    expect(question("de", 0, 1)).toContain("0 Marken mit ihren Einstellungen");
    // Portuguese (CLDR): 0 and 1 take the singular.
    expect(question("pt-BR", 0, 2)).toContain("0 marca com suas configurações");
    expect(question("pt-BR", 2, 1_200)).toContain(
      "2 marcas com suas configurações, 1 feed e seus artigos, 1.200 rascunhos",
    );
  });

  it("writes money, dates and slots the locale's way", () => {
    expect(textsFor("en").usd(1_234.5)).toBe("$1,234.50");
    expect(textsFor("de").usd(1_234.5)).toBe("1.234,50\u00a0$");
    expect(textsFor("pt-BR").usd(1_234.5)).toBe("US$\u00a01.234,50");
    expect(textsFor("es").usd(0.0042)).toBe("0,0042\u00a0US$");
    expect(textsFor("en").usdFine(0.0123)).toBe("$0.0123");
    const slot = new Date("2026-06-02T07:00:00Z");
    expect(textsFor("en").slot(slot, "Europe/Berlin", NOW)).toBe("Tue 09:00, Europe/Berlin");
    expect(textsFor("de").slot(slot, "Europe/Berlin", NOW)).toBe("Di., 09:00, Europe/Berlin");
    expect(textsFor("es").date(FAR, "UTC")).toBe("28 dic 2027");
    expect(textsFor("de").month(FAR, "UTC")).toBe("Dezember 2027");
  });
});

describe("the locale of a browser", () => {
  it("is the most preferred language we ship, by q-value, else English", () => {
    expect(localeFromAcceptLanguage("es-ES,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("pt")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.7")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.5,de;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("en-GB,es;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr, *;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });
});

describe("the locale of a Telegram user", () => {
  it("follows the language Telegram reports: Portuguese is Brazilian, an unknown language English", () => {
    expect(localeFromTelegram("es")).toBe("es");
    expect(localeFromTelegram("es-419")).toBe("es");
    expect(localeFromTelegram("pt")).toBe("pt-BR");
    expect(localeFromTelegram("pt-br")).toBe("pt-BR");
    expect(localeFromTelegram("de-AT")).toBe("de");
    expect(localeFromTelegram("fr")).toBe("en");
    expect(localeFromTelegram(undefined)).toBe("en");
  });

  it("takes /language by code, by name or auto, and refuses a language it does not speak", () => {
    expect(parseLocaleChoice("de")).toBe("de");
    expect(parseLocaleChoice("Deutsch")).toBe("de");
    expect(parseLocaleChoice("pt")).toBe("pt-BR");
    expect(parseLocaleChoice("português")).toBe("pt-BR");
    expect(parseLocaleChoice("pt-BR")).toBe("pt-BR");
    expect(parseLocaleChoice("español")).toBe("es");
    expect(parseLocaleChoice("EN")).toBe("en");
    expect(parseLocaleChoice("auto")).toBe("auto");
    expect(parseLocaleChoice("fr")).toBeNull();
    expect(parseLocaleChoice("Klingon")).toBeNull();
  });
});

describe("notices, reports and comment cards in every locale at their maximum sizes", () => {
  const longName = filled("Ünïcode & <Brand> 🚲 ", 200);
  const longCaption = filled("Cargo bikes & <trams> outsell cars 🚲 ", 2200);
  const post = (id: number) => ({
    draftId: id,
    caption: longCaption,
    permalink: `https://www.instagram.com/p/${filled("ABCDEFGHIJK", 40)}/`,
    publishedAt: new Date(NOW.getTime() - id * 3_600_000).toISOString(),
    views: 1_234_567_890,
    reach: 1_234_567_890,
    interactions: 123_456_789,
  });
  const report = buildPerformanceReport({
    days: 30,
    from: new Date(NOW.getTime() - 30 * 86_400_000),
    to: NOW,
    posts: [post(1), post(2), { ...post(3), views: null, reach: null, interactions: null }],
    aiSpendUsd: 9_999.99,
  });

  it("keeps the report within a photo caption's 1,024 characters, and its chart's labels drawn", () => {
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      const caption = renderReportText({
        report,
        brandName: longName,
        timeZone: LONGEST_ZONE,
        lacksInsights: true,
        texts,
      });
      expect(visibleLength(caption), locale).toBeLessThanOrEqual(1024);
      const svg = buildReportChartSvg(report, longName, LONGEST_ZONE, texts);
      expect(svg, locale).toContain(escapeXml(texts.t("report-chart-views")));
    }
  });

  it("keeps comment cards and summaries within 4,096 characters, their buttons short", () => {
    const comment: StoredComment = {
      id: 999_999_999,
      brandId: 1,
      brandName: longName,
      ownerId: 1,
      ownerChatId: 1,
      ownerLocale: "en",
      timeZone: LONGEST_ZONE,
      language: "en",
      draftId: 1,
      caption: longCaption,
      permalink: `https://www.instagram.com/p/${filled("ABCDEFGHIJK", 40)}/`,
      commentId: "1",
      parentCommentId: "2",
      // Instagram's comments are at most 2,200 characters.
      text: filled("Great & <loud> 🚲 ", 2200),
      commenterUsername: filled("a.b_", 30),
      flagged: "abuse",
      flagReason: filled("Insults & more ", 300),
      replyText: filled("Thanks & <more> ", 300),
      replyNote: null,
      status: "open",
      actedBy: filled("Ünïcode & Name ", 64),
      actedAt: FAR,
      sendFence: 0,
      sendAttempts: 0,
      replyCommentId: null,
      lastError: filled("Instagram refused & more ", 600),
      cardChatId: null,
      cardMessageId: null,
    };
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      for (const status of ["open", "sending", "replied", "hidden", "ignored"] as const) {
        const card = renderCommentCard({ ...comment, status }, LONGEST_ZONE, texts);
        expect(visibleLength(card.text), `${locale} ${status}`).toBeLessThanOrEqual(4096);
        for (const button of card.keyboard.inline_keyboard.flat())
          expect(button.text.length, `${locale}: ${button.text}`).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
        expect(describeDecided({ ...comment, status }, LONGEST_ZONE, texts).length).toBeLessThanOrEqual(
          MAX_TOAST_CHARS,
        );
      }
      const summary = renderCommentSummary(
        {
          brandName: longName,
          caption: longCaption,
          permalink: comment.permalink,
          waiting: 1_234_567,
          opened: 1_234_567,
          summaryId: 999_999_999,
        },
        texts,
      );
      expect(visibleLength(summary.text), locale).toBeLessThanOrEqual(4096);
    }
  });

  it("keeps the posted note, the daily-limit notice and the Instagram notices within 4,096 characters", () => {
    const brand = { brandName: longName, brandCount: 30 };
    for (const locale of LOCALES) {
      const texts = textsFor(locale);
      const reason = filled("Instagram refused & more ", 600);
      const commentReason = {
        key: "publish-reason-instagram-said",
        args: { reason: { key: "publish-reason-no-comment-permission" }, words: reason },
      };
      const notices = [
        postedText(post(1).permalink, { kind: "failed", reason: commentReason, reconnect: true }, texts),
        quotaNoticeText({ brandName: longName, nextSlot: FAR, timeZone: LONGEST_ZONE, now: NOW, texts }),
        connectedNotice({ ...brand, username: filled("a.b_", 30) }, texts).text,
        connectFailedNotice(brand, { kind: "instagram_error", error: filled("x", 60) }, texts).text,
        connectFailedNotice(brand, { kind: "exchange_failed", reason: "not-professional" }, texts).text,
        reconnectNotice({ ...brand, brandId: 1, username: filled("a.b_", 30), reason }, texts).text,
      ];
      for (const text of notices) {
        expect(visibleLength(text), locale).toBeLessThanOrEqual(4096);
        expect(text, locale).not.toMatch(/\{\$?[\w-]+\}/);
      }
    }
  });
});
