import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Figure } from "../run.ts";

const RUNS = 5;

/**
 * Rendering a carousel's slides locally (the cover over a picture, six fact slides, the credit): wall time of the
 * first render (fonts and sharp loaded) and of later ones, and the peak RSS of a process doing only that.
 */
export async function carouselSlidesScenario(): Promise<Figure[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "bench/workers/carousel-slides-worker.ts", String(RUNS)],
    { maxBuffer: 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    timings: number[];
    bytes: number;
    rssBeforeKb: number;
    maxRssKb: number;
  };
  const later = [...result.timings.slice(1)].sort((a, b) => a - b);
  const median = later[Math.floor(later.length / 2)] ?? result.timings[0]!;
  return [
    {
      scenario: "carousel-slides",
      metric: "first render of 8 slides (cover + 6 facts + credit), cold",
      value: `${(result.timings[0]! / 1000).toFixed(2)} s`,
    },
    {
      scenario: "carousel-slides",
      metric: `later renders of 8 slides (median of ${later.length})`,
      value: `${(median / 1000).toFixed(2)} s`,
      target: "≤ 2 s",
    },
    {
      scenario: "carousel-slides",
      metric: "8 JPEGs, total size",
      value: `${Math.round(result.bytes / 1024)} KB`,
    },
    {
      scenario: "carousel-slides",
      metric: "peak RSS of the rendering process",
      value: `${Math.round(result.maxRssKb / 1024)} MB`,
      target: "≤ 300 MB",
    },
    {
      scenario: "carousel-slides",
      metric: "RSS before rendering (Node, tsx, sharp loaded)",
      value: `${Math.round(result.rssBeforeKb / 1024)} MB`,
    },
  ];
}
