import { afterAll, beforeAll, expect } from "vitest";
import { type FakeFeedServer, startFakeFeedServer } from "../fakes/fake-feed-server.ts";
import { visibleText } from "../fakes/fake-telegram.ts";
import { OWNER_ID, setByBeforeAll, startTestApp, type TestApp } from "./start-test-app.ts";
import { callbackUpdate, type From, postUpdate, textUpdate } from "./telegram-updates.ts";

/** A private chat with the bot as one Telegram user: sends messages, presses buttons, reads replies as text. */
export function chatAs(t: TestApp, from: From) {
  const plain = (message: { text?: string; parse_mode?: string } | undefined) => {
    if (!message?.text) return "";
    const parsed = visibleText(message.text, message.parse_mode);
    return "text" in parsed ? parsed.text : message.text;
  };
  const findButton = (label: string | RegExp) => {
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
    const message = [...t.telegram.messagesIn(from.id)]
      .reverse()
      .find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => matches(b.text)));
    const button = message?.reply_markup?.inline_keyboard?.flat().find((b) => matches(b.text));
    if (!message || !button?.callback_data) throw new Error(`no button ${label} in the chat`);
    return { message, data: button.callback_data };
  };
  const chat = {
    from,
    messages: () => t.telegram.messagesIn(from.id),
    last: () => plain(t.telegram.lastMessageIn(from.id)),
    text: (messageId: number) => plain(t.telegram.messages.get(messageId)),
    since: (count: number) => chat.messages().slice(count).map(plain),
    async send(text: string, updateId?: number): Promise<string[]> {
      const before = chat.messages().length;
      const response = await postUpdate(t, textUpdate(text, from, updateId));
      expect(response.status).toBe(200);
      return chat.since(before);
    },
    findButton,
    /** Sends a callback for `data` on `messageId`; returns the toast and any new messages. */
    async tap(data: string, messageId: number, updateId?: number) {
      const before = chat.messages().length;
      const answers = t.telegram.callsTo("answerCallbackQuery").length;
      const update = callbackUpdate(data, { message_id: messageId, chat_id: from.id }, from, updateId);
      const response = await postUpdate(t, update);
      expect(response.status).toBe(200);
      const answer = t.telegram.callsTo("answerCallbackQuery").slice(answers);
      expect(answer).toHaveLength(1);
      return { toast: answer[0]!.payload.text as string | undefined, replies: chat.since(before), messageId };
    },
    /** Presses the newest button whose label matches. */
    async press(label: string | RegExp) {
      const { message, data } = findButton(label);
      return chat.tap(data, message.message_id);
    },
  };
  return chat;
}

/** A private chat with the bot as one owner, as chatAs opens it. */
export type OwnerChat = ReturnType<typeof chatAs>;

/** What the tests of one file share: the running service, the feeds owners add, and fresh owners to chat as. */
export interface OwnerChatTestSuite {
  readonly t: TestApp;
  /** The feeds the suite was given, `/page.html` as a web page rather than a feed, and 404 for any other path. */
  readonly feeds: FakeFeedServer;
  /** A chat as an allowed Telegram user no test has chatted as yet, so the test starts with an unregistered user. */
  newOwnerChat(firstName?: string): OwnerChat;
}

/**
 * Starts one service that lets `owners` Telegram users in, and a feed server on 127.0.0.1 that serves `feeds`
 * (path → RSS document), before the file's tests; stops both after them. Call it at the top of a test file: it
 * registers the vitest hooks.
 */
export function ownerChatTestSuite(options: {
  owners: number;
  feeds: Record<string, string>;
}): OwnerChatTestSuite {
  const ownerIds = Array.from({ length: options.owners }, (_, i) => OWNER_ID + i);
  let chatsOpened = 0;
  let feeds: FakeFeedServer | undefined;
  let t: TestApp | undefined;
  const suite: OwnerChatTestSuite = {
    get t() {
      return setByBeforeAll(t);
    },
    get feeds() {
      return setByBeforeAll(feeds);
    },
    newOwnerChat(firstName = "Ada") {
      const id = ownerIds[chatsOpened++];
      if (id === undefined)
        throw new Error(`the suite lets only ${options.owners} owners in; raise its owners option`);
      return chatAs(suite.t, { id, first_name: firstName });
    },
  };
  beforeAll(async () => {
    feeds = await startFakeFeedServer({
      ...Object.fromEntries(
        Object.entries(options.feeds).map(([path, rss]) => [path, { kind: "feed", body: rss } as const]),
      ),
      "/page.html": {
        kind: "status",
        status: 200,
        contentType: "text/html",
        body: "<!doctype html><html><body>Hi</body></html>",
      },
    });
    t = await startTestApp({ OWNER_TELEGRAM_IDS: ownerIds.join(",") });
  });
  afterAll(async () => {
    await t?.stop();
    await feeds?.close();
  });
  return suite;
}
