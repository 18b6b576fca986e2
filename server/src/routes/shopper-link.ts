import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { DateTime } from "luxon";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { EventLog } from "../events/event-log.ts";
import { publishInboxEvent } from "../events/inbox-events.ts";
import { callbackSlots } from "../services/availability.ts";
import { cancelByShopper, linkedRequest, rescheduleByShopper } from "../services/shopper-cancel.ts";
import { readSettings } from "../services/site-settings.ts";

export type ShopperLinkDeps = { db: Db; clock: Clock; linkSecret: string; events: EventLog; log: Pick<Console, "error"> };

const CSP = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The page behind the link in a shopper's confirmation text: what they asked for, and a button to
 * cancel it. The signed token is the only key; a tampered one finds nothing.
 */
export function shopperLink(deps: ShopperLinkDeps) {
  const app = new Hono();

  const page = (c: Context, status: 200 | 404, title: string, body: ReturnType<typeof html>) => {
    c.header("Content-Security-Policy", CSP);
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    return c.html(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
      status,
    );
  };

  const load = (token: string) => linkedRequest(deps.db, deps.linkSecret, token);
  const notFound = (c: Context) => page(c, 404, "This link does not work", html`<p>It may have been mistyped. Contact the shop directly.</p>`);

  app.get("/c/:token", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const settings = readSettings(row.site.settings);
    const zone = settings.timezone;
    const when = row.request.scheduledFor ? `at ${DateTime.fromJSDate(row.request.scheduledFor).setZone(zone).toFormat("cccc d LLLL, HH:mm")} (${zone.replace(/_/g, " ")} time)` : "as soon as they can";
    if (row.request.status === "done") return page(c, 200, `${row.site.name}: call-back closed`, html`<p>This call-back request is closed. Nothing more to do.</p>`);
    const slots = callbackSlots(settings, deps.clock.now());
    return page(
      c,
      200,
      `${row.site.name}: your call-back`,
      html`<p>${row.site.name} will call you ${when}.</p>
        <form method="post"><input type="hidden" name="action" value="cancel"><button type="submit">Cancel my call-back</button></form>
        ${slots.length
          ? html`<form method="post"><input type="hidden" name="action" value="reschedule">
              <p><label for="slot">Or pick another time (${zone.replace(/_/g, " ")} time)</label><br>
              <select id="slot" name="slot">${slots.map((d) => html`<option value=${d.toISOString()}>${DateTime.fromJSDate(d).setZone(zone).toFormat("cccc d LLLL, HH:mm")}</option>`)}</select></p>
              <button type="submit">Move my call-back</button></form>`
          : ""}`,
    );
  });

  app.post("/c/:token", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const form = await c.req.parseBody();
    if (form.action === "reschedule") {
      const moved = await rescheduleByShopper(deps.db, deps.clock, row, String(form.slot ?? ""));
      if (!moved) return page(c, 200, `${row.site.name}: that time is taken`, html`<p>That time is no longer available. Go back and pick another.</p>`);
      publishInboxEvent(deps.events, deps.log, "request.updated", row.request.siteId, row.request.id);
      return page(c, 200, `${row.site.name}: call-back moved`, html`<p>Done: ${row.site.name} will call you at the new time.</p>`);
    }
    // Only an explicit cancel cancels: an empty or unknown post (a link preview, a bot) changes nothing.
    if (form.action !== "cancel") return page(c, 200, "Nothing changed", html`<p>That did not work. Go back and try again.</p>`);
    if (row.request.status !== "done") {
      await cancelByShopper(deps.db, deps.clock, row.request);
      publishInboxEvent(deps.events, deps.log, "request.updated", row.request.siteId, row.request.id);
    }
    return page(c, 200, `${row.site.name}: call-back cancelled`, html`<p>Done: ${row.site.name} will not call you for this request.</p>`);
  });

  return app;
}
