/**
 * Adapter over OpenAI's speech to text (`POST /v1/audio/transcriptions`, multipart `file` and `model`), for the
 * voice notes an owner sends as a rewrite instruction. Telegram voice notes are OGG/Opus, which the endpoint
 * takes as they are. The client is passed in (its key, base URL, timeout and retry policy belong to the
 * composition root); the audio is only held in memory for the call.
 */

import type OpenAI from "openai";
import { toFile } from "openai";
import type { TranscriptionUsage } from "../budget/cost.ts";

export interface TranscribeInput {
  audio: Uint8Array;
  /** With the extension the API reads the format from ("voice.oga"). */
  fileName: string;
  mimeType: string;
  model: string;
}

export interface TranscribedAudio {
  text: string;
  /** Token usage as the API reported it; null when it billed by duration or sent none (then it is estimated). */
  usage: TranscriptionUsage | null;
  model: string;
}

export type Transcribe = (input: TranscribeInput) => Promise<TranscribedAudio>;

/** The owner is waiting in the chat for a note of at most two minutes, which takes seconds to transcribe. */
const TRANSCRIPTION_TIMEOUT_MS = 30_000;

/** Creates the `transcribe` function bound to one OpenAI client. Errors are the SDK's (APIError carries the status). */
export function createOpenAiTranscriber(options: { client: OpenAI }): Transcribe {
  const { client } = options;
  return async function transcribe(input) {
    const response = await client.audio.transcriptions.create(
      {
        file: await toFile(input.audio, input.fileName, { type: input.mimeType }),
        model: input.model,
        response_format: "json",
      },
      { timeout: TRANSCRIPTION_TIMEOUT_MS },
    );
    const usage = response.usage?.type === "tokens" ? response.usage : null;
    return { text: response.text, usage, model: input.model };
  };
}
