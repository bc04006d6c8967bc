/**
 * Teams and invitations, wired into the bot in three places (see createBot): `entry` ahead of the owner gate
 * (invitation links, the bot joining or leaving a group), `guests` for users the gate does not let in as owners
 * (members' /status and /help, refused card presses), and `commands` for owners (/invite, /team, /linkgroup,
 * /unlinkgroup). Card decisions by approvers in a linked group are taken by the card's own buttons
 * (src/approval/draft-decisions.ts, with group-card-press.ts).
 */

import type { Composer } from "grammy";
import type { BotContext } from "../bot/bot-context.ts";
import { teamCommands } from "./team-commands.ts";
import type { TeamDeps } from "./team-deps.ts";
import { teamEntry } from "./team-entry.ts";
import { teamGuests } from "./team-guests.ts";

export { publishBotProfile } from "./command-menus.ts";

export function teams(deps: TeamDeps): {
  entry: Composer<BotContext>;
  guests: Composer<BotContext>;
  commands: Composer<BotContext>;
} {
  return { entry: teamEntry(deps), guests: teamGuests(deps), commands: teamCommands(deps) };
}
