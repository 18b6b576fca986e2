import { Hono } from "hono";
import type { Clock } from "./clock.ts";
import type { Database } from "./db/client.ts";
import type { Config } from "./env.ts";
import { errorResponse } from "./http/errors.ts";
import { assets } from "./routes/assets.ts";
import { publicApi } from "./routes/public-api.ts";

export type AppDeps = {
  database: Database;
  clock: Clock;
  config: Pick<Config, "publicUrl" | "trustProxy" | "rateLimits">;
  /** Nudges the outbox worker after a request commits, so the owner's SMS goes out at once. */
  outbox: { wake(): void };
  paths: { widgetFile: string; demoDir: string };
  log: Pick<Console, "info" | "warn" | "error">;
};

/** Builds the whole HTTP app from its dependencies; nothing here reads the environment or opens anything. */
export function createApp(deps: AppDeps) {
  const { db } = deps.database;
  const app = new Hono();

  app.get("/healthz", async (c) => {
    await deps.database.client.execute("SELECT 1");
    return c.json({ ok: true });
  });
  app.get("/", (c) => c.redirect("/demo/"));
  app.route(
    "/api/v1",
    publicApi({
      db,
      clock: deps.clock,
      publicUrl: deps.config.publicUrl,
      trustProxy: deps.config.trustProxy,
      rateLimits: deps.config.rateLimits,
      onQueued: () => deps.outbox.wake(),
    }),
  );
  app.route("/", assets({ ...deps.paths, publicUrl: deps.config.publicUrl }));

  app.notFound((c) => c.json({ error: { code: "not_found", message: `Nothing at ${c.req.path}.` } }, 404));
  app.onError((err, c) => errorResponse(err, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
