import sharp from "sharp";
import { renderDraftSlides } from "../../src/pipeline/draft-slides.ts";

// Runs in its own process so its peak RSS is the renderer's alone. Renders one carousel (a cover from a 1536×1024
// picture, six fact slides, the credit) `runs` times and reports each run's wall time.
const runs = Number(process.argv[2] ?? 5);
const cover = await sharp({
  create: { width: 1536, height: 1024, channels: 3, background: "#2a7a4a" },
})
  .jpeg({ quality: 90 })
  .toBuffer();
const plan = {
  facts: [
    "The new course record is 3 h 12 min, nine minutes under the old one.",
    "2,400 runners started; 2,150 finished, a record share.",
    "Next year's race opens for entries on 1 March at 10:00.",
    "The route climbs 2,900 m over 52 km, with three summits.",
    "Prize money doubled to €20,000, shared equally by women and men.",
    "Half the field came from abroad, a first in the race's history.",
  ].map((text) => ({ text, altText: text })),
  credit: "Source: Mountain News — https://news.example/2026/record-in-the-alps",
};
const rssBefore = process.memoryUsage().rss;
const timings: number[] = [];
let bytes = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const slides = await renderDraftSlides({
    brand: { name: "Trail Notes", visualStyle: "bold, outdoorsy" },
    headline: "A new course record in the Alps as 2,400 runners start",
    coverAltText: "Runners on a ridge at dawn",
    cover,
    plan,
  });
  timings.push(performance.now() - started);
  bytes = slides.reduce((sum, slide) => sum + slide.jpeg.length, 0);
}
process.stdout.write(
  JSON.stringify({ timings, bytes, rssBeforeKb: rssBefore / 1024, maxRssKb: process.resourceUsage().maxRSS }),
);
