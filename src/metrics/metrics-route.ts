import type { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { Config } from "../config/config.ts";
import type { AppEnv } from "../server/http-app.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Who may read /metrics. Locally (no PUBLIC_URL) it is open, as /healthz is. A public deployment exposes it only
 * to a scraper holding METRICS_TOKEN; without one it answers 404, like a route that is not there (no credential
 * could open it, so a 401 challenge would mislead), with a message saying how to turn it on.
 */
export type MetricsExposure =
  | { kind: "open" }
  | { kind: "token"; token: string }
  | { kind: "hidden"; reason: string }
  | { kind: "off"; reason: string };

export function metricsExposure(
  config: Pick<Config, "METRICS_ENABLED" | "METRICS_TOKEN" | "PUBLIC_URL">,
): MetricsExposure {
  if (!config.METRICS_ENABLED) return { kind: "off", reason: "Metrics are off (METRICS_ENABLED=false)." };
  if (config.METRICS_TOKEN) return { kind: "token", token: config.METRICS_TOKEN };
  if (!config.PUBLIC_URL) return { kind: "open" };
  return {
    kind: "hidden",
    reason:
      "Metrics are not exposed on a public deployment without METRICS_TOKEN: set it, and scrape /metrics with Authorization: Bearer <METRICS_TOKEN>.",
  };
}

/** GET /metrics in the Prometheus text format, guarded as `exposure` says. */
export function metricsRoute(metrics: Metrics, exposure: MetricsExposure): (app: Hono<AppEnv>) => void {
  return (app) => {
    if (exposure.kind === "off" || exposure.kind === "hidden") {
      app.get("/metrics", (c) => c.json({ error: "not_found", message: exposure.reason }, 404));
      return;
    }
    if (exposure.kind === "token") {
      const refused = {
        error: "unauthorized",
        message: "Send Authorization: Bearer <METRICS_TOKEN> to read /metrics.",
      };
      // hono/bearer-auth compares the token in constant time (both sides hashed, then compared).
      app.use(
        "/metrics",
        bearerAuth({
          token: exposure.token,
          noAuthenticationHeader: { message: refused },
          invalidAuthenticationHeader: { message: refused },
          invalidToken: { message: refused },
        }),
      );
    }
    app.get("/metrics", async function scrapeMetrics(c) {
      return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
    });
  };
}
