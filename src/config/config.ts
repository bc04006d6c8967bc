import { existsSync } from "node:fs";
import { Cron } from "croner";
import { isOnSeparateMount } from "./separate-mount.ts";

/**
 * The one reader of the environment. Every variable is declared once here with its description, default and
 * parser; `.env.example` and the README repeat the descriptions. Everything else receives the typed `Config`.
 */

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

interface Variable<T> {
  description: string;
  /** Parses a present, non-empty value; throws an Error whose message says what was expected. */
  parse: (raw: string) => T;
  fallback: T;
  secret?: boolean;
}

const text = (description: string, fallback = "", secret = false): Variable<string> => ({
  description,
  parse: (raw) => raw,
  fallback,
  secret,
});

const optionalText = (description: string, secret = false): Variable<string | undefined> => ({
  description,
  parse: (raw) => raw,
  fallback: undefined,
  secret,
});

const httpUrl = <T extends string | undefined>(description: string, fallback: T): Variable<string | T> => ({
  description,
  fallback,
  parse: (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error("expected an http(s) URL such as https://example.com");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`expected an http(s) URL, got the scheme ${url.protocol}`);
    }
    return raw.replace(/\/+$/, "");
  },
});

const integer = (description: string, fallback: number, min: number, max: number): Variable<number> => ({
  description,
  fallback,
  parse: (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Error(`expected a whole number from ${min} to ${max}`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`expected a whole number from ${min} to ${max}`);
    return value;
  },
});

const flag = (description: string, fallback: boolean): Variable<boolean> => ({
  description,
  fallback,
  parse: (raw) => {
    const value = raw.trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    throw new Error("expected true or false");
  },
});

const cronPattern = (description: string, fallback: string): Variable<string> => ({
  description,
  fallback,
  parse: (raw) => {
    try {
      new Cron(raw, { paused: true }).stop();
    } catch (error) {
      throw new Error(`expected a cron pattern such as "*/5 * * * *" (${(error as Error).message})`);
    }
    return raw;
  },
});

const telegramIds = (description: string): Variable<number[]> => ({
  description,
  fallback: [],
  parse: (raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        if (!/^\d{1,15}$/.test(part))
          throw new Error(`expected comma-separated Telegram user ids, got "${part}"`);
        return Number(part);
      }),
});

const encryptionKey = (description: string): Variable<Uint8Array | undefined> => ({
  description,
  fallback: undefined,
  secret: true,
  parse: (raw) => {
    const bytes = Buffer.from(raw.trim(), "base64");
    if (bytes.length !== 32) {
      throw new Error("expected base64 of exactly 32 random bytes (run `npm run keygen` to make one)");
    }
    return new Uint8Array(bytes);
  },
});

const jsonObject = (description: string): Variable<Record<string, unknown> | undefined> => ({
  description,
  fallback: undefined,
  parse: (raw) => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error("expected a JSON object");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new Error("expected a JSON object");
    return value as Record<string, unknown>;
  },
});

const webhookSecret = (description: string): Variable<string | undefined> => ({
  description,
  fallback: undefined,
  secret: true,
  parse: (raw) => {
    // Telegram accepts only these characters in secret_token (Bot API, setWebhook).
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(raw)) throw new Error("expected 1-256 characters of A-Z a-z 0-9 _ -");
    return raw;
  },
});

const verifyToken = (description: string): Variable<string | undefined> => ({
  description,
  fallback: undefined,
  secret: true,
  parse: (raw) => {
    // Meta echoes it back in a query string; anything hard to type into the dashboard or to guess is refused.
    if (!/^[\x21-\x7e]{16,256}$/.test(raw))
      throw new Error("expected 16-256 printable characters without spaces (`npm run keygen` makes one)");
    return raw;
  },
});

const flyAppName = (description: string): Variable<string | undefined> => ({
  description,
  fallback: undefined,
  parse: (raw) => {
    // Fly app names are one DNS label: lowercase letters, digits and dashes.
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(raw))
      throw new Error("expected a Fly.io app name (a-z, 0-9 and -)");
    return raw;
  },
});

const bearerToken = (description: string): Variable<string | undefined> => ({
  description,
  fallback: undefined,
  secret: true,
  parse: (raw) => {
    // The characters RFC 6750 allows in a bearer token (b64token); hono/bearer-auth refuses anything else.
    if (!/^[A-Za-z0-9._~+/-]{16,}=*$/.test(raw))
      throw new Error(
        "expected at least 16 characters of A-Z a-z 0-9 . _ ~ + / - (`npm run keygen` makes one)",
      );
    return raw;
  },
});

