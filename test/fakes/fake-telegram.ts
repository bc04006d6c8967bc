import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseMultipart } from "./multipart-form.ts";
import { readRequestBody } from "./read-request-body.ts";

/**
 * A fake Telegram Bot API on 127.0.0.1 speaking the real wire protocol: POST /bot<token>/<method> with a JSON
 * or multipart body, answered {ok:true,result} or {ok:false,error_code,description,parameters}. It enforces the
 * limits Greenlight must respect: text 1–4096 characters after entity parsing, captions ≤ 1024 (both counted
 * in UTF-16 code units, as Telegram does), text that is not valid Unicode (half an emoji), callback_data
 * 1–64 bytes, at most 100 buttons, answerCallbackQuery text ≤ 200, HTML that Telegram would refuse to parse,
 * "message is not modified" on identical edits, and it can answer 429 with retry_after on demand. Every call it
 * refuses on its own (not an injected fault) is kept in `refusals`. Command menus are kept per BotCommandScope
 * (at most 100 commands, each 1–32 of [a-z0-9_] with a 1–256 character description); the bot's description
 * holds at most 512 characters and its short description 120.
 *
 * Files the owner sends (voice notes) are held as Telegram holds them: `getFile` answers with a `file_path`, and
 * the bytes are served at GET /file/bot<token>/<file_path>. A file over 20 MB cannot be downloaded by a bot:
 * `getFile` refuses it with "file is too big", as the Bot API does.
 */

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** Made in a webhook's response rather than by a request to the Bot API. */
  viaWebhookReply?: boolean;
}

export interface FakeMessage {
  message_id: number;
  chat_id: number;
  text?: string;
  caption?: string;
  photo?: boolean;
  /** Bytes of an uploaded photo, or the URL/file_id it was sent with. */
  photoSource?: string | Buffer;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };
  deleted?: boolean;
  /** Sent as part of an album (sendMediaGroup). */
  mediaGroup?: boolean;
  edits: number;
}

export type Failure = { error_code: number; description: string; parameters?: Record<string, unknown> };

export class FakeTelegram {
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<number, FakeMessage>();
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;
  /** The command menu of the default scope (what a chat without a scope of its own shows). */
  commands: { command: string; description: string }[] = [];
  /**
   * Menus of other scopes, by scope key: "chat:<id>", "all_private_chats", "chat_member:<chat>:<user>"…, with
   * "|<language_code>" after it for a menu set for one language.
   */
  readonly scopedCommands = new Map<string, { command: string; description: string }[]>();
  /** Default-scope menus set for a language_code ("es", "pt", "de"), beside the default one in `commands`. */
  readonly commandsByLanguage = new Map<string, { command: string; description: string }[]>();
  /** setMyDescription's and setMyShortDescription's current texts ("" until set, as for a new bot). */
  description = "";
  shortDescription = "";
  /** The same, set for a language_code ("es", "pt", "de"), beside the default ones above. */
  readonly descriptionsByLanguage = new Map<string, string>();
  readonly shortDescriptionsByLanguage = new Map<string, string>();
  private server: Server | undefined;
  private nextMessageId = 1000;
  private failures: { method: string; failure: Failure; remaining: number }[] = [];
  private delays = new Map<string, number>();
  private pendingUpdates: unknown[] = [];
  /** When set, sends beyond Telegram's flood limits are refused with 429 (see enforceFloodLimits). */
  private floodLimits: { perChatPerSecond: number; perSecond: number } | undefined;
  private recentSends: { chatId: number; at: number }[] = [];
  /** How many sends were refused for flooding. */
  floodRefusals = 0;
  private waiters: (() => void)[] = [];
  private beforeAnswers: {
    method: string;
    matches: (payload: Record<string, unknown>) => boolean;
    action: () => Promise<unknown>;
  }[] = [];
  private faultPlan: ((method: string, payload: Record<string, unknown>) => Failure | undefined) | null =
    null;
  /** Calls refused because Telegram would refuse them (a text too long, bad HTML…), not injected faults. */
  readonly refusals: { method: string; description: string }[] = [];
  /** How many calls the fault plan refused, by error_code. */
  readonly injectedFaults: Record<number, number> = {};
  private files = new Map<string, { bytes: Buffer; path: string; uniqueId: string }>();
  /** The file paths downloaded through /file/bot<token>/…, in order. */
  readonly fileDownloads: string[] = [];

