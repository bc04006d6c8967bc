// Pure, and apart from the OpenAI adapter, so choosing a size does not load the OpenAI SDK.

/** 4:5 at 1088×1360 (1,479,680 px): sides are multiples of 16 and Instagram takes it as is. */
export const GPT_IMAGE_2_INSTAGRAM_SIZE = "1088x1360";
/** The tallest size the older GPT image models offer; 2:3 needs a crop to 4:5 afterwards. */
export const LEGACY_GPT_IMAGE_PORTRAIT_SIZE = "1024x1536";

/**
 * The generation size that needs the least work before Instagram: gpt-image-2 and its 2.5/2.6
 * successors accept any multiple-of-16 size (ai-costs.md §2b), so they get an exact 4:5;
 * other models only offer fixed sizes, so they get their tallest one.
 */
export function instagramSizeFor(model: string): string {
  return /^gpt-image-2([.-]|$)/.test(model) ? GPT_IMAGE_2_INSTAGRAM_SIZE : LEGACY_GPT_IMAGE_PORTRAIT_SIZE;
}
