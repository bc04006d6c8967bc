import type { Figure } from "../run.ts";
import { approvalsScenario } from "./approvals.ts";
import { carouselPublishingScenario } from "./carousel-publishing.ts";
import { carouselSlidesScenario } from "./carousel-slides.ts";
import { databasePoolScenario } from "./database-pool.ts";
import { draftingScenario } from "./drafting.ts";
import { ingestScenario } from "./ingest.ts";
import { promptTokensScenario } from "./prompt-tokens.ts";
import { publishingScenario } from "./publishing.ts";
import { startupScenario } from "./startup.ts";
import { webhooksScenario } from "./webhooks.ts";

export interface Scenario {
  name: string;
  run(): Promise<Figure[]>;
}

export const scenarios: Scenario[] = [
  { name: "startup", run: startupScenario },
  { name: "ingest", run: ingestScenario },
  { name: "prompts", run: promptTokensScenario },
  { name: "db-pool", run: databasePoolScenario },
  { name: "approvals", run: approvalsScenario },
  { name: "publishing", run: publishingScenario },
  { name: "carousel-publishing", run: carouselPublishingScenario },
  { name: "drafting", run: draftingScenario },
  { name: "webhooks", run: webhooksScenario },
  { name: "carousel-slides", run: carouselSlidesScenario },
];
