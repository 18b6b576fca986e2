import { Hono } from "hono";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import { requireCsrfToken, requireSession, type AdminVars } from "../http/session.ts";
import { readBody } from "../http/json-body.ts";
import { memberSite } from "../accounts/accounts.ts";
import { ensureVapidKeys } from "../channels/push/vapid-keys.ts";
import { devicesOf, endpointInput, subscribe, subscribeInput, unsubscribe } from "../channels/push/subscriptions.ts";
import { alertPrefsInput, alertPrefsOf, saveAlertPrefs } from "../channels/push/alert-prefs.ts";
import { acknowledgePush } from "../channels/push/alert-routing.ts";
import { queueTestPush } from "../channels/push/test-push.ts";

export type AdminPushDeps = { db: Db; clock: Clock; pipeline: Pipeline };

const ackInput = z
  .object({ pushId: z.string().trim().max(64).optional(), requestId: z.string().trim().max(64).optional() })
  .refine((v) => v.pushId || v.requestId, { message: "Name the pushId or the requestId.", path: ["pushId"] });

/**
 * `POST /push/ack`, mounted before the session check: the service worker acknowledges a clicked
 * notification by its `pushId` alone (a random id only the device decrypted; the worker has no CSRF
 * token). Acknowledging by `requestId` (the app opened the request) needs the session and its token.
 */
export function pushAckRoute(deps: AdminPushDeps) {
  const app = new Hono<AdminVars>();
  const { db, clock } = deps;
  app.post("/push/ack", async (c) => {
    const body = await readBody(c, ackInput);
    if (body.pushId) return c.json({ acknowledged: await acknowledgePush(db, null, { pushId: body.pushId }, clock.now()) });
    let acknowledged = 0;
    await requireSession(db, clock)(c, async () => {
      await requireCsrfToken()(c, async () => {
        acknowledged = await acknowledgePush(db, c.get("session").user.id, { requestId: body.requestId! }, clock.now());
      });
    });
    return c.json({ acknowledged });
  });
  return app;
}

/** This person's devices for push, their alert preferences per site, and acknowledgments. */
export function pushRoutes(deps: AdminPushDeps) {
  const app = new Hono<AdminVars>();
  const { db, clock } = deps;
  const userId = (c: { get(k: "session"): { user: { id: number } } }) => c.get("session").user.id;

  app.get("/push/key", async (c) => c.json({ publicKey: (await ensureVapidKeys(db, clock)).publicKey }));
  app.get("/push/subscriptions", async (c) => c.json({ devices: await devicesOf(db, userId(c)) }));
  app.post("/push/subscriptions", async (c) => c.json({ device: await subscribe(db, clock, userId(c), await readBody(c, subscribeInput)) }, 201));
  app.delete("/push/subscriptions", async (c) => {
    await unsubscribe(db, userId(c), (await readBody(c, endpointInput)).endpoint);
    return c.body(null, 204);
  });
  app.get("/sites/:site/alert-prefs", async (c) => {
    const site = await memberSite(db, userId(c), c.req.param("site"));
    return c.json({ prefs: await alertPrefsOf(db, site.id, userId(c)), timezone: site.settings.timezone });
  });
  app.put("/sites/:site/alert-prefs", async (c) => {
    const site = await memberSite(db, userId(c), c.req.param("site"));
    return c.json({ prefs: await saveAlertPrefs(db, site.id, userId(c), await readBody(c, alertPrefsInput)), timezone: site.settings.timezone });
  });
  app.post("/sites/:site/push/test", async (c) => {
    const site = await memberSite(db, userId(c), c.req.param("site"));
    return c.json(await queueTestPush(deps, site, userId(c)), 202);
  });
  return app;
}
