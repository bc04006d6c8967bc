import { OWNER_ID, type TestApp, TEST_WEBHOOK_SECRET } from "./start-test-app.ts";

/** Builds Telegram Update objects as Telegram sends them, and posts them to the service's webhook. */
let nextUpdateId = 700_000_000 + Math.floor(Math.random() * 1_000_000);
let nextMessageId = 1;

export interface From {
  id: number;
  first_name?: string;
  /** The user's interface language as Telegram reports it ("de", "pt-br"); absent when Telegram omits it. */
  language_code?: string;
}

export function textUpdate(text: string, from: From = { id: OWNER_ID }, updateId = nextUpdateId++) {
  const entities = text.startsWith("/")
    ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
    : undefined;
  return privateMessage(from, updateId, { text, ...(entities ? { entities } : {}) });
}

/** A voice note from the user, as Telegram sends it: the file is referred to by id, fetched with getFile. */
export function voiceUpdate(
  voice: { file_id: string; file_unique_id: string; file_size: number; duration: number },
  from: From = { id: OWNER_ID },
  updateId = nextUpdateId++,
) {
  return privateMessage(from, updateId, { voice: { ...voice, mime_type: "audio/ogg" } });
}

/** A message update in the user's private chat with the bot, carrying `content` (text, voice…). */
function privateMessage<T extends object>(from: From, updateId: number, content: T) {
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name ?? "Ada" },
      from: sender(from),
      ...content,
    },
  };
}

export function callbackUpdate(
  data: string,
  message: { message_id: number; chat_id: number },
  from: From = { id: OWNER_ID },
  updateId = nextUpdateId++,
) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cbq-${updateId}`,
      chat_instance: "ci-1",
      from: sender(from),
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: message.chat_id, type: "private", first_name: from.first_name ?? "Ada" },
        text: "card",
      },
    },
  };
}

/**
 * Telegram delivers the update to the service's webhook (carrying out a Bot API call the response holds), then
 * this waits until the service has finished with it, work after an early answer included, so a test sees
 * everything the update caused.
 */
export async function postUpdate(
  t: Pick<TestApp, "app" | "telegram">,
  update: unknown,
  secret = TEST_WEBHOOK_SECRET,
): Promise<{ status: number }> {
  const delivered = await t.telegram.deliver(`${t.app.url}/telegram/webhook`, update, secret);
  await t.app.settled();
  return delivered;
}

/** A group chat as Telegram names it in updates. */
export interface GroupChat {
  id: number;
  title?: string;
}

/** The sender of an update, as Telegram writes them in `from`. */
function sender(from: From) {
  return {
    id: from.id,
    is_bot: false,
    first_name: from.first_name ?? "Ada",
    ...(from.language_code ? { language_code: from.language_code } : {}),
  };
}

function groupChatOf(chat: GroupChat) {
  return { id: chat.id, type: "group", title: chat.title ?? "Velo team" };
}

/**
 * A message in a group, as Telegram delivers it to a bot there (in privacy mode a bot gets commands only).
 * `content` adds or replaces fields of the message (e.g. `migrate_to_chat_id` with `text` left out).
 */
export function groupMessageUpdate(
  text: string | undefined,
  chat: GroupChat,
  from: From,
  content: Record<string, unknown> = {},
  updateId = nextUpdateId++,
) {
  const command = text?.startsWith("/") ? text.split(/\s/)[0]!.length : 0;
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: groupChatOf(chat),
      from: sender(from),
      ...(text === undefined ? {} : { text }),
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command }] } : {}),
      ...content,
    },
  };
}

/** A press on a button of the bot's message `message_id` in a group. */
export function groupCallbackUpdate(
  data: string,
  message: { message_id: number; chat: GroupChat },
  from: From,
  updateId = nextUpdateId++,
) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cbq-group-${updateId}`,
      chat_instance: `ci-group${message.chat.id}`,
      from: sender(from),
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: groupChatOf(message.chat),
        text: "card",
      },
    },
  };
}

/**
 * The bot's own membership changing in a group (Telegram's my_chat_member update): "left" → "member" when `from`
 * adds it, "member" → "kicked" when someone removes it.
 */
export function botMembershipUpdate(
  chat: GroupChat,
  bot: { id: number; first_name: string },
  from: From,
  change: { from: string; to: string },
  updateId = nextUpdateId++,
) {
  const botUser = { id: bot.id, is_bot: true, first_name: bot.first_name };
  return {
    update_id: updateId,
    my_chat_member: {
      chat: groupChatOf(chat),
      from: sender(from),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: change.from, user: botUser },
      new_chat_member: { status: change.to, user: botUser },
    },
  };
}
