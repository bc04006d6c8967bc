import { InlineKeyboard } from "grammy";
import type { PostingSlot } from "../../publishing/posting-slots.ts";
import { formatSlotsFor } from "../schedule/day-words.ts";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { shortenText } from "../../shared/telegram-text-limits.ts";
import { describeLanguageIn } from "../brand-profile/brand-profile-view.ts";
import type { BrandContents, BrandListItem, BrandScope } from "../shared/brand-queries.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";

/**
 * Every reply about a brand starts with its name when the owner has more than one, so a setting is never
 * changed on the wrong brand unnoticed. HTML parse mode; every dynamic value escaped.
 */
export function withBrandHeading(
  scope: Pick<BrandScope, "brandCount"> & { brand: { name: string } },
  body: string,
): string {
  return scope.brandCount > 1 ? `🏷 <b>${escapeHtml(scope.brand.name)}</b>\n${body}` : body;
}

/** A name in /brands, cut so that 30 brands stay within one message (Telegram's 4,096 characters). */
const LIST_NAME_CHARS = 90;

export function renderBrandList(brands: readonly BrandListItem[], texts: Texts = englishTexts()): string {
  const { t } = texts;
  if (brands.length === 0) return t("brands-none");
  const yes = (flag: boolean) => (flag ? "yes" : "no");
  return [
    t("brands-title", { count: brands.length }),
    ...brands.map((brand) =>
      t("brands-item", {
        name: escapeHtml(shortenText(brand.name, LIST_NAME_CHARS)),
        selected: yes(brand.selected),
        paused: yes(brand.paused),
      }),
    ),
    "",
    t(brands.length > 1 ? "brands-hint-several" : "brands-hint-one"),
  ].join("\n");
}

/** A brand's button in the list: its name, cut so that the button reads whole on a phone. */
const BUTTON_LIST_NAME_CHARS = 27;

export function brandListKeyboard(
  brands: readonly BrandListItem[],
  texts: Texts = englishTexts(),
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const brand of brands) {
    keyboard
      .text(
        `${brand.selected ? "✅ " : ""}${shortenText(brand.name, BUTTON_LIST_NAME_CHARS)}`,
        settingsCallback.selectBrand(brand.id),
      )
      .row();
  }
  const selected = brands.find((brand) => brand.selected);
  if (selected) {
    keyboard
      .text(texts.t("brands-rename-button"), settingsCallback.brandRename(selected.id))
      .text(texts.t("brands-delete-button"), settingsCallback.brandDelete(selected.id))
      .row();
  }
  return keyboard.text(texts.t("brands-new-button"), settingsCallback.newBrand);
}

export function renderDeleteBrandQuestion(
  name: string,
  contents: BrandContents,
  texts: Texts = englishTexts(),
): string {
  return texts.t("brand-delete-question", {
    name: escapeHtml(name),
    feeds: contents.feeds,
    drafts: contents.awaitingReview,
    scheduled: contents.scheduled,
    instagram: contents.instagramConnected ? "yes" : "no",
  });
}

/** A brand's name on a button: short enough that "🗑 Yes, delete …" fits a phone's button. */
const BUTTON_NAME_CHARS = 14;

export function deleteBrandKeyboard(
  brandId: number,
  name: string,
  askedAt: Date,
  texts: Texts = englishTexts(),
): InlineKeyboard {
  return new InlineKeyboard()
    .text(
      texts.t("brand-delete-yes-button", { buttonName: shortenText(name, BUTTON_NAME_CHARS) }),
      settingsCallback.brandDeleteConfirm(brandId, askedAt),
    )
    .row()
    .text(texts.t("brand-delete-keep-button"), settingsCallback.brandDeleteKeep);
}

export function renderBrandDeleted(
  name: string,
  contents: BrandContents,
  texts: Texts = englishTexts(),
): string {
  return texts.t("brand-deleted", { name: escapeHtml(name), feeds: contents.feeds, drafts: contents.drafts });
}

export interface CreatedBrand {
  name: string;
  topic: string;
  voice: string;
  timeZone: string;
  language: string;
  feedTitle: string | null;
  postingSlots: readonly PostingSlot[];
  monthlyBudgetUsd: number;
  first: boolean;
}

/** The set-up dialog's summary, in the owner's language; the brand's language named in it too ("español (es)"). */
export function renderBrandCreated(brand: CreatedBrand, texts: Texts = englishTexts()): string {
  const { t } = texts;
  const notSet = (command: string) => t("setup-not-set", { command });
  return t("setup-created", {
    first: brand.first ? "yes" : "no",
    name: escapeHtml(brand.name),
    topic: brand.topic ? escapeHtml(brand.topic) : notSet("/topic"),
    voice: brand.voice ? escapeHtml(brand.voice) : notSet("/voice"),
    language: escapeHtml(describeLanguageIn(brand.language, texts)),
    timeZone: escapeHtml(brand.timeZone),
    feed:
      brand.feedTitle === null ? t("setup-no-feed") : escapeHtml(brand.feedTitle || t("setup-feed-untitled")),
    slots: escapeHtml(formatSlotsFor(brand.postingSlots, texts)),
    cap: texts.locale === "en" ? `$${brand.monthlyBudgetUsd.toFixed(2)}` : texts.usd(brand.monthlyBudgetUsd),
  });
}
