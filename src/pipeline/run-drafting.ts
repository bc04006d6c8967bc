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
import { scoreArticlesByKeywords, writeTemplateDraft } from "../drafting/template-drafter.ts";
import { enqueueText } from "../notifications/telegram-outbox.ts";
import type { Metrics } from "../metrics/metrics.ts";
import type { Logger } from "../shared/logger.ts";
import { keepNewImage, queueMediaDeletions, storeNewDraftImage } from "../storage/media-deletions.ts";
import type { MediaStore } from "../storage/media-store.ts";
import type { AiServices } from "./ai-services.ts";
import { billedClaudeCall } from "./billed-claude-call.ts";
import { type BrandForDrafting, loadBrandForDrafting, loadOwnerExamples } from "./brand-context.ts";
import { draftCapacity } from "./draft-capacity.ts";
import { produceDraftImage } from "./draft-image.ts";

/** Scores at or above this become drafts (the relevance rubric's "worth a draft" line). */
export const RELEVANCE_THRESHOLD = 70;
/** Relevance batches per brand per pass: bounds one pass's work after a large first import. */
const MAX_RELEVANCE_BATCHES_PER_PASS = 5;

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

export interface DraftingSummary {
  scored: number;
  drafted: number;
  skipped: number;
  budgetStopped: number[];
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
 * The drafting pass, run after every ingest: for each active brand with undecided articles, score the new ones
 * in batches, then draft the best of them — never more than the coming slots can use.
 */
export async function runDraftingPass(deps: DraftingDeps): Promise<DraftingSummary> {
  const summary: DraftingSummary = { scored: 0, drafted: 0, skipped: 0, budgetStopped: [] };
  await recoverAbandonedDrafts(deps.sql);
  const brands = await deps.sql<{ brand_id: number }[]>`
    select distinct a.brand_id from articles a join brands b on b.id = a.brand_id
     where not b.paused and a.status in ('new', 'scored')
     order by a.brand_id`;
  for (const { brand_id } of brands) {
    const brand = await loadBrandForDrafting(deps.sql, brand_id);
    if (!brand || brand.paused) continue;
    try {
      const examples = await loadOwnerExamples(deps.sql, brand.id);
      await scoreNewArticles(deps, brand, examples, summary);
      await draftBestArticles(deps, brand, examples, summary);
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) {
        deps.logger.error({ err: error, brandId: brand.id }, "drafting failed for a brand");
        continue;
      }
      summary.budgetStopped.push(brand.id);
      await tellOwnerBudgetStopped(deps, brand, error);
    }
  }
  if (summary.scored + summary.drafted + summary.skipped > 0)
    deps.logger.info({ ...summary }, "drafting pass");
  return summary;
}

async function scoreNewArticles(
  deps: DraftingDeps,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  summary: DraftingSummary,
) {
  for (let batch = 0; batch < MAX_RELEVANCE_BATCHES_PER_PASS; batch++) {
    const rows = await deps.sql<ArticleRow[]>`
      select a.id, a.title, a.summary, a.link, a.image_url, coalesce(f.title, '') as source, a.relevance_reason
        from articles a left join feeds f on f.id = a.feed_id
       where a.brand_id = ${brand.id} and a.status = 'new'
       order by a.published_at desc nulls last, a.id
       limit ${MAX_ARTICLES_PER_RELEVANCE_REQUEST}`;
    if (rows.length === 0) return;
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
    await recordScores(deps.sql, scores, unscored);
    summary.scored += scores.length;
    summary.skipped += unscored.length;
  }
}

