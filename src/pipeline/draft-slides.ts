/**
 * A carousel draft's slides: rendered from its plan and its cover picture, stored in the media store, and put in
 * draft_slides. Storing follows the images' rule (media-deletions.ts): each new slide image is queued for removal
 * before it is stored and kept by the transaction that puts it on the draft, so a crash in between orphans
 * nothing; slides replaced (a rewrite, a new cover, back to a single image) are queued for removal in the
 * transaction that replaces them.
 */

import type { Sql, Transaction } from "../database/connect.ts";
import { fitAltText } from "../drafting/alt-text.ts";
import type { SlidePlan } from "../drafting/slide-plan.ts";
import { renderSlide, type SlideBrand } from "../images/carousel-slides.ts";
import { keepNewImage, queueMediaDeletions, storeNewDraftImage } from "../storage/media-deletions.ts";
import type { MediaStore } from "../storage/media-store.ts";

export type SlideKind = "cover" | "facts" | "credit";

export interface SlideToStore {
  position: number;
  kind: SlideKind;
  body: string;
  altText: string;
  jpeg: Buffer;
}

export interface StoredSlide {
  position: number;
  kind: SlideKind;
  body: string;
  altText: string;
  imageKey: string;
  imageUrl: string;
}

/** Renders every slide: the cover first, the facts in order, the credit last. */
export async function renderDraftSlides(input: {
  brand: SlideBrand;
  headline: string;
  coverAltText: string;
  cover: Buffer;
  plan: SlidePlan;
}): Promise<SlideToStore[]> {
  const { brand, plan } = input;
  const count = plan.facts.length;
  // One after the other: each render holds a decoded 1080×1350 image, and six at once would only add memory.
  const slides: SlideToStore[] = [];
  slides.push({
    position: 0,
    kind: "cover",
    body: input.headline,
    altText: fitAltText(input.coverAltText, input.headline),
    jpeg: await renderSlide(brand, { kind: "cover", headline: input.headline, image: input.cover }),
  });
  for (const [index, fact] of plan.facts.entries()) {
    slides.push({
      position: index + 1,
      kind: "facts",
      body: fact.text,
      altText: fitAltText(fact.altText, fact.text),
      jpeg: await renderSlide(brand, { kind: "facts", text: fact.text, index: index + 1, count }),
    });
  }
  const credit = plan.credit || brand.name;
  slides.push({
    position: count + 1,
    kind: "credit",
    body: credit,
    altText: fitAltText(credit, credit),
    jpeg: await renderSlide(brand, { kind: "credit", text: credit }),
  });
  return slides;
}

/** Stores the slides' images (each queued for removal until `putDraftSlides` keeps it). */
export async function storeSlideImages(
  deps: { sql: Sql; media: MediaStore },
  draftId: number,
  slides: readonly SlideToStore[],
): Promise<StoredSlide[]> {
  const stored: StoredSlide[] = [];
  for (const slide of slides) {
    const media = await storeNewDraftImage(deps, draftId, slide.jpeg);
    stored.push({
      position: slide.position,
      kind: slide.kind,
      body: slide.body,
      altText: slide.altText,
      imageKey: media.key,
      imageUrl: media.url,
    });
  }
  return stored;
}

/**
 * Replaces the draft's slides (all of them, or only the positions given when `only` is set) inside the caller's
 * transaction; the images replaced are queued for removal. Returns the keys queued, to remove after the commit.
 */
export async function putDraftSlides(
  tx: Transaction,
  draftId: number,
  slides: readonly StoredSlide[],
  options: { only?: boolean } = {},
): Promise<string[]> {
  const positions = slides.map((slide) => slide.position);
  const replaced = options.only
    ? await tx<{ image_key: string | null }[]>`
        delete from draft_slides where draft_id = ${draftId} and position = any(${positions}::smallint[])
        returning image_key`
    : await tx<{ image_key: string | null }[]>`
        delete from draft_slides where draft_id = ${draftId} returning image_key`;
  for (const slide of slides) {
    await tx`
      insert into draft_slides (draft_id, position, kind, body, image_key, image_url, alt_text)
      values (${draftId}, ${slide.position}, ${slide.kind}, ${slide.body}, ${slide.imageKey}, ${slide.imageUrl},
              ${slide.altText})`;
    await keepNewImage(tx, slide.imageKey);
  }
  return queueMediaDeletions(
    tx,
    replaced.map((row) => row.image_key),
  );
}

/** Back to a single image: the slides go, their images queued for removal. */
export async function dropDraftSlides(tx: Transaction, draftId: number): Promise<string[]> {
  const removed = await tx<{ image_key: string | null }[]>`
    delete from draft_slides where draft_id = ${draftId} returning image_key`;
  return queueMediaDeletions(
    tx,
    removed.map((row) => row.image_key),
  );
}
