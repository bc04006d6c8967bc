import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON lines, the level written as its name ("level":"info") so log search needs no number table.
 * Secrets are redacted by key wherever they appear in a logged object, so a token that
 * slips into a log call's bindings never reaches the output.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "greenlight" },
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: [
          "token",
          "*.token",
          "accessToken",
          "*.accessToken",
          "access_token",
          "*.access_token",
          "apiKey",
          "*.apiKey",
          "secret",
          "*.secret",
          "password",
          "*.password",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
          "headers['x-telegram-bot-api-secret-token']",
          "config.TELEGRAM_BOT_TOKEN",
          "config.ENCRYPTION_KEY",
          "config.ANTHROPIC_API_KEY",
          "config.OPENAI_API_KEY",
          "config.INSTAGRAM_APP_SECRET",
          "config.DATABASE_URL",
          "config.TELEGRAM_WEBHOOK_SECRET",
        ],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** Replaces every occurrence of the given secrets in a string: for error messages that quote URLs or bodies. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) scrubbed = scrubbed.split(secret).join("[redacted]");
  }
  return scrubbed;
}

/**
 * A child logger whose logged errors have these secrets replaced, however deeply they sit: grammY's HttpError,
 * for one, keeps the failed request's URL — with the bot token in its path — in a nested error's message and
 * stack. Key-based redaction cannot see inside strings, so this scrubs the serialized values.
 */
export function withSecretsScrubbed(logger: Logger, secrets: readonly (string | undefined)[]): Logger {
  const present = secrets.filter((secret): secret is string => Boolean(secret && secret.length >= 6));
  if (present.length === 0) return logger;
  const scrub = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return scrubSecrets(value, present);
    if (depth > 6 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
  };
  const scrubbed = (serialize: (value: never) => unknown) => (value: unknown) =>
    scrub(serialize(value as never));
  return logger.child(
    {},
    { serializers: { err: scrubbed(pino.stdSerializers.err), error: scrubbed(pino.stdSerializers.err) } },
  );
}
