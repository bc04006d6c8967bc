/**
 * The owner's side of teams, after the owner gate: /invite (with arguments, or buttons to pick the role),
 * /team (members with a remove button each), and linking a group: /linkgroup in the group offers the sender's
 * brands as buttons that only the brand's owner can confirm, /unlinkgroup undoes it.
 */

import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { loadStoredLanguage, localeOf } from "../i18n/language-queries.ts";
import { listBrands } from "../owner-settings/shared/brand-queries.ts";
import { withSelectedBrand } from "../owner-settings/shared/selected-brand.ts";
import { answerButton, replyHtml, showInPlace } from "../owner-settings/shared/telegram-replies.ts";
import { memberMenu, setChatMenu, setGroupMenu } from "./command-menus.ts";
import { groupOf, personName } from "./group-card-press.ts";
import {
  hashInvitationCode,
  invitationExpiry,
  invitationLink,
  newInvitationCode,
} from "./invitation-codes.ts";
import { createInvitation } from "./invitation-queries.ts";
import { roleOfCode, TEAM_CALLBACK, teamCallback } from "./team-callbacks.ts";
import type { TeamDeps } from "./team-deps.ts";
import { linkGroup, loadBrandTeam, membershipsOf, removeMember, unlinkGroups } from "./team-queries.ts";
import { INVITATION_ROLES, type InvitationRole, isInvitationRole } from "./team-roles.ts";
import { teamTextsIn } from "./team-texts.ts";

const MAX_REMOVE_BUTTONS = 50;

