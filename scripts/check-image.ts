/**
 * `npm run test:image`: builds the Docker image's contents without Docker, by carrying out the Dockerfile's
 * own steps in a temporary folder, then runs what the image would run. No Docker engine is needed (none runs
 * where the tests run); the Dockerfile stays the one description of the image, since this script reads it.
 *
 * Each build stage becomes a folder (its WORKDIR); COPY copies from the checkout or from an earlier stage's
 * folder; RUN runs in the stage's folder with the WORKDIR path pointing there. Two kinds of step change the
 * machine rather than the folder: `apt-get install` (its packages are installed here when missing, and the rest
 * of that RUN only trims the image) and `chown` (the check runs as the current user), and they are handled so.
 *
 * Then, with the runtime stage's ENV: migrations run from the image (`node dist/database/migrate-cli.js`), the
 * CMD starts on the embedded database in a temporary DATA_DIR and a free port, /healthz must answer 200, a
 * headline card is rendered in every promised script with no missing glyph (scripts/image-check), and a SIGTERM
 * must stop it cleanly. The temporary folder's name has a space in it, as some checkouts' paths do.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeTelegram } from "../test/fakes/fake-telegram.ts";
import { parseDockerfile } from "./image-check/dockerfile.ts";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const started = performance.now();
const workRoot = mkdtempSync(join(tmpdir(), "greenlight image-"));
let telegram: FakeTelegram | undefined;
const log = (message: string) => console.log(`[image] ${message}`);

try {
  const stages = parseDockerfile(readFileSync(join(repoRoot, "Dockerfile"), "utf8"));
  const stageDir = (name: string) => join(workRoot, name);
  for (const stage of stages) {
    const dir = stageDir(stage.name);
    mkdirSync(dir, { recursive: true });
    const inStage = (path: string) => path.split(stage.workdir).join(dir);
    for (const step of stage.steps) {
      if (step.kind === "copy") {
        const from = step.from === undefined ? repoRoot : stageDir(step.from);
        const fromWorkdir = step.from === undefined ? "" : stages.find((s) => s.name === step.from)!.workdir;
        for (const source of step.sources) {
          const sourcePath = step.from === undefined ? join(from, source) : source.replace(fromWorkdir, from);
          const destination = step.destination.startsWith("/")
            ? inStage(step.destination)
            : join(dir, step.destination);
          const target = step.destination.endsWith("/") ? join(destination, basename(source)) : destination;
          cpSync(sourcePath, target, { recursive: true });
        }
        log(`${stage.name}: COPY ${step.from ? `--from=${step.from} ` : ""}${step.sources.join(" ")}`);
      } else if (step.kind === "packages") {
        const missing = step.packages.filter(
          (name) =>
            spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" }).stdout !==
            "install ok installed",
        );
        log(
          `${stage.name}: system packages ${step.packages.join(" ")}${missing.length ? `; installing ${missing.join(" ")}` : ", all present"}`,
        );
        if (missing.length > 0) {
          const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
          execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
          execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
            stdio: "inherit",
            env,
          });
        }
      } else {
        log(`${stage.name}: RUN ${step.command}`);
        execFileSync("bash", ["-c", inStage(step.command)], { cwd: dir, stdio: "inherit" });
      }
    }
  }

  const runtime = stages.at(-1)!;
  const runtimeDir = stageDir(runtime.name);
  const modules = readdirNames(join(runtimeDir, "node_modules"));
  const devOnly = ["tsx", "esbuild", "typescript", "vitest"].filter((name) => modules.includes(name));
  if (devOnly.length > 0) throw new Error(`the runtime holds dev dependencies: ${devOnly.join(", ")}`);
  const size = execFileSync("du", ["-sm", join(runtimeDir, "node_modules")], { encoding: "utf8" }).split(
    "\t",
  )[0];
  log(`runtime node_modules: ${size} MB, no dev dependencies`);

  const dataDir = join(workRoot, "data");
  const port = await freePort();
  // The bot against a fake Bot API, and AI keys so that the SDKs are loaded and their clients built at start-up:
  // the bundled service must reach Telegram (undici) and construct every client, not just answer /healthz.
  telegram = await new FakeTelegram().start();
  const env = {
    PATH: process.env.PATH ?? "",
    ...runtime.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: "image-check-webhook-secret",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
    ANTHROPIC_API_KEY: "sk-ant-image-check",
    OPENAI_API_KEY: "sk-image-check",
  };
  log("migrations: node dist/database/migrate-cli.js");
  execFileSync("node", ["dist/database/migrate-cli.js"], { cwd: runtimeDir, env, stdio: "inherit" });

  const [command, ...args] = runtime.cmd;
  log(`start: ${runtime.cmd.join(" ")} on port ${port}`);
  const service = spawn(command!, args, { cwd: runtimeDir, env, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<number | null>((resolve) => service.on("exit", resolve));
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/healthz`, 60_000, exited);
    log("/healthz answered 200");
    await telegram.waitFor(() => telegram!.webhook, 30_000);
    log(`Telegram webhook registered: ${telegram.webhook!.url}`);
    cpSync(join(repoRoot, "scripts/image-check/glyph-probe.mjs"), join(runtimeDir, "glyph-probe.mjs"));
    execFileSync("node", ["glyph-probe.mjs"], { cwd: runtimeDir, env, stdio: "inherit" });
    log("headline cards: no missing glyph");
  } finally {
    service.kill("SIGTERM");
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the service exited with ${code} after SIGTERM`);
  log(`passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`[image] FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await telegram?.stop();
  rmSync(workRoot, { recursive: true, force: true });
}

function readdirNames(dir: string): string[] {
  return execFileSync("ls", ["-A", dir], { encoding: "utf8" }).split("\n").filter(Boolean);
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(url: string, timeoutMs: number, exited: Promise<number | null>) {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`the service exited with ${exitCode} before /healthz answered`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`/healthz did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
