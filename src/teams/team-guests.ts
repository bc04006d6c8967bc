/**
 * Users who are not owners, after the owner gate (createBot's `guests`): a team member's /status and /help, and
 * the answer to a press on a draft card in a group by anyone the card's own buttons did not let decide (a
 * viewer, an approver pressing Edit, a stranger). Whatever this does not handle gets the gate's refusal, which
 * tells the user their Telegram id.
 */

import { Composer } from "grammy";
import { parseDraftCallback } from "../approval/callback-data.ts";
import type { BotContext } from "../bot/bot-context.ts";
import { DRAFT_CALLBACK_PATTERN } from "../approval/callback-data.ts";
import { answerButton } from "../owner-settings/shared/telegram-replies.ts";
import { showBrandStatus } from "./member-status.ts";
import { groupOf } from "./group-card-press.ts";
import { TEAM_CALLBACK } from "./team-callbacks.ts";
import type { TeamDeps } from "./team-deps.ts";
import { membershipsOf, roleOnCardInGroup } from "./team-queries.ts";
import { teamTextsIn } from "./team-texts.ts";

export function teamGuests(deps: TeamDeps): Composer<BotContext> {
  const { sql } = deps.services;
  const composer = new Composer<BotContext>();

  composer.callbackQuery(DRAFT_CALLBACK_PATTERN, async function refuseCardPress(ctx, next) {
    const callback = parseDraftCallback(ctx.callbackQuery.data);
    const group = groupOf(ctx);
    if (!callback || group === undefined) return next();
    const role = await roleOnCardInGroup(sql, {
      draftId: callback.draftId,
      telegramUserId: ctx.callbackQuery.from.id,
      chatId: group,
    });
    if (role === "viewer") return answerButton(ctx, teamTextsIn(ctx.texts).viewerCannotDecide());
    if (role === "approver") return answerButton(ctx, teamTextsIn(ctx.texts).approverOnlyDecides());
    return answerButton(ctx, teamTextsIn(ctx.texts).notOnTheTeam(ctx.callbackQuery.from.id));
  });

  // A team member pressing "link this group": only the brand's owner confirms, which a member is told as such
  // (a stranger gets the gate's refusal with their id).
  composer.callbackQuery(TEAM_CALLBACK.link, async function refuseLinkByMember(ctx, next) {
    const memberships = await membershipsOf(sql, ctx.callbackQuery.from.id);
    if (memberships.length === 0) return next();
    return answerButton(ctx, teamTextsIn(ctx.texts).onlyBrandOwnerCanLink());
  });

  composer.command("status", async (ctx, next) => {
    const group = groupOf(ctx);
    const memberships = await membershipsOf(sql, ctx.from!.id, group);
    if (memberships.length === 0) return next();
    if (memberships.length > 1 && group === undefined) {
      await ctx.reply(teamTextsIn(ctx.texts).memberStatusWhichBrand());
      return;
    }
    for (const membership of memberships) await showBrandStatus(ctx, deps, membership);
  });

  composer.command("help", async (ctx, next) => {
    const memberships = await membershipsOf(sql, ctx.from!.id);
    if (memberships.length === 0) return next();
    await ctx.reply(teamTextsIn(ctx.texts).memberHelp(memberships.map((m) => m.brand_name)));
  });

  return composer;
}
