import { Hono } from "hono";
import { requestId, type RequestIdVariables } from "hono/request-id";
import { matchedRoutes } from "hono/route";
import { createHash, timingSafeEqual } from "node:crypto";
import type { LogContext } from "./observability/logger.ts";
import type { Metrics } from "./observability/metrics.ts";
import { workerHealth, type WorkerTick } from "./observability/health.ts";
import type { Clock } from "./clock.ts";
import type { Database } from "./db/client.ts";
import type { Config } from "./env.ts";
import { JSON_BODY_BYTES, limitBody, limitBodyBy, WEBHOOK_BODY_BYTES } from "./http/body-limit.ts";
import { compressAnswers } from "./http/compression.ts";
import { errorResponse } from "./http/errors.ts";
import { offThreadReads, OWNER_READ_PATHS } from "./http/off-thread-reads.ts";
import { MAX_PHOTO_BYTES } from "./sites/site-admin.ts";
import type { FileStore } from "./files/file-store.ts";
import { isFileUpload, UPLOAD_BODY_BYTES } from "./files/file-upload.ts";
import type { SmsSender } from "./channels/sms/sms.ts";
import type { VoiceCaller } from "./providers/twilio/voice.ts";
import { adminApi } from "./routes/admin-api.ts";
import { adminUi } from "./routes/admin-ui.ts";
import { assets } from "./routes/assets.ts";
import { publicApi } from "./routes/public-api.ts";
import { shopperLink } from "./routes/shopper-link.ts";
import { twilioWebhooks } from "./routes/twilio-webhooks.ts";
import { demoIdentity } from "./routes/demo-identity.ts";
import { ownerApi } from "./routes/owner-api.ts";
import { fileLinks } from "./routes/file-links.ts";
import { queueWebhooks } from "./webhooks/fan-out.ts";
import { transcriptOnDone } from "./chat/transcript-email.ts";
import type { EventLog } from "./events/event-log.ts";
import { createPipeline, type Waker } from "./pipeline/commit.ts";

export type AppDeps = {
  database: Database;
  clock: Clock;
  config: Pick<Config, "publicUrl" | "trustProxy" | "rateLimits"> & {
    /** Proof of work on the public forms (SPAM_CHALLENGE); undefined turns it off. */
    challenge?: Config["challenge"];
  } & { mailFrom: Config["mail"]["from"]; twilio?: Pick<NonNullable<Config["twilio"]>, "authToken" | "from"> | undefined;
    /** Signs links sent to shoppers (APP_SECRET, or generated and kept in the database). */
    linkSecret: string;
    /** OWNER_PHONE: operator configuration, so it counts as a proved number. */
    ownerPhone?: string | undefined;
    /** Whether SMTP is configured: "Forgot password?" mails a link only then. */
    mailConfigured?: boolean;
    /** ALLOW_PRIVATE_WEBHOOKS: webhook endpoints may be on loopback or private networks. */
    allowPrivateWebhooks?: boolean;
    /** PUSH_FALLBACK_MINUTES in ms: an SMS alert waits this long for its push to be acknowledged (default 5 min). */
    pushFallbackMs?: number;
  };
  /** Nudged after a request commits, so the owner's SMS goes out at once. */
  outbox: { wake(): void };
  /** Undefined until Twilio is configured. */
  sms: SmsSender | undefined;
  /** Undefined until Twilio is configured: bridged calls. */
  voice?: VoiceCaller | undefined;
  /** Where attachments are kept (FILE_STORE); undefined: uploads answer 503. */
  files?: FileStore | undefined;
  /** The event log that feeds live views (tailed by this process). */
  events: EventLog;
  /** More to wake after each commit, besides the outbox and the event tail (e.g. a webhook dispatcher). */
  wakers?: Waker[];
  paths: { widgetDir: string; demoDir: string; adminDist: string };
  log: Pick<Console, "info" | "warn" | "error">;
  /** Keep-alive interval of the inbox's event stream (tests shorten it). */
  keepAliveMs?: number;
  /** Request ids on log lines, `/metrics` (only with a token) and the workers `/healthz` watches. */
  observability?: {
    logContext?: LogContext;
    metrics?: Metrics;
    /** METRICS_TOKEN: without it `/metrics` answers 404. */
    metricsToken?: string | undefined;
    workers?: () => WorkerTick[];
  };
};

