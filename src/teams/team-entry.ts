/**
 * What reaches the bot before anyone is known to be an owner: invitation links (`/start <code>`, opened by
 * strangers, members and owners alike), the bot being added to or removed from a group, and a group becoming a
 * supergroup. Runs ahead of the
 * owner gate (createBot's `direct`); passes on everything else without reading the database.
 */

import { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { memberMenu, ownerMenu, setChatMenu } from "./command-menus.ts";
import { personName } from "./group-card-press.ts";
import { hashInvitationCode, looksLikeInvitationCode } from "./invitation-codes.ts";
import { redeemInvitation } from "./invitation-queries.ts";
import type { TeamDeps } from "./team-deps.ts";
import { forgetGroup } from "./team-queries.ts";
import { teamTextsIn } from "./team-texts.ts";
import { textsOfUpdate } from "../i18n/bot-locale.ts";

export function teamEntry(deps: TeamDeps): Composer<BotContext> {
  const { sql, logger } = deps.services;
  const composer = new Composer<BotContext>();

  composer.chatType("private").command("start", async function openInvitation(ctx, next) {
    const code = ctx.match.trim();
    if (!looksLikeInvitationCode(code)) return next();
    const user = ctx.from;
    // Ahead of the owner gate no locale is chosen yet: a newcomer is answered in their Telegram's language.
    const texts = textsOfUpdate(ctx);
    const say = teamTextsIn(texts);
    const outcome = await redeemInvitation(sql, {
      codeHash: hashInvitationCode(code),
      user: { id: user.id, displayName: personName(user) },
      updateId: ctx.update.update_id,
      now: deps.services.clock(),
    });
    switch (outcome.kind) {
      case "redelivered":
        return;
      case "owner":
        logger.info({ ownerId: outcome.ownerId }, "invitation redeemed: new owner");
        await setChatMenu({ api: ctx.api, sql }, ctx.chat.id, ownerMenu(texts.locale)).catch(
          (error: unknown) => logger.warn({ err: error }, "owner command menu not set"),
        );
        await ctx.reply(say.joinedAsOwner(user.first_name));
        return;
      case "member": {
        logger.info({ brandId: outcome.brandId, role: outcome.role }, "invitation redeemed: new member");
        const isOwner = await sql`select 1 from owners where telegram_user_id = ${user.id}`;
        if (isOwner.length === 0)
          await setChatMenu({ api: ctx.api, sql }, ctx.chat.id, memberMenu(texts.locale)).catch(
            (error: unknown) => logger.warn({ err: error }, "member command menu not set"),
          );
        await ctx.reply(say.joinedAsMemberHtml(outcome.role, outcome.brandName, outcome.hasGroup), {
          parse_mode: "HTML",
        });
        return;
      }
      case "unknown":
        await ctx.reply(say.invitationUnknown());
        return;
      case "used":
        await ctx.reply(say.invitationUsed());
        return;
      case "expired":
        await ctx.reply(say.invitationExpired(outcome.expiresAt));
        return;
      case "alreadyOwner":
        await ctx.reply(say.invitationAlreadyOwner());
        return;
      case "ownBrand":
        await ctx.reply(say.invitationOwnBrand());
        return;
    }
  });

  composer.on("my_chat_member", async function botMembershipChanged(ctx) {
    const chat = ctx.myChatMember.chat;
    if (chat.type !== "group" && chat.type !== "supergroup") return;
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "left" || status === "kicked") {
      const unlinked = await forgetGroup(sql, chat.id);
      if (unlinked > 0)
        logger.info({ chatId: chat.id, brands: unlinked }, "bot left a linked group: unlinked");
      return;
    }
    const before = ctx.myChatMember.old_chat_member.status;
    // Greeted in the language of whoever added the bot: they are the one who reads it first.
    if (before === "left" || before === "kicked")
      await ctx.reply(teamTextsIn(textsOfUpdate(ctx)).addedToGroup());
  });

  // A group that becomes a supergroup gets a new chat id (Telegram's migrate_to_chat_id): its links follow it.
  composer.on("message:migrate_to_chat_id", async function groupMigrated(ctx) {
    await sql`update brand_groups set chat_id = ${ctx.message.migrate_to_chat_id} where chat_id = ${ctx.chat.id}`;
  });

  return composer;
}
