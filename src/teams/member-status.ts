/** /status for a team member: the owner's own view of the brand, read through the brand's owner. */

import type { BotContext } from "../bot/bot-context.ts";
import { monthToDateSpend } from "../budget/ledger.ts";
import { loadBrandScope } from "../owner-settings/shared/brand-queries.ts";
import { committedUsd } from "../owner-settings/budget/budget-view.ts";
import { loadBrandStatus } from "../owner-settings/status/status-queries.ts";
import { renderStatus } from "../owner-settings/status/status-view.ts";
import { replyHtml } from "../owner-settings/shared/telegram-replies.ts";
import type { TeamDeps } from "./team-deps.ts";
import type { Membership } from "./team-queries.ts";

export async function showBrandStatus(
  ctx: BotContext,
  deps: TeamDeps,
  membership: Membership,
): Promise<void> {
  const { sql } = deps.services;
  const scope = await loadBrandScope(sql, membership.owner_id, membership.brand_id);
  if (!scope) return;
  const [status, spend] = await Promise.all([
    loadBrandStatus(sql, scope.brand.id),
    monthToDateSpend(sql, scope.brand.id),
  ]);
  // A member sees one brand at a time: the view names it as it does for an owner of several.
  await replyHtml(
    ctx,
    renderStatus(
      { ...scope, brandCount: Math.max(scope.brandCount, 2) },
      status,
      committedUsd(spend),
      deps.services.clock(),
      ctx.texts,
    ),
  );
}
