import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox, reminders, requests } from "../db/schema.ts";
import { signLink } from "../callbacks/shopper-links.ts";
import type { SiteSettingsInput } from "../sites/site-settings.ts";
import { createHarness, LINK_SECRET, OWNER_PHONE, post, postFromTwilio, PUBLIC_URL, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(async () => h?.close());

const on = (over: Partial<SiteSettingsInput["shopperSms"]> = {}) => ({ shopperSms: { enabled: true, dailyCap: 20, countries: [], ...over } }) as Partial<SiteSettingsInput>;
const callback = async (body: Record<string, unknown>) => (await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Jane Doe", phone: "+14155550123", consent: true, ...body })).json()).id as string;
const shopperTexts = async () => (await h.db.select().from(outbox).where(eq(outbox.audience, "shopper"))).filter((r) => r.channel === "sms");

describe("texts to shoppers", () => {
  it("confirms a call-back only with consent, with a signed link to cancel it", async () => {
    h = await createHarness({ settings: on() });
    const id = await callback({ when: "2026-11-23T19:00:00Z" });
    await callback({ consent: false, phone: "+14155550124" });
    const texts = await shopperTexts();
    expect(texts).toHaveLength(1);
    expect(texts[0]!.recipient).toBe("+14155550123");
    const text = (texts[0]!.payload as { text: string }).text;
    expect(text).toBe(`Test Shop: thanks Jane, we'll call you Mon 23 Nov 14:00 (New York time). To cancel: ${PUBLIC_URL}/c/${signLink(LINK_SECRET, id)}`);
    await h.worker.drain();
    expect(h.twilio.messages.filter((m) => m.to === "+14155550123")).toHaveLength(1);
  });

  it("texts only numbers of allowed countries, and never beyond the daily cap", async () => {
    h = await createHarness({ settings: on({ dailyCap: 2 }) });
    const uk = await callback({ phone: "+447400123456" }); // a UK number on a US shop: stored, not texted
    expect(uk).toBeTruthy();
    expect(await shopperTexts()).toHaveLength(0);
    for (const phone of ["+14155550101", "+14155550102", "+14155550103"]) await callback({ phone });
    expect((await shopperTexts()).map((t) => t.recipient)).toEqual(["+14155550101", "+14155550102"]);
    await h.close();
    h = await createHarness({ settings: on({ countries: ["GB"] }) });
    await callback({ phone: "+447400123456" });
    expect((await shopperTexts()).map((t) => t.recipient)).toEqual(["+447400123456"]);
  });

  it("never texts premium-rate, toll-free or fixed-line numbers, only mobiles", async () => {
    h = await createHarness({ settings: on({ countries: ["US", "GB"] }) });
    for (const phone of ["+19002345678", "+18002345678", "+18885550123", "+442071234567"]) await callback({ phone });
    expect(await shopperTexts()).toHaveLength(0);
    await callback({ phone: "+14152345678" }); // US numbers can be either: texted
    await callback({ phone: "+447400123456" }); // a UK mobile
    expect((await shopperTexts()).map((t) => t.recipient)).toEqual(["+14152345678", "+447400123456"]);
  });

  it("is off by default: nothing goes to a shopper", async () => {
    h = await createHarness();
    await callback({});
    expect(await shopperTexts()).toHaveLength(0);
  });

  it("sends one missed-call notice per request, however many calls are missed", async () => {
    h = await createHarness({ settings: on() });
    const id = await callback({});
    const missed = (sid: string) => postFromTwilio(h, `/webhooks/twilio/voice/status?request=${id}&leg=shopper`, { CallSid: sid, CallStatus: "no-answer" });
    expect((await missed("CA1")).status).toBe(204);
    expect((await missed("CA2")).status).toBe(204);
    const notices = await h.db.select().from(outbox).where(and(eq(outbox.requestId, id), eq(outbox.kind, "missed_call")));
    expect(notices).toHaveLength(1);
    expect((notices[0]!.payload as { text: string }).text).toMatch(/^Test Shop: we tried to call you back, Jane, and missed you\./);
    expect(notices.every((n) => n.recipient !== OWNER_PHONE)).toBe(true);
  });

  it("lets the shopper cancel from the signed link; a tampered link finds nothing", async () => {
    h = await createHarness({ settings: on() });
    const id = await callback({});
    const token = signLink(LINK_SECRET, id);
    const page = await h.app.request(`/c/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("Cancel my call-back");

    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await h.app.request(`/c/${tampered}`)).status).toBe(404);
    expect((await h.app.request(`/c/${tampered}`, { method: "POST" })).status).toBe(404);
    expect((await h.app.request(`/c/${id}.${"x".repeat(32)}`, { method: "POST" })).status).toBe(404);
    expect((await h.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("new");

    const bogus = await h.app.request(`/c/${token}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "action=delete-everything" });
    expect(await bogus.text()).toContain("Nothing changed");
    expect((await h.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("new");
    // An empty post (a link preview, a scanner following the form) must not cancel.
    const empty = await h.app.request(`/c/${token}`, { method: "POST" });
    expect(await empty.text()).toContain("Nothing changed");
    const emptyForm = await h.app.request(`/c/${token}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    expect(await emptyForm.text()).toContain("Nothing changed");
    expect((await h.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("new");
    const done = await h.app.request(`/c/${token}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "action=cancel" });
    expect(await done.text()).toContain("will not call you");
    expect((await h.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("done");
  });

  it("shows the link page like the shop's widget, in the shopper's own time zone, under a strict CSP", async () => {
    h = await createHarness({ settings: { ...on(), accent: "#f5c542", ownerFirstName: "Mara" } });
    const id = await callback({ when: "2026-11-23T19:00:00Z", timeZone: "Europe/London" });
    const [row] = await h.db.select().from(requests).where(eq(requests.id, id));
    expect((row!.fields as { timeZone?: string }).timeZone).toBe("Europe/London");
    const res = await h.app.request(`/c/${signLink(LINK_SECRET, id)}`);
    const text = await res.text();
    // 19:00 UTC is 7:00 PM in London (the shop's own zone would say 2:00 PM).
    expect(text).toContain(">Monday 23 November, 7:00 PM</span>");
    expect(text).toContain("Times are in Europe/London time.");
    expect(text).toContain('<p class="shop-name">Test Shop</p>');
    // The shop's accent with the text colour chosen for it; the one inline style is allowed by its hash, no script is inline.
    const theme = /<style>(.*?)<\/style>/.exec(text)![1]!;
    expect(theme).toBe(":root{--accent:#f5c542;--on-accent:#1a1a1a}");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(`style-src 'self' 'sha256-${createHash("sha256").update(theme).digest("base64")}'`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("unsafe-inline");
    expect(text).not.toMatch(/<script>/);
    expect(text).toContain('<script src="/c/link.js" defer></script>');
    const js = await h.app.request("/c/link.js");
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(await js.text()).toContain("data-at");
    expect((await h.app.request("/c/link.css")).headers.get("content-type")).toContain("text/css");

    // An unknown zone from a widget is dropped: the shop's zone is used.
    const other = await callback({ when: "2026-11-23T19:00:00Z", timeZone: "Nowhere/City", phone: "+14155550125" });
    expect(await (await h.app.request(`/c/${signLink(LINK_SECRET, other)}`)).text()).toContain(">Monday 23 November, 2:00 PM</span>");
  });

  it("lets the shopper move the call to another bookable slot; the reminder moves with it", async () => {
    h = await createHarness({ settings: on() });
    const id = await callback({ when: "2026-11-23T19:00:00Z" });
    const token = signLink(LINK_SECRET, id);
    expect(await (await h.app.request(`/c/${token}`)).text()).toContain("Move my call-back");
    const move = (slot: string) =>
      h.app.request(`/c/${token}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ action: "reschedule", slot }).toString() });
    expect(await (await move("2026-11-24T03:00:00.000Z")).text()).toContain("no longer available"); // 22:00: closed
    expect(await (await move("2026-11-24T15:00:00.000Z")).text()).toContain("will call you at the new time");
    const [row] = await h.db.select().from(requests).where(eq(requests.id, id));
    expect(row!.scheduledFor).toEqual(new Date("2026-11-24T15:00:00.000Z"));
    const [reminder] = await h.db.select().from(reminders).where(and(eq(reminders.requestId, id), eq(reminders.kind, "scheduled_call")));
    expect(reminder).toMatchObject({ dueAt: new Date("2026-11-24T15:00:00.000Z"), status: "pending" });
    const owner = await h.db.select().from(outbox).where(and(eq(outbox.requestId, id), eq(outbox.audience, "owner")));
    expect(owner.map((o) => (o.payload as { text: string }).text)).toContain("Beckon: Jane Doe moved call-back #1 to Tue 24 Nov 10:00.");
  });
});