  constructor(token = "123456:TEST-token-for-the-fake-api") {
    this.token = token;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  readonly botInfo = {
    id: 123456,
    is_bot: true as const,
    first_name: "Greenlight",
    username: "greenlight_test_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters.splice(0)) wake();
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** Every call to `method` is answered only after `ms` milliseconds (a slow Bot API). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** The next `times` calls to `method` fail with the given error (e.g. 429 with retry_after). */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.push({ method, failure, remaining: times });
  }

  /**
   * From now on, refuses a send (sendMessage, sendPhoto) with 429 and retry_after 1 when it would make more than
   * `perSecond` sends in any one second, or more than `perChatPerSecond` to one chat. Telegram publishes no exact
   * figures; its guidance is about 30 messages a second overall and about one a second per chat, with short
   * bursts allowed, which the defaults model.
   */
  enforceFloodLimits(limits = { perChatPerSecond: 4, perSecond: 30 }): void {
    this.floodLimits = limits;
  }

  tooManyRequests(method: string, retryAfterSeconds: number, times = 1): void {
    this.failNext(
      method,
      {
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfterSeconds}`,
        parameters: { retry_after: retryAfterSeconds },
      },
      times,
    );
  }

  /**
   * The next call to `method` whose payload `matches` is answered only after `action` has run: e.g. the owner's
   * answer delivered to the webhook the moment a prompt reaches Telegram, before the bot hears that it was sent,
   * as a fast client (or an owner who typed ahead) does. Runs once.
   */
  beforeAnswering(
    method: string,
    matches: (payload: Record<string, unknown>) => boolean,
    action: () => Promise<unknown>,
  ): void {
    this.beforeAnswers.push({ method, matches, action });
  }

  /**
   * Fault injection: `plan` is asked before every Bot API call is carried out and may refuse it with an error as
   * Telegram sends it (see `telegramTooManyRequests`, `telegramServerError`). Null switches it off.
   */
  injectFaults(
    plan: ((method: string, payload: Record<string, unknown>) => Failure | undefined) | null,
  ): void {
    this.faultPlan = plan;
  }

  /**
   * Delivers an update to a webhook as Telegram does: a POST with the secret header. A 2xx response may carry one
   * Bot API call as JSON ({"method": "...", ...parameters}), which Telegram performs without reporting its
   * outcome back; so does this, recording the call as made via the webhook reply.
   */
  async deliver(webhookUrl: string, update: unknown, secretToken?: string): Promise<{ status: number }> {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secretToken === undefined ? {} : { "x-telegram-bot-api-secret-token": secretToken }),
      },
      body: JSON.stringify(update),
    });
    const body = await response.text();
    if (response.ok) await this.performWebhookReply(body, response.headers.get("content-type"));
    return { status: response.status };
  }

  /** Carries out the Bot API call a webhook response may hold; a body that holds none is ignored. */
  async performWebhookReply(body: string, contentType: string | null): Promise<void> {
    if (!body || !contentType?.startsWith("application/json")) return;
    const { method, ...payload } = JSON.parse(body) as Record<string, unknown>;
    if (typeof method !== "string") return;
    this.calls.push({ method, payload, at: Date.now(), viaWebhookReply: true });
    const outcome = await this.dispatch(method, payload);
    if ("error_code" in outcome) this.refusals.push({ method, description: outcome.description });
  }

  /**
   * Holds a file as if a user had sent it (a voice note: OGG/Opus, path "voice/file_N.oga"), for `getFile` and the
   * download; returns what the message's `voice` object carries about it.
   */
  addFile(
    bytes: Buffer,
    kind: "voice" = "voice",
  ): { file_id: string; file_unique_id: string; file_size: number } {
    const n = this.files.size + 1;
    const fileId = `AwACAgIAAxkBAAI${kind}${n}${Math.random().toString(36).slice(2, 10)}`;
    const uniqueId = `AgAD${n}`;
    this.files.set(fileId, { bytes, path: `${kind}/file_${n}.oga`, uniqueId });
    return { file_id: fileId, file_unique_id: uniqueId, file_size: bytes.length };
  }

  /** Queues an update for a long-polling bot's getUpdates. */
  pushUpdate(update: unknown): void {
    this.pendingUpdates.push(update);
    for (const wake of this.waiters.splice(0)) wake();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages the bot sent to a chat, oldest first (deleted ones excluded). */
  /**
   * The description and short description a user whose Telegram app is set to `languageCode` ("es", "pt-br") is
   * shown before starting the bot: the ones set for their language, else the default ones, as Telegram picks them.
   */
  profileSeenIn(languageCode: string | undefined): { description: string; shortDescription: string } {
    const language = languageCode?.slice(0, 2).toLowerCase() ?? "";
    return {
      description: this.descriptionsByLanguage.get(language) || this.description,
      shortDescription: this.shortDescriptionsByLanguage.get(language) || this.shortDescription,
    };
  }

  messagesIn(chatId: number): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.chat_id === chatId && !m.deleted);
  }

  lastMessageIn(chatId: number): FakeMessage | undefined {
    return this.messagesIn(chatId).at(-1);
  }

  /** Resolves once `predicate` holds, polling the recorded state; rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error("fake Telegram: condition not met in time");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download) return this.serveFile(res, download[1]!, decodeURIComponent(download[2]!));
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? "");
    if (req.method !== "POST" && req.method !== "GET")
      return this.reply(res, 405, fail(405, "Method Not Allowed"));
    if (!match) return this.reply(res, 404, fail(404, "Not Found"));
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.token) return this.reply(res, 401, fail(401, "Unauthorized"));
    const payload = await readPayload(req);
    this.calls.push({ method, payload, at: Date.now() });
    const before = this.beforeAnswers.findIndex((b) => b.method === method && b.matches(payload));
    if (before >= 0) await this.beforeAnswers.splice(before, 1)[0]!.action();
    const delayMs = this.delays.get(method);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));

    const flooded = this.checkFlood(method, payload);
    if (flooded) return this.reply(res, 429, { ok: false, ...flooded });
    const planned = this.faultPlan?.(method, payload);
    if (planned) {
      this.injectedFaults[planned.error_code] = (this.injectedFaults[planned.error_code] ?? 0) + 1;
      return this.reply(res, planned.error_code, { ok: false, ...planned });
    }
    const injected = this.failures.find((f) => f.method === method && f.remaining > 0);
    if (injected) {
      injected.remaining--;
      return this.reply(res, injected.failure.error_code, { ok: false, ...injected.failure });
    }
    const outcome = await this.dispatch(method, payload);
    if ("error_code" in outcome) {
      this.refusals.push({ method, description: outcome.description });
      return this.reply(res, outcome.error_code, { ok: false, ...outcome });
    }
    return this.reply(res, 200, { ok: true, result: outcome.result });
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const file = [...this.files.values()].find((f) => f.path === path);
    if (token !== this.token || !file) return this.reply(res, 404, fail(404, "Not Found"));
    this.fileDownloads.push(path);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  private checkFlood(method: string, payload: Record<string, unknown>): Failure | undefined {
    if (!this.floodLimits || (method !== "sendMessage" && method !== "sendPhoto")) return undefined;
    const now = Date.now();
    this.recentSends = this.recentSends.filter((send) => send.at > now - 1000);
    const chatId = Number(payload.chat_id);
    const toChat = this.recentSends.filter((send) => send.chatId === chatId).length;
    if (
      this.recentSends.length >= this.floodLimits.perSecond ||
      toChat >= this.floodLimits.perChatPerSecond
    ) {
      this.floodRefusals++;
      return fail(429, "Too Many Requests: retry after 1", { retry_after: 1 });
    }
    this.recentSends.push({ chatId, at: now });
    return undefined;
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private async dispatch(method: string, p: Record<string, unknown>): Promise<{ result: unknown } | Failure> {
    switch (method) {
      case "getMe":
        return { result: this.botInfo };
      case "setWebhook":
        if (typeof p.secret_token === "string" && !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token)) {
          return fail(400, "Bad Request: secret token contains unallowed characters");
        }
        this.webhook = {
          url: String(p.url),
          secret_token: p.secret_token as string | undefined,
          allowed_updates: p.allowed_updates as string[] | undefined,
        };
        return { result: true };
      case "deleteWebhook":
        this.webhook = undefined;
        return { result: true };
      case "getWebhookInfo":
        return { result: { url: this.webhook?.url ?? "", pending_update_count: 0 } };
      case "getUpdates":
        return { result: await this.takeUpdates(p) };
      case "setMyCommands": {
        const commands = parseJson(p.commands) as { command: string; description: string }[] | undefined;
        const scope = scopeKey(p.scope);
        if (typeof scope !== "string") return scope;
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        const invalid = checkCommands(commands);
        if (invalid) return invalid;
        if (scope === "default" && !language) this.commands = commands!;
        else if (scope === "default") this.commandsByLanguage.set(language, commands!);
        else this.scopedCommands.set(language ? `${scope}|${language}` : scope, commands!);
        return { result: true };
      }
      case "getMyCommands": {
        const scope = scopeKey(p.scope);
        if (typeof scope !== "string") return scope;
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        if (scope === "default")
          return { result: language ? (this.commandsByLanguage.get(language) ?? []) : this.commands };
        return { result: this.scopedCommands.get(language ? `${scope}|${language}` : scope) ?? [] };
      }
      case "deleteMyCommands": {
        const scope = scopeKey(p.scope);
        if (typeof scope !== "string") return scope;
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        if (scope === "default" && !language) this.commands = [];
        else if (scope === "default") this.commandsByLanguage.delete(language);
        else this.scopedCommands.delete(language ? `${scope}|${language}` : scope);
        return { result: true };
      }
      case "setMyDescription": {
        const description = String(p.description ?? "");
        if (description.length > 512) return fail(400, "Bad Request: description is too long");
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        if (!language) this.description = description;
        else if (description) this.descriptionsByLanguage.set(language, description);
        else this.descriptionsByLanguage.delete(language);
        return { result: true };
      }
      case "getMyDescription": {
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        const description = language ? (this.descriptionsByLanguage.get(language) ?? "") : this.description;
        return { result: { description } };
      }
      case "setMyShortDescription": {
        const short = String(p.short_description ?? "");
        if (short.length > 120) return fail(400, "Bad Request: short description is too long");
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        if (!language) this.shortDescription = short;
        else if (short) this.shortDescriptionsByLanguage.set(language, short);
        else this.shortDescriptionsByLanguage.delete(language);
        return { result: true };
      }
      case "getMyShortDescription": {
        const language = languageOf(p.language_code);
        if (typeof language !== "string") return language;
        const short = language
          ? (this.shortDescriptionsByLanguage.get(language) ?? "")
          : this.shortDescription;
        return { result: { short_description: short } };
      }
      case "sendChatAction":
        return { result: true };
      case "getFile": {
        const file = this.files.get(String(p.file_id ?? ""));
        if (!file) return fail(400, "Bad Request: invalid file_id");
        if (file.bytes.length > 20 * 1024 * 1024) return fail(400, "Bad Request: file is too big");
        return {
          result: {
            file_id: p.file_id,
            file_unique_id: file.uniqueId,
            file_size: file.bytes.length,
            file_path: file.path,
          },
        };
      }
      case "sendMessage":
        return this.sendMessage(p);
      case "sendPhoto":
        return this.sendPhoto(p);
      case "sendMediaGroup":
        return this.sendMediaGroup(p);
      case "editMessageText":
        return this.editMessage(p, "text");
      case "editMessageCaption":
        return this.editMessage(p, "caption");
      case "editMessageReplyMarkup":
        return this.editMessage(p, "markup");
      case "editMessageMedia":
        return this.editMessage(p, "media");
      case "deleteMessage": {
        const message = this.messages.get(Number(p.message_id));
        if (!message || message.deleted) return fail(400, "Bad Request: message to delete not found");
        message.deleted = true;
        return { result: true };
      }
      case "answerCallbackQuery":
        if (typeof p.text === "string" && hasLoneSurrogate(p.text)) return notUtf8();
        if (typeof p.text === "string" && p.text.length > 200) {
          return fail(400, "Bad Request: text is too long");
        }
        return { result: true };
      default:
        return fail(404, `Not Found: method ${method} is not implemented by the fake`);
    }
  }

  private async takeUpdates(p: Record<string, unknown>): Promise<unknown[]> {
    const offset = Number(p.offset ?? 0);
    this.pendingUpdates = this.pendingUpdates.filter((u) => (u as { update_id: number }).update_id >= offset);
    if (this.pendingUpdates.length === 0) {
      const waitMs = Math.min(Number(p.timeout ?? 0), 1) * 1000;
      if (waitMs > 0)
        await new Promise<void>((resolve) => this.waiters.push(resolve) && setTimeout(resolve, waitMs));
    }
    return this.pendingUpdates.slice(0, Number(p.limit ?? 100));
  }

  private sendMessage(p: Record<string, unknown>): { result: unknown } | Failure {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) return fail(400, "Bad Request: chat not found");
    const text = String(p.text ?? "");
    const textError = checkText(text, p.parse_mode as string | undefined, 1, 4096, "text");
    if (textError) return textError;
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return markupError;
    const message = this.store({
      chat_id: chatId,
      text,
      parse_mode: p.parse_mode as string,
      reply_markup: p.reply_markup as never,
    });
    return { result: this.toTelegram(message) };
  }

  private sendPhoto(p: Record<string, unknown>): { result: unknown } | Failure {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) return fail(400, "Bad Request: chat not found");
    if (!p.photo) return fail(400, "Bad Request: there is no photo in the request");
    const caption = p.caption === undefined ? undefined : String(p.caption);
    if (caption !== undefined) {
      const captionError = checkText(caption, p.parse_mode as string | undefined, 0, 1024, "caption");
      if (captionError) return captionError;
    }
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return markupError;
    const message = this.store({
      chat_id: chatId,
      caption,
      photo: true,
      photoSource: p.photo as string | Buffer,
      parse_mode: p.parse_mode as string,
      reply_markup: p.reply_markup as never,
    });
    return { result: this.toTelegram(message) };
  }

  /**
   * sendMediaGroup (Bot API): 2–10 InputMedia items sent as one album, each photo's caption ≤ 1,024 characters;
   * photos and videos may be mixed, documents and audio only with their own kind. Uploaded files are named
   * `attach://<part>` inside the media JSON. No reply_markup: an album carries no buttons. Answers the messages
   * in order.
   */
  private sendMediaGroup(p: Record<string, unknown>): { result: unknown } | Failure {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) return fail(400, "Bad Request: chat not found");
    const media = (typeof p.media === "string" ? JSON.parse(p.media) : p.media) as unknown;
    if (!Array.isArray(media)) return fail(400, 'Bad Request: parameter "media" is required');
    if (media.length < 2) return fail(400, "Bad Request: there must be at least 2 media in a media group");
    if (media.length > 10) return fail(400, "Bad Request: too many messages to send as an album");
    const items = media as { type?: string; media?: unknown; caption?: string; parse_mode?: string }[];
    const kinds = new Set(items.map((item) => item.type));
    for (const kind of kinds) {
      if (!["photo", "video", "document", "audio"].includes(kind ?? ""))
        return fail(400, "Bad Request: can't parse InputMedia: unsupported media type");
    }
    if ((kinds.has("document") || kinds.has("audio")) && kinds.size > 1)
      return fail(400, "Bad Request: documents and audio can't be mixed with other media types in an album");
    const files = p.__files as Map<string, Buffer> | undefined;
    const sources: (string | Buffer)[] = [];
    for (const item of items) {
      if (typeof item.media !== "string" || item.media === "")
        return fail(400, "Bad Request: can't parse InputMedia: media not found");
      const attach = /^attach:\/\/(.+)$/.exec(item.media);
      if (attach && !files?.has(attach[1]!))
        return fail(400, "Bad Request: can't parse InputMedia: media not found");
      sources.push(attach ? files!.get(attach[1]!)! : item.media);
      if (item.caption !== undefined) {
        const captionError = checkText(item.caption, item.parse_mode, 0, 1024, "caption");
        if (captionError) return captionError;
      }
    }
    const messages = items.map((item, index) =>
      this.store({
        chat_id: chatId,
        caption: item.caption,
        photo: true,
        photoSource: sources[index]!,
        parse_mode: item.parse_mode,
        mediaGroup: true,
      }),
    );
    return { result: messages.map((message) => this.toTelegram(message)) };
  }

  private editMessage(
    p: Record<string, unknown>,
    part: "text" | "caption" | "markup" | "media",
  ): { result: unknown } | Failure {
    const message = this.messages.get(Number(p.message_id));
    if (!message || message.deleted || message.chat_id !== Number(p.chat_id)) {
      return fail(400, "Bad Request: message to edit not found");
    }
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return markupError;
    const newMarkup = p.reply_markup === undefined ? undefined : JSON.stringify(p.reply_markup);
    const oldMarkup = message.reply_markup === undefined ? undefined : JSON.stringify(message.reply_markup);
    if (part === "text") {
      if (message.photo) return fail(400, "Bad Request: there is no text in the message to edit");
      const text = String(p.text ?? "");
      const textError = checkText(text, p.parse_mode as string | undefined, 1, 4096, "text");
      if (textError) return textError;
      if (text === message.text && newMarkup === oldMarkup) return notModified();
      message.text = text;
    } else if (part === "caption") {
      if (!message.photo) return fail(400, "Bad Request: there is no caption in the message to edit");
      const caption = String(p.caption ?? "");
      const captionError = checkText(caption, p.parse_mode as string | undefined, 0, 1024, "caption");
      if (captionError) return captionError;
      if (caption === message.caption && newMarkup === oldMarkup) return notModified();
      message.caption = caption;
    } else if (part === "media") {
      if (!message.photo) return fail(400, "Bad Request: there is no media in the message to edit");
      const media = (typeof p.media === "string" ? JSON.parse(p.media) : p.media) as {
        media?: unknown;
        caption?: string;
        parse_mode?: string;
      };
      if (media?.caption !== undefined) {
        const captionError = checkText(media.caption, media.parse_mode, 0, 1024, "caption");
        if (captionError) return captionError;
        message.caption = media.caption;
      }
      const attach = typeof media?.media === "string" ? /^attach:\/\/(.+)$/.exec(media.media) : null;
      const files = p.__files as Map<string, Buffer> | undefined;
      if (attach && !files?.has(attach[1]!))
        return fail(400, "Bad Request: can't parse InputMedia: media not found");
      message.photoSource = attach
        ? files!.get(attach[1]!)!
        : ((media?.media as string) ?? message.photoSource);
    } else if (newMarkup === oldMarkup) {
      return notModified();
    }
    message.reply_markup = p.reply_markup as never;
    message.parse_mode = (p.parse_mode as string) ?? message.parse_mode;
    message.edits++;
    return { result: this.toTelegram(message) };
  }

  private store(fields: Omit<FakeMessage, "message_id" | "edits">): FakeMessage {
    const message: FakeMessage = { message_id: this.nextMessageId++, edits: 0, ...fields };
    this.messages.set(message.message_id, message);
    return message;
  }

  private toTelegram(message: FakeMessage) {
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      // Group chats have negative ids in Telegram; the tests' groups do too.
      chat:
        message.chat_id < 0
          ? { id: message.chat_id, type: "group", title: "Group" }
          : { id: message.chat_id, type: "private" },
      from: this.botInfo,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.caption !== undefined ? { caption: message.caption } : {}),
      ...(message.photo
        ? {
            photo: [
              {
                file_id: `photo-${message.message_id}`,
                file_unique_id: `u${message.message_id}`,
                width: 1080,
                height: 1350,
              },
            ],
          }
        : {}),
      ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    };
  }
}

