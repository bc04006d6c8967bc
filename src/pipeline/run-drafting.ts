import { enqueueDraftCard } from "../approval/draft-card-queries.ts";
import { BudgetExceededError, monthToDateSpend } from "../budget/ledger.ts";
import type { Sql, Transaction } from "../database/connect.ts";
import type { ArticleForAi, OwnerExamples } from "../drafting/brand-profile.ts";
import type { ArticleScore, SkippedArticle } from "../drafting/claude-drafter.ts";
import { DraftingError } from "../drafting/drafting-errors.ts";
import {
  buildDraftRequest,
  buildRelevanceRequest,
  estimateInputTokensUpperBound,
  MAX_ARTICLES_PER_RELEVANCE_REQUEST,
} from "../drafting/prompts.ts";
import {
  type DraftFormat,
  readStoredSlidePlan,
  type SlidePlan,
  storedSlidePlan,
} from "../drafting/slide-plan.ts";
import { scoreArticlesByKeywords, writeTemplateDraft } from "../drafting/template-drafter.ts";
import { loadBrandOwnerTexts } from "../i18n/language-queries.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import { startLeaseHeartbeat } from "../scheduler/lease-heartbeat.ts";
import { createWorkerPool, type WorkerPool } from "../scheduler/worker-pool.ts";
import type { Metrics } from "../metrics/metrics.ts";
import type { Logger } from "../shared/logger.ts";
import { keepNewImage, queueMediaDeletions, storeNewDraftImage } from "../storage/media-deletions.ts";
import type { MediaStore } from "../storage/media-store.ts";
import type { AiServices } from "./ai-services.ts";
import { billedClaudeCall } from "./billed-claude-call.ts";
import { type BrandForDrafting, loadBrandForDrafting, loadOwnerExamples } from "./brand-context.ts";
import { draftCapacity } from "./draft-capacity.ts";
import { produceDraftImage } from "./draft-image.ts";
import { putDraftSlides, renderDraftSlides, storeSlideImages } from "./draft-slides.ts";
import {
  backOffDraftingBrand,
  claimDraftingBrand,
  DRAFTING_HEARTBEAT_MS,
  type DraftingClaim,
  holdDraftingLease,
  releaseDraftingBrand,
  renewDraftingLease,
} from "./drafting-queue.ts";
import { ProviderRateLimitedError } from "./provider-rate-limits.ts";

/** Scores at or above this become drafts (the relevance rubric's "worth a draft" line). */
export const RELEVANCE_THRESHOLD = 70;

/**
 * Drafts one step writes side by side. A draft is mostly waiting (Claude's caption, then the image), so a
 * brand's few drafts go together rather than one per step; three keeps a step near one draft's time (about
 * 20 s with real latencies) so a brand with many stories still gives way to the others between steps.
 */
export const DRAFTS_PER_STEP = 3;

export interface DraftingDeps {
  sql: Sql;
  logger: Logger;
  ai: AiServices;
  media: MediaStore;
  allowPrivateNetwork: boolean;
  clock: () => Date;
  /** Counts each article's drafting outcome. */
  metrics?: Pick<Metrics, "drafts">;
}

/** An article as the drafter reads it: the source of a caption and of an image. */
export interface ArticleRow {
  id: number;
  title: string;
  summary: string;
  link: string | null;
  image_url: string | null;
  source: string;
  relevance_reason: string | null;
}

/**
 * This instance's drafting workers: up to `concurrency` brands at once, each worker looping "claim the brand
 * served longest ago, do one step of it" until no brand is waiting. Run by the every-instance drafting job;
 * the ingest job asks for the work (requestDraftingWork).
 */
export function createDraftingWorkers(deps: DraftingDeps, options: { concurrency: number }): WorkerPool {
  return createWorkerPool<DraftingClaim>({
    name: "drafting",
    concurrency: options.concurrency,
    claim: () => claimDraftingBrand(deps.sql),
    run: (claim) => runClaimedStep(deps, claim),
    logger: deps.logger,
  });
}

