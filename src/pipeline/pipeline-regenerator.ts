import type { DraftRegenerator, RegenerationOutcome } from "../approval/draft-regenerator.ts";
import {
  type ClaimedRegeneration,
  finishRegeneration,
  recordRegenerationImage,
} from "../approval/regeneration-requests.ts";
import { BudgetExceededError } from "../budget/ledger.ts";
import type { Transaction } from "../database/connect.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import {
  type DraftFormat,
  MIN_FACT_SLIDES,
  readStoredSlidePlan,
  type SlidePlan,
  storedSlidePlan,
} from "../drafting/slide-plan.ts";
import {
  keepNewImage,
  queueMediaDeletions,
  queueNewImageRemoval,
  removeQueuedMedia,
} from "../storage/media-deletions.ts";
import { newDraftMediaKey } from "../storage/media-store.ts";
import { loadBrandForDrafting, loadOwnerExamples } from "./brand-context.ts";
import { type ImageSource, produceDraftImage } from "./draft-image.ts";
import {
  dropDraftSlides,
  putDraftSlides,
  renderDraftSlides,
  type StoredSlide,
  storeSlideImages,
} from "./draft-slides.ts";
import { readSlideEdit } from "../approval/edit-slide-conversation.ts";
import { renderSlide } from "../images/carousel-slides.ts";
import { type ArticleRow, type DraftingDeps, type DraftText, writeCaption } from "./run-drafting.ts";

/** The draft's own fields, and its article as the drafter reads it (id excepted: the article may be gone). */
interface DraftForRegeneration extends Omit<ArticleRow, "id"> {
  id: number;
  brand_id: number;
  caption: string;
  image_key: string | null;
  image_source: ImageSource | null;
  format: DraftFormat;
  alt_text: string | null;
}

/** Thrown inside a storing transaction when the request's fence has moved on: rolls the transaction back. */
class TakenOver extends Error {}

/**
 * 🔁 Rewrite and 🖼 New image for a draft awaiting review: the same caption writer and image chain as a new
 * draft, costed and held under the budget the same way. A result is stored only if the draft is still awaiting
 * review and the request still this worker's, in the transaction that closes the request, so a decision taken
 * meanwhile is never overwritten and a worker whose lease was taken over stores nothing.
 *
 * Crash windows, and why a retry never pays twice for a result it has: a caption is stored in one transaction
 * with the request's close, so a retry either finds the request done or calls Claude again because nothing of the
 * first call survived (only a crash between Claude's answer and that commit costs a second call). An image cannot
 * go in a transaction: its key is first recorded on the request (fenced, and queued for removal within the hour
 * in case it is never used), then the bytes are put in the store, then the draft takes it. A retry that finds a
 * recorded key whose object is in the store puts that image on the draft instead of generating another.
 */
