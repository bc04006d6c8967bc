/**
 * The commands an owner can send, in the order the command menu and /help show them. One list feeds both, so
 * the menu Telegram shows (setMyCommands) and the help text never disagree. Telegram allows 1–32 lowercase
 * letters, digits and underscores per command and 1–256 characters per description (Bot API, BotCommand).
 */
export const OWNER_COMMANDS = [
  { command: "start", description: "Register and set up your first brand" },
  { command: "status", description: "Instagram, feeds, drafts, next post and spend at a glance" },
  { command: "queue", description: "Approved posts waiting, with their slots" },
  { command: "brands", description: "List your brands: switch, add, rename or delete one" },
  { command: "feeds", description: "News feeds: health, add or remove" },
  {
    command: "brand",
    description: "The brand profile: language, topic, audience, voice, banned terms, image style",
  },
  { command: "schedule", description: "Posting times and time zone" },
  { command: "topic", description: "What the brand posts about" },
  { command: "voice", description: "How captions sound" },
  { command: "hashtags", description: "Default hashtags" },
  { command: "format", description: "Post format: single image, carousel, or let the AI choose" },
  { command: "firstcomment", description: "First comment after publishing: hashtags, off or your line" },
  { command: "budget", description: "AI spend this month and the monthly cap" },
  { command: "report", description: "How posts performed: last 7 days, or /report 30" },
  { command: "comments", description: "Which Instagram comments reach this chat: all, questions or none" },
  { command: "pause", description: "Stop drafting and publishing for the brand" },
  { command: "resume", description: "Start drafting and publishing again" },
  { command: "connect", description: "Connect the brand's Instagram account" },
  { command: "disconnect", description: "Disconnect Instagram" },
  { command: "deletedata", description: "Delete everything stored about you" },
  { command: "help", description: "What I can do" },
  { command: "cancel", description: "Leave the current dialog" },
] as const;

export type OwnerCommand = (typeof OWNER_COMMANDS)[number]["command"];

/** /help: the same lines as the command menu, plus how dialogs and free text work. */
export function renderHelp(): string {
  return [
    "Greenlight turns the news you follow into Instagram drafts for you to approve here.",
    "",
    ...OWNER_COMMANDS.map(({ command, description }) => `/${command} – ${description}`),
    "",
    "In a dialog, /skip skips a step and /cancel leaves it.",
  ].join("\n");
}
