import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  freePort,
  killService,
  type ServiceProcess,
  spawnService,
  waitForHealthy,
} from "./helpers/child-process.ts";

describe("npm start with nothing configured", () => {
  let service: ServiceProcess | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await killService(service);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("creates the embedded database under ./data of the folder it was started in, and answers /healthz", async () => {
    folder = mkdtempSync(join(tmpdir(), "greenlight-fresh-"));
    const port = await freePort();
    // No DATA_DIR: the default "./data" is relative, and the database is created by a child process that must
    // take it from this working folder, not from its own.
    service = spawnService({ PORT: String(port), LOG_LEVEL: "warn" }, folder);
    const exited = service.exited.then((code) => {
      throw new Error(`the service exited with ${code}:\n${service!.output()}`);
    });
    await Promise.race([waitForHealthy(`http://127.0.0.1:${port}`, 90_000), exited]);
    expect(existsSync(join(folder, "data", "pgdata", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(folder, "data", "encryption.key"))).toBe(true);
  }, 120_000);
});