/** One statement for the whole batch; `status = 'new'` keeps a concurrent pass from overwriting a decision. */
async function recordScores(sql: Sql, scores: ArticleScore[], unscored: SkippedArticle[]) {
  if (scores.length > 0) {
    await sql`
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
  // Articles the API failed on (rather than answered badly) stay new for the next pass.
  for (const skipped of unscored.filter((article) => article.reason !== "api_error")) {
    await sql`update articles set status = 'skipped', skip_reason = ${skipped.message}
               where id = ${Number(skipped.articleId)} and status = 'new'`;
  }
}

async function draftBestArticles(
  deps: DraftingDeps,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  summary: DraftingSummary,
) {
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
  if (capacity === 0) return;
  const chosen = await deps.sql<ArticleRow[]>`
    select a.id, a.title, a.summary, a.link, a.image_url, coalesce(f.title, '') as source, a.relevance_reason
      from articles a left join feeds f on f.id = a.feed_id
     where a.brand_id = ${brand.id} and a.status = 'scored'
     order by a.relevance_score desc, a.published_at desc nulls last
     limit ${capacity}`;
  for (const article of chosen) {
    const outcome = await draftArticle(deps, brand, examples, article);
    if (outcome === "drafted") summary.drafted++;
    else if (outcome === "skipped") summary.skipped++;
  }
}

/**
 * Drafts one article: claims it (scored → drafting) together with a new draft row in `generating`, writes the
 * caption, makes the image, then in one transaction moves the draft to pending_review, marks the article
 * drafted and queues its card. A crash in between leaves a `generating` draft that recoverAbandonedDrafts
 * returns to the queue, so no article is lost and no card is sent twice.
 */
async function draftArticle(
  deps: DraftingDeps,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  article: ArticleRow,
): Promise<"drafted" | "skipped" | "taken"> {
  const draftId = await deps.sql.begin(async (tx) => {
    if (!(await holdBrandAgainstDeletion(tx, brand.id))) return undefined;
    const [claimed] =
      await tx`update articles set status = 'drafting' where id = ${article.id} and status = 'scored' returning id`;
    if (!claimed) return undefined;
    const [draft] = await tx<{ id: number }[]>`
      insert into drafts (brand_id, article_id, status, source_title, source_link, relevance_reason)
      values (${brand.id}, ${article.id}, 'generating', ${article.title}, ${article.link}, ${article.relevance_reason})
      returning id`;
    return draft!.id;
  });
  if (draftId === undefined) return "taken";

  try {
    const text = await writeCaption(deps, brand, examples, article, draftId, "draft");
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
    );
    const stored = await storeNewDraftImage(deps, draftId, image.jpeg);
    await deps.sql.begin(async (tx) => {
      await holdBrandAgainstDeletion(tx, brand.id);
      const [ready] = await tx`
        update drafts
           set status = 'pending_review', caption = ${text.caption}, hashtags = ${text.hashtags},
               generated_caption = ${text.caption}, image_key = ${stored.key}, image_url = ${stored.url},
               image_source = ${image.source}, updated_at = now()
         where id = ${draftId} and status = 'generating'
        returning id`;
      // The draft went meanwhile (its brand deleted, or recovered as abandoned): its image has no other owner.
      if (!ready) return queueMediaDeletions(tx, [stored.key]);
      await keepNewImage(tx, stored.key);
      await tx`update articles set status = 'drafted' where id = ${article.id}`;
      await enqueueDraftCard(tx, draftId);
    });
    deps.metrics?.drafts.inc({ outcome: "drafted" });
    return "drafted";
  } catch (error) {
    // Only an answer Claude gave but that could not be used (twice) skips the article. An API outage, a wrong
    // model name, the budget, the network or storage: the article waits for the next pass, and the error stops
    // this brand's pass instead of burning through its other articles.
    const unusable = error instanceof DraftingError && !isApiFailure(error);
    await deps.sql.begin(async (tx) => {
      await holdBrandAgainstDeletion(tx, brand.id);
      await tx`delete from drafts where id = ${draftId} and status = 'generating'`;
      if (unusable) {
        await tx`update articles set status = 'skipped', skip_reason = ${error.message} where id = ${article.id}`;
      } else {
        await tx`update articles set status = 'scored' where id = ${article.id} and status = 'drafting'`;
      }
    });
    deps.metrics?.drafts.inc({
      outcome: unusable ? "skipped" : error instanceof BudgetExceededError ? "budget_stopped" : "failed",
    });
    if (unusable) {
      deps.logger.warn({ articleId: article.id, reason: error.reason }, "article skipped: no usable caption");
      return "skipped";
    }
    throw error;
  }
}

/** Caption and hashtags from Claude under the budget, or from the template without an API key. */
export async function writeCaption(
  deps: Pick<DraftingDeps, "sql" | "ai">,
  brand: BrandForDrafting,
  examples: OwnerExamples,
  article: ArticleRow,
  draftId: number,
  mode: "draft" | "rewrite",
  previousCaption?: string,
): Promise<{ caption: string; hashtags: string[] }> {
  const claude = deps.ai.claude;
  const forAi = articleForAi(article);
  if (!claude) {
    const template = writeTemplateDraft({ profile: brand.profile, article: forAi });
    return { caption: template.caption, hashtags: template.hashtags };
  }
  const model = deps.ai.models.draft;
  const input = { profile: brand.profile, examples, article: forAi, model, mode, previousCaption };
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
 * A draft left in `generating` for more than 15 minutes belongs to a pass that crashed: it is removed and its
 * article goes back to the queue.
 */
export async function recoverAbandonedDrafts(sql: Sql): Promise<number> {
  return sql.begin(async (tx) => {
    // Their brands first, as in every drafting transaction (holdBrandAgainstDeletion).
    await tx`
      select 1 from brands
       where id in (select brand_id from drafts where status = 'generating' and created_at < now() - interval '15 minutes')
       order by id
       for key share`;
    const abandoned = await tx<{ article_id: number | null }[]>`
      delete from drafts where status = 'generating' and created_at < now() - interval '15 minutes'
      returning article_id`;
    const ids = abandoned.map((row) => row.article_id).filter((id): id is number => id !== null);
    if (ids.length > 0)
      await tx`update articles set status = 'scored' where id = any(${ids}::bigint[]) and status = 'drafting'`;
    return abandoned.length;
  });
}

/**
 * The owner hears once a month that the budget stopped drafting, with the figures. Drafting resumes by itself
 * on the 1st (the ledger counts from the start of the month in the brand's time zone) or as soon as the
 * budget is raised, since every pass checks again.
 */
async function tellOwnerBudgetStopped(
  deps: DraftingDeps,
  brand: BrandForDrafting,
  error: BudgetExceededError,
) {
  const spend = await monthToDateSpend(deps.sql, brand.id);
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
        text:
          `💸 ${brand.name}: this month's AI budget is used up, so drafting has paused.\n` +
          `Spent $${spend.spentUsd.toFixed(2)} (+$${spend.reservedUsd.toFixed(2)} in progress) of $${spend.budgetUsd.toFixed(2)}; ` +
          `the next call would have cost up to $${error.estimateUsd.toFixed(4)}.\n` +
          "Drafting resumes on the 1st of next month, or now if you raise the cap with /budget.",
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
