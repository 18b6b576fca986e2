import { Hono } from "hono";
import type { Db } from "../db/client.ts";
import { findSiteByKey } from "../sites/sites.ts";
import { identitySecretOf, rotateIdentitySecret } from "../customers/identity-secret.ts";
import { identitySignature } from "../customers/shop-context.ts";
import type { Clock } from "../clock.ts";

/**
 * The demo shop's "backend" for `demo-site/identified.html`: signs the demo customer Jane's id with the
 * demo site's identity secret, as a real shop's server would when rendering a signed-in page. With
 * `?forged=1` on the page, the script sends a wrong signature instead. Demo site only.
 */
export function demoIdentity(deps: { db: Db; clock: Clock }) {
  const app = new Hono();
  app.get("/demo/identity.js", async (c) => {
    const site = await findSiteByKey(deps.db, "demo");
    if (!site) return c.notFound();
    const secret = (await identitySecretOf(deps.db, site.id)) ?? (await rotateIdentitySecret(deps.db, site.id, deps.clock.now()));
    const jane = { id: "demo-jane", name: "Jane Doe", email: "jane@example.com", phone: "+1 415 555 0142", since: "2022-03-01", orders: 12 };
    const signature = identitySignature(secret, jane.id);
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-store");
    return c.body(`// Written by the shop's server for a signed-in customer (see the README, "Know your customers").
var jane = ${JSON.stringify(jane)};
jane.signature = /forged/.test(location.search) ? "${"0".repeat(64)}" : "${signature}";
Beckon("identify", jane);
Beckon("context", { order: "1042", cart: "$64.00", plan: "Plant club" });
`);
  });
  return app;
}
