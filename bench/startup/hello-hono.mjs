// The baseline the start-up benchmark compares Greenlight with: a bare Hono app on @hono/node-server answering
// /healthz, in plain JavaScript so that `node` runs it as it runs the production build.
import process from "node:process";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/healthz", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, port: Number(process.env.PORT) });
