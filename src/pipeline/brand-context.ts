import type { Sql } from "../database/connect.ts";
import type { BrandProfile, OwnerExamples } from "../drafting/brand-profile.ts";
import type { PostFormatSetting } from "../drafting/slide-plan.ts";
import { loadPerformanceLessons } from "../insights/performance-lessons-queries.ts";
import type { PostingSlot } from "../publishing/posting-slots.ts";

export interface BrandForDrafting {
  id: number;
  name: string;
  paused: boolean;
  timeZone: string;
  slots: PostingSlot[];
  ownerChatId: number;
  profile: BrandProfile;
  /** /format: whether Claude chooses each story's format, or the brand always posts one. */
  postFormat: PostFormatSetting;
}

interface BrandRow {
  id: number;
  name: string;
  topic: string;
  voice: string;
  audience: string;
  language: string;
  default_hashtags: string[];
  banned_terms: string[];
  visual_style: string;
  time_zone: string;
  posting_slots: PostingSlot[];
  paused: boolean;
  owner_chat_id: number;
  post_format: PostFormatSetting;
}

export async function loadBrandForDrafting(sql: Sql, brandId: number): Promise<BrandForDrafting | undefined> {
  const [row] = await sql<BrandRow[]>`
    select b.id, b.name, b.topic, b.voice, b.audience, b.language, b.default_hashtags, b.banned_terms,
           b.visual_style, b.time_zone, b.posting_slots, b.paused, o.telegram_chat_id as owner_chat_id,
           b.post_format
      from brands b join owners o on o.id = b.owner_id
     where b.id = ${brandId}`;
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    paused: row.paused,
    timeZone: row.time_zone,
    slots: row.posting_slots,
    ownerChatId: row.owner_chat_id,
    postFormat: row.post_format,
    profile: {
      name: row.name,
      topic: row.topic,
      voice: row.voice,
      audience: row.audience,
      language: row.language,
      defaultHashtags: row.default_hashtags,
      bannedTerms: row.banned_terms,
      visualStyle: row.visual_style,
    },
  };
}

/**
 * What the drafter learns from: the latest captions the owner approved (as they will be posted, so an edit
 * teaches the owner's own wording), the latest reasons they gave for rejecting a draft, what they asked for in the
 * latest rewrites that were done (a rewrite still running is not read, so its own prompt keeps the brand's cached
 * prefix), and how published posts performed (refreshed at most daily, so the prompt prefix stays cacheable).
 */
export async function loadOwnerExamples(sql: Sql, brandId: number, now: Date): Promise<OwnerExamples> {
  const approved = await sql<{ caption: string }[]>`
    select caption from drafts
     where brand_id = ${brandId} and status in ('approved', 'publishing', 'published') and caption <> ''
     order by edited desc, decided_at desc nulls last
     limit 8`;
  const rejected = await sql<{ reason: string }[]>`
    select rejection_reason as reason from drafts
     where brand_id = ${brandId} and status = 'rejected' and rejection_reason is not null
     order by decided_at desc nulls last
     limit 15`;
  const asked = await sql<{ instruction: string }[]>`
    select r.instruction from regeneration_requests r join drafts d on d.id = r.draft_id
     where d.brand_id = ${brandId} and r.kind = 'rewrite' and r.status = 'done' and r.instruction is not null
     order by r.finished_at desc, r.id desc
     limit 15`;
  const lessons = await loadPerformanceLessons(sql, brandId, now);
  return {
    approvedCaptions: approved.map((r) => r.caption),
    rejectionReasons: rejected.map((r) => r.reason),
    rewriteInstructions: asked.map((r) => r.instruction),
    bestPerformingCaptions: lessons.bestCaptions,
    performanceSummary: lessons.summary,
  };
}
