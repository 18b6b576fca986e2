import { Hono } from "hono";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { AdminVars } from "../http/session.ts";
import { memberSite } from "../accounts/accounts.ts";
import { readBody } from "../http/json-body.ts";
import { validationFailed } from "../http/validation.ts";
import { REPORT_DAYS, siteReport } from "../reports/reports.ts";
import { setWeeklySummary, weeklySummaryWanted } from "../reports/weekly-summary.ts";

const weeklyInput = z.object({ enabled: z.boolean() });

/** A site's reports (owners and members) and each person's own weekly summary choice. */
export function reportRoutes(deps: { db: Db; clock: Clock }) {
  const app = new Hono<AdminVars>();
  const { db } = deps;
  const userId = (c: { get(k: "session"): { user: { id: number } } }) => c.get("session").user.id;

  app.get("/sites/:site/reports", async (c) => {
    const site = await memberSite(db, userId(c), c.req.param("site"));
    const days = Number(c.req.query("days") ?? 7);
    if (!REPORT_DAYS.includes(days as never)) throw validationFailed({ days: `Choose ${REPORT_DAYS.join(", ")} days.` });
    const report = await siteReport(db, site, days, deps.clock.now());
    return c.json({ report, weeklySummary: await weeklySummaryWanted(db, site.id, userId(c)) });
  });
  app.put("/sites/:site/weekly-summary", async (c) => {
    const site = await memberSite(db, userId(c), c.req.param("site"));
    const { enabled } = await readBody(c, weeklyInput);
    await setWeeklySummary(deps, site.id, userId(c), enabled);
    return c.json({ weeklySummary: enabled });
  });
  return app;
}
