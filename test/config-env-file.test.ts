import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, readEnvironment } from "../src/config/config.ts";

const names = [
  "GREENLIGHT_NOTE",
  "GREENLIGHT_DOUBLE",
  "GREENLIGHT_SINGLE",
  "GREENLIGHT_SET",
  "PORT",
  "LOG_LEVEL",
];
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
const folders: string[] = [];

afterEach(() => {
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function envFile(contents: string): string {
  const folder = mkdtempSync(join(tmpdir(), "greenlight-env-"));
  folders.push(folder);
  const path = join(folder, ".env");
  writeFileSync(path, contents);
  return path;
}

describe("the .env file", () => {
  it("drops comments after a value and the quotes around one, and keeps a # inside quotes", () => {
    for (const name of names) delete process.env[name];
    const env = readEnvironment(
      envFile(
        [
          "# the desk's settings",
          "GREENLIGHT_NOTE=one # note",
          'GREENLIGHT_DOUBLE="two # not a comment"',
          "GREENLIGHT_SINGLE='three'",
          "PORT=4321   # the port",
          'LOG_LEVEL="warn"',
        ].join("\n"),
      ),
    );
    expect(env.GREENLIGHT_NOTE).toBe("one");
    expect(env.GREENLIGHT_DOUBLE).toBe("two # not a comment");
    expect(env.GREENLIGHT_SINGLE).toBe("three");
    const config = loadConfig(env);
    expect(config.PORT).toBe(4321);
    expect(config.LOG_LEVEL).toBe("warn");
  });

  it("never overrides a variable already set in the environment", () => {
    process.env.GREENLIGHT_SET = "from the environment";
    process.env.PORT = "5000";
    const env = readEnvironment(envFile("GREENLIGHT_SET=from the file\nPORT=4321\n"));
    expect(env.GREENLIGHT_SET).toBe("from the environment");
    expect(loadConfig(env).PORT).toBe(5000);
  });

  it("is optional: without one, the environment is read as it is", () => {
    process.env.GREENLIGHT_SET = "only here";
    expect(readEnvironment(join(tmpdir(), "no-such-folder", ".env")).GREENLIGHT_SET).toBe("only here");
  });
});