export function createPipelineRegenerator(deps: DraftingDeps): DraftRegenerator {
  async function load(draftId: number) {
    const [draft] = await deps.sql<DraftForRegeneration[]>`
      select d.id, d.brand_id, d.caption, d.image_key, d.image_source, d.format, d.alt_text,
             coalesce(a.title, d.source_title, '') as title, coalesce(a.summary, '') as summary,
             coalesce(a.link, d.source_link) as link, a.image_url, coalesce(f.title, '') as source,
             d.relevance_reason
        from drafts d left join articles a on a.id = d.article_id left join feeds f on f.id = a.feed_id
       where d.id = ${draftId} and d.status = 'pending_review'`;
    if (!draft) return undefined;
    const brand = await loadBrandForDrafting(deps.sql, draft.brand_id);
    return brand ? { draft, brand } : undefined;
  }

  async function loadSlidePlan(draftId: number): Promise<SlidePlan | null> {
    const [row] = await deps.sql<
      { slide_plan: unknown }[]
    >`select slide_plan from drafts where id = ${draftId}`;
    return readStoredSlidePlan(row?.slide_plan) ?? { facts: [], credit: "" };
  }

  /**
   * A failure that another attempt would not cure, in the owner's language, saying which; anything else is
   * thrown for a retry.
   */
  const refusal = async (error: unknown, brandId: number): Promise<RegenerationOutcome> => {
    // An unusable answer was already retried once by the drafter; an API failure (overloaded, a timeout) may pass.
    const refused =
      error instanceof BudgetExceededError ||
      (error instanceof DraftingError && error.reason !== "api_error");
    if (!refused) throw error;
    const texts = await loadBrandOwnerTexts(deps.sql, brandId);
    if (error instanceof BudgetExceededError) {
      return {
        kind: "refused",
        reason: texts.t("budget-regeneration-refused", {
          spent: texts.usd(error.committedUsd),
          cap: texts.usd(error.budgetUsd),
        }),
      };
    }
    return {
      kind: "refused",
      reason: texts.t(`caption-unusable-${(error as DraftingError).reason.replaceAll("_", "-")}`),
    };
  };

  /** A refusal that needs no error: one sentence of the catalogue, in the brand owner's language. */
  const refusedWith = async (brandId: number, key: string): Promise<RegenerationOutcome> => ({
    kind: "refused",
    reason: (await loadBrandOwnerTexts(deps.sql, brandId)).t(key),
  });

  /** Runs a storing transaction; a moved fence rolls it back and reads as taken over. */
  async function storing(
    work: (tx: Transaction) => Promise<RegenerationOutcome>,
  ): Promise<RegenerationOutcome> {
    try {
      return (await deps.sql.begin(work)) as RegenerationOutcome;
    } catch (error) {
      if (error instanceof TakenOver) return { kind: "taken_over" };
      throw error;
    }
  }

  /** The draft is no longer awaiting review: the request ends with nothing changed. */
  function closeAsDecided(request: ClaimedRegeneration): Promise<RegenerationOutcome> {
    return storing(async (tx) => {
      if (!(await finishRegeneration(tx, request, { status: "done" }))) throw new TakenOver();
      return { kind: "decided" };
    });
  }

  /**
   * A carousel's slides for the draft as it is loaded, rendered and stored (queued for removal until a storing
   * transaction keeps them): all of them after a rewrite, the cover alone after a new image. None for a single.
   */
  async function carouselSlides(
    loaded: NonNullable<Awaited<ReturnType<typeof load>>>,
    plan: SlidePlan | null,
    cover: Buffer | undefined,
    coverOnly: boolean,
  ): Promise<StoredSlide[]> {
    const { draft, brand } = loaded;
    if (draft.format !== "carousel" || !plan || !cover) return [];
    const rendered = await renderDraftSlides({
      brand: { name: brand.name, visualStyle: brand.profile.visualStyle },
      headline: draft.title,
      coverAltText: draft.alt_text ?? draft.title,
      cover,
      plan,
    });
    return storeSlideImages(deps, draft.id, coverOnly ? rendered.slice(0, 1) : rendered);
  }

  async function coverBytes(key: string | null): Promise<Buffer | undefined> {
    return key ? (await deps.media.get(key))?.body : undefined;
  }

  async function putImageOnDraft(
    request: ClaimedRegeneration,
    image: { key: string; url: string; source: ImageSource },
    slides: StoredSlide[] = [],
  ): Promise<RegenerationOutcome> {
    let replaced: string | null = null;
    let slideKeys: string[] = [];
    const outcome = await storing(async (tx) => {
      // The row lock orders this against a decision on the draft, and gives the image actually replaced.
      const [current] = await tx<{ image_key: string | null }[]>`
        select image_key from drafts where id = ${request.draftId} and status = 'pending_review' for update`;
      if (!current) {
        if (!(await finishRegeneration(tx, request, { status: "done" }))) throw new TakenOver();
        await queueMediaDeletions(tx, [image.key]);
        slideKeys = await queueMediaDeletions(
          tx,
          slides.map((slide) => slide.imageKey),
        );
        replaced = image.key;
        return { kind: "decided" };
      }
      if (slides.length > 0) slideKeys = await putDraftSlides(tx, request.draftId, slides, { only: true });
      // A carousel's new cover is its slide 0 alone; the other slides keep their pictures.
      const finish = {
        status: "done" as const,
        newPhoto: true,
        ...(slides.length > 0 ? { slides: [0] } : {}),
      };
      if (!(await finishRegeneration(tx, request, finish))) throw new TakenOver();
      await tx`
        update drafts set image_key = ${image.key}, image_url = ${image.url}, image_source = ${image.source},
                          updated_at = now()
         where id = ${request.draftId}`;
      await keepNewImage(tx, image.key);
      if (current.image_key && current.image_key !== image.key) {
        await queueMediaDeletions(tx, [current.image_key]);
        replaced = current.image_key;
      }
      return { kind: "stored" };
    });
    if (replaced || slideKeys.length > 0)
      await removeQueuedMedia(deps, [...(replaced ? [replaced] : []), ...slideKeys]);
    return outcome;
  }

  return {
    async rewriteCaption(request) {
      const loaded = await load(request.draftId);
      if (!loaded) return closeAsDecided(request);
      let text: DraftText;
      try {
        const examples = await loadOwnerExamples(deps.sql, loaded.brand.id, deps.clock());
        text = await writeCaption(
          deps,
          loaded.brand,
          examples,
          { ...loaded.draft, id: request.draftId },
          request.draftId,
          "rewrite",
          { previousCaption: loaded.draft.caption, instruction: request.instruction },
        );
      } catch (error) {
        return refusal(error, loaded.brand.id);
      }
      // A rewrite replans a carousel's slides; the format stays what the owner sees (they may have switched it).
      const slides = await carouselSlides(
        loaded,
        text.slidePlan.facts.length >= MIN_FACT_SLIDES ? text.slidePlan : null,
        await coverBytes(loaded.draft.image_key),
        false,
      );
      let removed: string[] = [];
      const outcome = await storing(async (tx) => {
        const [current] = await tx`
          select 1 from drafts where id = ${request.draftId} and status = 'pending_review' for update`;
        if (!(await finishRegeneration(tx, request, { status: "done", newPhoto: slides.length > 0 })))
          throw new TakenOver();
        if (!current) {
          removed = await queueMediaDeletions(
            tx,
            slides.map((slide) => slide.imageKey),
          );
          return { kind: "decided" };
        }
        await tx`
          update drafts set caption = ${text.caption}, hashtags = ${text.hashtags}, generated_caption = ${text.caption},
                            alt_text = ${text.altText}, slide_plan = ${tx.json(storedSlidePlan(text.slidePlan))},
                            edited = false, updated_at = now()
           where id = ${request.draftId}`;
        if (slides.length > 0) removed = await putDraftSlides(tx, request.draftId, slides);
        return { kind: "stored" };
      });
      if (removed.length > 0) await removeQueuedMedia(deps, removed);
      return outcome;
    },

    async switchFormat(request) {
      const loaded = await load(request.draftId);
      if (!loaded) return closeAsDecided(request);
      const toCarousel = loaded.draft.format === "single";
      let slides: StoredSlide[] = [];
      if (toCarousel) {
        const plan = await loadSlidePlan(request.draftId);
        if (!plan || plan.facts.length < MIN_FACT_SLIDES)
          return refusedWith(loaded.brand.id, "regeneration-too-few-facts");
        const cover = await coverBytes(loaded.draft.image_key);
        if (!cover) return refusedWith(loaded.brand.id, "regeneration-no-cover");
        slides = await carouselSlides(
          { ...loaded, draft: { ...loaded.draft, format: "carousel" } },
          plan,
          cover,
          false,
        );
      }
      let removed: string[] = [];
      const outcome = await storing(async (tx) => {
        // Only from the format the tap saw: a switch that already happened is not undone by a retry.
        const [current] = await tx`
          select 1 from drafts
           where id = ${request.draftId} and status = 'pending_review' and format = ${loaded.draft.format}
             for update`;
        if (!(await finishRegeneration(tx, request, { status: "done", newPhoto: Boolean(current) })))
          throw new TakenOver();
        if (!current) {
          removed = await queueMediaDeletions(
            tx,
            slides.map((slide) => slide.imageKey),
          );
          return { kind: "decided" };
        }
        await tx`
          update drafts set format = ${toCarousel ? "carousel" : "single"}, updated_at = now()
           where id = ${request.draftId}`;
        removed = toCarousel
          ? await putDraftSlides(tx, request.draftId, slides)
          : await dropDraftSlides(tx, request.draftId);
        return { kind: "stored" };
      });
      if (removed.length > 0) await removeQueuedMedia(deps, removed);
      return outcome;
    },

    async redrawSlide(request) {
      const edit = readSlideEdit(request.instruction);
      const loaded = await load(request.draftId);
      if (!loaded) return closeAsDecided(request);
      const slides = await deps.sql<{ position: number; kind: string; alt_text: string | null }[]>`
        select position, kind, alt_text from draft_slides where draft_id = ${request.draftId} order by position`;
      const facts = slides.filter((slide) => slide.kind === "facts");
      const target = facts.find((slide) => slide.position === edit?.position);
      if (!edit || loaded.draft.format !== "carousel" || !target)
        return refusedWith(loaded.brand.id, "regeneration-slide-gone");
      const brand = { name: loaded.brand.name, visualStyle: loaded.brand.profile.visualStyle };
      const jpeg = await renderSlide(brand, {
        kind: "facts",
        text: edit.text,
        index: facts.indexOf(target) + 1,
        count: facts.length,
      });
      const [stored] = await storeSlideImages(deps, request.draftId, [
        // The owner's text is what the slide says, so it is what a screen reader reads.
        { position: edit.position, kind: "facts", body: edit.text, altText: edit.text, jpeg },
      ]);
      let removed: string[] = [];
      const outcome = await storing(async (tx) => {
        const [current] = await tx`
          select 1 from drafts where id = ${request.draftId} and status = 'pending_review' for update`;
        const finish = { status: "done" as const, newPhoto: Boolean(current), slides: [edit.position] };
        if (!(await finishRegeneration(tx, request, finish))) throw new TakenOver();
        if (!current) {
          removed = await queueMediaDeletions(tx, [stored!.imageKey]);
          return { kind: "decided" };
        }
        removed = await putDraftSlides(tx, request.draftId, [stored!], { only: true });
        // The plan follows, so turning the draft into a single image and back keeps the owner's text.
        await tx`
          update drafts
             set slide_plan = jsonb_set(slide_plan, array['facts', ${String(facts.indexOf(target))}, 'text'],
                                        to_jsonb(${edit.text}::text)),
                 updated_at = now()
           where id = ${request.draftId} and slide_plan is not null`;
        return { kind: "stored" };
      });
      if (removed.length > 0) await removeQueuedMedia(deps, removed);
      return outcome;
    },

    async regenerateImage(request) {
      const earlier = request.resultKey ? await deps.media.get(request.resultKey) : null;
      if (request.resultKey && request.resultSource && earlier) {
        // An earlier attempt made and stored this image, then stopped before the draft took it.
        const resumed = await load(request.draftId);
        const cover = resumed
          ? await carouselSlides(resumed, await loadSlidePlan(request.draftId), earlier.body, true)
          : [];
        return putImageOnDraft(
          request,
          {
            key: request.resultKey,
            url: deps.media.publicUrl(request.resultKey),
            source: request.resultSource,
          },
          cover,
        );
      }
      const loaded = await load(request.draftId);
      if (!loaded) return closeAsDecided(request);
      const { draft, brand } = loaded;
      // A new generated image is always different; the article's picture or the card would be the same again.
      const avoid = draft.image_source === "generated" ? undefined : (draft.image_source ?? undefined);
      const image = await produceDraftImage(
        deps,
        {
          brandId: brand.id,
          brandName: brand.name,
          visualStyle: brand.profile.visualStyle,
          draftId: request.draftId,
          article: {
            title: draft.title,
            summary: draft.summary,
            link: draft.link,
            imageUrl: draft.image_url,
            source: draft.source,
          },
        },
        { avoid },
      ).catch((error: unknown) => refusal(error, brand.id));
      if (!("jpeg" in image)) return image;
      const key = newDraftMediaKey(request.draftId);
      const recorded = await storing(async (tx) => {
        await queueNewImageRemoval(tx, key);
        if (!(await recordRegenerationImage(tx, request, { key, source: image.source })))
          throw new TakenOver();
        return { kind: "stored" };
      });
      if (recorded.kind === "taken_over") return recorded;
      const stored = await deps.media.put(key, image.jpeg, "image/jpeg");
      // The cover of a carousel is its slide 0, re-rendered from the new picture.
      const cover = await carouselSlides(loaded, await loadSlidePlan(request.draftId), image.jpeg, true);
      return putImageOnDraft(request, { key, url: stored.url, source: image.source }, cover);
    },
  };
}
