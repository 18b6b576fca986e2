import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import { callbackSlots } from "../sites/availability.ts";
import { textOnAccent } from "@beckon/contract/contrast";
import { cancelByShopper, linkedRequest, rescheduleByShopper } from "../callbacks/shopper-cancel.ts";
import { readSettings } from "../sites/site-settings.ts";
import { knownTimeZone } from "../sites/time-zone.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { t } from "../i18n/catalog.ts";
import { formatDate, zoneCity } from "../i18n/dates.ts";
import { intlTag, isRtl, resolveLocale, type Locale } from "../i18n/locales.ts";
import { LINK_CSS, LINK_JS } from "./shopper-link-assets.ts";
import { readFields } from "../intake/request-fields.ts";
import { RATING_SCORES, rateRequest, ratingInput } from "../ratings/ratings.ts";
import { Conflict } from "../domain-errors.ts";

/** The rating form of the link page: the three scores (the one the email link named chosen) and a comment. */
const ratingForm = (locale: Locale, chosen: string | undefined) =>
  html`<form method="post"><fieldset><legend class="visually-hidden">${t(locale, "rating.ask")}</legend>
    ${RATING_SCORES.map(
      (score) => html`<label class="choice"><input type="radio" name="score" value=${score} required ${score === chosen ? "checked" : ""}> ${t(locale, `rating.${score}`)}</label>`,
    )}</fieldset>
    <label for="comment">${t(locale, "rating.comment")}</label>
    <textarea id="comment" name="comment" rows="3" maxlength="1000"></textarea>
    <button type="submit" class="primary">${t(locale, "rating.send")}</button></form>`;

export type ShopperLinkDeps = { db: Db; clock: Clock; linkSecret: string; pipeline: Pipeline };

type Row = NonNullable<Awaited<ReturnType<typeof linkedRequest>>>;
type Shop = Pick<Row["site"], "key" | "name" | "settings" | "photoUpdatedAt">;

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

/**
 * The page behind the link in a shopper's confirmation text: what they asked for, a button to
 * cancel it and a list to move it. The signed token is the only key; a tampered one finds nothing.
 * It looks like the shop's widget (accent, name, photo), is made for a phone first, and shows
 * times in the shopper's own zone: the one their widget sent, then the browser's (link.js). It speaks
 * the shopper's language (the one their request recorded, else the shop's default).
 */
