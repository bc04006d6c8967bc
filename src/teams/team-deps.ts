import type { Services } from "../services.ts";

/** What the teams capability's handlers need from the service. */
export interface TeamDeps {
  services: Pick<Services, "sql" | "logger" | "clock">;
  /** OWNER_TELEGRAM_IDS: the desk's operators, who alone may invite new owners. */
  adminIds: readonly number[];
}