export function teamCommands(deps: TeamDeps): Composer<BotContext> {
  const { sql, logger } = deps.services;
  const composer = new Composer<BotContext>();
  const isAdmin = (ctx: BotContext) => deps.adminIds.includes(ctx.from!.id);

  /** Makes the link and shows it; the code itself is never stored, only its hash. */
  async function invite(ctx: BotContext, role: InvitationRole, brand: { id: number; name: string } | null) {
    const code = newInvitationCode();
    const expiresAt = invitationExpiry(deps.services.clock());
    await createInvitation(sql, {
      codeHash: hashInvitationCode(code),
      role,
      brandId: brand?.id ?? null,
      createdByUserId: ctx.from!.id,
      expiresAt,
    });
    logger.info({ role, brandId: brand?.id ?? null }, "invitation created");
    const text = teamTextsIn(ctx.texts).inviteCreatedHtml(
      role,
      brand?.name ?? null,
      invitationLink(ctx.me.username, code),
      expiresAt,
    );
    return text;
  }

  composer.chatType("private").command("invite", async (ctx) => {
    const [word, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    const role = word?.toLowerCase();
    if (role !== undefined && !isInvitationRole(role))
      return void (await ctx.reply(teamTextsIn(ctx.texts).inviteUsage()));
    if (role === "owner") {
      if (!isAdmin(ctx)) return void (await ctx.reply(teamTextsIn(ctx.texts).inviteOwnerAdminsOnly()));
      return replyHtml(ctx, await invite(ctx, "owner", null));
    }
    if (!ctx.owner) {
      // An operator not registered yet can still invite owners; members need a brand of theirs.
      if (role === undefined && isAdmin(ctx)) return showRoleChoice(ctx, null);
      return void (await ctx.reply(teamTextsIn(ctx.texts).inviteNeedsStart()));
    }
    const owner = ctx.owner;
    await withSelectedBrand(ctx, sql, async (scope) => {
      let brand: { id: number; name: string } = scope.brand;
      const wanted = rest.join(" ");
      if (wanted) {
        const found = (await listBrands(sql, owner.id)).find(
          (b) => b.name.toLowerCase() === wanted.toLowerCase(),
        );
        if (!found) return void (await ctx.reply(teamTextsIn(ctx.texts).inviteUnknownBrand(wanted)));
        brand = found;
      }
      if (role === undefined) return showRoleChoice(ctx, brand);
      await replyHtml(ctx, await invite(ctx, role, brand));
    });
  });

  async function showRoleChoice(ctx: BotContext, brand: { id: number; name: string } | null) {
    const keyboard = new InlineKeyboard();
    for (const role of INVITATION_ROLES) {
      if (role === "owner" ? !isAdmin(ctx) : brand === null) continue;
      keyboard.text(
        teamTextsIn(ctx.texts).inviteButton(role),
        teamCallback.invite(role, role === "owner" ? null : brand!.id),
      );
    }
    await replyHtml(ctx, teamTextsIn(ctx.texts).inviteChooseHtml(brand?.name ?? null), keyboard);
  }

  composer.callbackQuery(TEAM_CALLBACK.invite, async (ctx) => {
    const role = roleOfCode(ctx.match[1]!);
    const brandId = Number(ctx.match[2]);
    if (role === "owner") {
      if (!isAdmin(ctx)) return answerButton(ctx, teamTextsIn(ctx.texts).inviteOwnerAdminsOnly());
      await answerButton(ctx);
      return showInPlace(ctx, await invite(ctx, "owner", null));
    }
    const owner = ctx.owner;
    if (!owner) return answerButton(ctx, teamTextsIn(ctx.texts).inviteNeedsStart());
    const brand = (await listBrands(sql, owner.id)).find((b) => b.id === brandId);
    if (!brand) return answerButton(ctx, teamTextsIn(ctx.texts).brandGone());
    await answerButton(ctx);
    await showInPlace(ctx, await invite(ctx, role, brand));
  });

  composer.chatType("private").command("team", (ctx) =>
    withSelectedBrand(ctx, sql, async (scope) => {
      const { text, keyboard } = await renderTeam(ctx, scope.brand);
      await replyHtml(ctx, text, keyboard);
    }),
  );

  async function renderTeam(ctx: BotContext, brand: { id: number; name: string }) {
    const team = await loadBrandTeam(sql, brand.id);
    const members = team.members.map((m) => ({
      name: m.display_name || String(m.telegram_user_id),
      role: m.role,
    }));
    const keyboard = new InlineKeyboard();
    // Telegram takes at most 100 buttons a message; a team is far smaller, and the list above still names everyone.
    team.members
      .slice(0, MAX_REMOVE_BUTTONS)
      .forEach((m, i) =>
        keyboard
          .text(
            teamTextsIn(ctx.texts).removeMemberButton(members[i]!.name),
            teamCallback.remove(brand.id, m.telegram_user_id),
          )
          .row(),
      );
    return { text: teamTextsIn(ctx.texts).teamHtml(brand.name, team.group, members), keyboard };
  }

  composer.callbackQuery(TEAM_CALLBACK.remove, async (ctx) => {
    const owner = ctx.owner;
    if (!owner) return answerButton(ctx, teamTextsIn(ctx.texts).inviteNeedsStart());
    const brandId = Number(ctx.match[1]);
    const telegramUserId = Number(ctx.match[2]);
    const removed = await removeMember(sql, { ownerId: owner.id, brandId, telegramUserId });
    await answerButton(
      ctx,
      removed === null
        ? teamTextsIn(ctx.texts).memberAlreadyGone()
        : teamTextsIn(ctx.texts).memberRemoved(removed),
    );
    const brand = (await listBrands(sql, owner.id)).find((b) => b.id === brandId);
    if (brand) {
      const { text, keyboard } = await renderTeam(ctx, brand);
      await showInPlace(ctx, text, keyboard);
    }
    if (removed !== null) await dropMenuIfNoRoleLeft(ctx, telegramUserId);
  });

  /** Someone with no role left gets the strangers' menu back; an owner keeps theirs. */
  async function dropMenuIfNoRoleLeft(ctx: BotContext, telegramUserId: number) {
    const [owner] = await sql`select 1 from owners where telegram_user_id = ${telegramUserId}`;
    if (owner) return;
    const left = await membershipsOf(sql, telegramUserId);
    const locale = localeOf(await loadStoredLanguage(sql, telegramUserId));
    await setChatMenu(
      { api: ctx.api, sql },
      telegramUserId,
      left.length > 0 ? memberMenu(locale) : null,
    ).catch((error: unknown) => logger.warn({ err: error }, "member command menu not updated"));
  }

  composer.command("linkgroup", async (ctx) => {
    if (groupOf(ctx) === undefined)
      return void (await ctx.reply(teamTextsIn(ctx.texts).linkGroupInPrivate()));
    const owner = ctx.owner;
    const brands = owner ? await listBrands(sql, owner.id) : [];
    if (brands.length === 0) return void (await ctx.reply(teamTextsIn(ctx.texts).linkGroupNoBrands()));
    const keyboard = new InlineKeyboard();
    for (const brand of brands)
      keyboard.text(teamTextsIn(ctx.texts).linkGroupButton(brand.name), teamCallback.link(brand.id)).row();
    await replyHtml(ctx, teamTextsIn(ctx.texts).linkGroupChooseHtml(), keyboard);
  });

  composer.callbackQuery(TEAM_CALLBACK.link, async (ctx) => {
    const chat = groupOf(ctx);
    const message = ctx.callbackQuery.message;
    if (chat === undefined || !message) return answerButton(ctx, teamTextsIn(ctx.texts).linkGroupInPrivate());
    const title = ("title" in message.chat ? message.chat.title : undefined) ?? "";
    const linked = await linkGroup(sql, {
      brandId: Number(ctx.match[1]),
      ownerTelegramUserId: ctx.callbackQuery.from.id,
      chatId: chat,
      title,
    });
    if (linked === null) return answerButton(ctx, teamTextsIn(ctx.texts).onlyBrandOwnerCanLink());
    const { name, abandonedChatId } = linked;
    logger.info({ brandId: Number(ctx.match[1]) }, "group linked to a brand");
    await answerButton(ctx, teamTextsIn(ctx.texts).groupLinkedToast(name));
    await setGroupMenu({ api: ctx.api, sql }, chat, true).catch((error: unknown) =>
      logger.warn({ err: error }, "group command menu not set"),
    );
    // The brand's earlier group serves no brand now: its members' menu goes.
    if (abandonedChatId !== null)
      await setGroupMenu({ api: ctx.api, sql }, abandonedChatId, false).catch((error: unknown) =>
        logger.warn({ err: error }, "group command menu not removed"),
      );
    await showInPlace(ctx, teamTextsIn(ctx.texts).groupLinkedHtml(name, personName(ctx.callbackQuery.from)));
  });

  composer.command("unlinkgroup", async (ctx) => {
    const chat = groupOf(ctx);
    if (chat !== undefined) {
      const names = ctx.owner ? await unlinkGroups(sql, { ownerId: ctx.owner.id, chatId: chat }) : [];
      const [stillLinked] = await sql`select 1 from brand_groups where chat_id = ${chat} limit 1`;
      if (names.length > 0 && !stillLinked)
        await setGroupMenu({ api: ctx.api, sql }, chat, false).catch((error: unknown) =>
          logger.warn({ err: error }, "group command menu not removed"),
        );
      await ctx.reply(
        names.length > 0
          ? teamTextsIn(ctx.texts).groupUnlinked(names)
          : teamTextsIn(ctx.texts).nothingLinked(),
      );
      return;
    }
    await withSelectedBrand(ctx, sql, async (scope, owner) => {
      const names = await unlinkGroups(sql, { ownerId: owner.id, brandId: scope.brand.id });
      await ctx.reply(
        names.length > 0
          ? teamTextsIn(ctx.texts).groupUnlinked(names)
          : teamTextsIn(ctx.texts).brandHasNoGroup(scope.brand.name),
      );
    });
  });

  return composer;
}
