import { and, count, eq, isNull, ne } from "drizzle-orm";
import { Hono } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { requests } from "../db/schema.ts";
import { ApiError } from "../http/errors.ts";
import type { AdminVars } from "../http/session.ts";
import type { SmsSender } from "../notify/sms.ts";
import { addMember, createSite, memberSite, membersOf, sitesOf, type MemberSite } from "../services/accounts.ts";
import type { EventLog } from "../events/event-log.ts";
import { eventStream } from "../events/event-stream.ts";
import { INBOX_TOPIC } from "../events/inbox-events.ts";
import { INBOX_PRESENCE_MS, markInboxOpen } from "../services/chat-presence.ts";
import { listRequests, requestSummary } from "../services/inbox.ts";
import { deletePhoto, installInfo, MAX_PHOTO_BYTES, savePhoto, siteSettingsView, updateSiteSettings } from "../services/site-admin.ts";
import { sendTestSms } from "../services/test-sms.ts";

export type SiteRouteDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  events: EventLog;
  sms: SmsSender | undefined;
  log: Pick<Console, "info" | "error">;
  /** How often an open event stream sends a keep-alive comment. */
  keepAliveMs?: number;
};

type SiteVars = AdminVars & { Variables: { site: MemberSite } };

/** Everything scoped to one of the owner's sites: inbox, live events, settings, install, people. */
export function siteRoutes(deps: SiteRouteDeps) {
  const app = new Hono<SiteVars>();
  const { db, clock } = deps;

  app.get("/sites", async (c) => {
    const mine = await sitesOf(db, c.get("session").user.id);
    const withCounts = await Promise.all(
      mine.map(async (s) => {
        const [open] = await db.select({ n: count() }).from(requests).where(and(eq(requests.siteId, s.id), ne(requests.status, "done"), isNull(requests.spamAt)));
        return { key: s.key, name: s.name, role: s.role, openCount: open!.n };
      }),
    );
    return c.json({ sites: withCounts });
  });
  app.post("/sites", async (c) => c.json({ site: await createSite(db, c.get("session").user.id, await c.req.json().catch(() => null)) }, 201));

  app.use("/sites/:site/*", async (c, next) => {
    c.set("site", await memberSite(db, c.get("session").user.id, c.req.param("site") ?? ""));
    await next();
  });

  app.get("/sites/:site/requests", async (c) => c.json(await listRequests(db, c.get("site").id, c.req.query())));

  // Live inbox: every request created or changed on this site, from any server process, resumable.
  app.get("/sites/:site/events", (c) =>
    eventStream(c, {
      log: deps.events,
      filter: { siteId: c.get("site").id, topic: INBOX_TOPIC },
      keepAliveMs: deps.keepAliveMs ?? 25_000,
      // While an inbox is open, the widget may offer chat as live.
      heartbeat: { everyMs: INBOX_PRESENCE_MS / 3, beat: () => markInboxOpen(db, c.get("site").id, clock.now()) },
      render: async (event) => {
        const summary = await requestSummary(db, String(event.data.requestId));
        return summary ? { event: event.type, data: summary } : null;
      },
    }),
  );

  app.get("/sites/:site/settings", async (c) => c.json(await siteSettingsView(db, deps.publicUrl, c.get("site"))));
  app.put("/sites/:site/settings", async (c) => {
    const updated = await updateSiteSettings(db, c.get("site"), await c.req.json().catch(() => null));
    return c.json(await siteSettingsView(db, deps.publicUrl, updated));
  });

  app.put("/sites/:site/photo", async (c) => {
    const length = Number(c.req.header("content-length") ?? 0);
    if (length > MAX_PHOTO_BYTES) throw new ApiError(413, "payload_too_large", "The photo must be 256 KB or smaller.");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    await savePhoto(db, clock, c.get("site"), type, await c.req.arrayBuffer());
    return c.json(await siteSettingsView(db, deps.publicUrl, c.get("site")));
  });
  app.delete("/sites/:site/photo", async (c) => {
    await deletePhoto(db, c.get("site"));
    return c.body(null, 204);
  });

  // The button sends a real SMS each press; a few an hour is plenty for checking alerts work.
  const testSmsLimit = rateLimiter<SiteVars>({
    windowMs: 60 * 60_000,
    limit: 5,
    keyGenerator: (c) => `test-sms:${c.get("site").id}`,
    handler: () => {
      throw new ApiError(429, "rate_limited", "That's enough test messages for now. Try again in an hour.");
    },
  });
  app.post("/sites/:site/test-sms", testSmsLimit, async (c) => c.json(await sendTestSms(deps.sms, c.get("site"), deps.log)));

  app.get("/sites/:site/install", async (c) => c.json(await installInfo(db, deps.publicUrl, c.get("site"))));

  app.get("/sites/:site/members", async (c) => c.json({ members: await membersOf(db, c.get("site").id) }));
  app.post("/sites/:site/members", async (c) =>
    c.json({ members: await addMember(db, c.get("site"), await c.req.json().catch(() => null)) }, 201),
  );

  return app;
}
