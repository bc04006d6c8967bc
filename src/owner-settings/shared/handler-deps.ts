import type { Sql } from "../../database/connect.ts";
import type { Logger } from "../../shared/logger.ts";
import type { MediaStore } from "../../storage/media-store.ts";
import type { InstagramConnection } from "../status/instagram-connection.ts";
import type { SettingDefinition, SettingField } from "./setting-fields.ts";

/** What the owner-settings bot handlers need; built once by `ownerSettings`. */
export interface HandlerDeps {
  sql: Sql;
  logger: Logger;
  clock: () => Date;
  /** When feeds are next read, by the ingest schedule (INGEST_CRON). */
  nextFeedRead: (after: Date) => Date | null;
  definitions: Record<SettingField, SettingDefinition<unknown>>;
  instagram: InstagramConnection;
  /** Where draft images live, so /deletedata removes them too. */
  media: MediaStore;
}