/** One claimed step under a renewed lease; the brand is released, or backed off, whatever happens. */
async function runClaimedStep(deps: DraftingDeps, claim: DraftingClaim): Promise<void> {
  const heartbeat = startLeaseHeartbeat({
    renew: () => renewDraftingLease(deps.sql, claim),
    everyMs: DRAFTING_HEARTBEAT_MS,
    logger: deps.logger,
    item: { brandId: claim.brandId },
  });
  try {
    const step = await draftingStep(deps, claim);
    await releaseDraftingBrand(deps.sql, claim, step === "nothing left");
  } catch (error) {
    deps.metrics?.drafts.inc({ outcome: error instanceof BudgetExceededError ? "budget_stopped" : "failed" });
    if (error instanceof BudgetExceededError) {
      // As before concurrency: the brand is looked at again after the next ingest (the cap may have been raised).
      await tellOwnerBudgetStopped(deps, claim.brandId, error);
      await releaseDraftingBrand(deps.sql, claim, true);
    } else if (error instanceof ProviderRateLimitedError) {
      deps.logger.warn(
        { brandId: claim.brandId, err: error },
        "drafting waits for the AI provider's rate limit",
      );
      await backOffDraftingBrand(deps.sql, claim, error.retryAfterMs);
    } else {
      deps.logger.error({ err: error, brandId: claim.brandId }, "drafting failed for a brand");
      await backOffDraftingBrand(deps.sql, claim);
    }
  } finally {
    heartbeat.stop();
  }
}

/**
 * One bounded step of a brand's drafting, in this order: finish the drafts left generating (by a worker that
 * died, or that a provider's rate limit interrupted), else score one batch of new articles, else draft the best
 * scored articles the coming slots can use, up to DRAFTS_PER_STEP of them side by side.
 */
async function draftingStep(deps: DraftingDeps, claim: DraftingClaim): Promise<"worked" | "nothing left"> {
  const brand = await loadBrandForDrafting(deps.sql, claim.brandId);
  if (!brand || brand.paused) return "nothing left";
  const examples = await loadOwnerExamples(deps.sql, brand.id, deps.clock());
  const unfinished = await deps.sql<(ArticleRow & UnfinishedDraft & { draft_id: number })[]>`
    select d.id as draft_id, d.generated_caption is not null as caption_written, d.format, d.slide_plan,
           d.alt_text,
           a.id, a.title, a.summary, a.link, a.image_url, coalesce(f.title, '') as source, a.relevance_reason
      from drafts d
      join articles a on a.id = d.article_id
      left join feeds f on f.id = a.feed_id
     where d.brand_id = ${brand.id} and d.status = 'generating'
     order by d.id
     limit ${DRAFTS_PER_STEP}`;
  if (unfinished.length > 0) {
    await settleAll(
      unfinished.map((row) => finishDraft(deps, claim, brand, examples, row, row.draft_id, row)),
    );
    return "worked";
  }
  if (await scoreNewArticles(deps, claim, brand, examples)) return "worked";
  if (await draftBestArticles(deps, claim, brand, examples)) return "worked";
  return "nothing left";
}

/** Scores one batch of the brand's newest unscored articles; false when there were none. */
async function scoreNewArticles(
  deps: DraftingDeps,
  claim: DraftingClaim,
  brand: BrandForDrafting,
  examples: OwnerExamples,
): Promise<boolean> {
  const rows = await deps.sql<ArticleRow[]>`
    select a.id, a.title, a.summary, a.link, a.image_url, coalesce(f.title, '') as source, a.relevance_reason
      from articles a left join feeds f on f.id = a.feed_id
     where a.brand_id = ${brand.id} and a.status = 'new'
     order by a.published_at desc nulls last, a.id
     limit ${MAX_ARTICLES_PER_RELEVANCE_REQUEST}`;
  if (rows.length === 0) return false;
  const articles = rows.map(articleForAi);
  let scores: ArticleScore[];
  let unscored: SkippedArticle[] = [];
  const claude = deps.ai.claude;
  if (claude) {
    const model = deps.ai.models.relevance;
    const request = buildRelevanceRequest({ profile: brand.profile, examples, articles, model });
    const result = await billedClaudeCall(
      deps.sql,
      {
        brandId: brand.id,
        operation: "relevance",
        model,
        prices: deps.ai.prices,
        observer: deps.ai.observeSpend,
        inputTokens: estimateInputTokensUpperBound(request),
        maxOutputTokens: request.max_tokens,
      },
      () => claude.scoreArticles({ profile: brand.profile, examples, articles, model }),
    );
    scores = result.scores;
    unscored = result.skipped;
  } else {
    scores = scoreArticlesByKeywords({ profile: brand.profile, articles });
  }
  await deps.sql.begin(async (tx) => {
    if (!(await holdBrandAgainstDeletion(tx, brand.id))) return;
    if (!(await holdDraftingLease(tx, claim))) return;
    await recordScores(tx, scores, unscored);
  });
  // Every article left 'new' was failed by the API: leave them for a later step rather than loop on them now.
  return scores.length + unscored.filter((article) => article.reason !== "api_error").length > 0;
}

