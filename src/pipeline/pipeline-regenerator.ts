import {
  CUT_SHORT_REASON,
  type DraftRegenerator,
  type RegenerationOutcome,
} from "../approval/draft-regenerator.ts";
import { BudgetExceededError } from "../budget/ledger.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import {
  keepNewImage,
  queueMediaDeletions,
  storeNewDraftImage,
  removeQueuedMedia,
} from "../storage/media-deletions.ts";
import { loadBrandForDrafting, loadOwnerExamples } from "./brand-context.ts";
import { produceDraftImage } from "./draft-image.ts";
import { type ArticleRow, type DraftingDeps, writeCaption } from "./run-drafting.ts";

/** The draft's own fields, and its article as the drafter reads it (id excepted: the article may be gone). */
interface DraftForRegeneration extends Omit<ArticleRow, "id"> {
  id: number;
  brand_id: number;
  caption: string;
  image_key: string | null;
  image_source: "generated" | "article" | "card" | null;
}

/**
 * 🔁 Rewrite and 🖼 New image for a draft awaiting review: the same caption writer and image chain as a new
 * draft, costed and held under the budget the same way. Results are stored only if the draft is still awaiting
 * review when they arrive, so a decision taken meanwhile is never overwritten.
 */
export function createPipelineRegenerator(deps: DraftingDeps): DraftRegenerator {
  async function load(draftId: number) {
    const [draft] = await deps.sql<DraftForRegeneration[]>`
      select d.id, d.brand_id, d.caption, d.image_key, d.image_source,
             coalesce(a.title, d.source_title, '') as title, coalesce(a.summary, '') as summary,
             coalesce(a.link, d.source_link) as link, a.image_url, coalesce(f.title, '') as source,
             d.relevance_reason
        from drafts d left join articles a on a.id = d.article_id left join feeds f on f.id = a.feed_id
       where d.id = ${draftId} and d.status = 'pending_review'`;
    if (!draft) return undefined;
    const brand = await loadBrandForDrafting(deps.sql, draft.brand_id);
    return brand ? { draft, brand } : undefined;
  }

  const explain = (error: unknown): RegenerationOutcome => {
    if (error instanceof BudgetExceededError) {
      return {
        ok: false,
        reason: `This month's AI budget is used up ($${error.committedUsd.toFixed(2)} of $${error.budgetUsd.toFixed(2)}). Raise it with /budget.`,
      };
    }
    if (error instanceof DraftingError)
      return { ok: false, reason: `Claude could not write a usable caption: ${error.message}` };
    deps.logger.error({ err: error }, "regeneration failed");
    return { ok: false, reason: "Something went wrong while regenerating. Please try again in a moment." };
  };

  return {
    async rewriteCaption(draftId, cutShort) {
      const loaded = await load(draftId);
      if (!loaded) return { ok: false, reason: "This draft is no longer waiting for review." };
      try {
        const examples = await loadOwnerExamples(deps.sql, loaded.brand.id);
        const text = await writeCaption(
          deps,
          loaded.brand,
          examples,
          { ...loaded.draft, id: draftId },
          draftId,
          "rewrite",
          loaded.draft.caption,
        );
        // Under the draft's row lock, like the image below: ordered against the shutdown hook.
        return await deps.sql.begin(async (tx): Promise<RegenerationOutcome> => {
          const [current] = await tx`
            select 1 from drafts where id = ${draftId} and status = 'pending_review' for update`;
          if (cutShort?.aborted) return { ok: false, reason: CUT_SHORT_REASON };
          if (!current) {
            return { ok: false, reason: "This draft was decided while the caption was being rewritten." };
          }
          await tx`
            update drafts set caption = ${text.caption}, hashtags = ${text.hashtags}, generated_caption = ${text.caption},
                              edited = false, updated_at = now()
             where id = ${draftId}`;
          return { ok: true };
        });
      } catch (error) {
        return explain(error);
      }
    },

    async regenerateImage(draftId, cutShort) {
      const loaded = await load(draftId);
      if (!loaded) return { ok: false, reason: "This draft is no longer waiting for review." };
      const { draft, brand } = loaded;
      try {
        // A new generated image is always different; the article's picture or the card would be the same again.
        const avoid = draft.image_source === "generated" ? undefined : (draft.image_source ?? undefined);
        const image = await produceDraftImage(
          deps,
          {
            brandId: brand.id,
            brandName: brand.name,
            visualStyle: brand.profile.visualStyle,
            draftId,
            article: {
              title: draft.title,
              summary: draft.summary,
              link: draft.link,
              imageUrl: draft.image_url,
              source: draft.source,
            },
          },
          { avoid },
        );
        if (cutShort?.aborted) return { ok: false, reason: CUT_SHORT_REASON };
        const stored = await storeNewDraftImage(deps, draftId, image.jpeg);
        // The image the card no longer shows (the one replaced, or the new one when the draft was decided or
        // the run cut short meanwhile) is queued for removal with the update. The row lock orders this against
        // the shutdown hook (see draftDecisions), and gives the image actually replaced, whatever ran meanwhile.
        const updated = await deps.sql.begin(async (tx) => {
          const [current] = await tx<{ image_key: string | null }[]>`
            select image_key from drafts where id = ${draftId} and status = 'pending_review' for update`;
          if (!current || cutShort?.aborted) {
            await queueMediaDeletions(tx, [stored.key]);
            return { applied: false, unused: stored.key };
          }
          await tx`
            update drafts set image_key = ${stored.key}, image_url = ${stored.url}, image_source = ${image.source}, updated_at = now()
             where id = ${draftId}`;
          await keepNewImage(tx, stored.key);
          if (current.image_key) await queueMediaDeletions(tx, [current.image_key]);
          return { applied: true, unused: current.image_key };
        });
        if (updated.unused) await removeQueuedMedia(deps, [updated.unused]);
        if (!updated.applied) {
          if (cutShort?.aborted) return { ok: false, reason: CUT_SHORT_REASON };
          return { ok: false, reason: "This draft was decided while the image was being made." };
        }
        return { ok: true };
      } catch (error) {
        return explain(error);
      }
    },
  };
}
