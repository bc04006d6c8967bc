import type { Api } from "grammy";
import type { LanguageCode } from "grammy/types";
import type { Logger } from "../shared/logger.ts";
import { DEFAULT_LOCALE, telegramLanguageOf } from "../i18n/locales.ts";
import { ownerCommandMenus } from "./owner-commands.ts";

/** How long start-up waits for the first attempt before carrying on and retrying in the background. */
const FIRST_ATTEMPT_WAIT_MS = 2_000;

/**
 * Sets the bot's command menu (setMyCommands) at start-up, each command with its help line: English as the
 * default, and one menu per other locale for users whose Telegram app is in that language (language_code).
 * Start-up waits
 * for the first attempt only briefly, so the menu is normally in place before the service reports it has
 * started (and before the first update is handled), while an unreachable Telegram never holds start-up back:
 * a failed attempt is retried in the background, backing off to once a minute. Returns the function that
 * stops the retries at shutdown.
 */
export async function publishCommandMenu(api: Api, logger: Logger): Promise<() => Promise<void>> {
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const attempt = (delayMs: number): Promise<void> =>
    Promise.all(
      ownerCommandMenus().map(({ locale, commands }) =>
        api.setMyCommands(
          commands,
          locale === DEFAULT_LOCALE ? {} : { language_code: telegramLanguageOf(locale) as LanguageCode },
        ),
      ),
    )
      .then((menus) => logger.info({ menus: menus.length }, "telegram command menus set"))
      .catch((error: unknown) => {
        logger.warn(
          { err: { message: (error as Error).message } },
          "telegram command menu not set; retrying",
        );
        if (!stopped) retryTimer = setTimeout(() => void attempt(Math.min(delayMs * 2, 60_000)), delayMs);
      });
  let waitTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    attempt(1_000),
    new Promise<void>((resolve) => {
      waitTimer = setTimeout(resolve, FIRST_ATTEMPT_WAIT_MS);
    }),
  ]);
  clearTimeout(waitTimer);
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
  };
}
