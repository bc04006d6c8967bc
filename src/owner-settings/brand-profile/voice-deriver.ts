import { countNoun } from "../../shared/count-noun.ts";

/**
 * Turns example captions an owner likes into a short description of the brand's voice, which the drafter then
 * follows. With an Anthropic key the composition root passes the pipeline's Claude deriver (costed and held
 * under the budget like any AI call); without one {@link describeExamplesWithoutAi} stands in: a plain,
 * rule-based summary of the examples.
 */
export interface VoiceDeriver {
  /**
   * A concise voice description (at most about 1,000 characters). Throws an Error whose message can be shown
   * to the owner when no voice can be derived (budget exhausted, API down).
   */
  deriveVoice(input: VoiceExamples): Promise<string>;
}

export interface VoiceExamples {
  /** The brand the voice is for: its budget pays for the call. */
  brandId: number;
  brandName: string;
  topic: string;
  /** One to ten captions, as the owner sent them. */
  examples: readonly string[];
}

export const MAX_VOICE_EXAMPLES = 10;

/** The stand-in deriver: counts what the examples have in common. No AI, no cost, deterministic. */
export const describeExamplesWithoutAi: VoiceDeriver = {
  async deriveVoice(input) {
    return summariseExampleCaptions(input.examples);
  },
};

/** A plain summary of example captions: length, emoji, hashtags, questions, exclamations, person, openings. */
export function summariseExampleCaptions(examples: readonly string[]): string {
  const captions = examples.map((example) => example.trim()).filter(Boolean);
  if (captions.length === 0) return "";
  const share = (test: (caption: string) => boolean) => captions.filter(test).length / captions.length;
  const words = captions.map(
    (caption) => caption.split(/\s+/).filter((word) => !word.startsWith("#")).length,
  );
  const averageWords = Math.round(words.reduce((sum, n) => sum + n, 0) / captions.length);
  const hashtags = captions.map((caption) => (caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length);
  const averageHashtags = hashtags.reduce((sum, n) => sum + n, 0) / captions.length;

  const traits = [
    averageWords <= 25
      ? `short captions (about ${averageWords} words)`
      : `captions of about ${averageWords} words`,
    `${frequency(share((caption) => /\p{Extended_Pictographic}/u.test(caption)))} uses emoji`,
    averageHashtags === 0
      ? "no hashtags"
      : `about ${countNoun(Math.max(1, Math.round(averageHashtags)), "hashtag")}`,
    `${frequency(share((caption) => caption.includes("?")))} asks the reader a question`,
    `${frequency(share((caption) => caption.includes("!")))} uses exclamation marks`,
  ];
  const person = share((caption) => /\b(we|our|us)\b/i.test(caption)) >= 0.5 ? "speaks as “we”" : undefined;
  const direct =
    share((caption) => /\byou(r)?\b/i.test(caption)) >= 0.5 ? "addresses the reader as “you”" : undefined;
  const openings = captions
    .slice(0, 3)
    .map((caption) => `“${firstWords(caption, 8)}”`)
    .join(", ");
  return [
    `Summary of ${captions.length} example caption${captions.length === 1 ? "" : "s"} (no AI): `,
    [...traits, person, direct].filter(Boolean).join("; "),
    `. Openings like ${openings}.`,
  ].join("");
}

function frequency(share: number): string {
  if (share === 0) return "never";
  if (share < 0.34) return "rarely";
  if (share < 0.67) return "sometimes";
  return "often";
}

function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/);
  return words.length <= count ? text : `${words.slice(0, count).join(" ")}…`;
}
