import { Hono } from "hono";
import type { Clock } from "./clock.ts";
import type { Database } from "./db/client.ts";
import type { Config } from "./env.ts";
import { JSON_BODY_BYTES, limitBody, limitBodyBy, WEBHOOK_BODY_BYTES } from "./http/body-limit.ts";
import { errorResponse } from "./http/errors.ts";
import { MAX_PHOTO_BYTES } from "./services/site-admin.ts";
import type { SmsSender } from "./notify/sms.ts";
import type { VoiceCaller } from "./notify/voice.ts";
import { adminApi } from "./routes/admin-api.ts";
import { adminUi } from "./routes/admin-ui.ts";
import { assets } from "./routes/assets.ts";
import { publicApi } from "./routes/public-api.ts";
import { shopperLink } from "./routes/shopper-link.ts";
import { twilioWebhooks } from "./routes/twilio-webhooks.ts";
import type { EventLog } from "./events/event-log.ts";
import { publishInboxEvent } from "./events/inbox-events.ts";

export type AppDeps = {
  database: Database;
  clock: Clock;
  config: Pick<Config, "publicUrl" | "trustProxy" | "rateLimits"> & {
    /** Proof of work on the public forms (SPAM_CHALLENGE); undefined turns it off. */
    challenge?: Config["challenge"];
  } & { mailFrom: Config["mail"]["from"]; twilio?: Pick<NonNullable<Config["twilio"]>, "authToken" | "from"> | undefined;
    /** Signs links sent to shoppers (APP_SECRET, or generated and kept in the database). */
    linkSecret: string;
  };
  /** Nudged after a request commits, so the owner's SMS goes out at once. */
  outbox: { wake(): void };
  /** Undefined until Twilio is configured. */
  sms: SmsSender | undefined;
  /** Undefined until Twilio is configured: bridged calls. */
  voice?: VoiceCaller | undefined;
  /** The event log that feeds live views (tailed by this process). */
  events: EventLog;
  paths: { widgetDir: string; demoDir: string; adminDist: string };
  log: Pick<Console, "info" | "warn" | "error">;
  /** Keep-alive interval of the inbox's event stream (tests shorten it). */
  keepAliveMs?: number;
};

/** Builds the whole HTTP app from its dependencies; nothing here reads the environment or opens anything. */
export function createApp(deps: AppDeps) {
  const { db } = deps.database;
  const { publicUrl, trustProxy, rateLimits } = deps.config;
  const app = new Hono();

  app.get("/healthz", async (c) => {
    await deps.database.client.execute("SELECT 1");
    return c.json({ ok: true });
  });
  app.get("/", (c) => c.redirect("/admin"));

  // Every body is capped while it streams in, before any route reads it.
  const isPhotoUpload = (c: { req: { method: string; path: string } }) => c.req.method === "PUT" && /^\/api\/admin\/sites\/[^/]+\/photo$/.test(c.req.path);
  app.use("/api/admin/*", limitBodyBy((c) => (isPhotoUpload(c) ? MAX_PHOTO_BYTES : JSON_BODY_BYTES)));
  app.use("/api/admin/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store"); // owner data never lands in a shared or browser cache
  });
  app.use("/api/v1/*", limitBody(JSON_BODY_BYTES));
  app.use("/webhooks/*", limitBody(WEBHOOK_BODY_BYTES));
  app.use("/c/*", limitBody(JSON_BODY_BYTES));
  app.route(
    "/api/v1",
    publicApi({
      db,
      clock: deps.clock,
      publicUrl,
      trustProxy,
      rateLimits,
      challenge: deps.config.challenge,
      mailFrom: deps.config.mailFrom,
      linkSecret: deps.config.linkSecret,
      events: deps.events,
      keepAliveMs: deps.keepAliveMs,
      onChatChanged: () => {
        deps.outbox.wake();
        deps.events.wake();
      },
      onSubmitted: ({ siteId, requestId }) => {
        deps.outbox.wake();
        publishInboxEvent(deps.events, deps.log, "request.created", siteId, requestId);
      },
    }),
  );
  app.route(
    "/api/admin",
    adminApi({
      db,
      clock: deps.clock,
      publicUrl,
      trustProxy,
      events: deps.events,
      sms: deps.sms,
      voice: deps.voice,
      log: deps.log,
      loginFailuresPer15Min: rateLimits.loginFailuresPer15Min,
      mailFrom: deps.config.mailFrom,
      onQueued: () => deps.outbox.wake(),
      keepAliveMs: deps.keepAliveMs,
    }),
  );
  app.route(
    "/webhooks/twilio",
    twilioWebhooks({
      db,
      clock: deps.clock,
      publicUrl,
      authToken: deps.config.twilio?.authToken,
      businessNumber: deps.config.twilio?.from,
      linkSecret: deps.config.linkSecret,
      voice: deps.voice,
      mailFrom: deps.config.mailFrom,
      events: deps.events,
      log: deps.log,
      onQueued: () => deps.outbox.wake(),
    }),
  );
  app.route("/", shopperLink({ db, clock: deps.clock, linkSecret: deps.config.linkSecret, events: deps.events, log: deps.log }));
  app.route("/", adminUi({ adminDist: deps.paths.adminDist }));
  app.route("/", assets({ widgetDir: deps.paths.widgetDir, demoDir: deps.paths.demoDir, publicUrl }));

  app.notFound((c) => c.json({ error: { code: "not_found", message: `Nothing at ${c.req.path}.` } }, 404));
  app.onError((err, c) => errorResponse(err, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