/** Every environment variable Greenlight reads, in the order the README documents them. */
export const variables = {
  PORT: integer("Port the HTTP server listens on.", 3000, 0, 65535),
  PUBLIC_URL: httpUrl(
    "Externally reachable base URL (https://…): OAuth, media links and, with TELEGRAM_WEBHOOK_SECRET, webhook mode. On Fly.io it defaults to https://FLY_APP_NAME.fly.dev.",
    undefined,
  ),
  FLY_APP_NAME: flyAppName(
    "Set by Fly.io on every machine: the app's name. Marks the service as running on Fly.io (see PUBLIC_URL and the start-up refusals).",
  ),
  INSTANCES: integer(
    "How many instances share this deployment. Above 1, DATABASE_URL and S3_BUCKET are required.",
    1,
    1,
    1000,
  ),
  DATA_DIR: text("Folder for the embedded database, local media and the generated local key.", "./data"),
  LOG_LEVEL: text("Log level: trace, debug, info, warn, error or fatal.", "info"),
  DATABASE_URL: optionalText(
    "Postgres URL. When unset, an embedded Postgres (PGlite) under DATA_DIR is used.",
    true,
  ),
  DATABASE_POOL_SIZE: integer("Connections in the pool when DATABASE_URL is set.", 10, 1, 100),
  TELEGRAM_BOT_TOKEN: optionalText("Bot token from @BotFather. Required to run the bot.", true),
  TELEGRAM_API_ROOT: httpUrl("Telegram Bot API root.", "https://api.telegram.org"),
  TELEGRAM_WEBHOOK_SECRET: webhookSecret(
    "Secret Telegram sends with every webhook call; with PUBLIC_URL, enables webhook mode.",
  ),
  OWNER_TELEGRAM_IDS: telegramIds(
    "Comma-separated Telegram user ids allowed to register with /start (registered owners keep access).",
  ),
  ENCRYPTION_KEY: encryptionKey("Base64 of 32 random bytes encrypting tokens at rest (`npm run keygen`)."),
  ANTHROPIC_API_KEY: optionalText("Anthropic API key. Without it a template drafter stands in.", true),
  ANTHROPIC_BASE_URL: httpUrl("Anthropic API base URL.", undefined),
  ANTHROPIC_RELEVANCE_MODEL: text("Claude model that scores articles for relevance.", "claude-haiku-5-5"),
  ANTHROPIC_DRAFT_MODEL: text("Claude model that writes captions.", "claude-haiku-5-5"),
  OPENAI_API_KEY: optionalText(
    "OpenAI API key for images and voice notes. Without it the article's image or a headline card is used, and voice notes are refused.",
    true,
  ),
  OPENAI_BASE_URL: httpUrl("OpenAI API base URL, including /v1.", undefined),
  OPENAI_IMAGE_MODEL: text("OpenAI image model.", "gpt-image-2"),
  OPENAI_IMAGE_QUALITY: text("Image quality: low, medium or high.", "medium"),
  OPENAI_TRANSCRIPTION_MODEL: text(
    "OpenAI speech-to-text model for voice-note rewrite instructions.",
    "gpt-4o-mini-transcribe",
  ),
  AI_PRICES: jsonObject("JSON overriding the built-in price table (USD per million tokens)."),
  INSTAGRAM_APP_ID: optionalText("Instagram app id (Meta dashboard, Instagram API with Instagram Login)."),
  INSTAGRAM_APP_SECRET: optionalText("Instagram app secret; also verifies Meta's signed callbacks.", true),
  INSTAGRAM_AUTH_URL: httpUrl("Instagram authorization URL.", "https://www.instagram.com/oauth/authorize"),
  INSTAGRAM_API_URL: httpUrl("Instagram API URL (code exchange).", "https://api.instagram.com"),
  INSTAGRAM_GRAPH_URL: httpUrl("Instagram Graph API URL.", "https://graph.instagram.com"),
  META_WEBHOOK_VERIFY_TOKEN: verifyToken(
    "Token Meta sends when verifying the webhook callback URL (/meta/webhooks); without it comments do not arrive.",
  ),
  S3_BUCKET: optionalText(
    "S3 bucket for media. When unset, media is kept under DATA_DIR and served at /media/.",
  ),
  S3_ENDPOINT: httpUrl("S3-compatible endpoint (R2, Tigris, MinIO…). Unset for AWS.", undefined),
  S3_REGION: text("S3 region.", "auto"),
  S3_PUBLIC_URL: httpUrl("Public base URL of the bucket's objects.", undefined),
  INGEST_CRON: cronPattern("When feeds are polled (croner pattern; seconds allowed).", "*/10 * * * *"),
  DRAFTING_CRON: cronPattern(
    "When each instance looks for brands to draft (croner pattern; seconds allowed).",
    "*/15 * * * * *",
  ),
  DRAFTING_CONCURRENCY: integer(
    "Brands one instance drafts at once (each waits mostly on Claude and OpenAI).",
    40,
    1,
    500,
  ),
  COMMENT_CARDS_PER_POST_PER_HOUR: integer(
    "Comment cards one post sends to the chat per hour; later comments are counted on one summary message instead.",
    5,
    1,
    100,
  ),
  PUBLISH_CRON: cronPattern(
    "When each instance looks for due posts and for posts whose worker died (croner pattern; seconds allowed).",
    "*/10 * * * * *",
  ),
  PUBLISH_CONCURRENCY: integer(
    "Posts one instance publishes at once, each to a different Instagram account.",
    32,
    1,
    500,
  ),
  OUTBOX_CRON: cronPattern("When queued Telegram messages are (re)sent (croner pattern).", "*/5 * * * * *"),
  MEDIA_DELETIONS_CRON: cronPattern(
    "When images of deleted drafts that could not be removed at once are retried (croner pattern).",
    "* * * * *",
  ),
  INSIGHTS_CRON: cronPattern(
    "When each instance looks for published posts whose insights are due (a day and a week after publishing).",
    "*/10 * * * *",
  ),
  WEEKLY_REPORT_CRON: cronPattern(
    "When brands are checked for their weekly report, sent on Monday from 09:00 in each brand's time zone.",
    "*/15 * * * *",
  ),
  TELEGRAM_OUTBOX_PACING: flag(
    "Pace queued Telegram messages to Telegram's limits: under 30 a second overall, per chat 3 at once then 1 a second (off in tests only).",
    true,
  ),
  ALLOW_PRIVATE_NETWORK: flag("Let user-supplied URLs reach private addresses (tests only).", false),
  ARTICLE_RETENTION_DAYS: integer("Days an undrafted article is kept.", 30, 1, 3650),
  SHUTDOWN_TIMEOUT_MS: integer("How long in-flight work may take at shutdown.", 8000, 100, 60000),
  METRICS_ENABLED: flag("Serve Prometheus metrics at /metrics and count HTTP requests for them.", true),
  METRICS_PORT: {
    description:
      "A second port serving /metrics without a token, for a scraper inside a private network (Fly's [metrics]); never expose it publicly.",
    fallback: undefined,
    parse: (raw: string) => {
      const value = Number(raw.trim());
      if (!/^\d+$/.test(raw.trim()) || value < 1 || value > 65535)
        throw new Error("expected a port number from 1 to 65535");
      return value;
    },
  } as Variable<number | undefined>,
  METRICS_TOKEN: bearerToken(
    "Token a scraper sends as `Authorization: Bearer …` for /metrics; with PUBLIC_URL set, /metrics answers 404 without it.",
  ),
} as const;

