/**
 * A carousel's plan: the fact slides between the cover and the closing credit, as the drafter wrote them. Pure.
 *
 * Each fact slide must be read on a phone in the second or two a reader gives it: at most 120 characters, which
 * the renderer sets in at most five lines at 64 px or larger on a 1080 px slide (carousel-slides.ts). Instagram
 * takes 2 to 10 items; ours are the cover, 2 to 6 facts and the credit, so 4 to 8.
 */

import { fitAltText } from "./alt-text.ts";
import { countCharacters, truncateToCharacters } from "./caption-limits.ts";

export const MIN_FACT_SLIDES = 2;
export const MAX_FACT_SLIDES = 6;
export const MAX_SLIDE_CHARACTERS = 120;

/** The brand's choice of format (brands.post_format): the AI chooses per story, or always one of the two. */
export type PostFormatSetting = "auto" | "single" | "carousel";
export type DraftFormat = "single" | "carousel";

export interface FactSlide {
  text: string;
  /** For screen readers: what the slide shows, in the brand's language. */
  altText: string;
}

/** Stored in drafts.slide_plan whatever the draft's format, so the card can turn it into a carousel. */
export interface SlidePlan {
  facts: FactSlide[];
  /** The closing slide's text: the caption's credit line ("Source: …"), in the brand's language. */
  credit: string;
}

/** One line, spaces collapsed: a slide is set by the renderer, not by the model's line breaks. */
export function oneLineSlideText(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Why a slide text cannot be used, or undefined when it can. */
export function slideTextProblem(text: string): string | undefined {
  const line = oneLineSlideText(text);
  if (!line) return "A slide's text cannot be empty.";
  const length = countCharacters(line);
  if (length > MAX_SLIDE_CHARACTERS) {
    return `That is ${length} characters; a slide takes at most ${MAX_SLIDE_CHARACTERS}, so it reads on a phone. Please make it ${length - MAX_SLIDE_CHARACTERS} shorter.`;
  }
  return undefined;
}

/**
 * The model's slides checked: each one line within the limit, at most six (the first six kept). Returns the
 * problem to send back to the model when one is too long, as the caption's limits do.
 */
export function checkPlannedSlides(
  slides: readonly { text: string; alt_text: string }[],
): { ok: true; facts: FactSlide[] } | { ok: false; problem: string } {
  const facts: FactSlide[] = [];
  for (const [index, slide] of slides.slice(0, MAX_FACT_SLIDES).entries()) {
    const text = oneLineSlideText(slide.text);
    if (!text) continue;
    const length = countCharacters(text);
    if (length > MAX_SLIDE_CHARACTERS) {
      return {
        ok: false,
        problem: `slide ${index + 1} is ${length} characters; each slide takes at most ${MAX_SLIDE_CHARACTERS}.`,
      };
    }
    facts.push({ text, altText: fitAltText(slide.alt_text, text) });
  }
  return { ok: true, facts };
}

/** The format a draft gets: the brand's setting when it forces one, else the model's choice, if it can be made. */
export function decideFormat(
  setting: PostFormatSetting,
  chosen: DraftFormat,
  plan: SlidePlan,
): { ok: true; format: DraftFormat } | { ok: false; problem: string } {
  const wanted = setting === "auto" ? chosen : setting;
  if (wanted === "single") return { ok: true, format: "single" };
  if (plan.facts.length >= MIN_FACT_SLIDES) return { ok: true, format: "carousel" };
  if (setting === "carousel") {
    return {
      ok: false,
      problem: `the brand posts carousels, which need ${MIN_FACT_SLIDES} to ${MAX_FACT_SLIDES} slides; the answer had ${plan.facts.length}.`,
    };
  }
  // The model chose a carousel but planned too little for one: the story is a single image.
  return { ok: true, format: "single" };
}

/**
 * Slides without a model: the summary's sentences (then the headline) as facts, each cut at a word to fit. Fewer
 * than two make no carousel.
 */
export function templateSlidePlan(input: { title: string; summary: string; credit: string }): SlidePlan {
  const sentences = splitSentences(input.summary);
  const texts = sentences.length >= MIN_FACT_SLIDES ? sentences : [input.title, ...sentences];
  const facts = texts
    .map(oneLineSlideText)
    .filter(Boolean)
    .slice(0, MAX_FACT_SLIDES)
    .map((text) => {
      const fitted = truncateToCharacters(text, MAX_SLIDE_CHARACTERS);
      return { text: fitted, altText: fitted };
    });
  return { facts, credit: oneLineSlideText(input.credit) };
}

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

function splitSentences(text: string): string[] {
  return Array.from(sentenceSegmenter.segment(oneLineSlideText(text)), (s) => s.segment.trim()).filter(
    (sentence) => sentence.length > 0,
  );
}

/** drafts.slide_plan as stored (snake_case JSON), read back leniently: a malformed plan is no plan. */
export function readStoredSlidePlan(json: unknown): SlidePlan | null {
  if (!json || typeof json !== "object") return null;
  const raw = json as { facts?: unknown; credit?: unknown };
  if (!Array.isArray(raw.facts)) return null;
  const facts = raw.facts.flatMap((fact): FactSlide[] => {
    const f = fact as { text?: unknown; alt_text?: unknown };
    return typeof f.text === "string" && f.text
      ? [{ text: f.text, altText: typeof f.alt_text === "string" ? f.alt_text : f.text }]
      : [];
  });
  return { facts, credit: typeof raw.credit === "string" ? raw.credit : "" };
}

export function storedSlidePlan(plan: SlidePlan): {
  facts: { text: string; alt_text: string }[];
  credit: string;
} {
  return { facts: plan.facts.map((f) => ({ text: f.text, alt_text: f.altText })), credit: plan.credit };
}
