import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, type LoadConfigOptions, loadConfig, secretValues } from "../src/config/config.ts";
import { isOnSeparateMount } from "../src/config/separate-mount.ts";
import { spawnService } from "./helpers/child-process.ts";

function problemsOf(env: Record<string, string>, options: LoadConfigOptions = {}): string[] {
  try {
    loadConfig(env, options);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("starts from defaults with nothing set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(config.INSTAGRAM_GRAPH_URL).toBe("https://graph.instagram.com");
    expect(config.embeddedDatabase).toBe(true);
    expect(config.webhookMode).toBe(false);
    expect(config.ALLOW_PRIVATE_NETWORK).toBe(false);
  });

  it("names each malformed variable and what it expects", () => {
    const problems = problemsOf({
      PORT: "eighty",
      PUBLIC_URL: "ftp://example.com",
      ENCRYPTION_KEY: "c2hvcnQ=",
      OWNER_TELEGRAM_IDS: "42, alice",
      INGEST_CRON: "61 * * * *",
      ALLOW_PRIVATE_NETWORK: "maybe",
      DATABASE_URL: "mysql://localhost/db",
      TELEGRAM_WEBHOOK_SECRET: "has spaces and +/=",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: expected a whole number from 0 to 65535$/),
        expect.stringMatching(/^PUBLIC_URL: expected an http\(s\) URL/),
        expect.stringMatching(/^ENCRYPTION_KEY: expected base64 of exactly 32 random bytes/),
        expect.stringMatching(
          /^OWNER_TELEGRAM_IDS: expected comma-separated Telegram user ids, got "alice"$/,
        ),
        expect.stringMatching(/^INGEST_CRON: expected a cron pattern/),
        expect.stringMatching(/^ALLOW_PRIVATE_NETWORK: expected true or false$/),
        expect.stringMatching(/^DATABASE_URL: expected a URL starting with postgres:\/\//),
        expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET: expected 1-256 characters/),
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("requires an encryption key once the service is public", () => {
    expect(problemsOf({ PUBLIC_URL: "https://greenlight.example.com" })).toEqual([
      "ENCRYPTION_KEY: required when PUBLIC_URL is set (run `npm run keygen` to make one)",
    ]);
  });

  it("turns on webhook mode only with both a public URL and a secret", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(loadConfig({ PUBLIC_URL: "https://x.example", ENCRYPTION_KEY: key }).webhookMode).toBe(false);
    expect(
      loadConfig({
        PUBLIC_URL: "https://x.example/",
        ENCRYPTION_KEY: key,
        TELEGRAM_WEBHOOK_SECRET: "abc_DEF-1",
      }),
    ).toMatchObject({ webhookMode: true, PUBLIC_URL: "https://x.example" });
    expect(problemsOf({ TELEGRAM_WEBHOOK_SECRET: "abc" })).toEqual([
      "PUBLIC_URL: required when TELEGRAM_WEBHOOK_SECRET is set (the webhook needs a public address)",
    ]);
  });

  it("makes the service exit non-zero with one line per problem, before touching anything", async () => {
    const service = spawnService({
      PORT: "70000",
      OWNER_TELEGRAM_IDS: "x",
      DATA_DIR: "/nonexistent/never-created",
    });
    const code = await service.exited;
    expect(code).toBe(1);
    const lines = service.output().trim().split("\n");
    expect(lines).toEqual([
      "Configuration error: PORT: expected a whole number from 0 to 65535",
      'Configuration error: OWNER_TELEGRAM_IDS: expected comma-separated Telegram user ids, got "x"',
    ]);
  });

  it("knows which configured values are secrets, including a database password on its own", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: "123456:bot-token-value",
      TELEGRAM_WEBHOOK_SECRET: "hook_secret_value",
      PUBLIC_URL: "https://greenlight.example.com",
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      ANTHROPIC_API_KEY: "sk-ant-value",
      DATABASE_URL: "postgres://app:p%40ss-word@db.example.com/greenlight",
    });
    const secrets = secretValues(config);
    expect(secrets).toEqual(
      expect.arrayContaining(["123456:bot-token-value", "hook_secret_value", "sk-ant-value", "p@ss-word"]),
    );
    expect(secrets).toContain("postgres://app:p%40ss-word@db.example.com/greenlight");
    expect(secrets).not.toContain("https://greenlight.example.com");
  });
});