type Variables = typeof variables;
export type Config = {
  [K in keyof Variables]: Variables[K]["fallback"] | ReturnType<Variables[K]["parse"]>;
} & {
  /** True when no DATABASE_URL is set and the embedded PGlite is used. */
  embeddedDatabase: boolean;
  /** True when the bot receives updates through the webhook rather than long polling. */
  webhookMode: boolean;
};

/**
 * The process environment, with a `.env` file in the working directory applied first when there is one.
 * Node's own parser reads it (`process.loadEnvFile`: `#` comments, also after a value, and single, double or
 * back quotes), and it never overrides a variable that is already set, so the environment wins over the file.
 */
export function readEnvironment(envFile = ".env"): Env {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}

export interface LoadConfigOptions {
  /**
   * Whether a folder is on a mount of its own (a volume) rather than the root filesystem, which Fly.io
   * recreates from the image on every deploy and restart. Defaults to comparing device ids.
   */
  isOnSeparateMount?: (path: string) => boolean;
}

/** Validates the environment once. Throws a ConfigError with one line per problem. */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(variables) as [string, Variable<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") {
      values[name] = variable.fallback;
      continue;
    }
    try {
      values[name] = variable.parse(raw);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  const config = values as Config;
  if (!["trace", "debug", "info", "warn", "error", "fatal", "silent"].includes(config.LOG_LEVEL)) {
    problems.push("LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent");
  }
  if (!["low", "medium", "high"].includes(config.OPENAI_IMAGE_QUALITY)) {
    problems.push("OPENAI_IMAGE_QUALITY: expected low, medium or high");
  }
  // Fly.io serves every app at https://<app>.fly.dev, so a machine knows its own address without being told.
  const publicUrlFromFly = !config.PUBLIC_URL && config.FLY_APP_NAME !== undefined;
  if (publicUrlFromFly) values.PUBLIC_URL = `https://${config.FLY_APP_NAME}.fly.dev`;
  if (config.PUBLIC_URL && !config.ENCRYPTION_KEY && !problems.some((p) => p.startsWith("ENCRYPTION_KEY"))) {
    problems.push(
      publicUrlFromFly
        ? `ENCRYPTION_KEY: required on Fly.io, where PUBLIC_URL is ${config.PUBLIC_URL} (run \`npm run keygen\` to make one)`
        : "ENCRYPTION_KEY: required when PUBLIC_URL is set (run `npm run keygen` to make one)",
    );
  }
  if (config.TELEGRAM_WEBHOOK_SECRET && !config.PUBLIC_URL) {
    problems.push(
      "PUBLIC_URL: required when TELEGRAM_WEBHOOK_SECRET is set (the webhook needs a public address)",
    );
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT) {
    problems.push("METRICS_PORT: must differ from PORT (the private metrics port is a second listener)");
  }
  if (config.META_WEBHOOK_VERIFY_TOKEN && !config.INSTAGRAM_APP_SECRET) {
    problems.push(
      "INSTAGRAM_APP_SECRET: required when META_WEBHOOK_VERIFY_TOKEN is set (Meta signs webhook notifications with it)",
    );
  }
  if (config.DATABASE_URL && !/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    problems.push("DATABASE_URL: expected a URL starting with postgres:// or postgresql://");
  }
  problems.push(...refusedLocalData(config, options.isOnSeparateMount ?? isOnSeparateMount));
  if (problems.length > 0) throw new ConfigError(problems);
  config.embeddedDatabase = !config.DATABASE_URL;
  config.webhookMode = Boolean(config.PUBLIC_URL && config.TELEGRAM_WEBHOOK_SECRET);
  return config;
}

