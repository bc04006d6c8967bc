import { scenarios } from "./scenarios/index.ts";

/**
 * `npm run bench [name…]`: runs the benchmark scenarios and prints one table of figures. Never fails on timing:
 * targets are printed next to the figures for a person to judge. Timing belongs here, not in tests.
 */
export interface Figure {
  scenario: string;
  metric: string;
  value: string;
  target?: string;
}

const wanted = process.argv.slice(2);
const figures: Figure[] = [];
for (const scenario of scenarios) {
  if (wanted.length > 0 && !wanted.includes(scenario.name)) continue;
  process.stderr.write(`running ${scenario.name}…\n`);
  try {
    figures.push(...(await scenario.run()));
  } catch (error) {
    figures.push({ scenario: scenario.name, metric: "error", value: (error as Error).message });
  }
}

const header = { scenario: "scenario", metric: "metric", value: "value", target: "target" };
const rows = [header, ...figures.map((f) => ({ ...f, target: f.target ?? "" }))];
const width = (key: keyof typeof header) => Math.max(...rows.map((r) => String(r[key]).length));
const widths = {
  scenario: width("scenario"),
  metric: width("metric"),
  value: width("value"),
  target: width("target"),
};
for (const [index, row] of rows.entries()) {
  console.log(
    `${row.scenario.padEnd(widths.scenario)}  ${row.metric.padEnd(widths.metric)}  ${String(row.value).padStart(widths.value)}  ${row.target}`,
  );
  if (index === 0)
    console.log("-".repeat(widths.scenario + widths.metric + widths.value + widths.target + 6));
}
process.exit(0);