/** One statement for the whole batch; `status = 'new'` keeps a decision already made from being overwritten. */
async function recordScores(tx: Transaction, scores: ArticleScore[], unscored: SkippedArticle[]) {
  if (scores.length > 0) {
    await tx`
      update articles a
         set relevance_score = v.score,
             relevance_reason = v.reason,
             status = case when v.score >= ${RELEVANCE_THRESHOLD} then 'scored' else 'skipped' end,
             skip_reason = case when v.score >= ${RELEVANCE_THRESHOLD} then null
                                else 'Not relevant enough (' || v.score || '/100): ' || v.reason end
        from (select unnest(${scores.map((s) => Number(s.articleId))}::bigint[]) as id,
                     unnest(${scores.map((s) => s.score)}::real[]) as score,
                     unnest(${scores.map((s) => s.reason)}::text[]) as reason) v
       where a.id = v.id and a.status = 'new'`;
  }
  // Articles the API failed on (rather than answered badly) stay new for a later step.
  for (const skipped of unscored.filter((article) => article.reason !== "api_error")) {
    await tx`update articles set status = 'skipped', skip_reason = ${skipped.message}
              where id = ${Number(skipped.articleId)} and status = 'new'`;
  }
}

/**
 * Drafts the brand's best scored articles, as many as the coming slots can use (at most DRAFTS_PER_STEP): claims
 * them (scored → drafting) together with a new draft row each in `generating`, then finishes those drafts side
 * by side. False when there is no room or no article.
 */
async function draftBestArticles(
  deps: DraftingDeps,
  claim: DraftingClaim,
  brand: BrandForDrafting,
  examples: OwnerExamples,
): Promise<boolean> {
  const now = deps.clock();
  const [counts] = await deps.sql<{ approved: number; waiting: number }[]>`
    select count(*) filter (where status in ('approved', 'publishing')
                              and scheduled_for <= ${new Date(now.getTime() + 48 * 3_600_000)})::int as approved,
           count(*) filter (where status in ('pending_review', 'generating'))::int as waiting
      from drafts where brand_id = ${brand.id}`;
  const capacity = draftCapacity({
    slots: brand.slots,
    timeZone: brand.timeZone,
    now,
    approvedInHorizon: counts!.approved,
    waiting: counts!.waiting,
  });
  if (capacity === 0) return false;
  const articles = await deps.sql<ArticleRow[]>`
    select a.id, a.title, a.summary, a.link, a.image_url, coalesce(f.title, '') as source, a.relevance_reason
      from articles a left join feeds f on f.id = a.feed_id
     where a.brand_id = ${brand.id} and a.status = 'scored'
     order by a.relevance_score desc, a.published_at desc nulls last
     limit ${Math.min(capacity, DRAFTS_PER_STEP)}`;
  if (articles.length === 0) return false;
  const started = await deps.sql.begin(async (tx) => {
    if (!(await holdBrandAgainstDeletion(tx, brand.id))) return [];
    if (!(await holdDraftingLease(tx, claim))) return [];
    const drafts: { article: ArticleRow; draftId: number }[] = [];
    for (const article of articles) {
      const [claimed] =
        await tx`update articles set status = 'drafting' where id = ${article.id} and status = 'scored' returning id`;
      if (!claimed) continue;
      const [draft] = await tx<{ id: number }[]>`
        insert into drafts (brand_id, article_id, status, source_title, source_link, relevance_reason)
        values (${brand.id}, ${article.id}, 'generating', ${article.title}, ${article.link}, ${article.relevance_reason})
        returning id`;
      drafts.push({ article, draftId: draft!.id });
    }
    return drafts;
  });
  await settleAll(
    started.map(({ article, draftId }) => finishDraft(deps, claim, brand, examples, article, draftId)),
  );
  return true;
}

/**
 * Waits for every draft of a step, so one failing draft never cuts short the others' paid-for calls; then
 * throws the failure that decides what happens to the brand: the budget first (the owner is told), then a
 * provider's rate limit (the brand waits as long as asked), then any other.
 */
async function settleAll(drafts: Promise<void>[]): Promise<void> {
  const failures = (await Promise.allSettled(drafts)).flatMap((result) =>
    result.status === "rejected" ? [result.reason as unknown] : [],
  );
  if (failures.length === 0) return;
  throw (
    failures.find((error) => error instanceof BudgetExceededError) ??
    failures.find((error) => error instanceof ProviderRateLimitedError) ??
    failures[0]
  );
}

