import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Pipeline } from "../pipeline/commit.ts";
import { Hono, type Context, type Next } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { requests } from "../db/schema.ts";
import { ApiError } from "../http/errors.ts";
import { createCounters } from "../rate-limit/counters.ts";
import { rateLimited, waitWords } from "../rate-limit/submission-limits.ts";
import type { AdminVars } from "../http/session.ts";
import type { SmsSender } from "../channels/sms/sms.ts";
import { createSite, memberSite, newSiteInput, requireOwner, sitesOf, type MemberSite } from "../accounts/accounts.ts";
import { parsePhone } from "../customers/phone.ts";
import { provedBy, requestPhoneUse, type PhoneDeps } from "../accounts/phone-verification.ts";
import { changeRole, invite, inviteInput, membersOf, myAlertPhone, pendingInvites, removeMember, revokeInvite, roleInput, stopMyAlerts } from "../accounts/team.ts";
import { readBody } from "../http/json-body.ts";
import { z } from "zod";
import { validationFailed } from "../http/validation.ts";
import type { EventLog } from "../events/event-log.ts";
import { eventStream } from "../events/event-stream.ts";
import { INBOX_TOPIC } from "../events/inbox-events.ts";
import { INBOX_PRESENCE_MS, markInboxOpen } from "../chat/chat-presence.ts";
import { listRequests, requestSummary } from "../inbox/inbox.ts";
import { deletePhoto, installInfo, MAX_PHOTO_BYTES, savePhoto, settingsUpdateBody, siteSettingsView, updateSiteSettings } from "../sites/site-admin.ts";
import { sendTestSms } from "../sites/test-sms.ts";

export type SiteRouteDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  events: EventLog;
  sms: SmsSender | undefined;
  log: Pick<Console, "info" | "error">;
  mailFrom: { name: string; address: string };
  phones: PhoneDeps;
  /** How often an open event stream sends a keep-alive comment. */
  keepAliveMs?: number;
  /** Nudges the outbox after an invitation is queued. */
  pipeline: Pipeline;
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
        const [open] = await db.select({ n: count() }).from(requests).where(and(eq(requests.siteId, s.id), inArray(requests.status, ["new", "in_progress"]), isNull(requests.spamAt)));
        return { key: s.key, name: s.name, role: s.role, openCount: open!.n };
      }),
    );
    return c.json({ sites: withCounts });
  });
  app.post("/sites", async (c) => c.json(await createSite(deps.phones, c.get("session").user.id, await readBody(c, newSiteInput)), 201));

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
        // Announced, never stored (chat/chat-live.ts): "is typing" and "read", passed on as they are.
        if (event.type.startsWith("chat.")) return { event: event.type, data: event.data };
        const summary = await requestSummary(db, String(event.data.requestId));
        return summary ? { event: event.type, data: summary } : null;
      },
    }),
  );

  app.get("/sites/:site/settings", async (c) => c.json(await siteSettingsView(db, deps.publicUrl, c.get("site"))));
  app.put("/sites/:site/settings", async (c) => {
    const userId = c.get("session").user.id;
    const updated = await updateSiteSettings(db, c.get("site"), await readBody(c, settingsUpdateBody), (phone) => provedBy(deps.phones, userId, phone));
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

  // The button sends a real SMS each press; a few an hour is plenty for checking alerts work. Counted in
  // the database, so every process on it shares the budget.
  const counters = createCounters(db);
  const testSmsLimit = async (c: Context<SiteVars>, next: Next) => {
    const wait = await counters.hit([{ key: `test-sms:${c.get("site").id}`, limit: 5, windowMs: 60 * 60_000 }], clock.now());
    if (wait !== null) throw rateLimited(wait, `That's enough test messages for now. Try again in ${waitWords(wait)}.`);
    await next();
  };
  const ownersOnly = (doing: string) => async (c: Context<SiteVars>, next: Next) => {
    requireOwner(c.get("site"), doing);
    await next();
  };
  app.post("/sites/:site/test-sms", ownersOnly("send test messages"), testSmsLimit, async (c) => c.json(await sendTestSms(deps.sms, c.get("site"), deps.log)));

  const phoneBody = z.object({ phone: z.string().catch("") });
  // A number gets alerts only once its holder proves it with a texted code (one already proved by this account applies at once).
  const phoneOf = async (c: Context<SiteVars>) => {
    const input = await readBody(c, phoneBody);
    const phone = parsePhone(input.phone.slice(0, 40), c.get("site").settings.phoneCountry);
    if (!phone.ok) throw validationFailed({ phone: phone.message });
    return phone.e164;
  };
  app.post("/sites/:site/alert-phone", ownersOnly("change where alerts go"), async (c) =>
    c.json(await requestPhoneUse(deps.phones, c.get("session").user.id, await phoneOf(c), { kind: "site_alerts", siteIds: [c.get("site").id] })),
  );
  app.post("/sites/:site/my-alerts", async (c) =>
    c.json(await requestPhoneUse(deps.phones, c.get("session").user.id, await phoneOf(c), { kind: "my_alerts", siteId: c.get("site").id })),
  );
  app.delete("/sites/:site/my-alerts", async (c) => {
    await stopMyAlerts(db, c.get("site").id, c.get("session").user.id);
    return c.body(null, 204);
  });

  app.get("/sites/:site/install", async (c) => c.json(await installInfo(db, deps.publicUrl, c.get("site"))));

  const team = async (c: Context<SiteVars>) => {
    const site = c.get("site");
    return {
      members: await membersOf(db, site.id),
      invites: site.role === "owner" ? await pendingInvites(db, clock, site.id) : [],
      myAlertPhone: await myAlertPhone(db, site.id, c.get("session").user.id),
    };
  };
  app.get("/sites/:site/members", async (c) => c.json(await team(c)));
  // People join by invitation only; the answer is the same whether or not the address has an account.
  app.post("/sites/:site/members", async (c) => {
    const { email } = await invite({ db, clock, pipeline: deps.pipeline, publicUrl: deps.publicUrl, mailFrom: deps.mailFrom }, c.get("site"), c.get("session").user, await readBody(c, inviteInput));
    return c.json({ invited: email, ...(await team(c)) }, 201);
  });
  app.patch("/sites/:site/members/:user", async (c) => {
    await changeRole(db, c.get("site"), Number(c.req.param("user")), await readBody(c, roleInput));
    return c.json(await team(c));
  });
  app.delete("/sites/:site/members/:user", async (c) => {
    await removeMember(db, c.get("site"), Number(c.req.param("user")));
    return c.json(await team(c));
  });
  app.delete("/sites/:site/invites/:id", async (c) => {
    await revokeInvite(db, clock, c.get("site"), Number(c.req.param("id")));
    return c.json(await team(c));
  });

  return app;
}
