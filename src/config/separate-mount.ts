import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * True when `path` (or, if it does not exist yet, the nearest folder above it that does) is on another
 * filesystem than `/`: a mounted volume rather than the root filesystem. Two paths are on the same
 * filesystem exactly when stat gives them the same device id.
 */
export function isOnSeparateMount(path: string): boolean {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  return statSync(existing).dev !== statSync("/").dev;
}
