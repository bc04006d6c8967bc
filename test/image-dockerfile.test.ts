import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildHeadlineCardSvg } from "../src/images/headline-card.ts";
import { parseDockerfile } from "../scripts/image-check/dockerfile.ts";
import { repoRoot } from "./helpers/child-process.ts";

// `npm run test:image` carries out the Dockerfile's steps as parseDockerfile reads them; these tests pin what
// an operator relies on in the image it describes.
const stages = parseDockerfile(readFileSync(`${repoRoot}Dockerfile`, "utf8"));
const runtime = stages.at(-1)!;

describe("the Dockerfile", () => {
  it("gives the runtime node_modules from a stage that installs production dependencies only", () => {
    const copy = runtime.steps.find(
      (step) => step.kind === "copy" && step.sources.some((source) => source.endsWith("node_modules")),
    );
    expect(copy).toMatchObject({ kind: "copy", from: expect.any(String) });
    const source = stages.find((stage) => copy?.kind === "copy" && stage.name === copy.from)!;
    const installs = source.steps.filter(
      (step) => step.kind === "run" && /npm (ci|install)/.test(step.command),
    );
    expect(installs).toEqual([{ kind: "run", command: expect.stringContaining("npm ci --omit=dev") }]);
  });

  it("installs a font package for every family the headline card names", () => {
    const packages = runtime.steps.flatMap((step) => (step.kind === "packages" ? step.packages : []));
    const svg = buildHeadlineCardSvg({ headline: "x", brandName: "y" });
    const families = [...new Set(/font-family="([^"]+)"/.exec(svg)![1]!.split(","))]
      .map((family) => family.trim().replace(/'/g, ""))
      .filter((family) => family !== "sans-serif");
    const packageFor = (family: string) =>
      family.startsWith("DejaVu")
        ? "fonts-dejavu-core"
        : family.startsWith("Noto Sans CJK")
          ? "fonts-noto-cjk"
          : "fonts-noto-core";
    for (const family of families) expect(packages).toContain(packageFor(family));
    expect(packages).toContain("fontconfig");
  });

  it("starts the compiled entry point with node, not tsx", () => {
    expect(runtime.cmd).toEqual(["node", "dist/main.js"]);
    expect(runtime.env).toMatchObject({ NODE_ENV: "production", PORT: "3000", DATA_DIR: "/app/data" });
  });
});