export function shopperLink(deps: ShopperLinkDeps) {
  const app = new Hono();

  const asset = (type: string, body: string) => (c: Context) => {
    c.header("Content-Type", type);
    c.header("Cache-Control", "public, max-age=3600");
    c.header("X-Content-Type-Options", "nosniff");
    return c.body(body);
  };
  // Registered before /c/:token, which would otherwise take these names as tokens.
  app.get("/c/link.css", asset("text/css; charset=utf-8", LINK_CSS));
  app.get("/c/link.js", asset("text/javascript; charset=utf-8", LINK_JS));

  const page = (c: Context, locale: Locale, status: 200 | 404 | 409, title: string, body: ReturnType<typeof html>, shop?: Shop) => {
    const s = shop && readSettings(shop.settings);
    // The shop's colours are the one inline thing, allowed by their hash (no 'unsafe-inline').
    const theme = `:root{--accent:${s?.accent ?? "#1f6f5c"};--on-accent:${textOnAccent(s?.accent ?? "#1f6f5c").color}}`;
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'self' 'sha256-${sha256(theme)}'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    const photo = shop?.photoUpdatedAt ? `/api/v1/sites/${encodeURIComponent(shop.key)}/photo?v=${shop.photoUpdatedAt.getTime()}` : null;
    return c.html(
      html`<!doctype html><html lang="${intlTag(locale)}" dir="${isRtl(locale) ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>${title}</title><link rel="stylesheet" href="/c/link.css"><style>${theme}</style>
        <script src="/c/link.js" defer></script></head><body>
        ${shop
          ? html`<header class="shop">${photo ? html`<img class="photo" src=${photo} alt="" width="48" height="48">` : ""}
              <div><p class="shop-name">${shop.name}</p>${s?.ownerFirstName ? html`<p class="shop-by">${s.ownerFirstName}${s.trustLine ? ` · ${s.trustLine}` : ""}</p>` : ""}</div></header>`
          : ""}
        <main><h1>${title}</h1>${body}</main></body></html>`,
      status,
    );
  };

  const load = (token: string) => linkedRequest(deps.db, deps.linkSecret, token);
  const notFound = (c: Context) => {
    const locale = resolveLocale(c.req.header("accept-language"));
    return page(c, locale, 404, t(locale, "link.not_found_title"), html`<p>${t(locale, "link.not_found_body")}</p>`);
  };
  const localeOf = (row: Row) => shopperLocale(readSettings(row.site.settings), row.request.locale);

  app.get("/c/:token", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const settings = readSettings(row.site.settings);
    const locale = localeOf(row);
    const fields = readFields(row.request);
    // The shopper's zone as their widget told us; else the shop's. The page's script then uses the browser's.
    const zone = knownTimeZone(fields.kind === "callback" ? fields.timeZone : undefined) ?? settings.timezone;
    const long = (d: Date) => formatDate(d, locale, zone, "long");
    const at = (d: Date) => html`<span data-at=${d.toISOString()}>${long(d)}</span>`;
    const zoneNote = html`<p class="zone" data-zone-note="${t(locale, "link.your_zone")}">${t(locale, "link.zone_note", { city: zoneCity(zone) })}</p>`;
    if (row.request.status === "done") return page(c, locale, 200, t(locale, "link.closed_title"), html`<p>${t(locale, "link.closed_body")}</p>`, row.site);
    const slots = callbackSlots(settings, deps.clock.now());
    const when = row.request.scheduledFor;
    return page(
      c,
      locale,
      200,
      t(locale, "link.title"),
      html`<p>${t(locale, "link.will_call", { site: row.site.name })}</p>
        <p class="when">${when ? at(when) : t(locale, "link.asap")}</p>
        ${when || slots.length ? zoneNote : ""}
        ${slots.length
          ? html`<form method="post"><input type="hidden" name="action" value="reschedule">
              <label for="slot">${t(locale, "link.move_label")}</label>
              <select id="slot" name="slot">${slots.map((d) => html`<option value=${d.toISOString()} data-at=${d.toISOString()}>${long(d)}</option>`)}</select>
              <button type="submit" class="primary">${t(locale, "link.move_button")}</button></form><hr>`
          : ""}
        <form method="post"><input type="hidden" name="action" value="cancel"><button type="submit" class="secondary">${t(locale, "link.cancel_button")}</button></form>`,
      row.site,
    );
  });

  app.post("/c/:token", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const form = await c.req.parseBody();
    const locale = localeOf(row);
    const say = (title: string, body: string) => page(c, locale, 200, title, html`<p>${body}</p>`, row.site);
    const site = row.site.name;
    if (form.action === "reschedule") {
      const moved = await rescheduleByShopper(deps, row, String(form.slot ?? ""));
      if (!moved) return say(t(locale, "link.taken_title"), t(locale, "link.taken_body"));
      return say(t(locale, "link.moved_title"), t(locale, "link.moved_body", { site }));
    }
    // Only an explicit cancel cancels: an empty or unknown post (a link preview, a bot) changes nothing.
    if (form.action !== "cancel") return say(t(locale, "link.nothing_title"), t(locale, "link.nothing_body"));
    await cancelByShopper(deps, row.request);
    return say(t(locale, "link.cancelled_title"), t(locale, "link.cancelled_body", { site }));
  });

  // Issue #14: "How did we do?" from the transcript email. Opening the link only shows the form (a mail
  // scanner or a link preview must not rate); the shopper's own post records it, once.
  app.get("/c/:token/rate", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const locale = localeOf(row);
    const chosen = c.req.query("score");
    return page(c, locale, 200, t(locale, "rating.ask"), ratingForm(locale, chosen), row.site);
  });
  app.post("/c/:token/rate", async (c) => {
    const row = await load(c.req.param("token"));
    if (!row) return notFound(c);
    const locale = localeOf(row);
    const form = await c.req.parseBody();
    const input = ratingInput.safeParse({ score: form.score, comment: typeof form.comment === "string" ? form.comment : undefined });
    if (!input.success) return page(c, locale, 200, t(locale, "rating.ask"), ratingForm(locale, undefined), row.site);
    try {
      await rateRequest(deps, row.request, input.data, "email");
    } catch (err) {
      if (!(err instanceof Conflict)) throw err;
      const key = err.code === "not_done" ? "rating.not_done" : "rating.already";
      return page(c, locale, 409, t(locale, "rating.ask"), html`<p>${t(locale, key)}</p>`, row.site);
    }
    return page(c, locale, 200, t(locale, "rating.thanks"), html``, row.site);
  });

  return app;
}