/**
 * Writes the caption (unless an earlier attempt already did and stored it), makes the image, then in one
 * transaction moves the draft to pending_review, marks the article drafted and queues its card. Every write
 * checks the lease: a worker that lost the brand to another cannot finish the draft too, so there is one card.
 * A failure leaves the draft `generating` for the brand's next step to finish (nothing billed is thrown away);
 * only a reply Claude gave but that cannot be used skips the article.
 */
async function finishDraft(
  deps: DraftingDeps,
  claim: DraftingClaim,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  article: ArticleRow,
  draftId: number,
  unfinished?: UnfinishedDraft,
): Promise<void> {
  const fenced = (write: (tx: Transaction) => Promise<unknown>) =>
    deps.sql.begin(async (tx) => {
      if (!(await holdBrandAgainstDeletion(tx, brand.id))) return false;
      if (!(await holdDraftingLease(tx, claim))) return false;
      await write(tx);
      return true;
    });
  try {
    // A draft an earlier step left generating already has its caption, format and plan.
    let format: DraftFormat = unfinished?.format ?? "single";
    let plan = readStoredSlidePlan(unfinished?.slide_plan);
    let altText = unfinished?.alt_text ?? article.title;
    if (!unfinished?.caption_written) {
      const text = await writeCaption(deps, brand, examples, article, draftId, "draft");
      ({ format, slidePlan: plan, altText } = text);
      const kept = await fenced(
        (tx) => tx`
          update drafts set caption = ${text.caption}, hashtags = ${text.hashtags}, generated_caption = ${text.caption},
                            alt_text = ${text.altText}, format = ${text.format},
                            slide_plan = ${tx.json(storedSlidePlan(text.slidePlan))}, updated_at = now()
           where id = ${draftId} and status = 'generating'`,
      );
      if (!kept) return;
    }
    const image = await produceDraftImage(
      { sql: deps.sql, logger: deps.logger, ai: deps.ai, allowPrivateNetwork: deps.allowPrivateNetwork },
      {
        brandId: brand.id,
        brandName: brand.name,
        visualStyle: brand.profile.visualStyle,
        draftId,
        article: {
          title: article.title,
          summary: article.summary,
          link: article.link,
          imageUrl: article.image_url,
          source: article.source,
        },
      },
      { waitOutRateLimits: true },
    );
    const stored = await storeNewDraftImage(deps, draftId, image.jpeg);
    const slides =
      format === "carousel" && plan
        ? await storeSlideImages(
            deps,
            draftId,
            await renderDraftSlides({
              brand: { name: brand.name, visualStyle: brand.profile.visualStyle },
              headline: article.title,
              coverAltText: altText,
              cover: image.jpeg,
              plan,
            }),
          )
        : [];
    let ready = false;
    const kept = await fenced(async (tx) => {
      const [row] = await tx`
        update drafts
           set status = 'pending_review', image_key = ${stored.key}, image_url = ${stored.url},
               image_source = ${image.source}, format = ${slides.length > 0 ? "carousel" : "single"},
               updated_at = now()
         where id = ${draftId} and status = 'generating'
        returning id`;
      if (!row) return queueMediaDeletions(tx, [stored.key, ...slides.map((slide) => slide.imageKey)]);
      ready = true;
      await keepNewImage(tx, stored.key);
      if (slides.length > 0) await putDraftSlides(tx, draftId, slides);
      await tx`update articles set status = 'drafted' where id = ${article.id}`;
      await enqueueDraftCard(tx, draftId);
    });
    // When the brand went, or another worker took it over, the image stays queued for removal (storeNewDraftImage).
    if (kept && ready) {
      deps.metrics?.drafts.inc({ outcome: "drafted" });
      deps.logger.info({ brandId: brand.id, draftId }, "draft ready for review");
    }
  } catch (error) {
    if (!(error instanceof DraftingError) || isApiFailure(error)) throw error;
    // Claude answered, twice, with nothing usable: the article is skipped, with the reason.
    await fenced(async (tx) => {
      await tx`delete from drafts where id = ${draftId} and status = 'generating'`;
      await tx`update articles set status = 'skipped', skip_reason = ${error.message}
                where id = ${article.id} and status = 'drafting'`;
    });
    deps.metrics?.drafts.inc({ outcome: "skipped" });
    deps.logger.warn({ articleId: article.id, reason: error.reason }, "article skipped: no usable caption");
  }
}

