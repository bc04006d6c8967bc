/**
 * A rewrite instruction sent as a voice note: checked against our limits, downloaded through the Bot API, and
 * transcribed by OpenAI under the brand's budget (reserved before the call, settled with the usage the API
 * reports, as every AI call is). Only the transcript leaves this module: the audio is held in memory for the
 * call and never stored.
 */

import type { Api } from "grammy";
import type { Voice } from "grammy/types";
import { costOfTranscriptionUsage, estimateTranscriptionCost } from "../budget/cost.ts";
import {
  type AiSpendObserver,
  BudgetExceededError,
  chargeEstimate,
  mayHaveBeenBilled,
  releaseAiSpend,
  reserveAiSpend,
  settleAiSpend,
} from "../budget/ledger.ts";
import type { PriceTable } from "../budget/prices.ts";
import type { Sql } from "../database/connect.ts";
import type { MessageArgs } from "../i18n/catalogue.ts";
import { englishTexts, type Texts } from "../i18n/texts.ts";
import type { Logger } from "../shared/logger.ts";
import type { Transcribe } from "../transcription/openai-transcriber.ts";
import { normaliseInstruction } from "./rewrite-choices.ts";
import {
  downloadTelegramFile,
  FileTooLargeError,
  TELEGRAM_DOWNLOAD_LIMIT_BYTES,
} from "./telegram-file-download.ts";

/**
 * Longer notes are refused before anything is downloaded or paid for: an instruction takes seconds to say, and
 * the cap bounds what one note can cost (about $0.001 a minute with gpt-4o-mini-transcribe).
 */
export const MAX_VOICE_NOTE_SECONDS = 120;

export interface VoiceInstructionDeps {
  sql: Sql;
  logger: Logger;
  /** Absent without an OpenAI API key: voice notes are then refused, and typing still works. */
  transcribe: Transcribe | undefined;
  model: string;
  prices: PriceTable;
  observeSpend?: AiSpendObserver | undefined;
}

/** The transcript as the instruction, or what to tell the owner (the dialog keeps waiting either way). */
export type HeardVoice = { ok: true; text: string } | { ok: false; message: string };

export async function transcribeVoiceInstruction(
  deps: VoiceInstructionDeps,
  api: Pick<Api, "getFile" | "token" | "options">,
  input: {
    brandId: number;
    draftId: number;
    voice: Pick<Voice, "file_id" | "duration" | "file_size">;
    /** The language of the owner who sent it, for what they are told. */
    texts?: Texts;
  },
): Promise<HeardVoice> {
  const { voice } = input;
  const texts = input.texts ?? englishTexts();
  const refuse = (key: string, args?: MessageArgs): HeardVoice => ({
    ok: false,
    message: texts.t(key, args),
  });
  if (!deps.transcribe) return refuse("voice-note-no-key");
  if (voice.duration > MAX_VOICE_NOTE_SECONDS) {
    return refuse("voice-note-too-long", { seconds: voice.duration, minutes: MAX_VOICE_NOTE_SECONDS / 60 });
  }
  const tooLarge = () =>
    refuse("voice-note-too-big", { megabytes: TELEGRAM_DOWNLOAD_LIMIT_BYTES / 1024 / 1024 });
  if ((voice.file_size ?? 0) > TELEGRAM_DOWNLOAD_LIMIT_BYTES) return tooLarge();

  const estimateUsd = estimateTranscriptionCost(deps.model, voice.duration, deps.prices);
  let reservation;
  try {
    reservation = await reserveAiSpend(deps.sql, {
      brandId: input.brandId,
      draftId: input.draftId,
      provider: "openai",
      model: deps.model,
      operation: "transcription",
      estimateUsd,
      observer: deps.observeSpend,
    });
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
    return refuse("voice-note-over-budget", {
      spent: texts.usd(error.committedUsd),
      cap: texts.usd(error.budgetUsd),
    });
  }

  let audio: Uint8Array;
  try {
    audio = await downloadTelegramFile(api, voice.file_id);
  } catch (error) {
    await releaseAiSpend(deps.sql, reservation);
    if (error instanceof FileTooLargeError) return tooLarge();
    deps.logger.warn({ err: error, draftId: input.draftId }, "voice note download failed");
    return refuse("voice-note-fetch-failed");
  }

  let heard;
  try {
    heard = await deps.transcribe({
      audio,
      fileName: "voice.oga",
      mimeType: "audio/ogg",
      model: deps.model,
    });
  } catch (error) {
    // No answer at all (a timeout) may still have been billed: charged at the estimate, an upper bound.
    if (mayHaveBeenBilled(error)) await chargeEstimate(deps.sql, reservation, input.draftId);
    else await releaseAiSpend(deps.sql, reservation);
    deps.logger.warn({ err: error, draftId: input.draftId }, "voice note transcription failed");
    return refuse("voice-note-transcribe-failed");
  }
  await settleAiSpend(deps.sql, reservation, {
    // A model billed by duration reports no tokens: it is charged the estimate from the note's length.
    costUsd: heard.usage ? costOfTranscriptionUsage(heard.model, heard.usage, deps.prices) : estimateUsd,
    model: heard.model,
    draftId: input.draftId,
    usage: { inputTokens: heard.usage?.input_tokens ?? 0, outputTokens: heard.usage?.output_tokens ?? 0 },
  });
  const text = normaliseInstruction(heard.text);
  if (text === null) return refuse("voice-note-no-words");
  return { ok: true, text };
}
