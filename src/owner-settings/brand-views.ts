import { InlineKeyboard } from "grammy";
import { formatSlots, type PostingSlot } from "../publishing/posting-slots.ts";
import { describeLanguage } from "../drafting/brand-languages.ts";
import { countNoun } from "../shared/count-noun.ts";
import { escapeHtml } from "../shared/telegram-html.ts";
import type { BrandContents, BrandListItem, BrandScope } from "./brand-queries.ts";
import { settingsCallback } from "./settings-callbacks.ts";

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

export function renderBrandList(brands: readonly BrandListItem[]): string {
  if (brands.length === 0) return "You have no brands yet. Tap “➕ New brand” to set one up.";
  const lines = brands.map(
    (brand) =>
      `${brand.selected ? "▶️" : "•"} ${escapeHtml(brand.name)}${brand.paused ? " (paused)" : ""}${brand.selected ? " — selected" : ""}`,
  );
  return [
    `<b>Your brands</b> (${brands.length})`,
    ...lines,
    "",
    brands.length > 1
      ? "Commands act on the selected brand. Tap another to switch."
      : "Commands act on this brand.",
  ].join("\n");
}

export function brandListKeyboard(brands: readonly BrandListItem[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const brand of brands) {
    keyboard
      .text(`${brand.selected ? "✅ " : ""}${brand.name}`, settingsCallback.selectBrand(brand.id))
      .row();
  }
  const selected = brands.find((brand) => brand.selected);
  if (selected) {
    keyboard
      .text("✏️ Rename", settingsCallback.brandRename(selected.id))
      .text("🗑 Delete", settingsCallback.brandDelete(selected.id))
      .row();
  }
  return keyboard.text("➕ New brand", settingsCallback.newBrand);
}

export function renderDeleteBrandQuestion(name: string, contents: BrandContents): string {
  const goes = [
    countNoun(contents.feeds, "feed") + " and their articles",
    countNoun(contents.awaitingReview, "draft") + " awaiting review",
    contents.scheduled > 0
      ? `<b>${countNoun(contents.scheduled, "scheduled post")}, which will not go out</b>`
      : "no scheduled posts",
    "its AI usage records",
    contents.instagramConnected ? "its Instagram connection and tokens" : "",
  ].filter(Boolean);
  return [
    `<b>Delete ${escapeHtml(name)}?</b>`,
    "",
    `With it go its settings, ${goes.join(", ")}.`,
    "",
    "Posts already published on Instagram stay there. This cannot be undone.",
  ].join("\n");
}

export function deleteBrandKeyboard(brandId: number, name: string, askedAt: Date): InlineKeyboard {
  return new InlineKeyboard()
    .text(`🗑 Yes, delete ${name}`, settingsCallback.brandDeleteConfirm(brandId, askedAt))
    .row()
    .text("Keep it", settingsCallback.brandDeleteKeep);
}

export function renderBrandDeleted(name: string, contents: BrandContents): string {
  return `🗑 <b>${escapeHtml(name)}</b> is deleted, with ${countNoun(contents.feeds, "feed")} and ${countNoun(contents.drafts, "draft or post", "drafts and posts")}.`;
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

export function renderBrandCreated(brand: CreatedBrand): string {
  const notSet = (command: string) => `<i>not set</i> (${command})`;
  return [
    `✅ <b>${escapeHtml(brand.name)}</b> is set up${brand.first ? "" : " and selected"}.`,
    "",
    `Topic: ${brand.topic ? escapeHtml(brand.topic) : notSet("/topic")}`,
    `Voice: ${brand.voice ? escapeHtml(brand.voice) : notSet("/voice")}`,
    `Language: ${escapeHtml(describeLanguage(brand.language))} (/brand)`,
    `Time zone: ${escapeHtml(brand.timeZone)}`,
    `Feed: ${brand.feedTitle !== null ? escapeHtml(brand.feedTitle || "(untitled feed)") : "<i>none yet</i> (/feeds)"}`,
    `Posting at ${escapeHtml(formatSlots(brand.postingSlots))} (/schedule); AI budget $${brand.monthlyBudgetUsd.toFixed(2)} a month (/budget).`,
    "",
    "Next: /connect links the brand's Instagram account. /help lists everything I can do.",
  ].join("\n");
}
