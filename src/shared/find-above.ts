import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The first of `relativePaths` that exists in the folder of `moduleUrl` or a folder above it. A module finds the
 * files that ship beside the code this way whether it runs from src/ under tsx or bundled into dist/, where it
 * sits at another depth (in dist/main.js or a chunk under dist/chunks/). fileURLToPath, not URL.pathname: the
 * path keeps its spaces and other characters instead of %20 escapes.
 */
export function findAbove(moduleUrl: string, relativePaths: string[]): string {
  const from = dirname(fileURLToPath(moduleUrl));
  for (let dir = from; ; dir = dirname(dir)) {
    for (const relative of relativePaths) if (existsSync(join(dir, relative))) return join(dir, relative);
    if (dirname(dir) === dir) throw new Error(`None of ${relativePaths.join(", ")} above ${from}`);
  }
}
