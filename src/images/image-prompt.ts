/**
 * Builds the text-to-image prompt for a draft's picture. Pure.
 *
 * The article is untrusted text from a feed, so it is cleaned, capped and quoted as subject
 * matter; the rules the picture must follow come after it so they have the last word.
 */

/** Longest title and summary we pass on; more adds cost (input tokens) without adding a better picture. */
const MAX_TITLE_CHARS = 300;
const MAX_SUMMARY_CHARS = 800;
const MAX_STYLE_CHARS = 400;

/** Used when a brand has not described its own look. */
export const DEFAULT_VISUAL_STYLE =
  "Editorial illustration, clean composition, soft natural light, muted colours with one strong accent.";

export interface ImagePromptInput {
  article: {
    title: string;
    summary?: string | undefined;
  };
  brand: {
    /** The brand's own description of its look, e.g. "flat pastel vector art". */
    visualStyle?: string | undefined;
  };
}

/**
 * The prompt asks for a picture that illustrates the story without words, logos or the
 * likeness of real people: text in generated images is often misspelt, logos are trademarks,
 * and a realistic face of a named person in a news post reads as a fake photo of them.
 */
export function buildImagePrompt(input: ImagePromptInput): string {
  const title = clean(input.article.title, MAX_TITLE_CHARS);
  const summary = clean(input.article.summary ?? "", MAX_SUMMARY_CHARS);
  const style = clean(input.brand.visualStyle ?? "", MAX_STYLE_CHARS) || DEFAULT_VISUAL_STYLE;

  return [
    "Create an image for a social media post about this news story.",
    "",
    `Headline: "${title}"`,
    ...(summary === "" ? [] : [`Summary: "${summary}"`]),
    "",
    "Show the subject of the story as a single clear scene or a symbolic metaphor for it.",
    `Visual style: ${style}`,
    "Composition: portrait 4:5, main subject centred, nothing important near the edges.",
    "",
    "Rules:",
    "- No text of any kind: no letters, words, numbers, captions, signs, headlines or watermarks.",
    "- No logos, brand marks, trademarks or flags of companies or organisations.",
    "- No recognisable real people and no likeness of any public figure; where people are needed, show anonymous figures from behind, in silhouette or at a distance.",
    "- Nothing graphic, gory or sensational.",
  ].join("\n");
}

/** Collapses whitespace, swaps double quotes (they delimit the quoted parts) and caps length. */
function clean(text: string, maxChars: number): string {
  const flat = text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/"/g, "'")
    .trim();
  if (flat.length <= maxChars) return flat;
  // Never end on half of a surrogate pair (an emoji cut in two).
  const cut = flat.slice(0, maxChars).replace(/[\uD800-\uDBFF]$/, "");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
