import { InlineKeyboard } from "grammy";
import { englishTexts, type Texts } from "../../i18n/texts.ts";
import type { DeletedOwnerData, OwnerDataSummary } from "./owner-data-deletion.ts";
import { settingsCallback } from "../shared/settings-callbacks.ts";

/** /deletedata's question: what goes, counted with the locale's plural forms (delete-data.ftl). */
export function renderDeleteDataQuestion(summary: OwnerDataSummary, texts: Texts = englishTexts()): string {
  return [
    texts.t("delete-data-question-title"),
    "",
    texts.t("delete-data-question", counts(summary)),
    "",
    texts.t("delete-data-question-note"),
  ].join("\n");
}

export function deleteDataKeyboard(askedAt: Date, texts: Texts = englishTexts()): InlineKeyboard {
  return new InlineKeyboard()
    .text(texts.t("delete-data-confirm-button"), settingsCallback.deleteDataConfirm(askedAt))
    .row()
    .text(texts.t("delete-data-keep-button"), settingsCallback.deleteDataKeep);
}

export function renderDataDeleted(deleted: DeletedOwnerData, texts: Texts = englishTexts()): string {
  return [
    texts.t("delete-data-done-title"),
    texts.t("delete-data-done", counts(deleted)),
    "",
    texts.t("delete-data-done-note"),
  ].join("\n");
}

/** Counts arrive from Postgres as bigint strings: numbers, so Fluent picks the plural form and formats them. */
function counts(summary: OwnerDataSummary) {
  return { brands: Number(summary.brands), feeds: Number(summary.feeds), drafts: Number(summary.drafts) };
}