/** Builds the whole HTTP app from its dependencies; nothing here reads the environment or opens anything. */
export function createApp(deps: AppDeps) {
  const { db } = deps.database;
  const { publicUrl, trustProxy, rateLimits } = deps.config;
  const app = new Hono<{ Variables: RequestIdVariables }>();
  const obs = deps.observability ?? {};
  // Every change commits through here; after each commit the outbox and the event tail look at once.
  const pipeline = createPipeline({
    clock: deps.clock,
    log: deps.log,
    // The outbox's waker also wakes its webhook lane, so a change's webhooks go out at once.
    wakers: [() => deps.outbox.wake(), () => deps.events.wake(), ...(deps.wakers ?? [])],
    // Domain events feed the outgoing webhooks inside the change's own transaction.
    // A chat marked done mails its transcript to the shopper in the same transaction (issue #14).
    recorders: [queueWebhooks, transcriptOnDone({ publicUrl, linkSecret: deps.config.linkSecret, mailFrom: deps.config.mailFrom })],
    ...(deps.config.pushFallbackMs !== undefined && { alerts: { pushFallbackMs: deps.config.pushFallbackMs } }),
  });

  // Every request gets an id (kept from X-Request-Id when sane), carried by each log line it causes.
  app.use("*", requestId());
  app.use("*", async (c, next) => {
    const started = performance.now();
    const run = () => next();
    await (obs.logContext ? obs.logContext.run(c.get("requestId"), run) : run());
    // The route pattern, never the path: paths carry tokens (/c/:token) and would explode label counts.
    const route = matchedRoutes(c).findLast((r) => r.method !== "ALL")?.path ?? "unmatched";
    obs.metrics?.observeRequest(c.req.method, route, c.res.status);
    if (route !== "/healthz" && route !== "/metrics") {
      obs.logContext?.run(c.get("requestId"), () =>
        deps.log.info(`${c.req.method} ${route} ${c.res.status} ${Math.round(performance.now() - started)}ms`),
      );
    }
  });

  app.use("*", compressAnswers()); // JSON and pages over 1 KB go gzipped; built files carry their own

  app.get("/healthz", async (c) => {
    const database = await deps.database.client.execute("SELECT 1").then(
      () => "ok" as const,
      () => "unreachable" as const,
    );
    const { workers, alive } = workerHealth(obs.workers?.() ?? [], Date.now());
    const ok = database === "ok" && alive;
    return c.json({ ok, database, workers }, ok ? 200 : 503);
  });

  app.get("/metrics", async (c) => {
    if (!obs.metricsToken || !obs.metrics) return c.json({ error: { code: "not_found", message: "Nothing at /metrics." } }, 404);
    const given = c.req.header("Authorization") ?? "";
    if (!sameSecret(given, `Bearer ${obs.metricsToken}`)) {
      return c.json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <METRICS_TOKEN>." } }, 401, { "WWW-Authenticate": "Bearer" });
    }
    return c.body(await obs.metrics.text(), 200, { "Content-Type": obs.metrics.contentType, "Cache-Control": "no-store" });
  });
  app.get("/", (c) => c.redirect("/admin"));

  // Every body is capped while it streams in, before any route reads it.
  const isPhotoUpload = (c: { req: { method: string; path: string } }) => c.req.method === "PUT" && /^\/api\/admin\/sites\/[^/]+\/photo$/.test(c.req.path);
  // Attachments (POST …/files) are the only bodies allowed to be large: five files of 10 MB.
  app.use("/api/admin/*", limitBodyBy((c) => (isPhotoUpload(c) ? MAX_PHOTO_BYTES : isFileUpload(c) ? UPLOAD_BODY_BYTES : JSON_BODY_BYTES)));
  app.use("/api/admin/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store"); // owner data never lands in a shared or browser cache
  });
  app.use("/api/v1/*", limitBodyBy((c) => (isFileUpload(c) ? UPLOAD_BODY_BYTES : JSON_BODY_BYTES)));
  // An owner's reads (inbox, search, customer history, reports) run on the reader thread (local files).
  const readScope = deps.database.readScope;
  if (readScope) for (const path of OWNER_READ_PATHS) app.use(path, offThreadReads(readScope));
  app.use("/webhooks/*", limitBody(WEBHOOK_BODY_BYTES));
  app.use("/c/*", limitBody(JSON_BODY_BYTES));
  app.route(
    "/api/v1",
    ownerApi({
      db,
      clock: deps.clock,
      trustProxy,
      pipeline,
    }),
  );
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
      pipeline,
      files: deps.files,
      readScope: deps.database.readScope,
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
      operatorPhone: deps.config.ownerPhone,
      mailConfigured: deps.config.mailConfigured ?? false,
      pipeline,
      keepAliveMs: deps.keepAliveMs,
      webhookPolicy: { allowPrivate: deps.config.allowPrivateWebhooks ?? false },
      files: deps.files,
      linkSecret: deps.config.linkSecret,
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
      operatorPhone: deps.config.ownerPhone,
      mailFrom: deps.config.mailFrom,
      pipeline,
    }),
  );
  app.route("/", shopperLink({ db, clock: deps.clock, linkSecret: deps.config.linkSecret, pipeline }));
  app.route("/", fileLinks({ db, linkSecret: deps.config.linkSecret, files: deps.files }));
  app.route("/", adminUi({ adminDist: deps.paths.adminDist }));
  app.route("/", demoIdentity({ db, clock: deps.clock }));
  app.route("/", assets({ widgetDir: deps.paths.widgetDir, demoDir: deps.paths.demoDir, publicUrl }));

  app.notFound((c) => c.json({ error: { code: "not_found", message: `Nothing at ${c.req.path}.` } }, 404));
  app.onError((err, c) => errorResponse(err, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** Compares two secrets in constant time (hashed first, so lengths do not leak). */
function sameSecret(a: string, b: string): boolean {
  const hash = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(hash(a), hash(b));
}
