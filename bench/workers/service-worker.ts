import { startGreenlight } from "../../src/app.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/shared/logger.ts";

// The service in a process of its own, configured from the environment the benchmark gives it, as in production.
const app = await startGreenlight(loadConfig(process.env), {
  logger: createLogger("warn"),
  hostname: "127.0.0.1",
});
process.stdout.write(`READY ${app.url}\n`);
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
