/** The per-brand post format (brands.post_format), as /format reads and shows it. Pure. */

import type { PostFormatSetting } from "../../drafting/slide-plan.ts";

export const POST_FORMAT_WORDS: Record<PostFormatSetting, string> = {
  auto: "the AI chooses, story by story, between a single image and a carousel",
  single: "always a single image",
  carousel: "always a carousel (a cover, 2 to 6 slides of key facts and the source)",
};

const ALIASES: Record<string, PostFormatSetting> = {
  auto: "auto",
  ai: "auto",
  choose: "auto",
  single: "single",
  image: "single",
  carousel: "carousel",
  slides: "carousel",
};

/** "/format carousel" → "carousel"; "ai" and "choose" mean auto; anything else → null. */
export function parsePostFormat(text: string): PostFormatSetting | null {
  return ALIASES[text.trim().toLowerCase()] ?? null;
}