/**
 * The embedded database and local media live under DATA_DIR, which is safe only when one instance owns a
 * folder that outlives it. They are refused, one line each, where they would lose data: when the operator
 * says several instances share the deployment (each would keep its own database and images), and on Fly.io
 * when DATA_DIR is not on a volume (the machine's root filesystem is recreated from the image on every
 * deploy and restart). Fly.io says nothing in the environment about volumes, so a volume is recognised as
 * what it is: DATA_DIR on a different mount than the root filesystem.
 */
function refusedLocalData(config: Config, onSeparateMount: (path: string) => boolean): string[] {
  const local = [
    ...(config.DATABASE_URL ? [] : [{ variable: "DATABASE_URL", what: "the embedded database" }]),
    ...(config.S3_BUCKET ? [] : [{ variable: "S3_BUCKET", what: "media" }]),
  ];
  if (local.length === 0) return [];
  if (config.INSTANCES > 1) {
    return local.map(
      ({ variable, what }) =>
        `${variable}: required when INSTANCES is above 1 (${what} under DATA_DIR would belong to one instance only)`,
    );
  }
  if (config.FLY_APP_NAME !== undefined && !onSeparateMount(config.DATA_DIR)) {
    return local.map(
      ({ variable, what }) =>
        `${variable}: required on Fly.io unless DATA_DIR (${config.DATA_DIR}) is on a volume (${what} would be lost at the next deploy or restart)`,
    );
  }
  return [];
}

/** The public base URL that links and media URLs are built on. */
export function publicBaseUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/**
 * The configured values that must never appear in logs, errors or pages: every variable marked secret, plus
 * the password inside DATABASE_URL on its own (it can show up without the rest of the URL).
 */
export function secretValues(config: Config): string[] {
  const values = Object.entries(variables)
    .filter(([, variable]) => (variable as Variable<unknown>).secret)
    .map(([name]) => config[name as keyof Config])
    .filter((value): value is string => typeof value === "string");
  if (config.DATABASE_URL) {
    const password = new URL(config.DATABASE_URL).password;
    if (password) values.push(decodeURIComponent(password));
  }
  return values;
}
