import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, repoRoot, waitForHealthy } from "./helpers/child-process.ts";

/** What a fresh clone holds that `npm start` uses; node_modules as `npm install` left it. */
function cloneCheckout(): string {
  const checkout = mkdtempSync(join(tmpdir(), "greenlight-clone-"));
  for (const path of ["src", "scripts", "migrations", "locales", "package.json", "package-lock.json"])
    cpSync(join(repoRoot, path), join(checkout, path), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(checkout, "node_modules"), "dir");
  return checkout;
}

describe("npm start with nothing configured", () => {
  let running: ChildProcess | undefined;
  let checkout: string | undefined;
  afterEach(async () => {
    if (running && running.exitCode === null) {
      running.kill("SIGKILL");
      await new Promise((resolve) => running!.once("exit", resolve));
    }
    if (checkout) rmSync(checkout, { recursive: true, force: true });
  });

  /** `npm start` in the checkout (what its script runs), until /healthz answers; then a graceful stop. */
  async function npmStart(folder: string): Promise<void> {
    const port = await freePort();
    let output = "";
    // No DATA_DIR: the default "./data" is relative, and the database is created on a thread that must take
    // it from this working folder.
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running = child;
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await Promise.race([
      waitForHealthy(`http://127.0.0.1:${port}`, 90_000),
      exited.then((code) => {
        throw new Error(`npm start exited with ${code}:\n${output}`);
      }),
    ]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }

  it("bundles the service, creates the embedded database under ./data of its folder, and bundles again only after a change", async () => {
    checkout = cloneCheckout();
    const main = join(checkout, "dist", "main.js");

    await npmStart(checkout);
    expect(existsSync(main)).toBe(true);
    expect(existsSync(join(checkout, "data", "pgdata", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(checkout, "data", "encryption.key"))).toBe(true);
    const bundled = statSync(main).mtimeMs;

    // A second start opens the existing folder with the same bundle.
    await npmStart(checkout);
    expect(statSync(main).mtimeMs).toBe(bundled);

    // An edited source file is bundled again before the start.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(checkout, "src", "app.ts"), later, later);
    await npmStart(checkout);
    expect(statSync(main).mtimeMs).toBeGreaterThan(bundled);
  }, 240_000);
});
