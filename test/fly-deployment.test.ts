import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { repoRoot } from "./helpers/child-process.ts";

const flyToml = readFileSync(`${repoRoot}fly.toml`, "utf8");
const readme = readFileSync(`${repoRoot}README.md`, "utf8");

/** The `key = "value"` lines of one fly.toml section (enough for this file's flat sections). */
function section(name: string): Record<string, string> {
  const body = new RegExp(
    `^\\[${name.replace(".", "\\.")}\\]\\n([\\s\\S]*?)(?=^\\s*\\[|(?![\\s\\S]))`,
    "m",
  ).exec(flyToml)?.[1];
  if (body === undefined) throw new Error(`fly.toml has no [${name}]`);
  return Object.fromEntries(
    [...body.matchAll(/^\s*([\w.]+)\s*=\s*"?([^"\n]*)"?\s*$/gm)].map(([, key, value]) => [key!, value!]),
  );
}

/** The variables the README's Fly recipe sets with `fly secrets set`, and those its commands set for it. */
function recipeSecrets(): Record<string, string> {
  const recipe = /## Deploying to Fly\.io[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const command = /fly secrets set ([\s\S]*?)\nfly deploy/.exec(recipe)![1]!.replace(/\\\n/g, " ");
  const secrets: Record<string, string> = {};
  for (const [, name, value] of command.matchAll(/([A-Z0-9_]+)=("[^"]*"|\S+)/g)) secrets[name!] = value!;
  // What `fly mpg attach` and `fly storage create` set, with placeholder values.
  expect(recipe).toContain("fly mpg attach");
  expect(recipe).toContain("fly storage create --public");
  secrets.DATABASE_URL = "postgresql://fly-user:secret@pgbouncer.example.flympg.net/fly-db";
  secrets.AWS_ACCESS_KEY_ID = "tid_example";
  return secrets;
}

describe("the Fly.io deployment", () => {
  it("names no host of its own: the address comes from the app's name", () => {
    expect(section("env")).not.toHaveProperty("PUBLIC_URL");
    const settings = flyToml.replace(/#.*$/gm, "");
    expect(settings).not.toMatch(/https?:\/\//);
  });

  it("runs migrations as its release step with node, from a file the build produces", () => {
    const command = section("deploy").release_command!;
    expect(command).toBe("node dist/database/migrate-cli.js");
    expect(existsSync(`${repoRoot}src/database/migrate-cli.ts`)).toBe(true);
  });

  it("points Fly's metrics scraper at the private metrics port, which the public service does not expose", () => {
    expect(section("metrics")).toEqual({ port: section("env").METRICS_PORT, path: "/metrics" });
    expect(section("metrics").port).not.toBe(section("http_service").internal_port);
    expect(flyToml).not.toMatch(/internal_port\s*=\s*9091/);
  });

  it("is accepted by the service as the README's recipe configures it, in webhook mode on the app's fly.dev address", () => {
    const secrets = recipeSecrets();
    const filled = Object.fromEntries(
      Object.entries(secrets).map(([name, value]) => {
        if (name === "ENCRYPTION_KEY") return [name, Buffer.alloc(32, 3).toString("base64")];
        if (name === "TELEGRAM_WEBHOOK_SECRET") return [name, "a".repeat(64)];
        if (name === "OWNER_TELEGRAM_IDS") return [name, "123456"];
        return [name, value === "…" ? `${name.toLowerCase()}-value` : value];
      }),
    );
    const env: Record<string, string> = { ...section("env"), ...filled, FLY_APP_NAME: "my-desk" };
    // The root filesystem of a machine: the recipe must not depend on a volume.
    const config = loadConfig(env, { isOnSeparateMount: () => false });
    expect(config.PUBLIC_URL).toBe("https://my-desk.fly.dev");
    expect(config.webhookMode).toBe(true);
    expect(config.embeddedDatabase).toBe(false);
    expect(config.S3_BUCKET).toBe("my-desk-media");
    expect(config.INSTANCES).toBe(2);

    const { DATABASE_URL: _database, ...withoutDatabase } = env;
    expect(() => loadConfig(withoutDatabase, { isOnSeparateMount: () => false })).toThrow(
      /^DATABASE_URL: required when INSTANCES is above 1/,
    );
  });
});
