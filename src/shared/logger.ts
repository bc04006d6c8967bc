import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON lines. Secrets are redacted by key wherever they appear in a logged object, so a token that
 * slips into a log call's bindings never reaches the output.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "greenlight" },
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
