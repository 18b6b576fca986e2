import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import type { AdminVars } from "../http/session.ts";
import { memberSite, requireOwner, type MemberSite } from "../accounts/accounts.ts";
import type { AddressPolicy } from "../channels/webhook/endpoint-address.ts";
import { readBody } from "../http/json-body.ts";
import { createEndpoint, createEndpointInput, deleteEndpoint, deliveryLog, listEndpoints, MAX_ENDPOINTS, resendDelivery, rotateSecret, updateEndpoint, updateEndpointInput } from "../webhooks/endpoints.ts";
import { WEBHOOK_EVENTS } from "../webhooks/event-types.ts";
import { createToken, createTokenInput, listTokens, revokeToken } from "../owner-api/tokens.ts";

export type AdminWebhookDeps = { db: Db; clock: Clock; webhookPolicy: AddressPolicy; pipeline: Pipeline };

type Vars = AdminVars & { Variables: { site: MemberSite } };

/** The owner's webhook endpoints and delivery log (owners only), and their personal API tokens. */
export function webhookRoutes(deps: AdminWebhookDeps) {
  const app = new Hono<Vars>();
  const { db, clock } = deps;
  const service = { db, clock, policy: deps.webhookPolicy };
  const userId = (c: { get(k: "session"): { user: { id: number } } }) => c.get("session").user.id;

  app.use("/sites/:site/webhooks", async (c, next) => {
    const site = await memberSite(db, userId(c), c.req.param("site") ?? "");
    requireOwner(site, "manage webhooks");
    c.set("site", site);
    await next();
  });
  app.use("/sites/:site/webhooks/*", async (c, next) => {
    const site = await memberSite(db, userId(c), c.req.param("site") ?? "");
    requireOwner(site, "manage webhooks");
    c.set("site", site);
    await next();
  });

  const events = Object.entries(WEBHOOK_EVENTS).map(([type, description]) => ({ type, description }));
  app.get("/sites/:site/webhooks", async (c) => {
    const siteId = c.get("site").id;
    return c.json({ endpoints: await listEndpoints(db, siteId), deliveries: await deliveryLog(db, siteId), events, maxEndpoints: MAX_ENDPOINTS });
  });
  app.post("/sites/:site/webhooks", async (c) => c.json(await createEndpoint(service, c.get("site").id, userId(c), await readBody(c, createEndpointInput)), 201));
  app.patch("/sites/:site/webhooks/:id", async (c) =>
    c.json({ endpoint: await updateEndpoint(service, c.get("site").id, Number(c.req.param("id")), await readBody(c, updateEndpointInput)) }),
  );
  app.post("/sites/:site/webhooks/:id/secret", async (c) => c.json(await rotateSecret(db, c.get("site").id, Number(c.req.param("id")))));
  app.delete("/sites/:site/webhooks/:id", async (c) => {
    await deleteEndpoint(db, c.get("site").id, Number(c.req.param("id")));
    return c.body(null, 204);
  });
  app.get("/sites/:site/webhooks/:id/deliveries", async (c) => c.json({ deliveries: await deliveryLog(db, c.get("site").id, Number(c.req.param("id"))) }));
  app.post("/sites/:site/webhooks/deliveries/:delivery/resend", async (c) => {
    return c.json(await resendDelivery(deps, c.get("site").id, Number(c.req.param("delivery"))), 202);
  });

  app.get("/api-tokens", async (c) => c.json(await listTokens(db, userId(c))));
  app.post("/api-tokens", async (c) => c.json(await createToken(db, clock, userId(c), await readBody(c, createTokenInput)), 201));
  app.delete("/api-tokens/:id", async (c) => {
    await revokeToken(db, clock, userId(c), Number(c.req.param("id")));
    return c.body(null, 204);
  });
  return app;
}
