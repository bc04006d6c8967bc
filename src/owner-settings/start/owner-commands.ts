import { englishTexts, type Texts } from "../../i18n/texts.ts";

/**
 * The commands an owner can send, in the order the command menu and /help show them. One list feeds both, so
 * the menu Telegram shows (setMyCommands) and the help text never disagree. Telegram allows 1–32 lowercase
 * letters, digits and underscores per command and 1–256 characters per description (Bot API, BotCommand); each
 * description is the catalogue's `command-<name>` message.
 */
const OWNER_COMMAND_NAMES = [
  "start",
  "status",
  "queue",
  "brands",
  "feeds",
  "brand",
  "schedule",
  "topic",
  "voice",
  "hashtags",
  "format",
  "firstcomment",
  "budget",
  "report",
  "comments",
  "pause",
  "resume",
  "connect",
  "disconnect",
  "deletedata",
  "language",
  "help",
  "cancel",
] as const;

export type OwnerCommand = (typeof OWNER_COMMAND_NAMES)[number];

/** The menu in one locale: each command with its description. */
export function ownerCommandsIn(texts: Texts): { command: OwnerCommand; description: string }[] {
  return OWNER_COMMAND_NAMES.map((command) => ({ command, description: texts.t(`command-${command}`) }));
}

/**
 * The menu in English, Telegram's default for users whose language has no menu of its own. A function, not a
 * constant: translating at import would load the whole catalogue before the service can answer /healthz.
 */
export function englishOwnerCommands(): { command: OwnerCommand; description: string }[] {
  return ownerCommandsIn(englishTexts());
}

/** /help: the same lines as the command menu, plus how dialogs and free text work. */
export function renderHelp(texts: Texts = englishTexts()): string {
  return [
    texts.t("help-intro"),
    "",
    ...ownerCommandsIn(texts).map(({ command, description }) => `/${command} – ${description}`),
    "",
    texts.t("help-dialogs"),
  ].join("\n");
}
