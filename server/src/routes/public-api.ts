import { Hono } from "hono";
import { etag } from "hono/etag";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { ApiError } from "../http/errors.ts";
import { readJsonBody } from "../http/json-body.ts";
import { loadSite, siteCors, type SiteVars } from "../http/site-access.ts";
import { submitCallback, type CallbackDeps } from "../services/callbacks.ts";
import { submitMessage } from "../services/messages.ts";
import { honeypotFilled } from "../services/intake.ts";
import { findPhoto, photoUrl, recordWidgetLoad } from "../services/site-admin.ts";
import { widgetConfig } from "../services/widget-config.ts";
import { ownerAvailable } from "../services/chat-presence.ts";
import type { EventLog } from "../events/event-log.ts";
import { publicChat } from "./public-chat.ts";
import { createCounters } from "../rate-limit/counters.ts";
import { submissionLimits, type SubmissionLimits } from "../rate-limit/submission-limits.ts";

export type PublicApiDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  trustProxy: boolean;
  rateLimits: SubmissionLimits;
  mailFrom: { name: string; address: string };
  linkSecret: string;
  onSubmitted: CallbackDeps["onSubmitted"];
  events: EventLog;
  /** After a chat change committed: wake the outbox and the event tail. */
  onChatChanged: () => void;
  keepAliveMs?: number;
};

/** The widget's API: public config, and the shopper's submissions. */
export function publicApi(deps: PublicApiDeps) {
  const app = new Hono<SiteVars>();
  const counters = createCounters(deps.db);
  const limits = submissionLimits({ counters, clock: deps.clock, trustProxy: deps.trustProxy, limits: deps.rateLimits });

  app.use("/sites/:site/*", loadSite(deps.db), siteCors());
  app.route("/", publicChat({ ...deps, counters, startLimits: limits, onChanged: deps.onChatChanged }));

  const lastSeen = new Map<number, number>();
  app.get("/sites/:site/config", etag(), async (c) => {
    const site = c.get("site");
    const origin = c.req.header("origin") ?? refererOrigin(c.req.header("referer"));
    if (origin) await recordWidgetLoad(deps.db, deps.clock, site.id, origin, lastSeen);
    c.header("Cache-Control", "public, max-age=60");
    const now = deps.clock.now();
    const chatLive = site.settings.channels.includes("chat") && ownerAvailable(site, now);
    return c.json(widgetConfig(site, now, photoUrl(deps.publicUrl, site.key, site.photoUpdatedAt), chatLive));
  });

  app.get("/sites/:site/photo", etag(), async (c) => {
    const photo = await findPhoto(deps.db, c.get("site").key);
    if (!photo) throw new ApiError(404, "not_found", "This site has no photo.");
    c.header("Content-Type", photo.type);
    c.header("Cache-Control", "public, max-age=86400");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    return c.body(new Uint8Array(photo.bytes));
  });

  app.post("/sites/:site/callbacks", limits, async (c) => {
    const body = await readJsonBody(c);
    if (honeypotFilled(body)) c.set("submissionRejected", true);
    const answer = await submitCallback(deps, c.get("site"), body, {
      idempotencyKey: c.req.header("idempotency-key"),
      origin: c.req.header("origin"),
    });
    return c.json(answer.body, answer.status);
  });

  app.post("/sites/:site/messages", limits, async (c) => {
    const body = await readJsonBody(c);
    if (honeypotFilled(body)) c.set("submissionRejected", true);
    const answer = await submitMessage(deps, c.get("site"), body, {
      idempotencyKey: c.req.header("idempotency-key"),
      origin: c.req.header("origin"),
    });
    return c.json(answer.body, answer.status);
  });

  return app;
}

function refererOrigin(referer: string | undefined): string | undefined {
  try {
    return referer ? new URL(referer).origin : undefined;
  } catch {
    return undefined;
  }
}
