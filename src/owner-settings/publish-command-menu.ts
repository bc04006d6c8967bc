import type { Api } from "grammy";
import type { Logger } from "../shared/logger.ts";
import { OWNER_COMMANDS } from "./owner-commands.ts";

/**
 * Sets the bot's command menu (setMyCommands) at start-up, with each command's help line. It does not block
 * start-up: when Telegram is unreachable it retries in the background, backing off to once a minute.
 * Returns the function that stops the retries at shutdown.
 */
export function publishCommandMenu(api: Api, logger: Logger): () => Promise<void> {
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const attempt = (delayMs: number) => {
    api
      .setMyCommands(OWNER_COMMANDS.map(({ command, description }) => ({ command, description })))
      .then(() => logger.info({ commands: OWNER_COMMANDS.length }, "telegram command menu set"))
      .catch((error: unknown) => {
        logger.warn(
          { err: { message: (error as Error).message } },
          "telegram command menu not set; retrying",
        );
        if (!stopped) retryTimer = setTimeout(() => attempt(Math.min(delayMs * 2, 60_000)), delayMs);
      });
  };
  attempt(1000);
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
  };
}
