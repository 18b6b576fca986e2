import { Hono } from "hono";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { ApiError } from "../http/errors.ts";
import type { AdminVars } from "../http/session.ts";
import { memberSite, requireOwner } from "../accounts/accounts.ts";
import { mergeCustomers, mergeInput, requestSuggestions, setVip, splitRequest, vipInput } from "../customers/customer-merge.ts";
import { readBody } from "../http/json-body.ts";
import { identitySecretMadeAt, rotateIdentitySecret } from "../customers/identity-secret.ts";

/** Issue #12 for owners: the identity secret, VIP, merging and splitting customers, suggested matches. */
export function regularsRoutes(deps: ChangeDeps) {
  const { db, clock } = deps;
  const app = new Hono<AdminVars>();
  const user = (c: { get(k: "session"): { user: { id: number } } }) => c.get("session").user.id;
  const customerId = (raw: string) => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id)) throw new ApiError(404, "not_found", "There is no such customer in your sites.");
    return id;
  };

  app.get("/sites/:site/identity-secret", async (c) => {
    const site = await memberSite(db, user(c), c.req.param("site"));
    const at = await identitySecretMadeAt(db, site.id);
    return c.json({ createdAt: at?.toISOString() ?? null });
  });
  // The secret is shown in this answer only; making a new one stops the old one at once.
  app.post("/sites/:site/identity-secret", async (c) => {
    const site = await memberSite(db, user(c), c.req.param("site"));
    requireOwner(site, "make the identity secret");
    const now = clock.now();
    return c.json({ secret: await rotateIdentitySecret(db, site.id, now), createdAt: now.toISOString() }, 201);
  });

  app.put("/customers/:id/vip", async (c) => c.json(await setVip(deps, user(c), customerId(c.req.param("id")), await readBody(c, vipInput))));
  app.post("/customers/:id/merge", async (c) => c.json(await mergeCustomers(deps, user(c), customerId(c.req.param("id")), await readBody(c, mergeInput))));
  app.post("/requests/:id/split", async (c) => c.json(await splitRequest(deps, user(c), c.req.param("id"))));
  app.get("/requests/:id/suggestions", async (c) => c.json({ customers: await requestSuggestions(db, user(c), c.req.param("id")) }));
  return app;
}
