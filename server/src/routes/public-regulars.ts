import { Hono } from "hono";
import type { Db } from "../db/client.ts";
import { readShopperBody } from "./shopper-input.ts";
import type { SiteVars } from "../http/site-access.ts";
import { historyInput, shopperHistory } from "../customers/shopper-history.ts";

/** Issue #12 on the public API: a verified shopper's own earlier conversations ("Your messages"). */
export function publicRegulars(deps: { db: Db }) {
  const app = new Hono<SiteVars>();
  // POST with a text/plain body: the signature stays out of URLs and logs, and no CORS preflight.
  app.post("/sites/:site/history", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await shopperHistory(deps.db, c.get("site"), await readShopperBody(c, historyInput, { localized: false }), c.req.query("tz")));
  });
  return app;
}
