import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { Db } from "../db/client.ts";
import { findSiteByKey, type PublicSite, type Site } from "../sites/sites.ts";
import { originAllowed as settingsAllow } from "../sites/widget-origins.ts";
import { ApiError } from "./errors.ts";

export type SiteVars = { Variables: { site: PublicSite } };

/** Loads the site named in the path, or answers 404. */
export function loadSite(db: Db): MiddlewareHandler<SiteVars> {
  return async (c, next) => {
    const site = await findSiteByKey(db, c.req.param("site") ?? "");
    if (!site) throw new ApiError(404, "unknown_site", "There is no site with that key. Check data-site in your snippet.");
    c.set("site", site);
    await next();
  };
}

const originAllowed = (site: Site, origin: string) => settingsAllow(site.settings, origin);

/**
 * The site's allowed origins (none: every origin), enforced twice: CORS headers so browsers on other origins cannot read our
 * answers, and a 403 so they cannot write either (a text/plain POST is sent without a preflight).
 * Requests without an Origin header (servers, curl) pass; rate limits still apply to them.
 */
export function siteCors(): MiddlewareHandler<SiteVars> {
  const headers = cors({
    origin: (origin, c) => (originAllowed(c.get("site"), origin) ? origin : null),
    allowMethods: ["GET", "POST"],
    allowHeaders: ["Content-Type", "Idempotency-Key"],
    maxAge: 7200,
  });
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin && c.req.method !== "OPTIONS" && !originAllowed(c.get("site"), origin)) {
      throw new ApiError(403, "origin_not_allowed", `This site does not accept requests from ${origin}. Add it to the site's allowed origins.`);
    }
    return headers(c, next);
  };
}