/** Telegram's flood refusal: 429 with `parameters.retry_after` in seconds (platform-apis.md §D.5). */
export function telegramTooManyRequests(retryAfterSeconds: number): Failure {
  return fail(429, `Too Many Requests: retry after ${retryAfterSeconds}`, { retry_after: retryAfterSeconds });
}

/** The Bot API failing on its side, as it answers then: 500 "Internal Server Error" or 502 "Bad Gateway". */
export function telegramServerError(code: 500 | 502): Failure {
  return fail(code, code === 500 ? "Internal Server Error" : "Bad Gateway");
}

function fail(error_code: number, description: string, parameters?: Record<string, unknown>): Failure {
  return parameters ? { error_code, description, parameters } : { error_code, description };
}

function notModified(): Failure {
  return fail(
    400,
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );
}

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

/** Length after entity parsing, as Telegram counts it, or the parse error Telegram would give. */
export function visibleText(
  text: string,
  parseMode: string | undefined,
): { text: string } | { error: string } {
  if (parseMode === undefined) return { text };
  if (parseMode !== "HTML") return { error: `Bad Request: unsupported parse_mode ${parseMode} in the fake` };
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z-]+)([^>]*)>/g;
  for (const m of text.matchAll(tag)) {
    const [, closing, name] = m as unknown as [string, string, string];
    const lower = name.toLowerCase();
    if (!HTML_TAGS.has(lower))
      return { error: `Bad Request: can't parse entities: Unsupported start tag "${name}"` };
    if (closing) {
      if (stack.pop() !== lower)
        return {
          error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${lower}"`,
        };
    } else stack.push(lower);
  }
  if (stack.length)
    return {
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`,
    };
  const stripped = text.replace(tag, "");
  if (/&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)/.test(stripped)) {
    return { error: "Bad Request: can't parse entities: Character '&' is reserved" };
  }
  if (/[<>]/.test(stripped)) return { error: "Bad Request: can't parse entities: Unexpected end tag" };
  return {
    text: stripped
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-fA-F]+);/g, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
      .replace(/&amp;/g, "&"),
  };
}

/**
 * Telegram's answers: "message text is empty", "message is too long" for a text (sendMessage and
 * editMessageText), "message caption is too long" for a caption (platform-apis.md §D.3).
 */
function checkText(
  text: string,
  parseMode: string | undefined,
  min: number,
  max: number,
  what: "text" | "caption",
): Failure | undefined {
  if (hasLoneSurrogate(text)) return notUtf8();
  const parsed = visibleText(text, parseMode);
  if ("error" in parsed) return fail(400, parsed.error);
  // Telegram counts UTF-16 code units after entity parsing.
  const length = parsed.text.length;
  if (length < min || parsed.text.trim().length < min)
    return fail(400, `Bad Request: message ${what} is empty`);
  if (length > max)
    return fail(
      400,
      what === "text" ? "Bad Request: message is too long" : "Bad Request: message caption is too long",
    );
  return undefined;
}

/** Half of a surrogate pair: the request is not valid UTF-8 once encoded, and Telegram refuses it whole. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function notUtf8(): Failure {
  return fail(400, "Bad Request: strings must be encoded in UTF-8");
}

/** Reported limits of an inline keyboard (platform-apis.md §D.3): about 100 buttons. */
const MAX_BUTTONS = 100;

function checkMarkup(markup: unknown): Failure | undefined {
  if (markup === undefined) return undefined;
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as {
    inline_keyboard?: { text?: string; callback_data?: string; url?: string }[][];
  };
  if ((parsed.inline_keyboard ?? []).flat().length > MAX_BUTTONS)
    return fail(400, "Bad Request: reply markup is too long");
  for (const row of parsed.inline_keyboard ?? []) {
    for (const button of row) {
      if (button.text && hasLoneSurrogate(button.text)) return notUtf8();
      if (!button.text)
        return fail(
          400,
          "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(button.callback_data, "utf8");
        if (bytes < 1 || bytes > 64) return fail(400, "Bad Request: BUTTON_DATA_INVALID");
      } else if (!button.url) {
        return fail(
          400,
          'Bad Request: can\'t parse inline keyboard button: field "callback_data" or "url" must be set',
        );
      }
    }
  }
  return undefined;
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readRequestBody(req);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.startsWith("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (!boundary) throw new Error("multipart body without a boundary");
    const parts = parseMultipart(body, boundary[1] ?? boundary[2]!);
    const payload: Record<string, unknown> = {};
    const files = new Map<string, Buffer>();
    for (const part of parts) {
      if (part.filename !== undefined) files.set(part.name, part.data);
      else payload[part.name] = part.data.toString("utf8");
    }
    for (const [key, value] of Object.entries(payload)) {
      if (typeof value !== "string") continue;
      const attach = /^attach:\/\/(.+)$/.exec(value);
      if (attach && files.has(attach[1]!)) payload[key] = files.get(attach[1]!);
      else if (/^[[{]/.test(value)) {
        try {
          payload[key] = JSON.parse(value);
        } catch {
          // A plain string that happens to start with a bracket.
        }
      }
    }
    for (const [name, data] of files) if (!(name in payload)) payload[name] = data;
    // attach:// references inside a JSON parameter (sendMediaGroup's media, editMessageMedia's media).
    Object.defineProperty(payload, "__files", { value: files, enumerable: false });
    return payload;
  }
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

/** The key a BotCommandScope is kept under, or Telegram's refusal of a malformed scope. */
/** A command menu's language_code: "" for all languages, a two-letter ISO 639-1 code, or Telegram's refusal. */
function languageOf(value: unknown): string | Failure {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "string" && /^[a-z]{2}$/.test(value)) return value;
  return fail(400, "Bad Request: invalid language code specified");
}

function scopeKey(raw: unknown): string | Failure {
  const scope = parseJson(raw) as { type?: string; chat_id?: unknown; user_id?: unknown } | undefined;
  if (scope === undefined) return "default";
  switch (scope.type) {
    case "default":
    case "all_private_chats":
    case "all_group_chats":
    case "all_chat_administrators":
      return scope.type;
    case "chat":
    case "chat_administrators":
      if (scope.chat_id === undefined) return fail(400, "Bad Request: chat_id is required in the scope");
      return `${scope.type}:${String(scope.chat_id)}`;
    case "chat_member":
      if (scope.chat_id === undefined || scope.user_id === undefined)
        return fail(400, "Bad Request: chat_id and user_id are required in the scope");
      return `chat_member:${String(scope.chat_id)}:${String(scope.user_id)}`;
    default:
      return fail(400, "Bad Request: wrong bot command scope type specified");
  }
}

/** BotCommand's limits (Bot API, setMyCommands): at most 100, each 1–32 of [a-z0-9_], a 1–256 character line. */
function checkCommands(commands: unknown): Failure | undefined {
  if (!Array.isArray(commands)) return fail(400, "Bad Request: commands must be an array");
  if (commands.length > 100) return fail(400, "Bad Request: too many commands specified");
  for (const entry of commands as { command?: unknown; description?: unknown }[]) {
    if (typeof entry.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command))
      return fail(400, "Bad Request: BOT_COMMAND_INVALID");
    if (
      typeof entry.description !== "string" ||
      entry.description.length < 1 ||
      entry.description.length > 256
    )
      return fail(400, "Bad Request: command description must be 1-256 characters");
  }
  return undefined;
}

/** Multipart bodies carry objects as JSON strings; JSON bodies carry them as they are. */
function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
