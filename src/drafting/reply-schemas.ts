/**
 * The replies Claude sends, as the drafter reads them. The JSON schemas sent with each request are in prompts.ts
 * (plain constants, so that the request shape stays byte-stable for caching); these check what comes back,
 * including the ranges that structured output cannot express.
 */
import * as z from "zod/mini";

/** Text with something in it once trimmed (and kept trimmed). */
const nonEmptyText = z.string().check(z.trim(), z.minLength(1));

export const commentReplySchema = z.object({
  assessment: z.enum(["ordinary", "spam", "abuse"]),
  reply: z.string(),
});

/** The relevance reply as parsed. Entries are checked one by one in the drafter, so one bad entry is not fatal. */
export const relevanceReplySchema = z.object({
  scores: z.array(z.object({ ref: z.string(), score: z.unknown(), reason: z.unknown() })),
});
export const relevanceEntrySchema = z.object({
  ref: z.string(),
  score: z.int().check(z.gte(0), z.lte(100)),
  reason: nonEmptyText,
});
export const draftReplySchema = z.object({
  hook: nonEmptyText,
  body: nonEmptyText,
  call_to_action: z.string(),
  credit: nonEmptyText,
  hashtags: z.array(z.string()),
  // Required of the model; a reply without it still makes a draft, with the hook as alt text (claude-drafter.ts).
  alt_text: z._default(z.string(), ""),
  // Required of the model; a reply without them is a single image with no planned slides.
  format: z._default(z.enum(["single", "carousel"]), "single"),
  slides: z._default(z.array(z.object({ text: z.string(), alt_text: z._default(z.string(), "") })), []),
});
export const voiceReplySchema = z.object({ voice: nonEmptyText });

export type DraftReply = z.infer<typeof draftReplySchema>;
