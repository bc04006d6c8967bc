import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeTelegram } from "../../test/fakes/fake-telegram.ts";
import type { Figure } from "../run.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Time from `npm start` (node + tsx) to the first 200 from /healthz, on a new and on an existing data folder. */
async function timeToHealthy(dataDir: string, telegram: FakeTelegram, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200)
          return performance.now() - started;
      } catch {
        // not up yet
      }
      if (performance.now() - started > 60_000) throw new Error("service did not become healthy in 60 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export async function startupScenario(): Promise<Figure[]> {
  const telegram = await new FakeTelegram().start();
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-start-"));
  try {
    const fresh = await timeToHealthy(dataDir, telegram, 39_411);
    const existing: number[] = [];
    for (let i = 0; i < 3; i++) existing.push(await timeToHealthy(dataDir, telegram, 39_411));
    existing.sort((a, b) => a - b);
    return [
      {
        scenario: "startup",
        metric: "new data folder → /healthz 200",
        value: `${(fresh / 1000).toFixed(2)} s`,
        target: "≤ 6 s",
      },
      {
        scenario: "startup",
        metric: "existing data folder → /healthz 200 (median of 3)",
        value: `${(existing[1]! / 1000).toFixed(2)} s`,
        target: "≤ 2 s",
      },
    ];
  } finally {
    await telegram.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
