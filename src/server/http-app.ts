import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { Sql } from "../database/connect.ts";
import type { Logger } from "../shared/logger.ts";

export type AppEnv = { Variables: { requestId: string } };

export interface HttpAppDeps {
  sql: Sql;
  logger: Logger;
  /** Capabilities mount their routes here (webhook, OAuth, Meta callbacks, media). */
  routes: ((app: Hono<AppEnv>) => void)[];
}

/**
 * The one HTTP surface. Errors never leak stack traces or secrets: an HTTPException says what the caller got
 * wrong; anything else is logged with the request id and answered with that id only.
 */
export function createHttpApp(deps: HttpAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: query strings carry OAuth codes and states.
    deps.logger.info(
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
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