/** What a caption call gives: the caption, hashtags, alt text, the story's format and its planned slides. */
export interface DraftText {
  caption: string;
  hashtags: string[];
  altText: string;
  format: DraftFormat;
  slidePlan: SlidePlan;
}

/** A draft an earlier step started: what it already stored. */
interface UnfinishedDraft {
  caption_written: boolean;
  format: DraftFormat;
  slide_plan: unknown;
  alt_text: string | null;
}

/**
 * Caption, hashtags, alt text, format and slide plan from Claude under the budget (one call: the slides are part
 * of the caption's structured output), or from the template without an API key.
 */
export async function writeCaption(
  deps: Pick<DraftingDeps, "sql" | "ai">,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  article: ArticleRow,
  draftId: number,
  mode: "draft" | "rewrite",
  rewrite?: { previousCaption: string; instruction: string | null },
): Promise<DraftText> {
  const claude = deps.ai.claude;
  const forAi = articleForAi(article);
  if (!claude) {
    const template = writeTemplateDraft({
      profile: brand.profile,
      article: forAi,
      postFormat: brand.postFormat,
    });
    return {
      caption: template.caption,
      hashtags: template.hashtags,
      altText: template.altText,
      format: template.format,
      slidePlan: template.slidePlan,
    };
  }
  const model = deps.ai.models.draft;
  const input = {
    profile: brand.profile,
    examples,
    article: forAi,
    model,
    mode,
    previousCaption: rewrite?.previousCaption,
    instruction: rewrite?.instruction,
    postFormat: brand.postFormat,
  };
  const request = buildDraftRequest(input);
  return billedClaudeCall(
    deps.sql,
    {
      brandId: brand.id,
      draftId,
      operation: mode,
      model,
      prices: deps.ai.prices,
      observer: deps.ai.observeSpend,
      inputTokens: estimateInputTokensUpperBound(request),
      maxOutputTokens: request.max_tokens,
    },
    () => claude.writeDraft(input),
  );
}

function articleForAi(row: ArticleRow): ArticleForAi {
  return {
    id: String(row.id),
    title: row.title,
    summary: row.summary,
    link: row.link ?? "",
    source: row.source || undefined,
  };
}

/**
 * The first step of each drafting transaction: a key-share lock on the brand, the lock its foreign keys would
 * take later anyway. A brand deletion locks the brand first and then deletes its articles and drafts; taking
 * the brand after an article or draft row would let the two wait on each other (a deadlock, one side aborted).
 * Taken first, drafting simply waits for the deletion and then finds the brand gone. Key-share does not
 * conflict with the publisher's key-share or the ledger's no-key-update.
 *
 * @returns false when the brand no longer exists.
 */
async function holdBrandAgainstDeletion(tx: Transaction, brandId: number): Promise<boolean> {
  const [brand] = await tx`select 1 from brands where id = ${brandId} for key share`;
  return brand !== undefined;
}

/**
 * The owner hears once a month, in their language, that the budget stopped drafting, with the figures. Drafting resumes by itself
 * on the 1st (the ledger counts from the start of the month in the brand's time zone) or as soon as the
 * budget is raised, since every ingest asks for another look.
 */
async function tellOwnerBudgetStopped(deps: DraftingDeps, brandId: number, error: BudgetExceededError) {
  const brand = await loadBrandForDrafting(deps.sql, brandId);
  if (!brand) return;
  const spend = await monthToDateSpend(deps.sql, brand.id);
  const texts = await loadBrandOwnerTexts(deps.sql, brand.id);
  await deps.sql.begin(async (tx) => {
    const [claimed] = await tx`
      update brands set budget_notice_month = ${spend.month}
       where id = ${brand.id} and budget_notice_month is distinct from ${spend.month}
      returning id`;
    if (!claimed) return;
    await enqueueText(
      tx,
      brand.ownerChatId,
      {
        text: texts.t("budget-stopped-notice", {
          brand: brand.name,
          spent: texts.usd(spend.spentUsd),
          reserved: texts.usd(spend.reservedUsd),
          cap: texts.usd(spend.budgetUsd),
          estimate: texts.usdFine(error.estimateUsd),
        }),
      },
      `budget-stopped:${brand.id}:${spend.month}`,
    );
  });
  deps.logger.warn({ brandId: brand.id, month: spend.month }, "drafting stopped by the monthly budget");
}

/** The request never produced an answer to judge (API error, overload, timeout), as opposed to an unusable one. */
function isApiFailure(error: DraftingError): boolean {
  return error.reason === "api_error";
}
