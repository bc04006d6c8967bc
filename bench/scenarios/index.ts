import type { Figure } from "../run.ts";
import { startupScenario } from "./startup.ts";

export interface Scenario {
  name: string;
  run(): Promise<Figure[]>;
}

export const scenarios: Scenario[] = [{ name: "startup", run: startupScenario }];
