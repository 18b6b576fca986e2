import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { etag } from "hono/etag";
import { rateLimiter } from "hono-rate-limiter";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { clientIp } from "../http/client-ip.ts";
import { ApiError } from "../http/errors.ts";
import { readJsonBody } from "../http/json-body.ts";
import { loadSite, siteCors, type SiteVars } from "../http/site-access.ts";
import { submitCallback, type CallbackDeps } from "../services/callbacks.ts";
import { submitMessage } from "../services/messages.ts";
import { findPhoto, photoUrl } from "../services/site-admin.ts";
import { originAllowed, recordWidgetOrigin, requestOrigin, type SeenCache } from "../services/widget-origins.ts";
import { widgetConfig } from "../services/widget-config.ts";
import { ownerAvailable } from "../services/chat-presence.ts";
import type { EventLog } from "../events/event-log.ts";
import { publicChat } from "./public-chat.ts";

export type PublicApiDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  trustProxy: boolean;
  rateLimits: { ipPer10Min: number; sitePerHour: number };
  mailFrom: { name: string; address: string };
  linkSecret: string;
  onSubmitted: CallbackDeps["onSubmitted"];
  events: EventLog;
  /** After a chat change committed: wake the outbox and the event tail. */
  onChatChanged: () => void;
  keepAliveMs?: number;
};

const MAX_BODY_BYTES = 16 * 1024;

function tooManyRequests(): never {
  throw new ApiError(429, "rate_limited", "Too many requests. Please try again in a few minutes.");
}

/** The widget's API: public config, and the shopper's submissions. */
export function publicApi(deps: PublicApiDeps) {
  const app = new Hono<SiteVars>();
  const perIp = rateLimiter<SiteVars>({
    windowMs: 10 * 60_000,
    limit: deps.rateLimits.ipPer10Min,
    keyGenerator: (c) => `ip:${clientIp(c, deps.trustProxy)}`,
    handler: tooManyRequests,
  });
  const perSite = rateLimiter<SiteVars>({
    windowMs: 60 * 60_000,
    limit: deps.rateLimits.sitePerHour,
    keyGenerator: (c) => `site:${c.get("site").id}`,
    handler: tooManyRequests,
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "That request is too large (16 KB at most).");
    },
  });

  // Every origin that loads the widget is recorded, refused ones too (before the lock answers 403), so
  // the install page can say "Blocked on https://shop.example — allow it?".
  const seen: SeenCache = new Map();
  const noteOrigin: MiddlewareHandler<SiteVars> = async (c, next) => {
    if (c.req.method === "GET" && c.req.path.endsWith("/config")) {
      const site = c.get("site");
      const origin = requestOrigin({ origin: c.req.header("origin"), secFetchSite: c.req.header("sec-fetch-site") }, deps.publicUrl);
      if (origin) await recordWidgetOrigin(deps.db, deps.clock, site.id, origin, originAllowed(site.settings, origin), seen);
    }
    await next();
  };
  app.use("/sites/:site/*", loadSite(deps.db), noteOrigin, siteCors());
  app.route("/", publicChat({ ...deps, startLimits: [perIp, perSite], onChanged: deps.onChatChanged }));

  app.get("/sites/:site/config", etag(), async (c) => {
    const site = c.get("site");
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

  app.post("/sites/:site/callbacks", limitBody, perIp, perSite, async (c) => {
    const answer = await submitCallback(deps, c.get("site"), await readJsonBody(c), {
      idempotencyKey: c.req.header("idempotency-key"),
      origin: c.req.header("origin"),
    });
    return c.json(answer.body, answer.status);
  });

  app.post("/sites/:site/messages", limitBody, perIp, perSite, async (c) => {
    const answer = await submitMessage(deps, c.get("site"), await readJsonBody(c), {
      idempotencyKey: c.req.header("idempotency-key"),
      origin: c.req.header("origin"),
    });
    return c.json(answer.body, answer.status);
  });

  return app;
}