describe("configuration on Fly.io and with several instances", () => {
  const key = Buffer.alloc(32, 7).toString("base64");
  const onFly = { FLY_APP_NAME: "my-desk", ENCRYPTION_KEY: key, DATA_DIR: "/app/data" };
  const shared = { DATABASE_URL: "postgres://app@db.example.com/greenlight", S3_BUCKET: "greenlight-media" };
  const noVolume = { isOnSeparateMount: () => false };
  const volume = { isOnSeparateMount: () => true };

  it("uses the app's own fly.dev address when PUBLIC_URL is unset, and an explicit PUBLIC_URL otherwise", () => {
    expect(loadConfig({ ...onFly, ...shared }, noVolume).PUBLIC_URL).toBe("https://my-desk.fly.dev");
    expect(
      loadConfig({ ...onFly, ...shared, PUBLIC_URL: "https://desk.example.com/" }, noVolume).PUBLIC_URL,
    ).toBe("https://desk.example.com");
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
  });

  it("asks for an encryption key on Fly.io, saying which public address made it necessary", () => {
    expect(problemsOf({ FLY_APP_NAME: "my-desk", ...shared }, noVolume)).toEqual([
      "ENCRYPTION_KEY: required on Fly.io, where PUBLIC_URL is https://my-desk.fly.dev (run `npm run keygen` to make one)",
    ]);
  });

  it("refuses the embedded database and local media on Fly.io when DATA_DIR is not on a volume, one line each", () => {
    expect(problemsOf(onFly, noVolume)).toEqual([
      "DATABASE_URL: required on Fly.io unless DATA_DIR (/app/data) is on a volume (the embedded database would be lost at the next deploy or restart)",
      "S3_BUCKET: required on Fly.io unless DATA_DIR (/app/data) is on a volume (media would be lost at the next deploy or restart)",
    ]);
    expect(problemsOf({ ...onFly, DATABASE_URL: shared.DATABASE_URL }, noVolume)).toEqual([
      expect.stringMatching(/^S3_BUCKET: required on Fly\.io unless DATA_DIR/),
    ]);
    expect(problemsOf(onFly, volume)).toEqual([]);
    expect(problemsOf({ ...onFly, ...shared }, noVolume)).toEqual([]);
  });

  it("refuses the embedded database and local media when INSTANCES says several instances share the deployment", () => {
    expect(problemsOf({ INSTANCES: "2" })).toEqual([
      "DATABASE_URL: required when INSTANCES is above 1 (the embedded database under DATA_DIR would belong to one instance only)",
      "S3_BUCKET: required when INSTANCES is above 1 (media under DATA_DIR would belong to one instance only)",
    ]);
    expect(problemsOf({ ...onFly, INSTANCES: "3" }, volume)).toHaveLength(2);
    expect(problemsOf({ INSTANCES: "2", ...shared })).toEqual([]);
    expect(problemsOf({ INSTANCES: "0" })).toEqual(["INSTANCES: expected a whole number from 1 to 1000"]);
  });

  it("tells a volume from the root filesystem by its device", () => {
    expect(isOnSeparateMount("/")).toBe(false);
    expect(isOnSeparateMount(join(tmpdir(), "not-created-yet", "data"))).toBe(isOnSeparateMount(tmpdir()));
    // /proc is its own filesystem on every Linux machine: a folder under it stands for one on a volume.
    expect(isOnSeparateMount("/proc/greenlight-data")).toBe(true);
  });

  it("stops the service on Fly.io without a volume before it stores anything, with one line per refusal", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "greenlight-fly-"));
    try {
      const service = spawnService({ FLY_APP_NAME: "my-desk", ENCRYPTION_KEY: key, DATA_DIR: dataDir });
      expect(await service.exited).toBe(1);
      expect(service.output().trim().split("\n")).toEqual([
        `Configuration error: DATABASE_URL: required on Fly.io unless DATA_DIR (${dataDir}) is on a volume (the embedded database would be lost at the next deploy or restart)`,
        `Configuration error: S3_BUCKET: required on Fly.io unless DATA_DIR (${dataDir}) is on a volume (media would be lost at the next deploy or restart)`,
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
