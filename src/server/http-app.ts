import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { routePath } from "hono/route";
import type { Sql } from "../database/connect.ts";
import { countHttpRequest, type Metrics } from "../metrics/metrics.ts";
import type { Logger } from "../shared/logger.ts";

export type AppEnv = { Variables: { requestId: string } };

export interface HttpAppDeps {
  sql: Sql;
  logger: Logger;
  /** Capabilities mount their routes here (webhook, OAuth, Meta callbacks, media, metrics). */
  routes: ((app: Hono<AppEnv>) => void)[];
  /** Counts every request by route pattern and status; undefined when metrics are off. */
  metrics?: Pick<Metrics, "httpRequests" | "httpRequestSeconds">;
}

/**
 * The one HTTP surface. Errors never leak stack traces or secrets: an HTTPException says what the caller got
 * wrong; anything else is logged with the request id and answered with that id only.
 */
export function createHttpApp(deps: HttpAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    const route = matchedRoute(c);
    if (deps.metrics) {
      countHttpRequest(deps.metrics, {
        method: c.req.method,
        route,
        status: c.res.status,
        seconds: ms / 1000,
      });
    }
    // Health checks come every few seconds from the platform; at info they would drown the log.
    const level = route === "/healthz" ? "debug" : "info";
    // The path only: query strings carry OAuth codes and states.
    deps.logger[level](
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(ms),
      },
      "http request",
    );
  });

  app.get("/healthz", async (c) => {
    try {
      await Promise.race([
        deps.sql`select 1`,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error("database check timed out")), 2000).unref(),
        ),
      ]);
      return c.json({ status: "ok", database: "up" });
    } catch (error) {
      deps.logger.warn({ err: error }, "health check: database unreachable");
      return c.json({ status: "unavailable", database: "down" }, 503);
    }
  });

  for (const mount of deps.routes) mount(app);

  app.notFound((c) =>
    c.json({ error: "not_found", message: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      // A middleware's own answer (hono/bearer-auth's 401 with its WWW-Authenticate challenge) goes out as is.
      if (error.res) return error.getResponse();
      return c.json({ error: "bad_request", message: error.message }, error.status);
    }
    deps.logger.error({ err: error, requestId: c.get("requestId"), path: c.req.path }, "request failed");
    return c.json(
      { error: "internal_error", message: "Something went wrong.", requestId: c.get("requestId") },
      500,
    );
  });
  return app;
}

/**
 * The pattern of the route that answered ("/meta/deletion/:code"), never the raw path, so ids and codes stay out
 * of metric labels. After the handlers have run, the route index points at the last one that ran; a request no
 * route matched stops at a catch-all middleware ("*").
 */
function matchedRoute(c: Parameters<typeof routePath>[0]): string {
  const route = routePath(c);
  return route === "*" || route === "/*" || route === "" ? "unmatched" : route;
}
